import { TestClock } from './support/test-clock';

// Whatever a test did with its clock, and whether it passed or failed, the next starts in real time.
afterEach(() => TestClock.resetAll());

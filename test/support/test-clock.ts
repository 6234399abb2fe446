import { Clock } from '../../src/common/clock';

/** Real time unless a test sets it; then it moves only when told. */
export class TestClock extends Clock {
  private static readonly all = new Set<TestClock>();
  private fixed: Date | null = null;

  constructor() {
    super();
    TestClock.all.add(this);
  }

  /**
   * Back to real time, every clock of the file: run after each test (test/setup-after-env.ts),
   * so a test that fails half-way never leaves the next one in a shifted time.
   */
  static resetAll(): void {
    for (const clock of TestClock.all) clock.reset();
  }

  now(): Date {
    return this.fixed ? new Date(this.fixed) : new Date();
  }

  set(at: Date | string): void {
    this.fixed = new Date(at);
  }

  advance(ms: number): void {
    this.fixed = new Date(this.now().getTime() + ms);
  }

  reset(): void {
    this.fixed = null;
  }
}

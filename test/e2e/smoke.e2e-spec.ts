import { startTestApp, TestApp } from '../support/test-app';
import { createEvent } from '../support/factories';

describe('smoke', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('serves health and creates an event', async () => {
    await t.http.get('/health').expect(200, { status: 'ok', database: 'up', mail: 'up', outbox: { depth: 0, oldestPendingAgeSeconds: null } });
    const event = await createEvent(t);
    expect(event.status).toBe('published');
    expect(event.slug).toBe('rencontre-regionale-de-la-lutte-contre-la-pauvrete');
  });
});

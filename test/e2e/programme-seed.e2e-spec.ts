import { Clock } from '../../src/common/clock';
import { EventsService } from '../../src/events/events.service';
import { demoEvents } from '../../src/seed/demo-events';
import { seedDemoProgramme } from '../../src/seed/demo-programme';
import { seedDemoStudyDay } from '../../src/seed/demo-study-day';
import { startTestApp, TestApp } from '../support/test-app';

describe('demo programme (npm run seed:demo)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('builds the regional conference’s programme through the API rules, with nothing left to fix', async () => {
    const events = t.app.get(EventsService);
    const conference = await events.create(demoEvents(t.app.get(Clock).now()).conference);
    await events.publish(conference.id);
    await seedDemoProgramme(t.app, conference.id);

    const programme = (await t.http.get(`/api/events/${conference.id}/programme`).expect(200)).body;
    expect(programme.days).toHaveLength(2);
    const sessions = programme.days.flatMap((d: any) => d.slots.flatMap((s: any) => s.sessions));
    const count = (type: string) => sessions.filter((s: any) => s.type === type).length;
    expect([count('plenary'), count('round_table'), count('workshop')]).toEqual([2, 1, 8]);
    const workshopSlots = programme.days.flatMap((d: any) => d.slots).filter((s: any) => s.sessions[0].type === 'workshop');
    expect(workshopSlots.map((s: any) => s.sessions.length)).toEqual([4, 4]);
    const themes = new Set(sessions.filter((s: any) => s.type === 'workshop').flatMap((s: any) => s.themes));
    expect(themes.size).toBeGreaterThanOrEqual(8);

    const speakers = (await t.http.get(`/api/events/${conference.id}/speakers`).expect(200)).body;
    expect(speakers.total).toBe(12);
    const actions = (await t.http.get(`/api/events/${conference.id}/actions`).expect(200)).body;
    expect(actions.total).toBe(8);
    expect(new Set(actions.items.map((a: any) => a.departments[0])).size).toBe(8);

    const checks = (
      await t.http
        .get(`/api/events/${conference.id}/conflicts`)
        .set(await t.auth())
        .expect(200)
    ).body;
    expect(checks.problemCount).toBe(0);
  });

  it('builds the study day with workshops allocated by preference, and keeps the conference first come', async () => {
    const events = t.app.get(EventsService);
    const demo = demoEvents(t.app.get(Clock).now());
    expect(demo.conference.workshopAllocation ?? 'first_come').toBe('first_come');
    const studyDay = await events.create(demo.studyDay);
    await events.publish(studyDay.id);
    await seedDemoStudyDay(t.app, studyDay.id);
    expect(studyDay).toMatchObject({ kind: 'study_day', workshopAllocation: 'preferences' });
    expect(new Date(studyDay.preferencesCloseAt!).getTime()).toBeLessThan(new Date(studyDay.startsAt).getTime());
    const programme = (await t.http.get(`/api/events/${studyDay.id}/programme`).expect(200)).body;
    const workshopSlots = programme.days.flatMap((d: any) => d.slots).filter((s: any) => s.sessions[0].type === 'workshop');
    expect(workshopSlots.map((s: any) => s.sessions.length)).toEqual([2, 2]);
  });
});

import fc from 'fast-check';
import { describeClashes, findSessionClashes, overlaps, ScheduledSession } from './session-conflicts';

const at = (hhmm: string) => new Date(`2027-03-11T${hhmm}:00+01:00`);
const session = (id: string, from: string, to: string, roomId: string | null, speakerIds: string[] = []): ScheduledSession => ({
  id,
  title: `Session ${id}`,
  startsAt: at(from),
  endsAt: at(to),
  roomId,
  speakerIds,
});

describe('findSessionClashes', () => {
  it('finds the session holding the same room at an overlapping time', () => {
    const other = session('a', '09:00', '10:30', 'room-1');
    const clashes = findSessionClashes(session('new', '10:00', '11:00', 'room-1'), [other]);
    expect(clashes).toEqual([{ field: 'roomId', session: other, speakerIds: [] }]);
  });

  it('accepts sessions that only touch (one ends when the other starts)', () => {
    const before = session('a', '09:00', '10:00', 'room-1', ['s1']);
    const after = session('b', '11:00', '12:00', 'room-1', ['s1']);
    expect(findSessionClashes(session('new', '10:00', '11:00', 'room-1', ['s1']), [before, after])).toEqual([]);
  });

  it('ignores other rooms, sessions without room and the candidate itself', () => {
    const elsewhere = session('a', '09:00', '12:00', 'room-2');
    const roomless = session('b', '09:00', '12:00', null);
    const itself = session('new', '09:00', '12:00', 'room-1');
    expect(findSessionClashes(session('new', '10:00', '11:00', 'room-1'), [elsewhere, roomless, itself])).toEqual([]);
    expect(findSessionClashes(session('x', '10:00', '11:00', null), [roomless])).toEqual([]);
  });

  it('finds a speaker already speaking elsewhere, naming only the shared speakers', () => {
    const other = session('a', '09:30', '10:30', 'room-2', ['s1', 's2']);
    const clashes = findSessionClashes(session('new', '10:00', '11:00', 'room-1', ['s2', 's3']), [other]);
    expect(clashes).toEqual([{ field: 'speakerIds', session: other, speakerIds: ['s2'] }]);
  });

  it('reports every clashing session, room clashes first, each in time order', () => {
    const late = session('late', '10:30', '11:30', 'room-1');
    const early = session('early', '09:00', '10:15', 'room-1', ['s1']);
    const clashes = findSessionClashes(session('new', '10:00', '11:00', 'room-1', ['s1']), [late, early]);
    expect(clashes.map((c) => [c.field, c.session.id])).toEqual([
      ['roomId', 'early'],
      ['roomId', 'late'],
      ['speakerIds', 'early'],
    ]);
  });

  it('describes a clash in French with the other session’s title, id and times', () => {
    const other = { ...session('0f1e', '09:00', '10:30', 'room-1', ['s1']), title: 'Atelier X' };
    const errors = describeClashes(findSessionClashes(session('new', '10:00', '11:00', 'room-1', ['s1']), [other]), 'Europe/Paris', new Map([['s1', 'Marie Curie']]));
    expect(errors).toEqual([
      { field: 'roomId', message: 'Salle déjà occupée par « Atelier X » (jeudi 11 mars 2027, 9 h 00 – 10 h 30, id 0f1e)' },
      { field: 'speakerIds', message: 'Marie Curie intervient déjà dans « Atelier X » (jeudi 11 mars 2027, 9 h 00 – 10 h 30, id 0f1e)' },
    ]);
  });

  it('agrees with a brute-force oracle over many random programmes', () => {
    const minute = 60_000;
    const base = at('08:00').getTime();
    const arbSession = (id: string) =>
      fc
        .record({
          start: fc.integer({ min: 0, max: 600 }),
          length: fc.integer({ min: 1, max: 180 }),
          room: fc.option(fc.constantFrom('r1', 'r2', 'r3'), { nil: null }),
          speakers: fc.uniqueArray(fc.constantFrom('s1', 's2', 's3', 's4'), { maxLength: 3 }),
        })
        .map(({ start, length, room, speakers }) => ({
          id,
          title: id,
          startsAt: new Date(base + start * minute),
          endsAt: new Date(base + (start + length) * minute),
          roomId: room,
          speakerIds: speakers,
        }));
    const arbProgramme = fc.integer({ min: 0, max: 25 }).chain((n) => fc.tuple(arbSession('candidate'), fc.tuple(...Array.from({ length: n }, (_, i) => arbSession(`s${i}`)))));

    // The oracle walks every minute: two sessions overlap iff some minute lies in both.
    const sharesAMinute = (a: ScheduledSession, b: ScheduledSession) => {
      for (let t = a.startsAt.getTime(); t < a.endsAt.getTime(); t += minute) {
        if (t >= b.startsAt.getTime() && t < b.endsAt.getTime()) return true;
      }
      return false;
    };
    fc.assert(
      fc.property(arbProgramme, ([candidate, others]) => {
        const got = findSessionClashes(candidate, others);
        const expectedRoom = others.filter((o) => candidate.roomId !== null && o.roomId === candidate.roomId && sharesAMinute(candidate, o)).map((o) => o.id);
        const expectedSpeaker = others.filter((o) => o.speakerIds.some((s) => candidate.speakerIds.includes(s)) && sharesAMinute(candidate, o)).map((o) => o.id);
        expect(
          got
            .filter((c) => c.field === 'roomId')
            .map((c) => c.session.id)
            .sort(),
        ).toEqual(expectedRoom.sort());
        expect(
          got
            .filter((c) => c.field === 'speakerIds')
            .map((c) => c.session.id)
            .sort(),
        ).toEqual(expectedSpeaker.sort());
        for (const a of others) expect(overlaps(a, candidate)).toBe(sharesAMinute(a, candidate));
      }),
      { numRuns: 2000 },
    );
  });
});

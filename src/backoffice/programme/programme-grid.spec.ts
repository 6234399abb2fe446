import { buildDayGrids, eventDays } from './programme-grid';

const room = (id: string) => ({ id, name: `Salle ${id}`, capacity: null });
const session = (id: string, roomId: string | null, from: string, to: string) => ({
  id,
  title: id,
  type: 'workshop',
  startsAt: `2027-03-11T${from}:00+01:00`,
  endsAt: `2027-03-11T${to}:00+01:00`,
  roomId,
  speakerIds: [],
});

describe('the programme grid', () => {
  it('spans a session over the rows of its time, in its room’s column, and leaves covered cells out', () => {
    const [day] = buildDayGrids(
      ['2027-03-11'],
      [session('long', 'a', '09:00', '11:00'), session('b1', 'b', '09:00', '10:00'), session('b2', 'b', '10:00', '11:00')],
      [room('a'), room('b')],
      new Map(),
      'Europe/Paris',
      null,
    );
    expect(day.rows.map((r) => r.label)).toEqual(['9 h 00 – 10 h 00', '10 h 00 – 11 h 00']);
    expect(day.rows[0].cells.map((c) => [c.session?.id, c.rowspan])).toEqual([
      ['long', 2],
      ['b1', 1],
    ]);
    // Row two: room a is covered by "long" (no cell), room b holds b2.
    expect(day.rows[1].cells.map((c) => [c.session?.id, c.rowspan])).toEqual([['b2', 1]]);
  });

  it('leaves an empty cell where a room is free, and lists sessions without a room apart', () => {
    const [day] = buildDayGrids(
      ['2027-03-11'],
      [session('a1', 'a', '09:00', '10:00'), session('b2', 'b', '10:00', '11:00'), session('hall', null, '09:30', '10:30')],
      [room('a'), room('b')],
      new Map(),
      'Europe/Paris',
      'a1',
    );
    expect(day.rows[0].cells.map((c) => c.session?.id ?? null)).toEqual(['a1', null]);
    expect(day.rows[1].cells.map((c) => c.session?.id ?? null)).toEqual([null, 'b2']);
    expect(day.rows[0].cells[0].session?.editing).toBe(true);
    expect(day.roomless.map((s) => s.id)).toEqual(['hall']);
  });

  it('counts the event’s local days', () => {
    expect(eventDays('2027-03-11T09:00:00+01:00', '2027-03-12T17:00:00+01:00', 'Europe/Paris')).toEqual(['2027-03-11', '2027-03-12']);
    expect(eventDays('2027-03-11T09:00:00+01:00', '2027-03-11T17:00:00+01:00', 'Europe/Paris')).toEqual(['2027-03-11']);
  });
});

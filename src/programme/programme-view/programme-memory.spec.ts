import type { Event } from '../../events/event.entity';
import { ProgrammeMemory } from './programme-memory';

const ID = '0b6e8a52-3c1e-4f4f-9a51-2d1f0f4f8c11';
const event = (updatedAt = 1) => ({ id: ID, slug: 'journee', status: 'published', updatedAt: new Date(updatedAt) }) as Event;
const rendering = (text: string) => ({ body: Buffer.from(text), etag: `"${text}"` });

describe('ProgrammeMemory', () => {
  let memory: ProgrammeMemory;
  beforeEach(() => {
    memory = new ProgrammeMemory();
    memory.setListening(true);
  });

  it('keeps a rendering and finds it by id or slug until its event changes', () => {
    memory.keep(event(), 'json', rendering('v1'), memory.mark());
    expect(memory.find(ID)?.json?.etag).toBe('"v1"');
    expect(memory.find(ID.toUpperCase())?.json?.etag).toBe('"v1"');
    expect(memory.find('journee')?.json?.etag).toBe('"v1"');
    memory.changed(ID);
    expect(memory.find(ID)).toBeUndefined();
    expect(memory.find('journee')).toBeUndefined();
  });

  it('never keeps what was read before a change it heard of meanwhile', () => {
    const since = memory.mark();
    memory.changed(ID); // committed while the rendering was being built
    memory.keep(event(), 'json', rendering('stale'), since);
    expect(memory.find(ID)).toBeUndefined();
    memory.keep(event(), 'json', rendering('fresh'), memory.mark());
    expect(memory.find(ID)?.json?.etag).toBe('"fresh"');
  });

  it('keeps nothing while not listening, nor what was read before listening again', () => {
    const since = memory.mark();
    memory.setListening(false);
    memory.keep(event(), 'json', rendering('v1'), memory.mark());
    expect(memory.find(ID)).toBeUndefined();
    memory.setListening(true);
    memory.keep(event(), 'json', rendering('v1'), since);
    expect(memory.find(ID)).toBeUndefined();
  });

  it('holds an event written here as pending until its notification arrives', () => {
    memory.keep(event(), 'json', rendering('v1'), memory.mark());
    memory.writing(ID);
    expect(memory.find(ID)).toBeUndefined();
    memory.keep(event(), 'json', rendering('v2'), memory.mark());
    expect(memory.find(ID)).toBeUndefined();
    memory.changed(ID);
    memory.keep(event(), 'json', rendering('v2'), memory.mark());
    expect(memory.find(ID)?.json?.etag).toBe('"v2"');
  });

  it('drops the other rendering when the event row moved', () => {
    memory.keep(event(1), 'ics', rendering('ics1'), memory.mark());
    memory.keep(event(2), 'json', rendering('json2'), memory.mark());
    expect(memory.find(ID)).toMatchObject({ json: { etag: '"json2"' } });
    expect(memory.find(ID)?.ics).toBeUndefined();
  });
});

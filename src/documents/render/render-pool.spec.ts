import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { compileServer, COMPILED } from '../../../test/support/compiled-app';
import { parsePdf } from '../../../test/support/pdf';
import { SAMPLE_AGENDA } from '../agenda/agenda.sample';
import { SAMPLE_BADGE, sampleBadges } from '../badge/badge.sample';
import { SAMPLE_DAY_SHEET } from '../sign-in-sheet/sign-in-sheet.sample';
import { toBuffer } from '../pdf/pdf-document';
import { defaultPoolSize, RenderPool as SourcePool } from './render-pool';
import { renderSheet } from './sheet-documents';
import { renderSingle } from './single-documents';

const CREATED = new Date('2027-01-15T10:00:00Z');

describe('RenderPool', () => {
  // The worker thread needs compiled JavaScript: the pool as `npm run build` makes it.
  let Pool: typeof SourcePool;
  let pool: SourcePool;

  beforeAll(() => {
    compileServer();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    Pool = require(join(COMPILED, 'src', 'documents', 'render', 'render-pool.js')).RenderPool;
    pool = new Pool(1);
  });

  afterAll(() => pool.onApplicationShutdown());

  it('starts one worker per core beyond the first: one on one or two cores, two from three cores on', () => {
    expect([1, 2, 3, 4, 16].map((cores) => defaultPoolSize(cores))).toEqual([1, 1, 2, 2, 2]);
  });

  it('draws in a worker thread the same bytes as in this one', async () => {
    expect(pool.threaded).toBe(true);
    const [badge, agenda] = await Promise.all([pool.render('badge', SAMPLE_BADGE, CREATED), pool.render('agenda', SAMPLE_AGENDA, CREATED)]);
    expect(badge.equals(await renderSingle('badge', SAMPLE_BADGE, CREATED))).toBe(true);
    expect(agenda.equals(await renderSingle('agenda', SAMPLE_AGENDA, CREATED))).toBe(true);
    expect((await parsePdf(badge)).text).toContain('Élodie');
  });

  it('leaves the event loop free while it draws: timers keep firing during 40 documents', async () => {
    await pool.render('badge', SAMPLE_BADGE, CREATED);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const started = Date.now();
    await Promise.all(Array.from({ length: 40 }, (_, i) => pool.render('agenda', { ...SAMPLE_AGENDA, person: { ...SAMPLE_AGENDA.person, fullName: `Personne ${i}` } }, CREATED)));
    clearInterval(timer);
    // Drawn here, 40 agendas would hold the loop for their whole time and the timer would not fire at all.
    expect(ticks).toBeGreaterThan((Date.now() - started) / 5 / 4);
    expect(threadId).toBe(0);
  });

  it('draws at a lower scheduling priority than the thread serving requests (Linux: nice 10 for the render thread alone)', async () => {
    await pool.render('badge', SAMPLE_BADGE, CREATED);
    const niceOf = (stat: string) => Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
    const threads = readdirSync('/proc/self/task').map((tid) => niceOf(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8')));
    const main = niceOf(readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8'));
    expect(main).toBeLessThan(10); // the test itself runs at the usual priority
    expect(threads.filter((nice) => nice === 10)).toHaveLength(1);
    expect(threads.filter((nice) => nice === main)).toHaveLength(threads.length - 1);
  });

  it('fails the job, not the process, when a document cannot be drawn; the next one is drawn', async () => {
    await expect(pool.render('badge', { ...SAMPLE_BADGE, firstName: undefined } as never, CREATED)).rejects.toThrow();
    expect((await parsePdf(await pool.render('badge', SAMPLE_BADGE, CREATED))).text).toContain('Élodie');
  });

  it('streams a badge sheet drawn in a worker, the same bytes as drawn here, the items asked in batches of 200', async () => {
    const badges = sampleBadges(450);
    let read = 0;
    async function* cursor() {
      for (const badge of badges) {
        read++;
        yield badge;
      }
    }
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const started = Date.now();
    const stream = await pool.stream('badgeSheet', cursor(), { title: 'Badges', createdAt: CREATED });
    // The first bytes came before the worker had asked for the last batch.
    expect(read).toBeLessThan(450);
    const bytes = await toBuffer(stream);
    clearInterval(timer);
    expect(ticks).toBeGreaterThan((Date.now() - started) / 5 / 4);
    expect(bytes.equals(await toBuffer(renderSheet('badgeSheet', badges, { title: 'Badges', createdAt: CREATED })))).toBe(true);
    const pdf = await parsePdf(bytes);
    expect(pdf.numPages).toBe(57);
    expect(pdf.pages[56]).toContain(badges[449].lastName);
  });

  it('draws sign-in sheets whole in a worker, the same bytes as here', async () => {
    const view = { title: 'Émargement', sheets: [SAMPLE_DAY_SHEET] };
    const bytes = await pool.render('signInSheets', view, CREATED);
    expect(bytes.equals(await renderSingle('signInSheets', view, CREATED))).toBe(true);
    expect((await parsePdf(bytes)).text).toContain('Matin');
  });

  it('refuses a sheet that fails before its first byte, and draws the next one', async () => {
    const broken = [{ ...SAMPLE_BADGE, firstName: undefined } as never];
    await expect(pool.stream('badgeSheet', broken, { title: 'Badges' })).rejects.toThrow();
    expect((await parsePdf(await toBuffer(await pool.stream('certificates', [], { title: 'Attestations' })))).text).toContain('Aucune personne');
  });

  it('stops drawing and closes the cursor when the reader goes away', async () => {
    let closed = false;
    let read = 0;
    async function* cursor() {
      try {
        for (const badge of sampleBadges(2000)) {
          read++;
          yield badge;
        }
      } finally {
        closed = true;
      }
    }
    const stream = await pool.stream('badgeSheet', cursor(), { title: 'Badges' });
    stream.destroy();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(closed).toBe(true);
    expect(read).toBeLessThan(2000);
  });

  it('without workers draws in the calling thread (the sources run by the tests have no compiled worker)', async () => {
    const inline = new SourcePool();
    expect(inline.threaded).toBe(false);
    expect((await inline.render('badge', SAMPLE_BADGE, CREATED)).equals(await renderSingle('badge', SAMPLE_BADGE, CREATED))).toBe(true);
  });
});

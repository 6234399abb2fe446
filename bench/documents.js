// `npm run bench:documents`: PDF badges from the compiled renderers (dist/), next to the raw
// baseline measured in the same run: pdfkit drawing the same pages with the same font (DejaVu Sans,
// loaded from its file as one would by default) and a plain rectangle in place of each badge's
// content. Each scenario runs in its own child process, so that its peak RSS is its own.
'use strict';
const { fork } = require('node:child_process');
const { join } = require('node:path');
const { Writable } = require('node:stream');
const { pipeline } = require('node:stream/promises');

const SHEET_BADGES = Number(process.env.BENCH_SHEET_BADGES || 2000);
const SINGLE_BADGES = Number(process.env.BENCH_SINGLE_BADGES || 500);

/** Counts bytes and throws them away, like a socket would take them. */
function sink() {
  let bytes = 0;
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      bytes += chunk.length;
      callback();
    },
  });
  return { stream, bytes: () => bytes };
}

function fontFile(name) {
  return join(require.resolve('dejavu-fonts-ttf/package.json'), '..', 'ttf', name);
}

/** A function that resolves when the stream ends, answering its size. */
function measureLoop() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  return () => {
    clearInterval(timer);
    return Math.max(peak, process.resourceUsage().maxRSS * 1024);
  };
}

const scenarios = {
  async sheet() {
    const { renderBadgeSheet } = require('../dist/documents/badge/badge.renderer');
    const { sampleBadges } = require('../dist/documents/badge/badge.sample');
    const badges = sampleBadges(SHEET_BADGES);
    // Handed over as an async sequence, as the database cursor does.
    async function* cursor() {
      for (let i = 0; i < badges.length; i += 200) {
        await new Promise((resolve) => setImmediate(resolve));
        yield* badges.slice(i, i + 200);
      }
    }
    const out = sink();
    const stop = measureLoop();
    const started = process.hrtime.bigint();
    let maxLag = 0;
    let last = Date.now();
    const lag = setInterval(() => {
      const now = Date.now();
      maxLag = Math.max(maxLag, now - last - 5);
      last = now;
    }, 5);
    await pipeline(renderBadgeSheet(cursor(), { title: 'Badges' }), out.stream);
    clearInterval(lag);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { badges: SHEET_BADGES, pages: Math.ceil(SHEET_BADGES / 8), seconds, bytes: out.bytes(), peakRss: stop(), maxLagMs: maxLag };
  },

  async rawSheet() {
    const PDFDocument = require('pdfkit');
    const { BADGE_WIDTH, BADGE_HEIGHT } = require('../dist/documents/badge/badge.view');
    const out = sink();
    const stop = measureLoop();
    const started = process.hrtime.bigint();
    const doc = new PDFDocument({ size: 'A4', margin: 0 });
    doc.registerFont('Sans', fontFile('DejaVuSans.ttf'));
    doc.font('Sans');
    const done = pipeline(doc, out.stream);
    const left = (595.28 - 2 * BADGE_WIDTH) / 2;
    const top = (841.89 - 4 * BADGE_HEIGHT) / 2;
    for (let i = 0; i < SHEET_BADGES; i++) {
      const slot = i % 8;
      if (slot === 0 && i > 0) doc.addPage();
      const x = left + (slot % 2) * BADGE_WIDTH;
      const y = top + Math.floor(slot / 2) * BADGE_HEIGHT;
      doc.rect(x + 4, y + 4, BADGE_WIDTH - 8, BADGE_HEIGHT - 8).stroke();
      if (slot === 0) doc.fontSize(8).text(`Page ${i / 8 + 1}`, 20, 10, { lineBreak: false });
    }
    doc.end();
    await done;
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { badges: SHEET_BADGES, pages: Math.ceil(SHEET_BADGES / 8), seconds, bytes: out.bytes(), peakRss: stop() };
  },

  async singles() {
    const { renderBadge } = require('../dist/documents/badge/badge.renderer');
    const { toBuffer } = require('../dist/documents/pdf/pdf-document');
    const { sampleBadges } = require('../dist/documents/badge/badge.sample');
    const badges = sampleBadges(SINGLE_BADGES);
    await toBuffer(renderBadge(badges[0])); // warm-up: loads and parses the fonts once
    const stop = measureLoop();
    const started = process.hrtime.bigint();
    let bytes = 0;
    for (const badge of badges) bytes += (await toBuffer(renderBadge(badge))).length;
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { badges: SINGLE_BADGES, seconds, bytes: Math.round(bytes / SINGLE_BADGES), peakRss: stop() };
  },

  async rawSingles() {
    const PDFDocument = require('pdfkit');
    const { BADGE_WIDTH, BADGE_HEIGHT } = require('../dist/documents/badge/badge.view');
    const { sampleBadges } = require('../dist/documents/badge/badge.sample');
    const badges = sampleBadges(SINGLE_BADGES);
    const one = (badge) =>
      new Promise((resolve) => {
        const doc = new PDFDocument({ size: [BADGE_WIDTH, BADGE_HEIGHT], margin: 0 });
        const chunks = [];
        doc.on('data', (c) => chunks.push(c));
        doc.on('end', () => resolve(Buffer.concat(chunks)));
        doc.registerFont('Sans', fontFile('DejaVuSans.ttf'));
        doc.font('Sans').fontSize(14).text(badge.firstName, 10, 10, { lineBreak: false });
        doc.rect(4, 4, BADGE_WIDTH - 8, BADGE_HEIGHT - 8).stroke();
        doc.end();
      });
    await one(badges[0]);
    const stop = measureLoop();
    const started = process.hrtime.bigint();
    let bytes = 0;
    for (const badge of badges) bytes += (await one(badge)).length;
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { badges: SINGLE_BADGES, seconds, bytes: Math.round(bytes / SINGLE_BADGES), peakRss: stop() };
  },
};

/** Runs a scenario, adding the CPU seconds it used (robust when other work shares the machine). */
async function measured(name) {
  const cpu = process.cpuUsage();
  const result = await scenarios[name]();
  const used = process.cpuUsage(cpu);
  return { ...result, cpuSeconds: (used.user + used.system) / 1e6 };
}

/**
 * The real endpoint: GET /api/events/{id}/badges.pdf for 2,000 registrants (database cursor, HTTP
 * streaming) while a child process asks /health every 20 ms: rendering must leave the event loop
 * free enough for other requests.
 */
scenarios.server = async function server() {
  const { startBenchApp, percentile } = require('./support');
  const { Client } = require('pg');
  const app = await startBenchApp();
  try {
    const token = await app.token();
    const start = new Date(Date.now() + 30 * 86_400_000);
    const res = await fetch(`${app.baseUrl}/api/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        title: 'Rencontre régionale — banc d’essai des badges',
        kind: 'conference',
        format: 'onsite',
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 8 * 3600_000).toISOString(),
        venue: { name: 'Le Corum', address: 'Esplanade Charles-de-Gaulle', postalCode: '34000', city: 'Montpellier' },
        capacity: 3000,
      }),
    });
    const event = await res.json();
    const db = new Client({ connectionString: app.databaseUrl });
    await db.connect();
    await db.query(
      `INSERT INTO registration (event_id, first_name, last_name, email, organisation, organisation_type, attendance_mode, consent_at,
         photo_consent, status, manage_token_hash, check_in_code, confirmed_at, created_at, updated_at)
       SELECT $1, (ARRAY['Élodie','Emma','Łukasz','Zoé','Ève'])[1 + n % 5], 'Nom ' || lpad(n::text, 4, '0'), 'p' || n || '@exemple.test',
         'Association « Solidarités Occitanie »', (ARRAY['etat','association','collectivite','personne_concernee'])[1 + n % 4], 'onsite', now(),
         false, 'confirmed', md5(random()::text || n), 'K7QM' || lpad(n::text, 8, '0'), now(), now(), now()
       FROM generate_series(1, $2::int) AS n`,
      [event.id, SHEET_BADGES],
    );
    await db.end();
    const prober = fork(__filename, ['probe', `${app.baseUrl}/health`], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    await new Promise((resolve) => prober.once('message', resolve)); // ready
    const { monitorEventLoopDelay } = require('node:perf_hooks');
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    const stop = measureLoop();
    const started = process.hrtime.bigint();
    const pdf = await fetch(`${app.baseUrl}/api/events/${event.id}/badges.pdf`, { headers: { authorization: `Bearer ${token}` } });
    const body = Buffer.from(await pdf.arrayBuffer());
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    loop.disable();
    prober.send('stop');
    const latencies = await new Promise((resolve) => prober.once('message', resolve));
    if (pdf.status !== 200 || body.subarray(0, 5).toString() !== '%PDF-') throw new Error(`badges.pdf answered ${pdf.status}`);
    return {
      badges: SHEET_BADGES,
      seconds,
      bytes: body.length,
      peakRss: stop(),
      health: { count: latencies.length, p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: Math.max(...latencies) },
      loop: { p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 },
    };
  } finally {
    await app.close();
  }
};

/** Child: GET the URL every 20 ms until told to stop; answers the latencies (ms). */
async function probe(url) {
  const latencies = [];
  let running = true;
  process.on('message', () => (running = false));
  await fetch(url);
  process.send('ready');
  while (running) {
    const t = performance.now();
    await fetch(url).then((r) => r.arrayBuffer());
    latencies.push(performance.now() - t);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  process.send(latencies);
  process.exit(0);
}

function runChild(name) {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, [name], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('message', resolve);
    child.once('exit', (code) => code !== 0 && reject(new Error(`${name} exited with ${code}`)));
  });
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function main() {
  if (process.argv[2] === 'probe') return probe(process.argv[3]);
  if (process.argv[2]) {
    const result = await measured(process.argv[2]);
    process.send(result);
    return;
  }
  const os = require('node:os');
  console.log(`bench:documents — node ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)}`);
  const sheet = await runChild('sheet');
  const rawSheet = await runChild('rawSheet');
  const singles = await runChild('singles');
  const rawSingles = await runChild('rawSingles');
  const server = await runChild('server');
  const rows = [
    ['badge sheet (A4, 8 per page)', sheet, `${sheet.pages} pages, ${(sheet.bytes / 1024 / 1024).toFixed(1)} MB, longest event-loop stall ${sheet.maxLagMs} ms`],
    ['  raw baseline (same pages, rectangles)', rawSheet, `${rawSheet.pages} pages, ${(rawSheet.bytes / 1024 / 1024).toFixed(1)} MB`],
    ['single badges (one PDF each)', singles, `${(singles.bytes / 1024).toFixed(1)} KB each`],
    ['  raw baseline (font from file, rectangle)', rawSingles, `${(rawSingles.bytes / 1024).toFixed(1)} KB each`],
  ];
  for (const [label, r, extra] of rows) {
    console.log(
      `${label.padEnd(44)} ${String(r.badges).padStart(5)} badges in ${r.seconds.toFixed(2).padStart(6)} s = ${(r.badges / r.seconds).toFixed(0).padStart(5)} badges/s (${(r.badges / r.cpuSeconds).toFixed(0).padStart(5)} per CPU-second), peak RSS ${mb(r.peakRss).padStart(7)}  (${extra})`,
    );
  }
  console.log(
    `${'GET /api/events/{id}/badges.pdf (HTTP, cursor)'.padEnd(44)} ${String(server.badges).padStart(5)} badges in ${server.seconds.toFixed(2).padStart(6)} s = ${(server.badges / server.seconds).toFixed(0).padStart(5)} badges/s, peak RSS ${mb(server.peakRss)} (whole app)`,
  );
  console.log(
    `${'  GET /health meanwhile, every 20 ms'.padEnd(44)} ${server.health.count} requests: p50 ${server.health.p50.toFixed(1)} ms, p99 ${server.health.p99.toFixed(1)} ms, max ${server.health.max.toFixed(1)} ms (the app's event-loop delay: p99 ${server.loop.p99.toFixed(1)} ms, max ${server.loop.max.toFixed(1)} ms)`,
  );
  const ok = (cond) => (cond ? 'ok' : 'MISSED');
  console.log(
    `targets: sheet ≤ 5 s: ${ok(sheet.seconds <= 5)} (${sheet.seconds.toFixed(2)} s); peak RSS ≤ 300 MB: ${ok(sheet.peakRss <= 300 * 1024 * 1024)} (${mb(sheet.peakRss)}); single badges ≥ 100/s: ${ok(singles.badges / singles.seconds >= 100)} (${(singles.badges / singles.seconds).toFixed(0)}/s); /health p99 ≤ 100 ms while the sheet renders: ${ok(server.health.p99 <= 100)} (${server.health.p99.toFixed(1)} ms)`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

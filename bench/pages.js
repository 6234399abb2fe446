// `npm run bench:pages`: the public pages beside their baselines, in the same run.
// 1. GET /evenements/{slug} of the demo conference (its full programme) under 50 connections, beside
//    GET /health (autocannon, ~10 s each). Target: the event page ≥ 0.5 of /health's throughput.
// 2. 500 registrations through the form's POST (urlencoded, CSRF token, the HTML outcome page)
//    beside 500 through POST /api/events/{id}/registrations (JSON), 10 concurrent clients each, on
//    two identical events. Target: the form path ≥ 0.8 of the API path.
// Each autocannon run is preceded by a 2 s warm-up of the same URL (not counted), and each registration
// path by 150 registrations on an event of its own. Mail delivery is
// paused during the registration runs (the outbox fills the same way for both paths), so the ratio
// compares the two paths, not the PDFs of the other run's confirmations; DELIVERY=running keeps it on
// and drains the outbox before each run instead.
// Load generators run in a child process: sharing the server's event loop would measure the client too.
'use strict';
const { fork } = require('node:child_process');

const CONNECTIONS = 50;
const DURATION_SECONDS = Number(process.env.BENCH_DURATION_SECONDS || 10);
const REGISTRATIONS = 500;
const CLIENTS = 10;

// ---- child: load generators ----

function autocannonRun(url, duration) {
  // As a browser asks: the event page is kept gzipped beside its plain HTML.
  require('autocannon')({ url, connections: CONNECTIONS, duration, headers: { 'accept-encoding': 'gzip, deflate, br' } }, (error, result) => {
    if (error) throw error;
    const { requests, latency, throughput, non2xx, errors, timeouts } = result;
    process.send({ requests, latency, throughput, non2xx, errors, timeouts }, () => process.exit(0));
  });
}

function person(i, workshops) {
  return {
    firstName: 'Camille',
    lastName: `Participant ${i}`,
    email: `participant.${i}@bench.rencontres.test`,
    organisationType: ['association', 'collectivite', 'service_public', 'personne_concernee'][i % 4],
    department: ['34', '31', '30', '11'][i % 4],
    sessionIds: workshops.map((slot, k) => slot[(i + k) % slot.length]),
    // The demo conference is hybrid.
    attendanceMode: i % 5 === 0 ? 'online' : 'onsite',
  };
}

async function registrations(mode, base, slug, eventId, workshops, total = REGISTRATIONS) {
  let cookie = '';
  let csrf = '';
  if (mode === 'form') {
    const page = await fetch(`${base}/evenements/${slug}/inscription`);
    cookie = page.headers.get('set-cookie').split(';')[0];
    csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())[1];
  }
  const latencies = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  async function client() {
    while (next < total) {
      const i = next++;
      const p = person(i, workshops);
      const t0 = performance.now();
      let res;
      if (mode === 'form') {
        const form = new URLSearchParams({
          _csrf: csrf,
          firstName: p.firstName,
          lastName: p.lastName,
          email: p.email,
          organisationType: p.organisationType,
          department: p.department,
          attendanceMode: p.attendanceMode,
          consent: 'true',
        });
        p.sessionIds.forEach((id, k) => form.set(`atelier_${k}`, id));
        res = await fetch(`${base}/evenements/${slug}/inscription`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie }, body: form });
      } else {
        res = await fetch(`${base}/api/events/${eventId}/registrations`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ ...p, consent: true }),
        });
      }
      await res.arrayBuffer();
      if (res.status !== 201) failures++;
      latencies.push(performance.now() - t0);
    }
  }
  await Promise.all(Array.from({ length: CLIENTS }, client));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
  process.send({ perSecond: total / seconds, seconds, p50: at(0.5), p99: at(0.99), failures }, () => process.exit(0));
}

function inChild(args) {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, ['--child', JSON.stringify(args)]);
    child.once('message', resolve);
    child.once('error', reject);
    child.once('exit', (code) => code !== 0 && reject(new Error(`load generator exited with ${code}`)));
  });
}

// ---- parent: the app, the demo conference, the runs ----

async function demoConference(app, title) {
  const { demoEvents } = require('../dist/seed/demo-events');
  const { seedDemoProgramme } = require('../dist/seed/demo-programme');
  const { EventsService } = require('../dist/events/events.service');
  const events = app.app.get(EventsService);
  const input = { ...demoEvents(new Date()).conference, capacity: 2 * REGISTRATIONS };
  if (title) input.title = title;
  const event = await events.create(input);
  await events.publish(event.id);
  await seedDemoProgramme(app.app, event.id);
  return event;
}

/** The workshops of an event, one list per slot (a registrant takes one in each of the first two slots). */
async function workshopSlots(base, eventId) {
  const programme = await (await fetch(`${base}/api/events/${eventId}/programme`)).json();
  return programme.days
    .flatMap((d) => d.slots)
    .map((s) => s.sessions.filter((x) => x.type === 'workshop').map((x) => x.id))
    .filter((ids) => ids.length > 0)
    .slice(0, 2);
}

/** Waits until no confirmation is left to send (at most two minutes); answers the seconds it took. */
async function drainOutbox(app) {
  const { DataSource } = require('typeorm');
  const dataSource = app.app.get(DataSource);
  const started = performance.now();
  while (performance.now() - started < 120_000) {
    const [{ left }] = await dataSource.query(`SELECT count(*)::int AS left FROM outgoing_mail WHERE status = 'pending'`);
    if (left === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return (performance.now() - started) / 1000;
}

async function measure(url) {
  await inChild({ load: url, duration: 2 });
  return inChild({ load: url });
}

function line(name, r) {
  const bad = r.non2xx + r.errors + r.timeouts;
  return `${name.padEnd(30)} ${r.requests.average.toFixed(0).padStart(7)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms   ${(r.throughput.average / 1e6).toFixed(1).padStart(6)} MB/s   errors/non-2xx ${bad}`;
}

function regLine(name, r) {
  return `${name.padEnd(30)} ${r.perSecond.toFixed(0).padStart(7)} reg/s   p50 ${r.p50.toFixed(0).padStart(4)} ms   p99 ${r.p99.toFixed(0).padStart(4)} ms   ${r.seconds.toFixed(1)} s   failures ${r.failures}`;
}

async function main() {
  const watchdog = setTimeout(
    () => {
      console.error('bench:pages took too long; stopping.');
      process.exit(2);
    },
    (2 * (DURATION_SECONDS + 2) + 540) * 1000,
  );
  watchdog.unref();
  const app = await require('./support').startBenchApp();
  try {
    const conference = await demoConference(app);
    const page = await fetch(`${app.baseUrl}/evenements/${conference.slug}`);
    const html = await page.text();
    if (page.status !== 200) throw new Error(`event page: ${page.status}`);
    const gzipped = await fetch(`${app.baseUrl}/evenements/${conference.slug}`, { headers: { 'accept-encoding': 'gzip' } });
    const sent = Number(gzipped.headers.get('content-length'));
    console.log(
      `Event page of the demo conference: ${(Buffer.byteLength(html) / 1024).toFixed(0)} KiB of HTML, ${(sent / 1024).toFixed(0)} KiB sent gzipped (${gzipped.headers.get('content-encoding')})`,
    );
    console.log(`autocannon: ${CONNECTIONS} connections, ${DURATION_SECONDS} s per endpoint after a 2 s warm-up, Accept-Encoding: gzip (load generator in a child process)\n`);
    const eventPage = await measure(`${app.baseUrl}/evenements/${conference.slug}`);
    const health = await measure(`${app.baseUrl}/health`);
    console.log(line('GET /evenements/{slug}', eventPage));
    console.log(line('GET /health', health));
    const pageRatio = eventPage.requests.average / health.requests.average;
    console.log(`event page / health throughput: ${pageRatio.toFixed(2)} (target ≥ 0.5; before the page was kept in memory: 0.06–0.10)\n`);

    // Both paths warmed up first (JIT, pools) on events of their own: measured cold, the first would pay for the second.
    for (const mode of ['form', 'api']) {
      const warm = await demoConference(app, `Échauffement – ${mode}`);
      await inChild({ mode, base: app.baseUrl, slug: warm.slug, eventId: warm.id, workshops: await workshopSlots(app.baseUrl, warm.id), total: 150 });
    }
    const viaForm = await demoConference(app, 'Conférence régionale – inscriptions par le formulaire');
    const viaApi = await demoConference(app, 'Conférence régionale – inscriptions par l’API');
    console.log(`${REGISTRATIONS} registrations each, ${CLIENTS} concurrent clients, two workshops per person`);
    const formSlots = await workshopSlots(app.baseUrl, viaForm.id);
    const apiSlots = await workshopSlots(app.baseUrl, viaApi.id);
    const delivering = process.env.DELIVERY === 'running';
    if (!delivering) await app.app.get(require('../dist/notifications/delivery/outbox.worker').OutboxWorker).stop();
    const drained = delivering ? [await drainOutbox(app)] : [];
    const form = await inChild({ mode: 'form', base: app.baseUrl, slug: viaForm.slug, eventId: viaForm.id, workshops: formSlots });
    if (delivering) drained.push(await drainOutbox(app));
    const api = await inChild({ mode: 'api', base: app.baseUrl, slug: viaApi.slug, eventId: viaApi.id, workshops: apiSlots });
    console.log(regLine('POST /evenements/{slug}/inscription', form));
    console.log(regLine('POST /api/events/{id}/registrations', api));
    console.log(
      delivering
        ? `(mail delivery running; outbox drained before each run: ${drained.map((s) => `${s.toFixed(1)} s`).join(', ')})`
        : '(mail delivery paused during both runs: DELIVERY=running to keep it on)',
    );
    console.log(`form / API throughput: ${(form.perSecond / api.perSecond).toFixed(2)} (target ≥ 0.8; before: 0.56–0.74)`);
  } finally {
    await app.close();
  }
}

if (process.argv[2] === '--child') {
  const args = JSON.parse(process.argv[3]);
  process.argv.splice(2, 2);
  if (args.load) autocannonRun(args.load, args.duration ?? DURATION_SECONDS);
  else registrations(args.mode, args.base, args.slug, args.eventId, args.workshops, args.total);
} else {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}

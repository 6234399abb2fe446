// `npm run bench:programme`: the public programme of an 80-session event under load, next to /health
// on the same run (same process, same database), with autocannon: 50 connections, ~10 s each.
// autocannon runs in a child process: sharing the server's event loop would measure the client too
// (and in a worker thread autocannon switches to its own worker mode).
'use strict';
const { fork } = require('node:child_process');
const autocannon = require('autocannon');

const CONNECTIONS = 50;
const DURATION_SECONDS = Number(process.env.BENCH_DURATION_SECONDS || 10);
const ROOMS = 8;
const SLOTS = 10; // 8 rooms × 10 hourly slots = 80 sessions
const HOUR = 3600 * 1000;

async function call(baseUrl, token, method, path, body) {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

async function buildProgramme(baseUrl, token) {
  const start = new Date(Date.now() + 30 * 24 * HOUR);
  start.setUTCHours(7, 0, 0, 0);
  const event = await call(baseUrl, token, 'POST', '/api/events', {
    title: 'Conférence régionale – banc d’essai',
    kind: 'conference',
    format: 'onsite',
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + SLOTS * HOUR).toISOString(),
    venue: { name: 'Le Corum', address: 'Esplanade Charles-de-Gaulle', postalCode: '34000', city: 'Montpellier' },
    capacity: 2000,
  });
  const rooms = [];
  for (let r = 0; r < ROOMS; r++) rooms.push(await call(baseUrl, token, 'POST', `/api/events/${event.id}/rooms`, { name: `Salle ${r + 1}`, capacity: 60 }));
  const speakers = [];
  for (let s = 0; s < 2 * ROOMS; s++) {
    speakers.push(
      await call(baseUrl, token, 'POST', `/api/events/${event.id}/speakers`, {
        fullName: `Intervenant·e ${s + 1}`,
        jobTitle: 'Chargé·e de mission',
        organisation: 'DREETS Occitanie',
      }),
    );
  }
  const actions = [];
  for (let a = 0; a < 8; a++) {
    actions.push(
      await call(baseUrl, token, 'POST', `/api/events/${event.id}/actions`, {
        title: `Action remarquable ${a + 1}`,
        summary: 'Un projet local d’accès aux droits, porté avec les personnes concernées.',
        organisation: 'Association partenaire',
        organisationType: 'association',
        departments: ['34'],
        themes: ['participation'],
      }),
    );
  }
  for (let slot = 0; slot < SLOTS; slot++) {
    for (let r = 0; r < ROOMS; r++) {
      await call(baseUrl, token, 'POST', `/api/events/${event.id}/sessions`, {
        title: `Atelier ${slot + 1}.${r + 1} : coopérer dans les territoires`,
        type: 'workshop',
        description: 'Retours d’expérience et propositions des groupes de travail thématiques.',
        startsAt: new Date(start.getTime() + slot * HOUR).toISOString(),
        endsAt: new Date(start.getTime() + (slot + 1) * HOUR).toISOString(),
        roomId: rooms[r].id,
        speakerIds: [speakers[2 * r].id, speakers[2 * r + 1].id],
        actionIds: [actions[(slot + r) % actions.length].id],
        themes: ['participation', 'insertion_emploi'],
        capacity: 40,
      });
    }
  }
  await call(baseUrl, token, 'POST', `/api/events/${event.id}/publish`);
  return event;
}

/** In the child: one autocannon run against argv[2], its figures sent back to the parent. */
function childMain() {
  autocannon({ url: process.argv[2], connections: CONNECTIONS, duration: DURATION_SECONDS }, (error, result) => {
    if (error) throw error;
    const { requests, latency, throughput, non2xx, errors, timeouts } = result;
    process.send({ requests, latency, throughput, non2xx, errors, timeouts }, () => process.exit(0));
  });
}

function load(url) {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, ['--load', url]);
    child.once('message', resolve);
    child.once('error', reject);
    child.once('exit', (code) => code !== 0 && reject(new Error(`load generator exited with ${code}`)));
  });
}

function line(name, result) {
  const non2xx = result.non2xx + result.errors + result.timeouts;
  return `${name.padEnd(28)} ${result.requests.average.toFixed(0).padStart(7)} req/s   p50 ${String(result.latency.p50).padStart(4)} ms   p99 ${String(result.latency.p99).padStart(4)} ms   ${(result.throughput.average / 1e6).toFixed(1).padStart(6)} MB/s   errors/non-2xx ${non2xx}`;
}

async function main() {
  // Bounded whatever happens: the whole run must end on its own.
  const watchdog = setTimeout(
    () => {
      console.error('bench:programme took too long; stopping.');
      process.exit(2);
    },
    (4 * DURATION_SECONDS + 120) * 1000,
  );
  watchdog.unref();
  const app = await require('./support').startBenchApp();
  try {
    const token = await app.token();
    const event = await buildProgramme(app.baseUrl, token);
    const programmeUrl = `${app.baseUrl}/api/events/${event.id}/programme`;
    const sample = await fetch(programmeUrl);
    const body = await sample.text();
    const sessions = JSON.parse(body).days.flatMap((d) => d.slots.flatMap((s) => s.sessions)).length;
    console.log(`Programme: ${sessions} sessions, ${(body.length / 1024).toFixed(0)} KiB of JSON, ETag ${sample.headers.get('etag')}`);
    console.log(`autocannon: ${CONNECTIONS} connections, ${DURATION_SECONDS} s per endpoint (load generator in a child process)\n`);
    const programme = await load(programmeUrl);
    const health = await load(`${app.baseUrl}/health`);
    console.log(line('GET /api/events/{id}/programme', programme));
    console.log(line('GET /health', health));
    console.log(`\nprogramme / health throughput: ${(programme.requests.average / health.requests.average).toFixed(2)}`);
  } finally {
    await app.close();
  }
}

module.exports = { buildProgramme };

if (process.argv[2] === '--load') {
  process.argv.splice(2, 1);
  childMain();
} else if (require.main === module) {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}

// npm run bench:registrations — registration throughput under a rush, with its raw baseline.
// 2,000 registrations from 50 concurrent HTTP clients for an event of 1,500 seats and ten workshops of 150
// (5 time slots × 2 parallel workshops; each client picks two workshops in different slots), then the
// same number of plain single-row INSERT transactions over 50 connections straight to the same PostgreSQL.
// The HTTP clients run in a child process: sharing the server's event loop would measure the client
// too, and in a process of its own its CPU is not counted as the server's. Before the measured rush a
// warm-up of 500 registrations on another event (JIT, pools); its mail is delivered and the database
// vacuumed first, so the rush starts on an instance at rest. DELIVERY=paused stops the mail worker.
'use strict';
const { fork } = require('node:child_process');
const os = require('node:os');
const isClient = process.env.BENCH_REGISTRATION_CLIENT !== undefined;
const { Pool } = isClient ? {} : require('pg');
const { startBenchApp, percentile, createConference, publishEvent, postgresCpuSeconds } = isClient ? {} : require('./support');

const REGISTRATIONS = 2000;
const CLIENTS = 50;
const SEATS = 1500;
const WORKSHOP_SEATS = 150;

async function createOpenEvent(app, pool, title) {
  const event = await createConference(app, title, SEATS);
  const start = new Date(event.startsAt);
  // Ten workshops: five 90-minute slots, two in parallel in each (inserted directly: the programme is not what is measured).
  const slots = [];
  for (let slot = 0; slot < 5; slot++) {
    const starts = new Date(start.getTime() + (1 + 1.5 * slot) * 3600_000);
    const ends = new Date(starts.getTime() + 90 * 60_000);
    const pair = [];
    for (let k = 0; k < 2; k++) {
      const { rows } = await pool.query(`INSERT INTO session (event_id, title, type, starts_at, ends_at, capacity) VALUES ($1, $2, 'workshop', $3, $4, $5) RETURNING id`, [
        event.id,
        `Atelier ${slot + 1}${'ab'[k]}`,
        starts,
        ends,
        WORKSHOP_SEATS,
      ]);
      pair.push(rows[0].id);
    }
    slots.push(pair);
  }
  await publishEvent(app, event.id);
  return { event, slots };
}

function body(i, slots) {
  const first = i % 5;
  const second = (first + 1 + (Math.floor(i / 5) % 4)) % 5;
  return {
    firstName: 'Camille',
    lastName: `Participant ${i}`,
    email: `participant.${i}@bench.rencontres.test`,
    organisationType: ['association', 'collectivite', 'service_public', 'personne_concernee'][i % 4],
    department: ['34', '31', '30', '11'][i % 4],
    sessionIds: [slots[first][i % 2], slots[second][(i >> 1) % 2]],
    consent: true,
  };
}

/** Messages marked sent so far, all events. */
async function sentMails(pool) {
  const { rows } = await pool.query(`SELECT count(*)::int AS n FROM outgoing_mail WHERE status = 'sent'`);
  return rows[0].n;
}

/** Waits until no message is left to send (at most two minutes). */
async function drained(pool) {
  for (const deadline = Date.now() + 120_000; Date.now() < deadline;) {
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM outgoing_mail WHERE status IN ('pending', 'failed')`);
    if (rows[0].n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the warm-up mail was not delivered within two minutes');
}

/** `total` tasks run by `clients` concurrent loops; returns latencies (ms) and elapsed time. */
async function run(total, clients, task) {
  let next = 0;
  const latencies = [];
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = next++; i < total; i = next++) {
        const t0 = process.hrtime.bigint();
        await task(i);
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }),
  );
  return { latencies, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/**
 * In the client process: `total` registrations from `clients` concurrent keep-alive connections (node:http
 * with a keep-alive agent: far less client CPU than fetch, which shares the machine's two cores).
 */
async function clientMain() {
  const http = require('node:http');
  const { baseUrl, eventId, slots, total, clients, offset } = JSON.parse(process.env.BENCH_REGISTRATION_CLIENT);
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const { hostname, port } = new URL(baseUrl);
  const post = (path, payload) =>
    new Promise((resolve, reject) => {
      const data = Buffer.from(JSON.stringify(payload));
      const req = http.request({ agent, hostname, port, path, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': data.length } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(data);
    });
  const statuses = {};
  const result = await run(total, clients, async (i) => {
    const status = await post(`/api/events/${eventId}/registrations`, body(offset + i, slots));
    statuses[status] = (statuses[status] ?? 0) + 1;
  });
  agent.destroy();
  process.send({ ...result, statuses }, () => process.exit(0));
}

/** Runs the HTTP load in a child process and waits for its figures. */
function loadFromClient(data) {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, [], { env: { ...process.env, BENCH_REGISTRATION_CLIENT: JSON.stringify(data) } });
    child.once('message', resolve);
    child.once('error', reject);
    child.once('exit', (code) => code !== 0 && reject(new Error(`client process exited with ${code}`)));
  });
}

async function main() {
  // PUBLIC_RATE_LIMIT_PER_MINUTE=100000 measures the shared rate limit's cost (one upsert per registration).
  const limit = process.env.PUBLIC_RATE_LIMIT_PER_MINUTE;
  const app = await startBenchApp(limit ? { PUBLIC_RATE_LIMIT_PER_MINUTE: limit } : {});
  if (limit) console.log(`public rate limit on: ${limit} per minute per address (counted in PostgreSQL)`);
  // DELIVERY=paused measures the seat path alone (the outbox fills; nothing is sent meanwhile).
  const paused = process.env.DELIVERY === 'paused';
  if (paused) await app.app.get(require('../dist/notifications/delivery/outbox.worker').OutboxWorker).stop();
  console.log(
    `mail delivery during the run: ${paused ? 'paused (DELIVERY=paused)' : 'running in the same process (confirmations rendered with their PDFs and written as .eml files)'}`,
  );
  const pool = new Pool({ connectionString: app.databaseUrl, max: CLIENTS });
  // A connection still closing when PostgreSQL stops reports an error: harmless at that point.
  pool.on('error', () => undefined);
  try {
    // Warm-up on another event (JIT, connection pools), not measured.
    const warm = await createOpenEvent(app, pool, 'Échauffement');
    await loadFromClient({ baseUrl: app.baseUrl, eventId: warm.event.id, slots: warm.slots, total: 500, clients: CLIENTS, offset: 0 });

    // The rush starts on an instance at rest: the warm-up's own mail delivered, its dead rows vacuumed
    // (the same state in both modes; otherwise autovacuum and the mail backlog run during the rush).
    if (!paused) await drained(pool);
    await pool.query('VACUUM (ANALYZE)');
    const { event, slots } = await createOpenEvent(app, pool, 'Rencontre régionale 2027');
    const loadBefore = os.loadavg()[0];
    const { performance } = require('node:perf_hooks');
    const elu0 = performance.eventLoopUtilization();
    const cpu0 = process.cpuUsage();
    const loopDelay = require('node:perf_hooks').monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    const sent0 = await sentMails(pool);
    const pg0 = postgresCpuSeconds();
    const measured = await loadFromClient({ baseUrl: app.baseUrl, eventId: event.id, slots, total: REGISTRATIONS, clients: CLIENTS, offset: 0 });
    const elu = performance.eventLoopUtilization(elu0);
    const cpu = process.cpuUsage(cpu0);
    loopDelay.disable();
    const sentDuring = (await sentMails(pool)) - sent0;
    const pg1 = postgresCpuSeconds();
    const { latencies, seconds } = measured;
    const statuses = new Map(Object.entries(measured.statuses).map(([k, v]) => [Number(k), v]));

    const { rows: counts } = await pool.query(
      `SELECT count(*) FILTER (WHERE status = 'confirmed')::int AS confirmed, count(*) FILTER (WHERE status = 'waitlisted')::int AS waitlisted
       FROM registration WHERE event_id = $1`,
      [event.id],
    );
    const { rows: workshops } = await pool.query(
      `SELECT s.title, s.capacity, count(c.*) FILTER (WHERE c.status = 'confirmed')::int AS confirmed,
         count(c.*) FILTER (WHERE c.status = 'waitlisted')::int AS waitlisted
       FROM session s LEFT JOIN session_choice c ON c.session_id = s.id WHERE s.event_id = $1 GROUP BY s.id ORDER BY s.title`,
      [event.id],
    );
    const { rows: clashes } = await pool.query(
      `SELECT count(*)::int AS n FROM session_choice a JOIN session sa ON sa.id = a.session_id
       JOIN session_choice b ON b.registration_id = a.registration_id AND b.session_id > a.session_id JOIN session sb ON sb.id = b.session_id
       WHERE a.status = 'confirmed' AND b.status = 'confirmed' AND sa.starts_at < sb.ends_at AND sb.starts_at < sa.ends_at AND sa.event_id = $1`,
      [event.id],
    );
    const { rows: outbox } = await pool.query(`SELECT count(*)::int AS n FROM outgoing_mail WHERE event_id = $1`, [event.id]);

    // Raw baseline: the same number of single-row INSERT transactions, 50 connections, no HTTP, no logic.
    await pool.query(`CREATE TABLE bench_scratch (id bigserial PRIMARY KEY, email text NOT NULL, payload text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
    const baseline = await run(REGISTRATIONS, CLIENTS, async (i) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('INSERT INTO bench_scratch (email, payload) VALUES ($1, $2)', [`p${i}@bench.test`, 'x'.repeat(200)]);
        await client.query('COMMIT');
      } finally {
        client.release();
      }
    });

    const rate = REGISTRATIONS / seconds;
    const baseRate = REGISTRATIONS / baseline.seconds;
    const overbooked = (counts[0].confirmed > SEATS ? 1 : 0) + workshops.filter((w) => w.confirmed > w.capacity).length;
    const fmt = (n) => n.toFixed(1);
    // Other processes on the machine share its cores: say how busy it was.
    console.log(`machine: ${os.cpus().length} cores, load average ${loadBefore.toFixed(2)} before the run, ${os.loadavg()[0].toFixed(2)} after`);
    console.log(`registrations: ${REGISTRATIONS} from ${CLIENTS} concurrent HTTP clients (event ${SEATS} seats, 10 workshops × ${WORKSHOP_SEATS}, 2 choices each)`);
    console.log(
      `  app database pool: ${app.app.get(require('typeorm').DataSource).options.extra.max} connections; seat decisions for one event: grouped, at most 2 statements in flight (one under the event's row lock, one waiting for it)`,
    );
    console.log(`  HTTP statuses: ${[...statuses].map(([s, n]) => `${s}×${n}`).join(', ')}`);
    console.log(`  throughput: ${fmt(rate)} registrations/s (${seconds.toFixed(2)} s)`);
    console.log(`  latency: p50 ${fmt(percentile(latencies, 50))} ms, p99 ${fmt(percentile(latencies, 99))} ms, max ${fmt(Math.max(...latencies))} ms`);
    console.log(
      `  per registration: app event loop busy ${(elu.active / REGISTRATIONS).toFixed(2)} ms (wall time, includes waiting for a core), ` +
        `app process CPU (all its threads) ${((cpu.user + cpu.system) / 1000 / REGISTRATIONS).toFixed(2)} ms, PostgreSQL CPU ${pg0 === null || pg1 === null ? 'n/a' : `${(((pg1 - pg0) * 1000) / REGISTRATIONS).toFixed(2)} ms`}`,
    );
    console.log(`  app event loop delay: p99 ${fmt(loopDelay.percentile(99) / 1e6)} ms, max ${fmt(loopDelay.max / 1e6)} ms`);
    console.log(`  event: ${counts[0].confirmed} confirmed, ${counts[0].waitlisted} waitlisted (capacity ${SEATS})`);
    for (const w of workshops) console.log(`  ${w.title}: ${w.confirmed}/${w.capacity} confirmed, ${w.waitlisted} waitlisted`);
    console.log(`  overbooking check (SQL): ${overbooked === 0 ? 'none' : `${overbooked} OVERBOOKED`}; confirmed in two overlapping workshops: ${clashes[0].n}`);
    console.log(`  outbox rows written: ${outbox[0].n}; messages sent during the run: ${sentDuring}`);
    console.log(
      `baseline: ${REGISTRATIONS} single-row INSERT transactions over ${CLIENTS} pg connections: ${fmt(baseRate)} tx/s, p50 ${fmt(percentile(baseline.latencies, 50))} ms, p99 ${fmt(percentile(baseline.latencies, 99))} ms`,
    );
    console.log(`ratio: registrations run at ${((rate / baseRate) * 100).toFixed(1)}% of the raw INSERT rate (${(baseRate / rate).toFixed(2)}× slower)`);
    const ok = rate >= 500 && percentile(latencies, 99) <= 250 && overbooked === 0 && clashes[0].n === 0 && statuses.get(201) === REGISTRATIONS;
    console.log(`targets (≥ 500/s, p99 ≤ 250 ms, zero overbooking, all 201): ${ok ? 'met' : 'NOT met'}`);
    process.exitCode = overbooked === 0 ? 0 : 1;
  } finally {
    await pool.end();
    await app.close();
  }
}

if (isClient) {
  clientMain();
} else {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

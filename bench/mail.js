// npm run bench:mail — delivering the outbox to an SMTP server in another process, with its raw baseline.
//   baseline: nodemailer sends 2,000 pre-rendered messages of the same size (a rendered confirmation with its
//             agenda.ics) over one pooled connection, run before and after the drain it is compared with;
//   drain:    2,000 queued registrations' messages delivered by the worker (read, rendered at delivery, sent,
//             marked), while GET /health is probed (from a child process) to show that HTTP is not starved;
//             then the same with badge.pdf and agenda.pdf, 500 messages (after 500 unmeasured ones);
//   latency:  one registration at a time, from its 201 to the message reaching the server;
//   rush:     2,000 registrations from 50 clients with the worker running: last 201 → last message.
'use strict';
const { fork } = require('node:child_process');
const os = require('node:os');
const { join } = require('node:path');
const { performance } = require('node:perf_hooks');
const { startBenchApp, percentile, createConference, publishEvent, postgresCpuSeconds } = process.env.BENCH_HEALTH_PROBE ? {} : require('./support');

const MESSAGES = 2000;
const CLIENTS = 50;
const SINGLES = 50;
/** Messages with their PDFs: rendering them is the cost, so fewer suffice. */
const FULL = 500;
/** Messages with their PDFs delivered before those measured (see main). */
const WARM_FULL = 500;

function startSink() {
  const child = fork(join(__dirname, 'smtp-sink.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const arrivals = [];
  const listeners = new Set();
  return new Promise((resolve) => {
    child.on('message', (m) => {
      if (m.port) return resolve({ url: `smtp://127.0.0.1:${m.port}`, arrivals, listeners, close: () => child.kill() });
      for (const a of m) arrivals.push(a);
      for (const l of listeners) l();
    });
  });
}

function waitForArrivals(sink, count, timeoutMs = 120_000) {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (sink.arrivals.length >= count) {
        sink.listeners.delete(check);
        clearTimeout(timer);
        resolve();
      }
    };
    const timer = setTimeout(() => reject(new Error(`only ${sink.arrivals.length}/${count} messages arrived`)), timeoutMs);
    sink.listeners.add(check);
    check();
  });
}

async function json(baseUrl, method, path, body, headers = {}) {
  const res = await fetch(`${baseUrl}${path}`, { method, headers: { 'content-type': 'application/json', ...headers }, body: body && JSON.stringify(body) });
  return { status: res.status, body: await res.json().catch(() => null) };
}

async function openEvent(app, title) {
  const event = await createConference(app, title, 100_000);
  await publishEvent(app, event.id);
  return event.id;
}

const person = (tag, i) => ({
  firstName: 'Camille',
  lastName: `Durand-${i}`,
  email: `${tag}${i}@bench.test`,
  organisationType: 'association',
  organisation: 'Association Solidarité Occitanie',
  department: '34',
  consent: true,
});

async function registerMany(app, eventId, tag, total, clients) {
  let next = 0;
  let last201 = 0;
  const statuses = new Map();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < total) {
        const i = next++;
        const res = await json(app.baseUrl, 'POST', `/api/events/${eventId}/registrations`, person(tag, i));
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status === 201) last201 = performance.timeOrigin + performance.now();
      }
    }),
  );
  return { statuses, last201 };
}

/** The raw rate: the same transport settings, messages of the same size (the same attachments), nothing read or rendered. */
async function rawBaseline(sink, count, attachments) {
  const nodemailer = require('nodemailer');
  const { smtpOptions } = require('../dist/notifications/delivery/mail-transport');
  const { MailTemplates } = require('../dist/notifications/mail/mail-templates');
  const { MAIL_SAMPLES } = require('../dist/notifications/mail/mail-samples');
  const mail = new MailTemplates().render(MAIL_SAMPLES.confirmation);
  const transporter = nodemailer.createTransport(smtpOptions(sink.url));
  const start = sink.arrivals.length;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: count }, (_, i) =>
      transporter.sendMail({
        messageId: `<raw-${start + i}@bench.test>`,
        from: 'Rencontres <no-reply@rencontres.localhost>',
        to: { name: 'Camille Durand', address: `raw${start + i}@bench.test` },
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        attachments,
      }),
    ),
  );
  await waitForArrivals(sink, start + count);
  const seconds = (performance.now() - t0) / 1000;
  transporter.close();
  const bytes = sink.arrivals.slice(start).reduce((n, a) => n + a.bytes, 0) / count;
  return { rate: count / seconds, seconds, bytes };
}

/**
 * The baseline run before and after `measure`, averaged (its rate from the total time): the
 * machine's speed drifts (other tenants share its cores), and a baseline on one side only would
 * carry that drift into the ratio. Answers the baseline's figures with `measured`, what `measure` gave.
 */
async function bracketed(baseline, measure) {
  const before = await baseline();
  const measured = await measure();
  const after = await baseline();
  const seconds = before.seconds + after.seconds;
  const count = before.rate * before.seconds + after.rate * after.seconds;
  return { rate: count / seconds, seconds, bytes: (before.bytes + after.bytes) / 2, before: before.rate, after: after.rate, measured };
}

/** `count` messages queued while the worker is stopped, then delivered; /health probed meanwhile. */
async function drain(app, worker, sink, count, tag) {
  await worker.stop();
  const eventId = await openEvent(app, `Rencontre régionale — ${tag}`);
  await registerMany(app, eventId, tag, count, CLIENTS);
  const before = sink.arrivals.length;
  const probe = await startHealthProbe(app.baseUrl);
  const t0 = performance.now();
  const loop0 = performance.eventLoopUtilization();
  const cpu0 = process.cpuUsage();
  const pg0 = postgresCpuSeconds();
  await worker.start();
  await waitForArrivals(sink, before + count, 300_000);
  const seconds = (performance.now() - t0) / 1000;
  const loop = performance.eventLoopUtilization(loop0);
  const cpu = process.cpuUsage(cpu0);
  const pg1 = postgresCpuSeconds();
  const pg = pg0 === null || pg1 === null ? null : pg1 - pg0;
  const health = await probe.stop();
  const bytes = sink.arrivals.slice(before).reduce((n, a) => n + a.bytes, 0) / count;
  const cpuPerMessage = { loop: loop.active / count, app: (cpu.user + cpu.system) / 1000 / count, postgres: pg === null ? null : (pg * 1000) / count };
  return { rate: count / seconds, seconds, bytes, health, cpuPerMessage };
}

/**
 * GET /health every 20 ms from a child process, once it is ready, until `stop()`: its latencies.
 * In a process of its own, the probe's client work does not share (and slow) the server's event loop.
 */
async function startHealthProbe(baseUrl) {
  const child = fork(__filename, [], { env: { ...process.env, BENCH_HEALTH_PROBE: baseUrl } });
  await new Promise((resolve) => child.once('message', resolve));
  return {
    stop() {
      const latencies = new Promise((resolve) => child.once('message', resolve));
      child.send('stop');
      return latencies;
    },
  };
}

/** In the probe's child process: probes until told to stop, then answers the latencies. */
async function probeMain(baseUrl) {
  let stopped = false;
  process.once('message', () => (stopped = true));
  process.send('ready');
  const latencies = [];
  while (!stopped) {
    const t0 = performance.now();
    await fetch(`${baseUrl}/health`).then((r) => r.text());
    latencies.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 20));
  }
  process.send(latencies, () => process.exit(0));
}

async function main() {
  const sink = await startSink();
  const app = await startBenchApp({ SMTP_URL: sink.url, SCHEDULER_TICK_SECONDS: '60' });
  const { OutboxWorker } = require('../dist/notifications/delivery/outbox.worker');
  const { MailAttachments } = require('../dist/notifications/delivery/mail-attachments');
  const { RegistrationDocuments } = require('../dist/registrations/documents/registration-documents.service');
  const worker = app.app.get(OutboxWorker);
  const attachments = app.app.get(MailAttachments);
  const documents = app.app.get(RegistrationDocuments);
  const fmt = (n) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
  const line = (label, r) =>
    console.log(
      `${label}: ${fmt(r.rate)} messages/s (${r.seconds.toFixed(2)} s, ${(r.bytes / 1024).toFixed(1)} KB each${r.before ? `; ${fmt(r.before)} before, ${fmt(r.after)} after` : ''})`,
    );
  const cpuLine = (c) =>
    console.log(
      `  CPU per message: event loop busy ${c.loop.toFixed(2)} ms, app process (all threads, renders included) ${c.app.toFixed(2)} ms, PostgreSQL ${c.postgres === null ? 'n/a' : `${c.postgres.toFixed(2)} ms`}`,
    );
  const healthLine = (h) =>
    console.log(`  GET /health while draining: ${h.length} probes, p50 ${fmt(percentile(h, 50))} ms, p99 ${fmt(percentile(h, 99))} ms, max ${fmt(Math.max(...h))} ms`);
  try {
    // Warm-up (templates, fonts, connections), and one real confirmation's attachments for the baselines.
    const warm = await openEvent(app, 'Échauffement');
    await registerMany(app, warm, 'warm', 100, 10);
    await waitForArrivals(sink, 100, 120_000);
    const [{ id }] = await app.app.get(require('typeorm').DataSource).query(`SELECT id FROM registration WHERE email = 'warm0@bench.test'`);
    const ics = { filename: 'agenda.ics', contentType: 'text/calendar; charset=utf-8', content: await documents.agendaIcs(id) };
    const full = [
      { filename: 'badge.pdf', contentType: 'application/pdf', content: await documents.badgePdf(id) },
      { filename: 'agenda.pdf', contentType: 'application/pdf', content: await documents.agendaPdf(id) },
      ics,
    ];

    console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(2)}; SMTP server in another process; one pooled SMTP connection everywhere`);
    // 1. The message with its calendar only (the PDFs substituted out here, for the delivery machinery alone).
    const realFor = attachments.for.bind(attachments);
    attachments.for = async (ctx) => (ctx.registration.status === 'confirmed' ? [{ ...ics, content: await documents.agendaIcs(ctx.registration.id) }] : []);
    const rawIcs = await bracketed(
      () => rawBaseline(sink, MESSAGES, [ics]),
      () => drain(app, worker, sink, MESSAGES, 'ics'),
    );
    const drainIcs = rawIcs.measured;
    line(`baseline (agenda.ics only): nodemailer sending ${MESSAGES} pre-rendered messages, before and after the drain`, rawIcs);
    line(`drain (agenda.ics only): ${MESSAGES} queued messages read, rendered, sent and marked by the worker`, drainIcs);
    console.log(`ratio: ${((drainIcs.rate / rawIcs.rate) * 100).toFixed(1)}% of the raw rate (target ≥ 60%)`);
    cpuLine(drainIcs.cpuPerMessage);
    healthLine(drainIcs.health);

    // 2. The real messages: badge.pdf, agenda.pdf and agenda.ics rendered for each person at delivery.
    attachments.for = realFor;
    // By now nodemailer has sent 6,000 messages (the baseline is compiled and warm), but the render
    // worker has drawn only the warm-up's 200 documents: without this, the drain would be measured
    // while V8 is still compiling the renderers (seen: 2.4 ms of compilation per message).
    const warmFull = await drain(app, worker, sink, WARM_FULL, 'pdf-warm');
    console.log(
      `warm-up (not in the ratio): the first ${WARM_FULL} messages with their PDFs, while V8 compiles the renderers: ${fmt(warmFull.rate)} messages/s, app process CPU ${warmFull.cpuPerMessage.app.toFixed(2)} ms per message`,
    );
    const rawFull = await bracketed(
      () => rawBaseline(sink, FULL, full),
      () => drain(app, worker, sink, FULL, 'pdf'),
    );
    const drainFull = rawFull.measured;
    line(`baseline (badge.pdf + agenda.pdf + agenda.ics): nodemailer sending ${FULL} pre-rendered messages, before and after the drain`, rawFull);
    line(`drain (badge.pdf + agenda.pdf + agenda.ics, rendered at delivery): ${FULL} queued messages`, drainFull);
    console.log(`ratio: ${((drainFull.rate / rawFull.rate) * 100).toFixed(1)}% of the raw rate (target ≥ 60%)`);
    cpuLine(drainFull.cpuPerMessage);
    healthLine(drainFull.health);

    // 3. One registration at a time: 201 → arrival (real attachments).
    const single = await openEvent(app, 'Journée d’étude');
    const delays = [];
    for (let i = 0; i < SINGLES; i++) {
      const expected = sink.arrivals.length + 1;
      const res = await json(app.baseUrl, 'POST', `/api/events/${single}/registrations`, person('single', i));
      const at201 = performance.timeOrigin + performance.now();
      if (res.status !== 201) throw new Error(`single registration: ${res.status}`);
      await waitForArrivals(sink, expected, 10_000);
      delays.push(sink.arrivals[expected - 1].at - at201);
    }
    console.log(
      `latency, one registration at a time (${SINGLES}): 201 → message at the server p50 ${fmt(percentile(delays, 50))} ms, p99 ${fmt(percentile(delays, 99))} ms, max ${fmt(Math.max(...delays))} ms (target p99 ≤ 1000 ms)`,
    );

    // 4. A rush with the worker running (real attachments): delivery gives way while requests pour in.
    const rushEvent = await openEvent(app, 'Rencontre régionale — rush');
    const rushBefore = sink.arrivals.length;
    const rushStart = performance.now();
    const rush = await registerMany(app, rushEvent, 'rush', MESSAGES, CLIENTS);
    const rushRegSeconds = (performance.now() - rushStart) / 1000;
    await waitForArrivals(sink, rushBefore + MESSAGES, 600_000);
    const lastArrival = Math.max(...sink.arrivals.slice(rushBefore).map((a) => a.at));
    console.log(
      `rush: ${MESSAGES} registrations from ${CLIENTS} clients in ${rushRegSeconds.toFixed(2)} s (${fmt(MESSAGES / rushRegSeconds)}/s, worker running), statuses ${[...rush.statuses].map(([s, n]) => `${s}×${n}`).join(', ')}; last 201 → last message ${((lastArrival - rush.last201) / 1000).toFixed(2)} s`,
    );
  } finally {
    await app.close();
    sink.close();
  }
}

if (process.env.BENCH_HEALTH_PROBE) {
  probeMain(process.env.BENCH_HEALTH_PROBE);
} else {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

export default async function globalTeardown() {
  const pg = globalThis.__RENCONTRES_PG__;
  if (pg) await pg.stop();
}

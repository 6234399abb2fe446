// The schema of a database's `public` schema as sorted lines, read from pg_catalog (no pg_dump:
// the machine's client is older than the server), so two databases can be compared line by line.
//   node scripts/schema-snapshot.cjs <url A> <url B> [--ignore-function name,name…]
// prints what differs (A only: "-", B only: "+") and exits 1 when something does.
// Used by test/e2e/migrations-round-trip.e2e-spec.ts, and to check the baseline migration against
// the migrations it replaced.
const { Client } = require('pg');

const QUERIES = {
  extension: `SELECT extname AS k FROM pg_extension WHERE extname <> 'plpgsql'`,
  column: `SELECT c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                  || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END
                  || coalesce(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '')
                  || CASE WHEN a.attidentity <> '' THEN ' IDENTITY ' || a.attidentity::text ELSE '' END
                  || CASE WHEN a.attgenerated <> '' THEN ' GENERATED' ELSE '' END
                  || coalesce(' COLLATE ' || nullif(co.collname, 'default'), '') AS k
             FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
             LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
             LEFT JOIN pg_collation co ON co.oid = a.attcollation AND a.attcollation <> 0 AND co.collname <> 'default'
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm') AND a.attnum > 0 AND NOT a.attisdropped`,
  relation: `SELECT c.relkind::text || ' ' || c.relname || CASE WHEN c.relkind = 'v' THEN ' AS ' || pg_get_viewdef(c.oid) ELSE '' END AS k
               FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')`,
  constraint: `SELECT cl.relname || ' ' || co.conname || ' ' || pg_get_constraintdef(co.oid) AS k
                 FROM pg_constraint co JOIN pg_class cl ON cl.oid = co.conrelid JOIN pg_namespace n ON n.oid = co.connamespace
                WHERE n.nspname = 'public'`,
  index: `SELECT pg_get_indexdef(i.indexrelid) AS k FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'`,
  function: `SELECT p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ') ' || pg_get_functiondef(p.oid) AS k
               FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'
                AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')`,
  trigger: `SELECT pg_get_triggerdef(t.oid) AS k FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
              JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND NOT t.tgisinternal`,
  sequence: `SELECT sequencename || ' ' || data_type || ' ' || start_value || ' ' || increment_by || ' ' || coalesce(max_value::text, '') AS k
               FROM pg_sequences WHERE schemaname = 'public'`,
  'sequence owner': `SELECT s.relname || ' owned by ' || t.relname || '.' || a.attname AS k
                       FROM pg_depend d JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
                       JOIN pg_class t ON t.oid = d.refobjid JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
                       JOIN pg_namespace n ON n.oid = s.relnamespace WHERE n.nspname = 'public' AND d.deptype IN ('a', 'i')`,
  type: `SELECT t.typname || ' ' || t.typtype::text || coalesce(' ' || (SELECT string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid), '') AS k
           FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
          WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd') `,
  comment: `SELECT c.relname || coalesce('.' || a.attname, '') || ' ' || d.description AS k
              FROM pg_description d JOIN pg_class c ON c.oid = d.objoid AND d.classoid = 'pg_class'::regclass
              JOIN pg_namespace n ON n.oid = c.relnamespace
              LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid AND d.objsubid > 0
             WHERE n.nspname = 'public'`,
  policy: `SELECT tablename || ' ' || policyname || ' ' || cmd || ' ' || coalesce(qual, '') AS k FROM pg_policies WHERE schemaname = 'public'`,
  rule: `SELECT tablename || ' ' || rulename || ' ' || definition AS k FROM pg_rules WHERE schemaname = 'public'`,
};

/** Every object of the `public` schema, one line each (kind: definition), sorted. */
async function schemaSnapshot(url) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const lines = [];
    for (const [kind, sql] of Object.entries(QUERIES)) {
      const { rows } = await client.query(sql);
      for (const row of rows) lines.push(`${kind}: ${row.k.replace(/\s+/g, ' ').trim()}`);
    }
    return lines.sort();
  } finally {
    await client.end();
  }
}

/** Lines only in `a` (-) and only in `b` (+). */
function diffSnapshots(a, b) {
  const inB = new Set(b);
  const inA = new Set(a);
  return [...a.filter((l) => !inB.has(l)).map((l) => `- ${l}`), ...b.filter((l) => !inA.has(l)).map((l) => `+ ${l}`)];
}

module.exports = { schemaSnapshot, diffSnapshots };

if (require.main === module) {
  const [a, b, flag, names] = process.argv.slice(2);
  const ignored = flag === '--ignore-function' ? names.split(',') : [];
  const keep = (line) => !ignored.some((name) => line.startsWith(`function: ${name}(`));
  Promise.all([schemaSnapshot(a), schemaSnapshot(b)]).then(([x, y]) => {
    const dropped = x.filter((l) => !keep(l));
    const diff = diffSnapshots(x.filter(keep), y.filter(keep));
    console.log(`A: ${x.length} objects (${dropped.length} ignored: ${ignored.join(', ') || 'none'}), B: ${y.length} objects`);
    for (const line of diff) console.log(line);
    console.log(diff.length ? `${diff.length} lines differ` : 'identical');
    process.exit(diff.length ? 1 : 0);
  });
}

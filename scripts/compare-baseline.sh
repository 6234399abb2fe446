#!/usr/bin/env bash
# Checks the baseline migration against the fourteen migrations it replaced: builds one database
# with the migrations of OLD_COMMIT (the last commit that had them) and one with this tree's, and
# compares their schemas object by object (scripts/schema-snapshot.cjs), the dead capacity functions
# left out. Needs a PostgreSQL superuser URL:
#   ADMIN_URL=postgres://postgres:secret@127.0.0.1:5432/postgres scripts/compare-baseline.sh [OLD_COMMIT]
set -euo pipefail
cd "$(dirname "$0")/.."
old_commit=${1:-1030cbf}
: "${ADMIN_URL:?set ADMIN_URL to a superuser URL of a PostgreSQL 17 server}"
work=node_modules/.cache/compare-baseline
rm -rf "$work" && mkdir -p "$work/old-tree"
git archive "$old_commit" src scripts/swc-options.json | tar -x -C "$work/old-tree"

compile() { # <source dir> <out dir>
  node -e '
    const { transformFileSync } = require("@swc/core");
    const fs = require("fs"), path = require("path");
    const [from, to] = process.argv.slice(1);
    const options = JSON.parse(fs.readFileSync("scripts/swc-options.json", "utf8"));
    const walk = (dir) => { for (const name of fs.readdirSync(dir)) {
      const file = path.join(dir, name);
      if (fs.statSync(file).isDirectory()) walk(file);
      else if (file.endsWith(".ts") && !file.endsWith(".spec.ts")) {
        const out = path.join(to, path.relative(from, file)).replace(/\.ts$/, ".js");
        fs.mkdirSync(path.dirname(out), { recursive: true });
        fs.writeFileSync(out, transformFileSync(file, options).code);
      } } };
    walk(from);' "$1" "$2"
}
compile "$work/old-tree/src" "$work/old"
compile src "$work/new"

url_of() { node -e 'const u = new URL(process.argv[1]); u.pathname = "/" + process.argv[2]; console.log(u.toString())' "$ADMIN_URL" "$1"; }
psql_admin() { node -e 'const { Client } = require("pg"); const c = new Client({ connectionString: process.argv[1] }); c.connect().then(() => c.query(process.argv[2])).then(() => c.end())' "$ADMIN_URL" "$1"; }
for db in compare_old_chain compare_baseline; do psql_admin "DROP DATABASE IF EXISTS $db WITH (FORCE)"; psql_admin "CREATE DATABASE $db"; done
migrate() { node -e 'require("reflect-metadata"); require(process.argv[1] + "/database/data-source.js").runMigrations(process.argv[2]).then((a) => console.log(`${a.length} migrations applied`))' "$PWD/$1" "$2"; }
migrate "$work/old" "$(url_of compare_old_chain)"
migrate "$work/new" "$(url_of compare_baseline)"
status=0
node scripts/schema-snapshot.cjs "$(url_of compare_old_chain)" "$(url_of compare_baseline)" \
  --ignore-function assert_event_capacity,assert_session_capacity,registration_capacity_on_insert,registration_capacity_on_update,session_choice_capacity_on_insert,session_choice_capacity_on_update || status=$?
for db in compare_old_chain compare_baseline; do psql_admin "DROP DATABASE $db WITH (FORCE)"; done
exit $status

#!/bin/sh
# First start of the PostgreSQL container only: the application's own role, owner of its
# database but not a superuser (it may create trusted extensions such as btree_gist).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v password="$RENCONTRES_DB_PASSWORD" <<'SQL'
CREATE ROLE rencontres LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'password';
CREATE DATABASE rencontres OWNER rencontres;
SQL

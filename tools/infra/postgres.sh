#!/usr/bin/env bash
# Makes sure a real PostgreSQL answers, and prints DATABASE_URL=... as the last line.
# Honours DATABASE_URL; otherwise uses (and if needed starts) the local cluster on 127.0.0.1:5432.
set -euo pipefail

fail() { echo "postgres: $*" >&2; exit 1; }
answers() { timeout 5 psql "$1" -qAtc 'select 1' >/dev/null 2>&1; }

if [[ -n "${DATABASE_URL:-}" ]]; then
  command -v psql >/dev/null || fail "psql is missing (apt-get install -y postgresql-client)"
  answers "$DATABASE_URL" || fail "DATABASE_URL is set but the server does not answer"
  echo "DATABASE_URL=$DATABASE_URL"
  exit 0
fi

url="postgres://postgres@127.0.0.1:5432/test"
if ! command -v pg_ctlcluster >/dev/null; then
  echo "postgres: no local server; installing Debian's postgresql" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null || fail "apt-get install postgresql failed"
fi
if ! answers "$url"; then
  version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)
  [[ -n "$version" ]] || fail "no cluster under /etc/postgresql"
  echo "postgres: starting cluster $version/main" >&2
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || fail "pg_ctlcluster could not start $version/main"
  for _ in $(seq 1 30); do answers "$url" && break; sleep 1; done
  answers "$url" || fail "the local cluster did not accept connections within 30 s"
fi
echo "DATABASE_URL=$url"

#!/usr/bin/env bash
# A throwaway PostgreSQL server for the test suite, on loopback only, from the distribution's packages.
#   . scripts/test-postgres.sh     (sourced) installs PostgreSQL if missing, starts a server in a temp
#                                  dir on a free port, exports NIGHTJAR_TEST_PG_URL / _USER / _PASSWORD
#                                  and stops the server when the calling shell exits.
# The server refuses to run as root, so as root the cluster is owned by (and run as) the `postgres` user.
set -euo pipefail

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

if [ -z "$(pg_bin)" ] || [ ! -x "$(pg_bin)/initdb" ]; then
  echo "test-postgres: installing PostgreSQL from the distribution's packages" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi
PG_BIN="$(pg_bin)"

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

NIGHTJAR_TEST_PG_DIR="$(mktemp -d /tmp/nightjar-pg.XXXXXX)"
[ "$(id -u)" = 0 ] && chown postgres: "$NIGHTJAR_TEST_PG_DIR"
password="$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
printf '%s\n' "$password" > "$NIGHTJAR_TEST_PG_DIR/pwfile"
[ "$(id -u)" = 0 ] && chown postgres: "$NIGHTJAR_TEST_PG_DIR/pwfile"
as_owner "$PG_BIN/initdb" -D "$NIGHTJAR_TEST_PG_DIR/data" -U nightjar --pwfile="$NIGHTJAR_TEST_PG_DIR/pwfile" \
  --auth=scram-sha-256 -E UTF8 --locale=C >"$NIGHTJAR_TEST_PG_DIR/initdb.log"
rm -f "$NIGHTJAR_TEST_PG_DIR/pwfile"

# a free loopback port: let the kernel pick one, then hand it to the server
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null \
  || shuf -i 20000-60000 -n 1)"
as_owner "$PG_BIN/pg_ctl" -D "$NIGHTJAR_TEST_PG_DIR/data" -l "$NIGHTJAR_TEST_PG_DIR/server.log" -w -t 120 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $NIGHTJAR_TEST_PG_DIR -c max_connections=300 -c fsync=off" start >/dev/null

stop_test_postgres() {
  as_owner "$PG_BIN/pg_ctl" -D "$NIGHTJAR_TEST_PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$NIGHTJAR_TEST_PG_DIR"
}
trap stop_test_postgres EXIT

export NIGHTJAR_TEST_PG_URL="jdbc:postgresql://127.0.0.1:$port/postgres"
export NIGHTJAR_TEST_PG_USER=nightjar
export NIGHTJAR_TEST_PG_PASSWORD="$password"
echo "test-postgres: PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($NIGHTJAR_TEST_PG_DIR)" >&2

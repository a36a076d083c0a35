#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests, from Debian's packages.
#
#   bash scripts/postgres.sh          # install (if needed), start, print the URL on standard output
#   bash scripts/postgres.sh stop     # stop the server (its data stays for the next start)
#
# Installs `postgresql` with apt-get when no server binaries are there, then runs its own
# server (initdb + pg_ctl as the postgres user; the packaged `main` cluster is left alone) on
# 127.0.0.1 on a free port, with a role that may create databases (the tests make one per test)
# and a database. Everything but the URL goes to standard error. Running it again reuses the
# server (or restarts it from the same data folder). Root (as in CI) or the owner of the folder.
set -euo pipefail

DIR=${REPORT_MINER_PG_DIR:-/var/tmp/report-miner-pg}  # state, socket, log; the data in $DIR/data
ROLE=report_miner
DB=report_miner_test

say() { echo "postgres.sh: $*" >&2; }

bindir() {  # the newest installed server's binaries
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && echo "$dir"
}

as_owner() {  # the server refuses to run as root: root runs it as the postgres user
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

BIN=$(bindir || true)

if [ "${1:-}" = stop ]; then
  if [ -n "$BIN" ] && [ -f "$DIR/data/PG_VERSION" ]; then
    as_owner "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >&2 || true
  fi
  exit 0
fi

if [ -z "$BIN" ]; then
  [ "$(id -u)" = 0 ] || { say "PostgreSQL is not installed and only root can install it"; exit 1; }
  say "installing Debian's postgresql"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2 </dev/null
  BIN=$(bindir) || { say "no PostgreSQL server binaries after installing postgresql"; exit 1; }
fi

mkdir -p "$DIR"
[ "$(id -u)" = 0 ] && chown postgres:postgres "$DIR"
chmod 700 "$DIR"
DATA=$DIR/data

# the role's password: made once, kept with the server
if [ ! -s "$DIR/password" ]; then
  (umask 077; head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$DIR/password")
fi
PASSWORD=$(cat "$DIR/password")

if [ ! -f "$DATA/PG_VERSION" ]; then
  say "initdb $DATA"
  rm -rf "$DATA"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$DIR" "$DIR/password"
  # UTF-8 whatever the machine's locale (a POSIX locale would give SQL_ASCII databases)
  as_owner "$BIN/initdb" -D "$DATA" -U postgres -E UTF8 --locale=C.UTF-8 --auth-local=trust \
    --auth-host=scram-sha-256 >"$DIR/initdb.log" 2>&1 || { cat "$DIR/initdb.log" >&2; exit 1; }
fi

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

port_free() {  # SO_REUSEADDR as the server sets it: connections in TIME_WAIT do not hold the port
  python3 -c 'import socket, sys; s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1])))' "$1" 2>/dev/null
}

if as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
  PORT=$(cat "$DIR/port")
  say "server already running on 127.0.0.1:$PORT"
else
  PORT=$(cat "$DIR/port" 2>/dev/null || true)
  if [ -z "$PORT" ] || ! port_free "$PORT"; then
    PORT=$(free_port)
  fi
  echo "$PORT" > "$DIR/port"
  say "starting the server on 127.0.0.1:$PORT"
  # a test server: durability traded for speed (every test creates and drops a database); no
  # autovacuum, whose workers (superuser processes) would make a test role's DROP DATABASE ... FORCE fail
  as_owner "$BIN/pg_ctl" -D "$DATA" -l "$DIR/server.log" -w -t 60 start -o \
    "-c listen_addresses=127.0.0.1 -p $PORT -c unix_socket_directories=$DIR -c fsync=off \
     -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c autovacuum=off" >&2 </dev/null ||
    { tail -n 20 "$DIR/server.log" >&2; exit 1; }
fi

psql_admin() {
  as_owner "$BIN/psql" -h "$DIR" -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA "$@" </dev/null
}

psql_admin -c "DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$ROLE') THEN CREATE ROLE $ROLE LOGIN CREATEDB; END IF;
END \$\$" -c "ALTER ROLE $ROLE WITH LOGIN CREATEDB PASSWORD '$PASSWORD'" >&2
if [ -z "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")" ]; then
  psql_admin -c "CREATE DATABASE $DB OWNER $ROLE" >&2
fi

echo "postgresql+psycopg://$ROLE:$PASSWORD@127.0.0.1:$PORT/$DB"

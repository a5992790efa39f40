#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster on 127.0.0.1 for tests (the indexer's PostgreSQL variant).
#
#   bash scripts/postgres.sh start <dir>   # creates the cluster in <dir> if needed, starts it and
#                                          # prints its DATABASE_URL
#   bash scripts/postgres.sh stop <dir>    # stops it and deletes its data (the log stays)
#
# The port is REMIX_PG_PORT, else the first free one from 55432. Trust authentication: loopback
# only, throwaway data.
set -euo pipefail

usage() {
  echo "usage: bash scripts/postgres.sh start|stop <dir>" >&2
  exit 2
}
[[ $# -eq 2 && ($1 == start || $1 == stop) ]] || usage
command=$1
dir=$(realpath -m -- "$2") # absolute: the postgres user's tools run from /, and the socket lives here
data="$dir/data"
port=${REMIX_PG_PORT:-55432}
bin=/usr/lib/postgresql/15/bin

# PostgreSQL refuses to run as root: as root, its tools run as the `postgres` user.
# (From /, which the `postgres` user can always enter, unlike the caller's folder.)
as_postgres() {
  if [[ $(id -u) -eq 0 ]]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

if [[ $command == stop ]]; then
  # By its data folder, never by process name: other clusters may run on this machine.
  if [[ -f "$data/postmaster.pid" ]]; then
    as_postgres "$bin/pg_ctl" -D "$data" -w -m fast stop >/dev/null
  fi
  rm -rf "$data"
  exit 0
fi

# Debian's postgresql-15 is preinstalled on developers' and CI machines; install it where it is
# missing and we may (root with apt-get), else fail with the reason.
if [[ ! -x "$bin/pg_ctl" ]]; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "postgres.sh: installing postgresql-15" >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >&2
  else
    echo "postgres.sh: PostgreSQL 15 is not installed ($bin/pg_ctl); apt-get install postgresql-15" >&2
    exit 1
  fi
fi

# Already running from <dir>: its URL (the port is line 4 of postmaster.pid).
if [[ -f "$data/postmaster.pid" ]] && as_postgres "$bin/pg_ctl" -D "$data" status >/dev/null; then
  echo "postgres://postgres@127.0.0.1:$(sed -n 4p "$data/postmaster.pid")/postgres"
  exit 0
fi

# Never test against someone else's server: a port in use is refused (REMIX_PG_PORT) or skipped
# (the default, so that concurrent runs on one machine each get a cluster).
in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
if [[ -n ${REMIX_PG_PORT:-} ]]; then
  if in_use "$port"; then
    echo "postgres.sh: 127.0.0.1:$port (REMIX_PG_PORT) is in use" >&2
    exit 1
  fi
else
  while in_use "$port"; do
    port=$((port + 1))
    if ((port > 55531)); then
      echo "postgres.sh: no free port in 55432-55531 (set REMIX_PG_PORT)" >&2
      exit 1
    fi
  done
fi

mkdir -p "$dir"
if [[ $(id -u) -eq 0 ]]; then chown postgres "$dir"; fi
if [[ ! -f "$data/PG_VERSION" ]]; then
  # -N: no fsync, the data is thrown away anyway.
  as_postgres "$bin/initdb" -D "$data" -A trust -U postgres -E UTF8 --locale=C -N >/dev/null
fi
# The socket goes to <dir> (not /var/run/postgresql, which may not exist or be writable); TCP
# on loopback only. fsync off: throwaway data, faster tests.
as_postgres "$bin/pg_ctl" -D "$data" -w -l "$dir/log" \
  -o "-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null ||
  { tail -n 20 "$dir/log" >&2; exit 1; }
echo "postgres://postgres@127.0.0.1:$port/postgres"

# Sourced by the bench scripts that run Piggy on a scratch system PostgreSQL: refuses busy ports,
# makes a work directory, initialises a cluster there and stops and removes it all on exit.
# Needs: port, pg_port, pg_bin; the caller sets piggy_pid once Piggy runs.
for p in "$port" "$pg_port"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
    echo "Port $p is in use; set BENCH_PORT / BENCH_PG_PORT to free ones." >&2; exit 1
  fi
done
work=$(mktemp -d)
chmod 755 "$work"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
psql_bench() { psql -h localhost -p "$pg_port" -U postgres -d piggy_bench -v ON_ERROR_STOP=1 -qAt "$@"; }
cleanup() {
  [ -n "${piggy_pid:-}" ] && kill -TERM "$piggy_pid" 2>/dev/null && wait "$piggy_pid" 2>/dev/null || true
  as_pg "$pg_bin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "== PostgreSQL in $work/pg on port $pg_port"
mkdir "$work/pg"
if [ "$(id -u)" = 0 ]; then chown postgres "$work/pg"; fi

# Sourced by the bench scripts: wait_for_piggy PORT PID LOG waits (up to 2 minutes) until the Piggy
# started as PID answers its health check on PORT; if it dies first, prints LOG and exits.
wait_for_piggy() {
  local port=$1 pid=$2 log=$3
  for _ in $(seq 1 600); do
    curl -sf -o /dev/null "http://localhost:$port/actuator/health" && return 0
    kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.2
  done
  echo "Piggy did not answer on :$port within 2 minutes; see $log" >&2
  exit 1
}

# build_for_bench: unless BENCH_SKIP_BUILD is set, packages Piggy and compiles the load generators
# (test classes) with their classpath in target/bench-classpath.txt: by default, measure the code as it is.
build_for_bench() {
  if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
    mvn -B -q -DskipTests package
    mvn -B -q test-compile
    mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
  fi
}

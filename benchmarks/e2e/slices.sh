#!/usr/bin/env bash
# Throughput of one HelloServer under continuous load, in 10 s slices, with the CPU its JIT
# compiler threads have used so far: shows how long warm-up takes before the steady state.
# Loopback only; the server is pinned to CPU 0, wrk and the OTLP sink to CPU 1.
#
# Usage (from the repository root, after ./mvnw -B -ntp -pl benchmarks -am package -DskipTests):
#   benchmarks/e2e/slices.sh 90 --mode lyss [--work 100]       # 9 slices of 10 s
#   JVM_EXTRA=-javaagent:<agent.jar> benchmarks/e2e/slices.sh 90 --mode plain
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=benchmarks/target/benchmarks.jar
SECONDS_TOTAL=${1:?usage: slices.sh <seconds> <HelloServer args...>}
shift
PORT=${PORT:-18080}
SINK_PORT=${SINK_PORT:-4318}
URL="http://127.0.0.1:${PORT}/hello"
[[ -f "$JAR" ]] || { echo "slices.sh: $JAR missing" >&2; exit 2; }

python3 benchmarks/e2e/otlp_sink.py "$SINK_PORT" >/dev/null 2>&1 &
sink=$!
# shellcheck disable=SC2086
OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:${SINK_PORT}" taskset -c 0 \
  java -Xms512m -Xmx512m -XX:+UseG1GC ${JVM_EXTRA:-} -cp "$JAR" ai.lyss.benchmarks.e2e.HelloServer \
  --port "$PORT" "$@" >/dev/null 2>&1 &
pid=$!
trap 'kill $pid $sink 2>/dev/null || true; wait $pid $sink 2>/dev/null || true' EXIT
taskset -cp 1 "$sink" >/dev/null
deadline=$(( $(date +%s) + 60 ))
until curl -s -o /dev/null "$URL"; do
  (( $(date +%s) < deadline )) && kill -0 "$pid" || { echo "slices.sh: server did not start" >&2; exit 1; }
  sleep 0.05
done
# CPU ticks (user + system) of the C1 and C2 compiler threads so far.
jit_ticks() {
  local t c
  for t in /proc/"$pid"/task/*; do
    c=$(cat "$t/comm")
    case "$c" in C1* | C2*) awk -v c="${c:0:2}" '{ print c, $14 + $15 }' "$t/stat" ;; esac
  done | awk '{ a[$1] += $2 } END { printf "C1=%d C2=%d", a["C1"], a["C2"] }'
}
for ((s = 10; s <= SECONDS_TOTAL; s += 10)); do
  rps=$(taskset -c 1 wrk -t1 -c16 -d10s "$URL" | awk '/^Requests\/sec/ { print $2 }')
  echo "t=${s}s requests/s=${rps} jit_cpu_ticks_so_far: $(jit_ticks)"
done

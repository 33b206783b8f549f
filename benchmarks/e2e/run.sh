#!/usr/bin/env bash
# End-to-end overhead of Lyss on a minimal hello endpoint (embedded Jetty 12, ee10 servlet), in
# one run, against the same app with no instrumentation and with the OpenTelemetry Java agent:
#
#   (a) plain  - HelloServer --mode plain, no instrumentation
#   (b) lyss   - HelloServer --mode lyss: tracing + request logging + metrics servlet filters,
#                spans over OTLP/HTTP to a loopback sink, JSON logs (Lyss Logback config) to a
#                file, metrics in the Prometheus registry
#   (c) agent  - HelloServer --mode plain with -javaagent:opentelemetry-javaagent (defaults),
#                exporting OTLP/HTTP to the same loopback sink
#
# For each: startup (launch to first 200), wrk warm-up, a measured wrk run (throughput at
# saturation, p50/p99), process CPU time per request over the measured run (/proc/<pid>/stat),
# heap used after warm-up + measured run (jcmd GC.run, then GC.heap_info). Everything binds
# 127.0.0.1 and every process started here is killed on exit.
#
# Usage (from the repository root, after ./mvnw -B -ntp -pl benchmarks -am package):
#   benchmarks/e2e/run.sh            # writes benchmarks/results/e2e.txt
# Settings (environment): WARMUP=30 DURATION=30 (seconds), WRK_THREADS=1, WRK_CONNECTIONS=16,
#   PORT=18080, SINK_PORT=4318, AGENT_JAR=<path> (else fetched with mvn dependency:copy),
#   OUT=benchmarks/results/e2e.txt, JVM_OPTS="-Xms512m -Xmx512m -XX:+UseG1GC",
#   BREAKDOWN=1 (default) also runs lyss with one filter at a time (lyss-trc, lyss-log,
#   lyss-met); BREAKDOWN=0 runs only (a), (b), (c), about 3.5 minutes instead of 7.
set -euo pipefail

cd "$(dirname "$0")/../.."
JAR=benchmarks/target/benchmarks.jar
AGENT_VERSION=2.31.0
WARMUP=${WARMUP:-30}
DURATION=${DURATION:-30}
WRK_THREADS=${WRK_THREADS:-1}
WRK_CONNECTIONS=${WRK_CONNECTIONS:-16}
PORT=${PORT:-18080}
SINK_PORT=${SINK_PORT:-4318}
OUT=${OUT:-benchmarks/results/e2e.txt}
BREAKDOWN=${BREAKDOWN:-1}
JVM_OPTS=${JVM_OPTS:--Xms512m -Xmx512m -XX:+UseG1GC}
URL="http://127.0.0.1:${PORT}/hello"

for tool in java jcmd wrk curl python3; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is required" >&2; exit 2; }
done
[[ -f "$JAR" ]] || { echo "run.sh: $JAR missing; run ./mvnw -B -ntp -pl benchmarks -am package" >&2; exit 2; }

WORK=$(mktemp -d /tmp/lyss-e2e.XXXXXX)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT INT TERM

if [[ -z "${AGENT_JAR:-}" ]]; then
  AGENT_JAR="$WORK/opentelemetry-javaagent-${AGENT_VERSION}.jar"
  mvn -B -ntp -q dependency:copy \
    -Dartifact="io.opentelemetry.javaagent:opentelemetry-javaagent:${AGENT_VERSION}" \
    -DoutputDirectory="$WORK" >&2
fi
[[ -f "$AGENT_JAR" ]] || { echo "run.sh: agent jar $AGENT_JAR missing" >&2; exit 2; }

# With two or more CPUs the server gets CPU 0 to itself; wrk and the sink share the rest, so the
# server saturates one core and the load generator does not steal from it.
NCPU=$(nproc)
if (( NCPU >= 2 )) && command -v taskset >/dev/null; then
  SERVER_PIN=(taskset -c 0)
  LOAD_PIN=(taskset -c "1-$((NCPU - 1))")
else
  SERVER_PIN=()
  LOAD_PIN=()
fi

# wrk latency ("812.00us", "1.23ms", "2.00s") -> milliseconds
to_ms() {
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) { sub(/us$/, "", v); printf "%.3f", v / 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.3f", v }
    else if (v ~ /m$/) { sub(/m$/, "", v); printf "%.3f", v * 60000 }
    else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.3f", v * 1000 }
    else { printf "%s", v } }'
}

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

declare -A RPS P50 P99 CPU_US START_MS HEAP_KB RSS_KB REQS ERRS

run_variant() {
  local name=$1 mode=$2
  shift 2
  # Arguments starting with -javaagent or -X/-D go to the JVM, the rest to HelloServer.
  local extra=() app=()
  local a
  for a in "$@"; do
    case "$a" in
      -javaagent:* | -X* | -D*) extra+=("$a") ;;
      *) app+=("$a") ;;
    esac
  done
  echo "== $name: starting" >&2
  # A fresh OTLP sink per variant, so its counts are this variant's exports.
  "${LOAD_PIN[@]}" python3 benchmarks/e2e/otlp_sink.py "$SINK_PORT" >"$WORK/$name.sink" 2>&1 &
  local sink_pid=$!
  PIDS+=("$sink_pid")
  local t0 t1 pid code=""
  t0=$(date +%s%N)
  OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:${SINK_PORT}" OTEL_SERVICE_NAME="e2e-$name" \
    "${SERVER_PIN[@]}" java $JVM_OPTS "${extra[@]}" -cp "$JAR" ai.lyss.benchmarks.e2e.HelloServer \
    --mode "$mode" "${app[@]}" --port "$PORT" >"$WORK/$name.stdout" 2>"$WORK/$name.stderr" &
  pid=$!
  PIDS+=("$pid")
  local deadline=$(( $(date +%s) + 60 ))
  while [[ "$code" != "200" ]]; do
    if (( $(date +%s) > deadline )) || ! kill -0 "$pid" 2>/dev/null; then
      echo "run.sh: $name did not answer 200 within 60 s; see $WORK/$name.stderr" >&2
      exit 1
    fi
    code=$(curl -s -o /dev/null -w '%{http_code}' "$URL" || true)
    [[ "$code" == "200" ]] || sleep 0.01
  done
  t1=$(date +%s%N)
  START_MS[$name]=$(( (t1 - t0) / 1000000 ))

  echo "== $name: warm-up ${WARMUP}s" >&2
  "${LOAD_PIN[@]}" wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"${WARMUP}s" "$URL" >"$WORK/$name.warmup"
  local c0 c1
  c0=$(cpu_ticks "$pid")
  echo "== $name: measuring ${DURATION}s" >&2
  "${LOAD_PIN[@]}" wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"${DURATION}s" --latency "$URL" \
    >"$WORK/$name.wrk"
  c1=$(cpu_ticks "$pid")

  jcmd "$pid" GC.run >/dev/null
  jcmd "$pid" GC.heap_info >"$WORK/$name.heap"
  # G1: " garbage-first heap   total 524288K, used 12345K [...]"
  HEAP_KB[$name]=$(awk '/heap/ && /used/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K.*/, "", v); print v; exit } }' "$WORK/$name.heap")
  RSS_KB[$name]=$(awk '/^VmRSS/ { print $2 }' "/proc/$pid/status")

  kill "$pid"
  wait "$pid" 2>/dev/null || true
  kill "$sink_pid"
  wait "$sink_pid" 2>/dev/null || true

  local w="$WORK/$name.wrk"
  REQS[$name]=$(awk '/requests in/ { print $1 }' "$w")
  RPS[$name]=$(awk '/^Requests\/sec:/ { print $2 }' "$w")
  P50[$name]=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$w")")
  P99[$name]=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$w")")
  ERRS[$name]=$(awk '/Non-2xx|Socket errors/ { printf "%s; ", $0 }' "$w")
  local hz
  hz=$(getconf CLK_TCK)
  CPU_US[$name]=$(awk -v t=$((c1 - c0)) -v hz="$hz" -v n="${REQS[$name]}" \
    'BEGIN { printf "%.2f", t / hz * 1e6 / n }')
  {
    echo "---- $name: java $JVM_OPTS ${extra[*]} -cp $JAR ai.lyss.benchmarks.e2e.HelloServer --mode $mode ${app[*]}"
    echo "startup_ms=${START_MS[$name]} cpu_ticks=$((c1 - c0)) (CLK_TCK=$hz) heap_used_after_gc_kb=${HEAP_KB[$name]} rss_kb=${RSS_KB[$name]}"
    echo "otlp sink (after the JVM stopped):"
    cat "$WORK/$name.sink"
    cat "$w"
    echo
  } >>"$WORK/raw.txt"
}

: >"$WORK/raw.txt"
VARIANTS=(plain lyss agent)
run_variant plain plain
run_variant lyss lyss
run_variant agent plain "-javaagent:$AGENT_JAR"
if [[ "$BREAKDOWN" == "1" ]]; then
  VARIANTS+=(lyss-trc lyss-log lyss-met)
  run_variant lyss-trc lyss --filters tracing
  run_variant lyss-log lyss --filters logging
  run_variant lyss-met lyss --filters metrics
fi

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0) print "n/a"; else printf "%.3f", a / b }'; }

{
  echo "# Lyss end-to-end overhead: hello endpoint on embedded Jetty 12 (ee10), loopback wrk"
  echo "# produced by benchmarks/e2e/run.sh on $(date -u '+%Y-%m-%dT%H:%M:%SZ')"
  echo "machine: $(nproc) CPU(s), $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), $(awk '/MemTotal/ { print $2 " kB RAM" }' /proc/meminfo)"
  echo "kernel: $(uname -sr)"
  echo "java: $(java -version 2>&1 | head -2 | tail -1)"
  echo "wrk: $(wrk -v 2>&1 | head -1)"
  echo "otel agent: $(basename "$AGENT_JAR")"
  echo "pinning: server=${SERVER_PIN[*]:-none} wrk+sink=${LOAD_PIN[*]:-none}"
  echo "load: wrk -t$WRK_THREADS -c$WRK_CONNECTIONS, warm-up ${WARMUP}s, measured ${DURATION}s, GET $URL"
  echo "jvm: $JVM_OPTS"
  echo
  printf '%-8s %10s %9s %9s %10s %11s %12s %10s\n' variant req/s p50_ms p99_ms cpu_us/req startup_ms heap_used_kb rss_kb
  for v in "${VARIANTS[@]}"; do
    printf '%-8s %10s %9s %9s %10s %11s %12s %10s\n' "$v" "${RPS[$v]}" "${P50[$v]}" "${P99[$v]}" \
      "${CPU_US[$v]}" "${START_MS[$v]}" "${HEAP_KB[$v]}" "${RSS_KB[$v]}"
  done
  echo
  echo "ratios to plain (a):"
  printf '%-8s %10s %9s %9s %10s %11s %12s %10s\n' variant req/s p50 p99 cpu/req startup heap rss
  for v in "${VARIANTS[@]}"; do
    printf '%-8s %10s %9s %9s %10s %11s %12s %10s\n' "$v" "$(ratio "${RPS[$v]}" "${RPS[plain]}")" \
      "$(ratio "${P50[$v]}" "${P50[plain]}")" "$(ratio "${P99[$v]}" "${P99[plain]}")" \
      "$(ratio "${CPU_US[$v]}" "${CPU_US[plain]}")" "$(ratio "${START_MS[$v]}" "${START_MS[plain]}")" \
      "$(ratio "${HEAP_KB[$v]}" "${HEAP_KB[plain]}")" "$(ratio "${RSS_KB[$v]}" "${RSS_KB[plain]}")"
  done
  echo
  for v in "${VARIANTS[@]}"; do
    if [[ -n "${ERRS[$v]}" ]]; then
      echo "wrk errors $v: ${ERRS[$v]}"
    fi
  done
  echo "lyss request-log lines written: $(wc -l <"$WORK/lyss.stdout") (2 per request when none is dropped)"
  echo
  echo "# raw wrk output"
  cat "$WORK/raw.txt"
} >"$OUT"
cat "$OUT"
rm -rf "$WORK"

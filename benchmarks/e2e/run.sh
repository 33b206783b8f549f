#!/usr/bin/env bash
# End-to-end overhead of Lyss on a hello endpoint (embedded Jetty 12, ee10 servlet), against the
# same app with no instrumentation and with the OpenTelemetry Java agent, in one run:
#
#   (a) plain  - HelloServer --mode plain, no instrumentation
#   (b) lyss   - HelloServer --mode lyss: tracing + request logging + metrics servlet filters,
#                spans over OTLP/HTTP to a loopback sink, JSON logs (Lyss Logback config) to a
#                file, metrics in the Prometheus registry
#   (c) agent  - HelloServer --mode plain with -javaagent:opentelemetry-javaagent (defaults),
#                exporting OTLP/HTTP to the same loopback sink
#
# Every variant runs ROUNDS times, interleaved (the order rotates each round), and the ratios to
# (a) are computed per round and reported as medians, so a slow spell of a shared machine hits
# all variants alike. WORKS lists the handler loads: 0 is the bare hello endpoint (the worst case
# for any instrumentation), n > 0 makes each request compute n SHA-256 digests of 1 KiB first.
#
# For each run: startup (launch to first 200), a wrk warm-up, a measured wrk run (throughput at
# saturation, p50/p99), process CPU time per request over the measured run (/proc/<pid>/stat),
# heap used after the runs (jcmd GC.run, then GC.heap_info). Everything binds 127.0.0.1 and
# every process started here is killed on exit.
#
# Usage (from the repository root, after ./mvnw -B -ntp -pl benchmarks -am package -DskipTests):
#   benchmarks/e2e/run.sh            # writes benchmarks/results/e2e.txt
# The warm-up must outlast the JIT: on one core the C2 compiler needs 40-50 s of load to finish
# with the Lyss filters or the agent (about 25 s for the bare app), and a shorter warm-up measures
# compilation, not steady state.
# CPU per request is also split by thread group (request threads, log writer, span export, GC,
# JIT, other; benchmarks/e2e/threads.py reads /proc/<pid>/task/*/stat around the measured run).
# The OTLP sink decodes one export request in eight and estimates the spans it received; each run
# reports spans received per request served (1.000: every span exported; the agent's export queue
# drops spans on the bare endpoint). Each run's log file is deleted after its lines are counted
# (the first 200 lines are kept as <run>.stdout.head), so that earlier runs' logs on the disk do
# not make a later run's writes dearer.
# Settings (environment): ROUNDS=3, EXTRA_VARIANTS (e.g. "lyss-okhttp", or "lyss-nolog": tracing +
#   metrics without the request log, the work the agent does) adds named variants to every round,
#   NOSTART=1 (default) adds the variant lyss-nostart (Lyss with LYSS_LOG_REQUEST_STARTED=false:
#   one request line instead of two) to every round, WORKS="0 100", WARMUP=60 DURATION=20 (seconds),
#   WRK_THREADS=1, WRK_CONNECTIONS=16, PORT=18080, SINK_PORT=4318, AGENT_JAR=<path> (else
#   fetched with mvn dependency:copy), OUT=benchmarks/results/e2e.txt,
#   JVM_OPTS="-Xms512m -Xmx512m -XX:+UseG1GC", BREAKDOWN=1 (default) also runs, once, plain,
#   lyss without request logging (lyss-nolog: tracing + metrics, what the agent does) and lyss
#   with one filter at a time (lyss-trc, lyss-log, lyss-met) on the bare endpoint,
#   PREV_JAR=<benchmarks.jar of an earlier build> adds a variant lyss-prev (the same filters from
#   that build) to every round, for a before/after comparison in one run.
# Variant lyss-okhttp: lyss with spans sent by OpenTelemetry's OkHttp sender
#   (-DLYSS_OTLP_SENDER=okhttp) instead of the default JDK HttpClient one, for comparing the two
#   OTLP senders end to end; add it to ORDER to run it in every round.
#   About 25 minutes with the defaults (32 with PREV_JAR).
set -euo pipefail

cd "$(dirname "$0")/../.."
JAR=benchmarks/target/benchmarks.jar
AGENT_VERSION=2.31.0
ROUNDS=${ROUNDS:-3}
WORKS=${WORKS:-0 100}
WARMUP=${WARMUP:-60}
DURATION=${DURATION:-20}
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

TSV="$WORK/runs.tsv"
printf 'work\tround\tvariant\trps\tp50_ms\tp99_ms\tcpu_us_req\tstartup_ms\theap_kb\trss_kb\tlog_lines\tspans_exported\tthreads\n' >"$TSV"
: >"$WORK/raw.txt"

# run_variant <work> <round> <name> <mode> [jvm or app args...]
run_variant() {
  local work=$1 round=$2 name=$3 mode=$4
  shift 4
  # Arguments starting with -javaagent or -X/-D go to the JVM, the rest to HelloServer.
  local extra=() app=()
  local a
  for a in "$@"; do
    case "$a" in
      -javaagent:* | -X* | -D*) extra+=("$a") ;;
      *) app+=("$a") ;;
    esac
  done
  local tag="w${work}-r${round}-${name}"
  local jar="$JAR"
  if [[ "$name" == "lyss-prev" ]]; then
    jar="$PREV_JAR"
  fi
  echo "== $tag: starting ($(date -u +%H:%M:%S))" >&2
  # A fresh OTLP sink per run, so its counts are this run's exports.
  "${LOAD_PIN[@]}" python3 benchmarks/e2e/otlp_sink.py "$SINK_PORT" >"$WORK/$tag.sink" 2>&1 &
  local sink_pid=$!
  PIDS+=("$sink_pid")
  local t0 t1 pid code=""
  t0=$(date +%s%N)
  OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:${SINK_PORT}" OTEL_SERVICE_NAME="e2e-$name" \
    "${SERVER_PIN[@]}" java $JVM_OPTS "${extra[@]}" -cp "$jar" ai.lyss.benchmarks.e2e.HelloServer \
    --mode "$mode" --work "$work" "${app[@]}" --port "$PORT" >"$WORK/$tag.stdout" 2>"$WORK/$tag.stderr" &
  pid=$!
  PIDS+=("$pid")
  local deadline=$(( $(date +%s) + 60 ))
  while [[ "$code" != "200" ]]; do
    if (( $(date +%s) > deadline )) || ! kill -0 "$pid" 2>/dev/null; then
      echo "run.sh: $tag did not answer 200 within 60 s; see $WORK/$tag.stderr" >&2
      exit 1
    fi
    code=$(curl -s -o /dev/null -w '%{http_code}' "$URL" || true)
    [[ "$code" == "200" ]] || sleep 0.01
  done
  t1=$(date +%s%N)
  local startup=$(( (t1 - t0) / 1000000 ))

  "${LOAD_PIN[@]}" wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"${WARMUP}s" "$URL" >"$WORK/$tag.warmup"
  local c0 c1
  c0=$(cpu_ticks "$pid")
  python3 benchmarks/e2e/threads.py snap "$pid" >"$WORK/$tag.threads0"
  "${LOAD_PIN[@]}" wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"${DURATION}s" --latency "$URL" \
    >"$WORK/$tag.wrk"
  c1=$(cpu_ticks "$pid")
  local threads
  threads=$(python3 benchmarks/e2e/threads.py diff "$WORK/$tag.threads0" "$pid" \
    "$(awk '/requests in/ { print $1 }' "$WORK/$tag.wrk")")

  jcmd "$pid" GC.run >/dev/null
  jcmd "$pid" GC.heap_info >"$WORK/$tag.heap"
  # G1: " garbage-first heap   total 524288K, used 12345K [...]"
  local heap rss
  heap=$(awk '/heap/ && /used/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K.*/, "", v); print v; exit } }' "$WORK/$tag.heap")
  rss=$(awk '/^VmRSS/ { print $2 }' "/proc/$pid/status")

  kill "$pid"
  wait "$pid" 2>/dev/null || true
  kill "$sink_pid"
  wait "$sink_pid" 2>/dev/null || true

  local w="$WORK/$tag.wrk" reqs rps p50 p99 cpu hz lines
  reqs=$(awk '/requests in/ { print $1 }' "$w")
  rps=$(awk '/^Requests\/sec:/ { print $2 }' "$w")
  p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$w")")
  p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$w")")
  hz=$(getconf CLK_TCK)
  cpu=$(awk -v t=$((c1 - c0)) -v hz="$hz" -v n="$reqs" 'BEGIN { printf "%.2f", t / hz * 1e6 / n }')
  lines=$(grep -c '"Request completed"' "$WORK/$tag.stdout" || true)
  # Keep the head of the log for inspection and delete the rest: a Lyss run writes ~0.7 GB of
  # request lines, and with several GB of earlier runs' files left on the disk the writer's
  # write(2) calls cost more (measured: 5.6-5.9 us of writer CPU per request instead of 3.6 in
  # the same build), which would charge the harness's disk state to whichever variant runs later.
  head -n 200 "$WORK/$tag.stdout" >"$WORK/$tag.stdout.head"
  rm -f "$WORK/$tag.stdout"
  # Spans the sink received (estimated from the requests it decoded) per request served (the
  # start-up probes, the warm-up and the measured run): 1.0 when every server span is exported,
  # less when the exporter falls behind and its queue drops spans (plain: none).
  local served spans exported=""
  served=$(awk '/requests in/ { n += $1 } END { print n + 1 }' "$WORK/$tag.warmup" "$w")
  spans=$(sed -n 's/.*\/v1\/traces: .*spans~\([0-9]*\).*/\1/p' "$WORK/$tag.sink" | head -1)
  if [[ -n "$spans" ]]; then
    exported=$(awk -v s="$spans" -v n="$served" 'BEGIN { printf "%.3f", s / n }')
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$work" "$round" "$name" "$rps" "$p50" \
    "$p99" "$cpu" "$startup" "$heap" "$rss" "$lines" "$exported" "$threads" >>"$TSV"
  {
    echo "---- $tag: java $JVM_OPTS ${extra[*]} -cp $jar ai.lyss.benchmarks.e2e.HelloServer --mode $mode --work $work ${app[*]}"
    echo "cpu us/request by thread group: $threads"
    echo "startup_ms=$startup cpu_ticks=$((c1 - c0)) (CLK_TCK=$hz) heap_used_after_gc_kb=$heap rss_kb=$rss request_completed_lines=$lines"
    echo "otlp sink (after the JVM stopped): $(tr '\n' ' ' <"$WORK/$tag.sink")"
    echo "requests served: $served, spans received per request served: ${exported:-none}"
    grep -E 'Latency  |requests in|Requests/sec|Non-2xx|Socket errors' "$w" || true
    echo
  } >>"$WORK/raw.txt"
}

run_named() {
  local work=$1 round=$2 name=$3
  case "$name" in
    plain) run_variant "$work" "$round" plain plain ;;
    lyss) run_variant "$work" "$round" lyss lyss ;;
    lyss-prev) run_variant "$work" "$round" lyss-prev lyss ;;
    lyss-okhttp) run_variant "$work" "$round" lyss-okhttp lyss -DLYSS_OTLP_SENDER=okhttp ;;
    agent) run_variant "$work" "$round" agent plain "-javaagent:$AGENT_JAR" ;;
    lyss-nostart) run_variant "$work" "$round" lyss-nostart lyss -DLYSS_LOG_REQUEST_STARTED=false ;;
    lyss-nolog) run_variant "$work" "$round" lyss-nolog lyss --filters tracing,metrics ;;
    lyss-trc) run_variant "$work" "$round" lyss-trc lyss --filters tracing ;;
    lyss-log) run_variant "$work" "$round" lyss-log lyss --filters logging ;;
    lyss-met) run_variant "$work" "$round" lyss-met lyss --filters metrics ;;
  esac
}

ORDER=(plain lyss agent)
if [[ "${NOSTART:-1}" == "1" ]]; then
  ORDER+=(lyss-nostart)
fi
# EXTRA_VARIANTS="lyss-okhttp ..." adds more named variants to every round.
# shellcheck disable=SC2206
ORDER+=(${EXTRA_VARIANTS:-})
if [[ -n "${PREV_JAR:-}" ]]; then
  [[ -f "$PREV_JAR" ]] || { echo "run.sh: PREV_JAR $PREV_JAR missing" >&2; exit 2; }
  ORDER+=(lyss-prev)
fi
for work in $WORKS; do
  for ((r = 1; r <= ROUNDS; r++)); do
    for ((i = 0; i < ${#ORDER[@]}; i++)); do
      run_named "$work" "$r" "${ORDER[$(( (i + r - 1) % ${#ORDER[@]} ))]}"
    done
  done
done
if [[ "$BREAKDOWN" == "1" ]]; then
  for name in plain lyss-nolog lyss-trc lyss-log lyss-met; do
    run_named 0 b "$name"
  done
fi

{
  echo "# Lyss end-to-end overhead: hello endpoint on embedded Jetty 12 (ee10), loopback wrk"
  echo "# produced by benchmarks/e2e/run.sh on $(date -u '+%Y-%m-%dT%H:%M:%SZ')"
  echo "machine: $(nproc) CPU(s), $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), $(awk '/MemTotal/ { print $2 " kB RAM" }' /proc/meminfo)"
  echo "kernel: $(uname -sr)"
  echo "java: $(java -version 2>&1 | head -2 | tail -1)"
  echo "wrk: $(wrk -v 2>&1 | head -1)"
  echo "otel agent: $(basename "$AGENT_JAR")"
  [[ -z "${PREV_JAR:-}" ]] || echo "lyss-prev: $PREV_JAR"
  echo "pinning: server=${SERVER_PIN[*]:-none} wrk+sink=${LOAD_PIN[*]:-none}"
  echo "load: wrk -t$WRK_THREADS -c$WRK_CONNECTIONS, warm-up ${WARMUP}s, measured ${DURATION}s, GET $URL"
  echo "rounds: $ROUNDS interleaved (order rotates), works: $WORKS (SHA-256 digests of 1 KiB per request)"
  echo "jvm: $JVM_OPTS"
  echo
  python3 benchmarks/e2e/summarize.py "$TSV"
  echo
  echo "# every run"
  column -t -s $'\t' "$TSV"
  echo
  echo "# raw wrk output"
  cat "$WORK/raw.txt"
} >"$OUT"
cat "$OUT"
rm -rf "$WORK"

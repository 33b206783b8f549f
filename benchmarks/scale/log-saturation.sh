#!/usr/bin/env bash
# Log throughput at saturation on one core: each pipeline in a fresh JVM pinned to CPU 0
# (taskset -c 0), THREADS caller threads logging INFO events with 5 fields into a real file
# (a temp dir, deleted afterwards) for MEASURE s after WARMUP s. Writes results/log-saturation.txt.
# Pipelines: lyss and logstash (INFO, defaults: both drop when full), lyss-audit (AUDIT events,
# never dropped) and logstash-blocking (discardingThreshold=0: callers wait, nothing dropped).
# Build first: ./mvnw -B -ntp -pl benchmarks -am package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=benchmarks/target/benchmarks.jar
OUT=${OUT:-benchmarks/results/log-saturation.txt}
THREADS=${THREADS:-4}
WARMUP=${WARMUP:-5}
MEASURE=${MEASURE:-10}
CPU=${CPU:-0}
[ -f "$JAR" ] || { echo "missing $JAR: build the benchmarks module first" >&2; exit 1; }
command -v taskset >/dev/null || { echo "taskset (util-linux) is needed" >&2; exit 1; }

tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
{
  echo "# LogSaturationRun, $(date -u +%Y-%m-%dT%H:%MZ), $(java -version 2>&1 | head -1)"
  echo "# taskset -c $CPU, $THREADS caller threads, warm-up ${WARMUP}s, measured ${MEASURE}s,"\
       "machine load before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) CPUs"
  echo "# per pipeline: fresh JVM; pipeline -> FileAppender (defaults) -> file in a temp dir"
  echo "# written/s = complete lines added to the file during the measured window;"\
       "'not written' = events logged - event lines in the file after draining and stopping"
  echo
  echo "| pipeline | threads | accepted by callers/s | lines written/s | dropped in window | MiB/s written | events logged (total) | event lines in file | not written | getDroppedCount() |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
} > "$tmp"
checks=()
for pipeline in ${PIPELINES:-lyss logstash disruptor lyss-audit logstash-blocking disruptor-blocking}; do
  result=$(taskset -c "$CPU" java -cp "$JAR" ai.lyss.benchmarks.logging.LogSaturationRun \
    --pipeline "$pipeline" --threads "$THREADS" --warmup "$WARMUP" --measure "$MEASURE" \
    2>/dev/null)
  echo "$result" | grep '^|' >> "$tmp"
  checks+=("$(echo "$result" | grep '^CHECK')")
  echo "$result" | grep '^RESULT' >> "$tmp.results"
done
{
  echo
  printf '%s\n' "${checks[@]}"
  awk '/^RESULT/ { rate[$2] = $4 }
       END { if (rate["logstash"] > 0)
               printf "\nratio Lyss/baseline, lines written per second, INFO at saturation (defaults): %.2fx (lyss %.0f/s, logstash %.0f/s)\n",
                      rate["lyss"] / rate["logstash"], rate["lyss"], rate["logstash"]
             if (rate["logstash-blocking"] > 0)
               printf "ratio Lyss/baseline, lines written per second, callers wait for room (writer capacity): %.2fx (lyss-audit %.0f/s, logstash-blocking %.0f/s)\n",
                      rate["lyss-audit"] / rate["logstash-blocking"], rate["lyss-audit"], rate["logstash-blocking"] }' "$tmp.results"
} >> "$tmp"
rm -f "$tmp.results"
mkdir -p "$(dirname "$OUT")"
cp "$tmp" "$OUT"
cat "$OUT"

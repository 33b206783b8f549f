#!/usr/bin/env bash
# Log throughput at saturation on one core: each pipeline in a fresh JVM pinned to CPU 0
# (taskset -c 0), THREADS caller threads logging events with 5 fields into a real file (a temp
# dir, deleted afterwards) for MEASURE s after WARMUP s; ROUNDS rounds, the pipelines interleaved
# within each round (a shared machine drifts: never run one variant's rounds back to back).
# Writes results/log-saturation.txt: every run's row, then per pipeline the median and range.
# Pipelines (PIPELINES to choose):
#   lyss, logstash, disruptor: INFO, defaults, all drop when full (disruptor = Lyss's encoder behind
#     logstash-logback-encoder's LoggingEventAsyncDisruptorAppender, ring buffer 8192);
#   lyss-audit: AUDIT events, defaults (callers wait at most 10 ms, then events are coalesced);
#   lyss-audit-wait, logstash-blocking, disruptor-blocking: callers wait for room, nothing dropped:
#     the writer's own capacity (maxWaitMillis=1000 / discardingThreshold=0 / appendTimeout=-1).
# The CPU columns (thread CPU time over the measured window, per line written / per event
# accepted) are what a busy machine disturbs least: prefer them to the rates.
# Build first: ./mvnw -B -ntp -pl benchmarks -am package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=${JAR:-benchmarks/target/benchmarks.jar}
OUT=${OUT:-benchmarks/results/log-saturation.txt}
THREADS=${THREADS:-4}
WARMUP=${WARMUP:-5}
MEASURE=${MEASURE:-10}
ROUNDS=${ROUNDS:-3}
CPU=${CPU:-0}
PIPELINES=${PIPELINES:-lyss disruptor logstash lyss-audit lyss-audit-wait disruptor-blocking logstash-blocking}
[ -f "$JAR" ] || { echo "missing $JAR: build the benchmarks module first" >&2; exit 1; }
command -v taskset >/dev/null || { echo "taskset (util-linux) is needed" >&2; exit 1; }

tmp=$(mktemp)
results=$(mktemp)
trap 'rm -f "$tmp" "$results"' EXIT
{
  echo "# LogSaturationRun, $(date -u +%Y-%m-%dT%H:%MZ), $(java -version 2>&1 | head -1)"
  echo "# taskset -c $CPU, $THREADS caller threads, warm-up ${WARMUP}s, measured ${MEASURE}s, $ROUNDS interleaved rounds,"\
       "$(nproc) CPUs"
  echo "# per pipeline: fresh JVM; pipeline -> FileAppender (defaults) -> file in a temp dir"
  echo "# written/s = complete lines added to the file during the measured window (a coalesced line"\
       "counts as its count); 'not written' = events logged - event lines in the file after draining"
  echo
  echo "| pipeline | threads | accepted by callers/s | lines written/s | dropped in window | MiB/s written | events logged (total) | event lines in file | not written | getDroppedCount() | writer CPU µs/line | caller CPU µs/event |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
} > "$tmp"
checks=()
for round in $(seq 1 "$ROUNDS"); do
  for pipeline in $PIPELINES; do
    load=$(cut -d' ' -f1-3 /proc/loadavg)
    result=$(taskset -c "$CPU" java -cp "$JAR" ai.lyss.benchmarks.logging.LogSaturationRun \
      --pipeline "$pipeline" --threads "$THREADS" --warmup "$WARMUP" --measure "$MEASURE" \
      2>/dev/null)
    echo "$result" | grep '^|' | sed "s/\$/ round $round, load $load/" >> "$tmp"
    checks+=("$(echo "$result" | grep '^CHECK')")
    echo "$result" | grep '^RESULT' >> "$results"
  done
done
{
  echo
  printf '%s\n' "${checks[@]}"
  echo
  echo "| pipeline | lines written/s, median (range) | writer CPU µs/line, median (range) | caller CPU µs/event, median (range) |"
  echo "|---|---:|---:|---:|"
  awk '/^RESULT/ { n[$2]++; w[$2, n[$2]] = $4; c[$2, n[$2]] = $6; k[$2, n[$2]] = $8; if (!($2 in seen)) { seen[$2] = 1; order[++m] = $2 } }
       function med(a, p, cnt,   i, j, t, v) { for (i = 1; i <= cnt; i++) v[i] = a[p, i] + 0
                                                for (i = 1; i <= cnt; i++) for (j = i + 1; j <= cnt; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
                                                lo = v[1]; hi = v[cnt]; return cnt % 2 ? v[(cnt + 1) / 2] : (v[cnt / 2] + v[cnt / 2 + 1]) / 2 }
       END { for (i = 1; i <= m; i++) { p = order[i]
               mw = med(w, p, n[p]); lw = lo; hw = hi; mc = med(c, p, n[p]); lc = lo; hc = hi; mk = med(k, p, n[p]); lk = lo; hk = hi
               printf "| %s | %.0f (%.0f–%.0f) | %.2f (%.2f–%.2f) | %.3f (%.3f–%.3f) |\n", p, mw, lw, hw, mc, lc, hc, mk, lk, hk } }' "$results"
} >> "$tmp"
mkdir -p "$(dirname "$OUT")"
cp "$tmp" "$OUT"
cat "$OUT"

#!/usr/bin/env python3
"""Per-thread CPU of a JVM, grouped by what the threads do, for benchmarks/e2e/run.sh.

  threads.py snap <pid>                          -> JSON snapshot of every thread's CPU ticks
  threads.py diff <before.json> <pid> <requests> -> one line "group=us_per_request ..." with the
                                                    CPU each group used since the snapshot

Groups by thread name (/proc/<pid>/task/<tid>/comm, 15 characters at most):
  request   Jetty's request threads (qtp...)
  log       the Lyss log writer (lyss-log-writer...) and Logback/logstash async workers
  export    span export: BatchSpanProcessor worker, OkHttp and JDK HttpClient threads, and the
            JDK sender's executor (jdkhttp-executor-N; counted as "other" before 2026-11-30)
  gc        G1/GC threads
  jit       C1/C2 compiler threads
  other     everything else (VM thread, selector, timers, agent housekeeping)
"""
import json
import os
import sys


def group(name):
    n = name.lower()
    if n.startswith("qtp"):
        return "request"
    if n.startswith("lyss-log") or "asyncappender" in n or "logback" in n or "disruptor" in n:
        return "log"
    if ("batchspan" in n or "okhttp" in n or n.startswith("httpclient") or "exporter" in n
            or n.startswith("jdkhttp")):
        return "export"
    if n.startswith("gc ") or n.startswith("g1 ") or "gc thread" in n:
        return "gc"
    if "compilerthre" in n or n.startswith("c1 ") or n.startswith("c2 "):
        return "jit"
    return "other"


GROUPS = ["request", "log", "export", "gc", "jit", "other"]


def snap(pid):
    threads = {}
    base = f"/proc/{pid}/task"
    for tid in os.listdir(base):
        try:
            with open(f"{base}/{tid}/comm") as f:
                name = f.read().strip()
            with open(f"{base}/{tid}/stat") as f:
                stat = f.read()
        except OSError:
            continue  # the thread ended meanwhile
        fields = stat[stat.rindex(")") + 2:].split()
        ticks = int(fields[11]) + int(fields[12])  # utime + stime
        threads[tid] = [name, ticks]
    return threads


def main():
    if sys.argv[1] == "snap":
        json.dump(snap(sys.argv[2]), sys.stdout)
        return
    with open(sys.argv[2]) as f:
        before = json.load(f)
    after = snap(sys.argv[3])
    requests = float(sys.argv[4])
    hz = os.sysconf("SC_CLK_TCK")
    used = {g: 0 for g in GROUPS}
    for tid, (name, ticks) in after.items():
        used[group(name)] += ticks - (before.get(tid, [name, 0])[1])
    print(" ".join(f"{g}={used[g] / hz * 1e6 / requests:.2f}" for g in GROUPS))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Summarises benchmarks/e2e/run.sh runs: per handler load, the median over rounds of each
variant's raw figures and of its ratios to the plain run of the same round."""
import csv
import statistics
import sys

METRICS = ["rps", "p50_ms", "p99_ms", "cpu_us_req", "startup_ms", "heap_kb", "rss_kb"]
SHORT = {"rps": "req/s", "p50_ms": "p50", "p99_ms": "p99", "cpu_us_req": "cpu/req",
         "startup_ms": "startup", "heap_kb": "heap", "rss_kb": "rss"}


def num(value):
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def fmt(value, digits=3):
    return "n/a" if value is None else f"{value:.{digits}f}"


def main(path):
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    groups = {}
    for row in rows:
        key = (row["work"], "breakdown" if row["round"] == "b" else "main")
        groups.setdefault(key, []).append(row)
    for (work, kind), runs in groups.items():
        rounds = sorted({r["round"] for r in runs})
        variants = list(dict.fromkeys(r["variant"] for r in runs))
        plain = {r["round"]: r for r in runs if r["variant"] == "plain"}
        title = "bare hello endpoint" if work == "0" else f"handler doing {work} SHA-256 digests of 1 KiB"
        print(f"## {title} (--work {work}), {kind}: {len(rounds)} round(s)")
        print()
        print("median of raw figures:")
        print(f"{'variant':9s}" + "".join(f"{m:>12s}" for m in METRICS))
        for v in variants:
            vals = [median(num(r[m]) for r in runs if r["variant"] == v) for m in METRICS]
            print(f"{v:9s}" + "".join(f"{fmt(x, 2):>12s}" for x in vals))
        print()
        print("median over rounds of the ratio to plain in the same round [min-max]:")
        print(f"{'variant':9s}" + "".join(f"{SHORT[m]:>22s}" for m in METRICS))
        losses = {}
        for v in variants:
            cells = []
            for m in METRICS:
                ratios = []
                for r in runs:
                    if r["variant"] != v or r["round"] not in plain:
                        continue
                    a, b = num(r[m]), num(plain[r["round"]][m])
                    if a is not None and b:
                        ratios.append(a / b)
                if m == "rps" and ratios:
                    losses[v] = 1 - median(ratios)
                cells.append(
                    f"{fmt(median(ratios))} [{fmt(min(ratios), 2)}-{fmt(max(ratios), 2)}]"
                    if ratios else "n/a")
            print(f"{v:9s}" + "".join(f"{c:>22s}" for c in cells))
        print()
        for v, loss in losses.items():
            if v != "plain":
                print(f"throughput loss {v}: {100 * loss:.1f} %")
        print("median spans received by the OTLP sink per request served (1.000: none dropped):")
        for v in variants:
            share = median(num(r.get("spans_exported")) for r in runs if r["variant"] == v)
            if share is not None:
                print(f"{v:13s}{fmt(share)}")
        print("median CPU per request by thread group (us) [request log export gc jit other]:")
        for v in variants:
            groups = {}
            for r in runs:
                if r["variant"] != v or not r.get("threads"):
                    continue
                for part in r["threads"].split():
                    name, _, value = part.partition("=")
                    groups.setdefault(name, []).append(num(value))
            if groups:
                print(f"{v:13s}" + " ".join(f"{g}={fmt(median(vals), 1)}" for g, vals in groups.items()))
        print()
        if "lyss" in losses and "agent" in losses:
            agent = losses["agent"]
            share = "n/a" if agent <= 0 else f"{losses['lyss'] / agent:.2f}"
            print(f"lyss loss / agent loss: {share}")
        print()


if __name__ == "__main__":
    main(sys.argv[1])

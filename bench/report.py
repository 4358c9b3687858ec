"""Prints the benchmark's tables from bench/results/*.json, each issue-5 target against its
measured figure, the ratio of each peer to kexec-check, and draws bench/results/bench.png.

    python3 bench/report.py [RESULTS]      (default bench/results)

Reads whatever results exist (scenarios, matrices, scaling, solvers, spin, alloy-naive, tlc,
jmh) and says which are missing; writes RESULTS/summary.json. The plot needs matplotlib
(Debian: python3-matplotlib); without it the tables are still printed.
"""
import json
import os
import statistics
import sys

RESULTS = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "results")


def load(name):
    path = os.path.join(RESULTS, name + ".json")
    return json.load(open(path)) if os.path.exists(path) else None


def fmt(row):
    if "timeout" in row:
        return f"timeout ({row['timeout']} s)"
    return f"{row['wallMedian']:6.1f} [{row['wallMin']:.1f}-{row['wallMax']:.1f}]"


def print_scenarios(data):
    print(f"{'scenario':32} {'outcome':15} {'wall s median [min-max]':24} {'transl':>6} {'solve':>6} {'calls':>5}"
          f" {'MiB':>5}  proof")
    for r in data["scenarios"]:
        proof = r.get("proof")
        p = (f"{r['proof']['proved']}/{r['proof']['goals']} goals for all lengths, {proof['seconds']:.1f} s"
             if proof else "-")
        flag = "" if r.get("ok") else f"  (expected {r['expected']})"
        print(f"{r['id']:32} {r.get('outcome', '-'):15} {fmt(r):24} {r.get('translate', 0):6.1f} "
              f"{r.get('solve', 0):6.1f} {r.get('solverCalls', 0):5d} {r.get('peakRssMiB', 0):5d}  {p}{flag}")


def print_matrices(data):
    print(f"{'matrix':32} {'cells':>5} {'wall s median [min-max]':24} {'transl':>6} {'solve':>6} {'calls':>5} {'MiB':>5}")
    for r in data["matrices"]:
        print(f"{r['id']:32} {r['cells']:5d} {fmt(r):24} {r.get('translate', 0):6.1f} {r.get('solve', 0):6.1f} "
              f"{r.get('solverCalls', 0):5d} {r.get('peakRssMiB', 0):5d}")
        if "classes" in r:
            print(f"{'':32} classes: " + ", ".join(f"{k} {v}" for k, v in sorted(r["classes"].items())))


def spin_scaling(spin):
    """SPIN's seconds (compile + search) per chain length of its first scaling series (every option
    open), or None where it exceeded its limits or skipped the length after an earlier one did."""
    out, last = {}, 0
    for row in (spin or {}).get("scaling", []):
        k = row["bounds"]["kernels"] if "bounds" in row else row["kernels"]
        if k < last:
            break
        last = k
        out[k] = None if row.get("skipped") or row.get("exceeded") else row["compileSeconds"] + row["searchSeconds"]
    return out


def print_scaling(data, spin):
    spin_s = spin_scaling(spin)
    print(f"{'scaling':12} {'kernels':>7} {'CPUs':>4} {'wall s median [min-max]':24} {'transl':>6} {'solve':>6} "
          f"{'calls':>5} {'MiB':>5}  SPIN s (ratio SPIN/kexec-check)")
    for r in data["scaling"]:
        peer = "-"
        if r["cpus"] == 2 and r["kernels"] in spin_s:
            s = spin_s[r["kernels"]]
            peer = ("gave up (memory or time limit)" if s is None
                    else f"{s:.1f} ({s / r['wallMedian']:.2f}x)" if "wallMedian" in r else f"{s:.1f}")
        print(f"{r['id']:12} {r['kernels']:7d} {r['cpus']:4d} {fmt(r):24} {r.get('translate', 0):6.1f} "
              f"{r.get('solve', 0):6.1f} {r.get('solverCalls', 0):5d} {r.get('peakRssMiB', 0):5d}  {peer}")


def print_solvers(data):
    solvers = list(data["solvers"])
    rows = {}
    for solver, work in data["solvers"].items():
        for kind in ("scenarios", "matrices", "scaling"):
            for r in work[kind]:
                rows.setdefault((kind, r["id"]), {})[solver] = r
    print(f"{'workload':40} " + " ".join(f"{s:>16}" for s in solvers) + "   (wall s, median)")
    for (kind, rid), by in rows.items():
        cells = []
        for s in solvers:
            r = by.get(s)
            cells.append(f"{'-' if r is None else 'timeout' if 'timeout' in r else format(r['wallMedian'], '.1f'):>16}")
        print(f"{kind + '/' + rid:40} " + " ".join(cells))


def targets(scen, mats, scal, naive, spin, jmh):
    """Each target of issue 5: (target, measured, met) where measured is known."""
    out = []
    if scen:
        worst = max(r.get("wallMedian", float("inf")) for r in scen["scenarios"])
        out.append(("each public scenario <= 2 s to its verdict, JVM start included", f"worst {worst:.1f} s",
                    worst <= 2))
        safe = [r for r in scen["scenarios"] if r["expected"] == "safe"]
        proofs = [r.get("proof") for r in safe]
        ok = all(p and p["complete"] and p["seconds"] <= 10 for p in proofs)
        out.append(("each safe scenario proved for all chain lengths in <= 10 s",
                    ", ".join(f"{r['id']} {'proved' if r.get('proof', {}).get('complete') else 'NOT proved'} "
                              f"{r.get('proof', {}).get('seconds', float('nan')):.1f} s" for r in safe), ok))
    if mats:
        std = next((r for r in mats["matrices"] if r["id"] == "standard-upstream"), None)
        if std and "wallMedian" in std:
            out.append(("standard matrix <= 30 s", f"{std['wallMedian']:.1f} s", std["wallMedian"] <= 30))
            out.append(("standard matrix peak RSS <= 2 GiB", f"{std['peakRssMiB']} MiB", std["peakRssMiB"] <= 2048))
    if naive:
        out.append(("matrix >= 5x faster than naive per-question Alloy (same cells)",
                    f"{naive['ratio']:.1f}x on {naive['cells']} cells ({naive['sameClass']} same class)",
                    naive["ratio"] >= 5 and naive["sameClass"] == naive["cells"]))
    if scal:
        spin_s = spin_scaling(spin)
        ahead = []
        for r in scal["scaling"]:
            if r["cpus"] == 2 and r["kernels"] >= 4 and "wallMedian" in r:
                s = spin_s.get(r["kernels"], "unknown")
                ahead.append(s is None or (s != "unknown" and s > r["wallMedian"]))
        curve = ", ".join(f"{r['kernels']}: {fmt(r).split()[0]} s" for r in scal["scaling"] if r["cpus"] == 2)
        out.append(("scaling 2..6 kernels reported; ahead of SPIN from 4 kernels on", curve,
                    bool(ahead) and all(ahead)))
    if jmh:
        replay = [b for b in jmh if "eplay" in b["benchmark"]]
        if replay:
            ms = max(b["primaryMetric"]["score"] for b in replay)
            out.append(("replay of one counterexample <= 100 ms", f"{ms:.2f} ms (JMH, in process)", ms <= 100))
    return out


def plot(scen, scal, solv, spin, path):
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print(f"(no plot: matplotlib is missing; apt-get install python3-matplotlib)")
        return
    fig, axes = plt.subplots(2, 2, figsize=(13, 9))
    if scen:
        ax = axes[0][0]
        rows = [r for r in scen["scenarios"] if "wallMedian" in r]
        names = [r["id"] for r in rows]
        transl = [r["translate"] for r in rows]
        solve = [r["solve"] for r in rows]
        other = [max(0, r["wallMedian"] - r["translate"] - r["solve"]) for r in rows]
        ax.barh(names, transl, label="translation")
        ax.barh(names, solve, left=transl, label="SAT solving")
        ax.barh(names, other, left=[a + b for a, b in zip(transl, solve)], label="JVM, parsing, output")
        ax.axvline(2, color="red", linestyle="--", label="target 2 s")
        ax.set_xlabel("seconds (median wall, proof included)")
        ax.set_title("public scenarios")
        ax.legend(fontsize=8)
        ax.invert_yaxis()
    if scal:
        ax = axes[0][1]
        rows = [r for r in scal["scaling"] if r["cpus"] == 2 and "wallMedian" in r]
        ks = [r["kernels"] for r in rows]
        ax.plot(ks, [r["wallMedian"] for r in rows], "o-", label="kexec-check wall")
        ax.plot(ks, [r["translate"] for r in rows], "s--", label="translation")
        ax.plot(ks, [r["solve"] for r in rows], "^--", label="SAT solving")
        spin_s = spin_scaling(spin)
        if spin_s:
            done = sorted(k for k, s in spin_s.items() if s is not None)
            ax.plot(done, [spin_s[k] for k in done], "x-", color="black", label="SPIN (compile + search)")
            gave_up = sorted(k for k, s in spin_s.items() if s is None)
            if gave_up:
                ax.annotate(f"SPIN exceeds its limits (4 GB) from {gave_up[0]} kernels on", (gave_up[0], 0),
                            xytext=(gave_up[0], max(r["wallMedian"] for r in rows) * 0.5), fontsize=8,
                            arrowprops=dict(arrowstyle="->"))
        ax.set_xlabel("kernels in the chain (dt-v1 population, every option open, 2 CPUs)")
        ax.set_ylabel("seconds")
        ax.set_xticks(range(2, 7))
        ax.set_title("scaling: chain length")
        ax.legend(fontsize=8)
        ax = axes[1][0]
        rows = sorted((r for r in scal["scaling"] if r["kernels"] == 2), key=lambda r: r["cpus"])
        cpus = [r["cpus"] for r in rows if "wallMedian" in r]
        ax.plot(cpus, [r["wallMedian"] for r in rows if "wallMedian" in r], "o-", label="wall")
        ax.plot(cpus, [r["translate"] for r in rows if "wallMedian" in r], "s--", label="translation")
        ax.plot(cpus, [r["solve"] for r in rows if "wallMedian" in r], "^--", label="SAT solving")
        for r in rows:
            if "timeout" in r:
                ax.annotate(f"timeout at {r['cpus']} CPUs", (r["cpus"], 1), fontsize=8)
        ax.set_xscale("log", base=2)
        ax.set_xticks([1, 2, 4, 8])
        ax.set_xticklabels(["1", "2", "4", "8"])
        ax.set_xlabel("CPUs (redistributors) in the model, chains of 2 kernels")
        ax.set_ylabel("seconds")
        ax.set_title("scaling: CPUs")
        ax.legend(fontsize=8)
    if solv:
        ax = axes[1][1]
        solvers = list(solv["solvers"])
        ids = [("scenarios", r["id"]) for r in solv["solvers"][solvers[0]]["scenarios"]]
        ids += [("matrices", r["id"]) for r in solv["solvers"][solvers[0]]["matrices"]]
        ids += [("scaling", r["id"]) for r in solv["solvers"][solvers[0]]["scaling"]]
        width = 0.8 / len(solvers)
        for i, s in enumerate(solvers):
            vals = []
            for kind, rid in ids:
                r = next((x for x in solv["solvers"][s][kind] if x["id"] == rid), {})
                vals.append(r.get("wallMedian", 0))
            ax.bar([j + i * width for j in range(len(ids))], vals, width, label=s)
        ax.set_xticks([j + 0.4 - width / 2 for j in range(len(ids))])
        ax.set_xticklabels([rid for _, rid in ids], rotation=60, ha="right", fontsize=7)
        ax.set_ylabel("seconds (median wall)")
        ax.set_title("SAT solvers")
        ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    print(f"plot: {path}")


def targets14(scen, mats, scal, spin):
    """Each target of issue 14: (target, measured, met) where measured is known."""
    out = []
    if scen:
        walls = [r["wallMedian"] for r in scen["scenarios"] if "wallMedian" in r]
        median = statistics.median(walls)
        out.append(("median public scenario <= 2 s, proof included, fresh JVM",
                    f"median {median:.1f} s (each scenario's median of its runs: {min(walls):.1f}-{max(walls):.1f} s)",
                    median <= 2))
        if spin:
            ours = {r["id"]: r for r in scen["scenarios"]}
            ratios = [(r["compileSeconds"] + r["searchSeconds"]) / ours[r["id"]]["wallMedian"]
                      for r in spin["scenarios"] if r.get("id") in ours and "wallMedian" in ours[r["id"]]]
            if ratios:
                out.append((">= 4x faster than SPIN on every public scenario",
                            f"{min(ratios):.2f}x-{max(ratios):.2f}x (SPIN seconds / kexec-check seconds)",
                            min(ratios) >= 4))
    if mats:
        std = next((r for r in mats["matrices"] if r["id"] == "standard-upstream"), None)
        if std and "wallMedian" in std:
            out.append(("standard matrix (1296 cells) <= 20 s on the 2 cores", f"{std['wallMedian']:.1f} s",
                        std["wallMedian"] <= 20))
    if scal:
        six = next((r for r in scal["scaling"] if r["kernels"] == 6 and r["cpus"] == 2), None)
        if six and "wallMedian" in six:
            out.append(("check, dt-v1 population, 6-kernel chains <= 20 s", f"{six['wallMedian']:.1f} s",
                        six["wallMedian"] <= 20))
    return out


def print_levers(data):
    print(f"{'lever: partial-instance inference':40} {'on (Alloy) s':>13} {'off (ours) s':>13} {'ratio':>6}")
    for r in data["levers"]["inference"]:
        on, off = r["inferenceOn"].get("wallMedian"), r["inferenceOff"].get("wallMedian")
        if on and off:
            print(f"{r['id']:40} {on:13.1f} {off:13.1f} {on / off:5.1f}x")
    print()
    print(f"{'lever: matrix --jobs':40} {'--jobs 1 s':>13} {'every core s':>13} {'ratio':>6}")
    for r in data["levers"]["jobs"]:
        one, every = r["jobs1"].get("wallMedian"), r["jobsAll"].get("wallMedian")
        if one and every:
            print(f"{r['id'] + ' (' + str(r['cores']) + ' cores)':40} {one:13.1f} {every:13.1f} {one / every:5.2f}x")


def print_engines(data):
    print(f"{'engines (issue 24)':32} {'SAT4J wall':>10} {'solve':>7} {'CaDiCaL wall':>12} {'solve':>7} {'wall ratio':>10}"
          f" {'+C1 wall':>9} {'ratio':>6}  verdicts")
    for r in data["engines"]:
        a, b, c = r["sat4j"], r["cadical"], r.get("cadical-c1", {})
        if "wallMedian" in a and "wallMedian" in b:
            c1 = (f" {c['wallMedian']:9.1f} {c['wallMedian'] / a['wallMedian']:5.2f}x" if "wallMedian" in c
                  else f" {'-':>9} {'-':>6}")
            print(f"{r['id']:32} {a['wallMedian']:10.1f} {a['solve']:7.1f} {b['wallMedian']:12.1f} {b['solve']:7.1f}"
                  f" {b['wallMedian'] / a['wallMedian']:9.2f}x{c1}  {'same' if r['sameVerdicts'] else 'DIFFERENT'}")


def main():
    scen, mats, scal, solv = load("scenarios"), load("matrices"), load("scaling"), load("solvers")
    spin, naive, tlc, jmh = load("spin"), load("alloy-naive"), load("tlc"), load("jmh")
    missing = [n for n, d in [("scenarios", scen), ("matrices", mats), ("scaling", scal), ("solvers", solv),
                              ("spin", spin), ("alloy-naive", naive), ("tlc", tlc), ("jmh", jmh)] if d is None]
    if scen:
        print_scenarios(scen)
        print()
    if mats:
        print_matrices(mats)
        print()
    engines = load("engines")
    if engines:
        print_engines(engines)
        print()
    levers = load("levers")
    if levers:
        print_levers(levers)
        print()
    if scal:
        print_scaling(scal, spin)
        print()
    if solv:
        print_solvers(solv)
        print()
    if spin and scen:
        print(f"{'peer on the public scenarios':32} {'peer s':>8} {'kexec-check s':>14} {'ratio':>7}")
        ours = {r["id"]: r for r in scen["scenarios"]}
        for r in spin["scenarios"]:
            sid = r.get("id")
            if sid in ours and "wallMedian" in ours[sid]:
                s = r["compileSeconds"] + r["searchSeconds"]
                print(f"{'SPIN ' + sid:32} {s:8.1f} {ours[sid]['wallMedian']:14.1f} {s / ours[sid]['wallMedian']:6.2f}x")
        print()
    if naive:
        print(f"Alloy used naively on {naive['workload']['model']} ({naive['cells']} cells, {naive['sameClass']} same "
              f"class): {naive['naive']['seconds']:.1f} s, {naive['naive']['questions']} questions; kexec-check "
              f"{naive['kexecCheck']['seconds']:.1f} s: ratio {naive['ratio']:.1f}x")
    if tlc is None:
        print("TLC: no results (an optional peer: bench/peers/tlc/run needs TLA2TOOLS_JAR)")
    print()
    checks = targets(scen, mats, scal, naive, spin, jmh)
    print(f"{'target (issue 5)':66} {'met':5} measured")
    for name, measured, met in checks:
        print(f"{name:66} {'yes' if met else 'NO':5} {measured}")
    checks14 = targets14(scen, mats, scal, spin)
    print(f"\n{'target (issue 14)':66} {'met':5} measured")
    for name, measured, met in checks14:
        print(f"{name:66} {'yes' if met else 'NO':5} {measured}")
    if missing:
        print(f"\nno results yet for: {', '.join(missing)}")
    with open(os.path.join(RESULTS, "summary.json"), "w") as f:
        json.dump(dict(targets=[dict(target=t, measured=m, met=ok) for t, m, ok in checks],
                       targets14=[dict(target=t, measured=m, met=ok) for t, m, ok in checks14], missing=missing), f,
                  indent=2)
    plot(scen, scal, solv, spin, os.path.join(RESULTS, "bench.png"))


if __name__ == "__main__":
    main()

"""Runs the benchmark workloads of bench/run and writes one JSON file per workload.

Every figure is a whole process as a user starts it (a fresh JVM, the shaded jar), timed by
/usr/bin/time (wall seconds, peak RSS); the split into translation, solving and proof comes
from the CLI's own --format json timing. Each run repeats REPEATS times: median, min, max.

    python3 bench/bench.py JAR RESULTS REPEATS WORKLOAD...

Workloads: scenarios (each public scenario, with its proof), matrices (bench/matrices.tsv),
scaling (bench/scaling.tsv: kernels 2..6, CPUs 1..8), solvers (SAT4J against the MiniSat and
Glucose natives of Alloy's distribution jar, on workloads 1-3; DIST_JAR names that jar), levers
(each lever of issue 14 off and on in the same run), engines (SAT4J against CaDiCaL in-process on
every scenario and the standard matrix; needs native/build-cadical.sh).
"""
import datetime
import hashlib
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
JVM = ["java", "-XX:+UseSerialGC", "-Xss16m"]
TIMEOUT = int(os.environ.get("BENCH_TIMEOUT", "900"))


def table(name):
    """Rows of a bench/*.tsv file, comments and blank lines skipped."""
    with open(os.path.join(HERE, name)) as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip() and not line.startswith("#")]


def machine(repeats):
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    return dict(cores=os.cpu_count(), java=java, os=platform.platform(), date=datetime.date.today().isoformat(),
                repeats=repeats)


def run_once(classpath, main_args, solver=None, extra=()):
    """One process: wall seconds, peak RSS MiB and the parsed JSON report (None on a timeout).

    extra: more JVM system properties (-Dname=value), e.g. a lever turned back on."""
    props = ([f"-Dkexeccheck.solver={solver}"] if solver else []) + list(extra)
    launch = JVM + props + (["-jar", classpath] if solver is None else ["-cp", classpath, "kexeccheck.cli.KexecCheck"])
    with tempfile.NamedTemporaryFile(suffix=".time") as t:
        try:
            proc = subprocess.run(["/usr/bin/time", "-f", "%e %M", "-o", t.name] + launch + main_args,
                                  capture_output=True, text=True, timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            return dict(timeout=True)
        wall, rss = open(t.name).read().split()[-2:]
    if proc.returncode not in (0, 1):
        sys.exit(f"bench: {' '.join(main_args)} failed ({proc.returncode}): {proc.stderr.strip()[:400]}")
    # native solvers print their own comment lines ("c ...") on stdout, before and after the report
    report, _ = json.JSONDecoder().raw_decode(proc.stdout[proc.stdout.index("{"):])
    return dict(timeout=False, wall=float(wall), rss=int(rss) // 1024, report=report)


def measure(classpath, main_args, repeats, solver=None, extra=()):
    """Median/min/max over repeats of one command, and the last run's report (None after a timeout)."""
    runs = [run_once(classpath, main_args, solver, extra) for _ in range(repeats)]
    if any(r["timeout"] for r in runs):
        return dict(timeout=TIMEOUT), None
    walls = [r["wall"] for r in runs]
    report = runs[-1]["report"]
    timing = report["timing"]
    out = dict(wallMedian=statistics.median(walls), wallMin=min(walls), wallMax=max(walls),
               translate=statistics.median(r["report"]["timing"]["translateMillis"] / 1000 for r in runs),
               solve=statistics.median(r["report"]["timing"]["solveMillis"] / 1000 for r in runs),
               solverCalls=timing["solverCalls"], peakRssMiB=max(r["rss"] for r in runs))
    return out, report


def scenarios(jar, repeats, solver=None, rows=None):
    out = []
    for sid, expected, args in rows or table("scenarios.tsv"):
        figures, report = measure(jar, ["check"] + args.split() + ["--format", "json"], repeats, solver)
        if report is None:
            out.append(dict(id=sid, expected=expected, **figures))
            continue
        proof = report.get("proof")
        row = dict(id=sid, expected=expected, outcome=report["outcome"], ok=report["outcome"] == expected, **figures)
        if proof:
            row["proof"] = dict(complete=proof["complete"], proved=len(proof["proved"]), goals=len(proof["goals"]),
                                seconds=(proof["timing"]["translateMillis"] + proof["timing"]["solveMillis"]) / 1000)
        out.append(row)
    return out


def matrices(jar, repeats, solver=None, rows=None):
    out = []
    for mid, cells, args in rows or table("matrices.tsv"):
        figures, report = measure(jar, ["matrix"] + args.split() + ["--format", "json"], repeats, solver)
        if report is None:
            out.append(dict(id=mid, cells=int(cells), **figures))
            continue
        classes = {}
        for t in report["tables"]:
            for c in t["cells"]:
                classes[c.get("outcome", "cannot-run")] = classes.get(c.get("outcome", "cannot-run"), 0) + 1
        out.append(dict(id=mid, cells=int(cells), classes=classes, **figures))
    return out


def scaling(jar, repeats, solver=None, rows=None):
    out = []
    for sid, kernels, cpus, args in rows or table("scaling.tsv"):
        figures, report = measure(jar, ["check"] + args.split() + ["--kernels", kernels, "--cpus", cpus,
                                                                  "--format", "json"], repeats, solver)
        base = dict(id=sid, kernels=int(kernels), cpus=int(cpus))
        if report is None:
            out.append(dict(base, **figures))
            continue
        out.append(dict(base, outcome=report["outcome"], **figures))
    return out


def solvers(jar, dist_jar, repeats):
    """SAT4J's own figures come from the other workloads; here each native solver on workloads 1-3."""
    classpath = f"{jar}:{dist_jar}"
    out = {}
    small_scaling = [r for r in table("scaling.tsv") if r[2] == "2" and int(r[1]) <= 4]
    for solver in ("sat4j", "minisat", "glucose"):
        out[solver] = dict(scenarios=scenarios(classpath, repeats, solver),
                           matrices=matrices(classpath, repeats, solver, rows=table("matrices.tsv")[:1]),
                           scaling=scaling(classpath, repeats, solver, rows=small_scaling))
    return out


def engines(jar, repeats):
    """SAT4J against CaDiCaL in-process (--solver), on every scenario and the standard matrix, in the same
    run: wall and solve time per engine, and the verdicts of both side by side (they must agree)."""
    library = os.path.join(os.path.dirname(HERE), "native", "target", "libkexeccheck-cadical.so")
    if not os.path.isfile(library):
        sys.exit(f"bench: engines needs {library} (native/build-cadical.sh)")
    extra = [f"-Dkexeccheck.cadical={library}"]
    std = [r for r in table("matrices.tsv") if r[0] == "standard-upstream"]
    out = []
    for kind, rows in (("check", table("scenarios.tsv")), ("matrix", std)):
        for row in rows:
            row_out = dict(id=row[0], command=kind)
            # cadical-c1: the same engine with the JIT stopped at C1, as the launcher runs it (issue 24's JIT lever)
            for column in ("sat4j", "cadical", "cadical-c1"):
                engine = column.split("-")[0]
                argv = [kind] + row[-1].split() + ["--format", "json", "--solver", engine]
                jit = ["-XX:TieredStopAtLevel=1"] if column.endswith("-c1") else []
                figures, report = measure(jar, argv, repeats, extra=extra + jit)
                if report is not None:
                    if report["timing"].get("engine") != engine:
                        sys.exit(f"bench: {row[0]}: asked for {engine}, {report['timing'].get('engine')} answered")
                    # a digest: the standard matrix's 1296 cells, listed per engine, would fill the file
                    figures["verdicts"] = digest(verdicts(report))
                row_out[column] = figures
            row_out["sameVerdicts"] = (row_out["sat4j"].get("verdicts") == row_out["cadical"].get("verdicts")
                                       == row_out["cadical-c1"].get("verdicts"))
            out.append(row_out)
    return out


def digest(lines):
    return dict(count=len(lines), sha256=hashlib.sha256("\n".join(lines).encode()).hexdigest())


def verdicts(report):
    """What must not depend on the engine: a check's outcome and each property's status, or every cell."""
    if "tables" in report:
        return sorted(f"{t['firmware']}/{t['hardware']}/{c['from']}->{c['to']}={c.get('outcome', 'cannot-run')}"
                      for t in report["tables"] for c in t["cells"])
    return [report["outcome"]] + [f"{p['name']}={p['status']}" for p in report.get("properties", [])]


def levers(jar, repeats):
    """Each lever of issue 14 off and on in the same run: Alloy's partial-instance inference (on is
    Alloy's default, off is kexec-check's) on every scenario and the standard matrix, and the
    matrix's --jobs 1 against --jobs on every core."""
    infer = ["-Dkexeccheck.inferPartialInstance=true"]
    out = dict(inference=[], jobs=[])
    for sid, expected, args in table("scenarios.tsv"):
        argv = ["check"] + args.split() + ["--format", "json"]
        on, _ = measure(jar, argv, repeats, extra=infer)
        off, _ = measure(jar, argv, repeats)
        out["inference"].append(dict(id=sid, inferenceOn=on, inferenceOff=off))
    std = {mid: args for mid, _, args in table("matrices.tsv")}
    on, _ = measure(jar, ["matrix"] + std["standard-upstream"].split() + ["--format", "json", "--jobs", "1"], repeats,
                    extra=infer)
    off, _ = measure(jar, ["matrix"] + std["standard-upstream"].split() + ["--format", "json", "--jobs", "1"], repeats)
    out["inference"].append(dict(id="standard-upstream (--jobs 1)", inferenceOn=on, inferenceOff=off))
    for mid, args in std.items():
        one, _ = measure(jar, ["matrix"] + args.split() + ["--format", "json", "--jobs", "1"], repeats)
        every, _ = measure(jar, ["matrix"] + args.split() + ["--format", "json", "--jobs", str(os.cpu_count())],
                           repeats)
        out["jobs"].append(dict(id=mid, jobs1=one, jobsAll=every, cores=os.cpu_count()))
    return out


def main():
    jar, results, repeats = sys.argv[1], sys.argv[2], int(sys.argv[3])
    workloads = sys.argv[4:]
    os.makedirs(results, exist_ok=True)
    for w in workloads:
        print(f"bench: {w} ...", file=sys.stderr, flush=True)
        if w == "solvers":
            dist = os.environ.get("DIST_JAR")
            if not dist or not os.path.isfile(dist):
                sys.exit("bench: solvers needs DIST_JAR, Alloy's distribution jar (bench/run fetches it)")
            data = solvers(jar, dist, repeats)
        else:
            data = {"scenarios": scenarios, "matrices": matrices, "scaling": scaling, "levers": levers,
                    "engines": engines}[w](jar, repeats)
        with open(os.path.join(results, f"{w}.json"), "w") as f:
            json.dump(dict(machine=machine(repeats), command=" ".join(["bench/run", str(repeats)] + workloads),
                           **{w: data}), f, indent=2)


if __name__ == "__main__":
    main()

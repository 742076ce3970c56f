"""Run every benchmark and judge it against its budget: one command, from a fresh clone.

    python benchmarks/run.py [--runs N] [--json FILE] [--work DIR] [--only NAME ...]

It makes the inputs (benchmarks/generate.py), runs each measurement several times, prints a table
(figure, ours, baseline, ratio, budget, pass/fail) and writes the same rows as JSON. The exit status
is 0 only when every budget holds.

Budgets are ratios against a baseline measured in the same run, because the machines this runs on
are shared and noisy: a minimal Textual app for start-up (benchmarks/startup.py), an empty store
for a long history. Whole-process figures alternate the two commands run after run and compare
their medians; wall time is measured around the process, peak memory is the child's own maximum
resident set size as the kernel reports it (``wait4``). Figures with an absolute budget (validate,
``progress --json``, the dashboard, interactions) are medians too.

Everything is measured as a learner's second and later starts find it. The package's modules are
compiled first, as ``pip install`` compiles them (an editable install, or PYTHONDONTWRITEBYTECODE,
would otherwise make every start compile them again), and the content cache (in the work folder,
never the user's) is filled by each measurement's warm-up run; the cold figures with the cache
off are printed for information.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
PYTHON = sys.executable
STARTUP = [PYTHON, str(HERE / "startup.py")]
INTERACTION = [PYTHON, str(HERE / "interaction.py")]
CLI = [PYTHON, "-m", "dprk_it_tutor"]
CACHE_ENV = "DPRK_IT_TUTOR_CACHE"  # dprk_it_tutor.paths.CACHE_ENV
SETTLE_SECONDS = 2.0  # dprk_it_tutor.content.cache.SETTLE_SECONDS


@dataclass
class Row:
    figure: str
    ours: float
    baseline: float | None
    ratio: float | None
    budget: str
    passed: bool
    unit: str
    runs: int


@dataclass
class Run:
    seconds: float
    max_rss_kb: int
    stdout: str


def compile_package() -> None:
    """Compile the program's modules, as pip does when it installs a package."""
    spec = importlib.util.find_spec("dprk_it_tutor")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("benchmarks: dprk_it_tutor is not installed in this environment")
    run_once([PYTHON, "-m", "compileall", "-q", *spec.submodule_search_locations])


def wait_until_settled(folder: Path) -> None:
    """The content cache keeps no file changed in the last two seconds (content/cache.py): give
    freshly generated files that long, or the warm-up runs could not fill it."""
    newest = max(max(p.stat().st_mtime, p.stat().st_ctime) for p in folder.rglob("*"))
    time.sleep(max(0.0, newest + SETTLE_SECONDS + 0.5 - time.time()))


def make_inputs(work: Path) -> dict[str, Path]:
    """The generated pack and stores, made in a process of their own: a child's peak memory as
    the kernel reports it includes what its parent held when it started the child, so this
    process stays small."""
    made = run_once([PYTHON, str(HERE / "generate.py"), str(work)])
    return {**{name: Path(path) for name, path in json.loads(made.stdout).items()}, "work": work}


def run_once(command: list[str], *, env: dict[str, str] | None = None) -> Run:
    """One process: its wall time, its own peak resident memory, what it printed."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(
            command, stdout=out, stderr=err, env=env, stdin=subprocess.DEVNULL
        )
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    if process.returncode != 0:
        raise SystemExit(
            f"benchmarks: {' '.join(command)} exited with {process.returncode}:\n{stderr}"
        )
    # ru_maxrss is in kilobytes on Linux, in bytes on macOS.
    rss = usage.ru_maxrss // 1024 if sys.platform == "darwin" else usage.ru_maxrss
    return Run(seconds, rss, stdout)


def alternate(
    ours: Callable[[], Run], baseline: Callable[[], Run], runs: int
) -> tuple[list[Run], list[Run]]:
    """``runs`` of each, in turn (one warm-up of each first), so drift hits both alike."""
    ours(), baseline()
    a, b = [], []
    for _ in range(runs):
        a.append(ours())
        b.append(baseline())
    return a, b


def fresh_store(source: Path, work: Path) -> Path:
    """A copy of a generated store, on disk: the app writes to the store it opens.

    Written to disk before the app runs: left in the page cache, the copy of the long history
    (22 MB) was written out by the app's own first sync (SQLite's checkpoint on closing, 35 ms),
    a cost a learner's settled store never has, charged to the app.
    """
    target = work / f"run-{source.name}"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(source, target)
    for path in (*target.iterdir(), target):
        descriptor = os.open(path, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
    return target


def app_startup(
    inputs: dict[str, Path], store: str, *extra: str, env: dict[str, str] | None = None
) -> Callable[[], Run]:
    def start() -> Run:
        data = fresh_store(inputs[store], inputs["work"])
        run = run_once(
            [*STARTUP, "app", "--data-dir", str(data), "--profile", "bench", *extra], env=env
        )
        if run.stdout.strip() != "HomeScreen":
            raise SystemExit(
                f"benchmarks: the app showed {run.stdout.strip()!r}, not the course map"
            )
        return run

    return start


def baseline_startup() -> Run:
    return run_once([*STARTUP, "baseline"])


def median(values: list[float]) -> float:
    return statistics.median(values)


def ratio_rows(
    name: str, ours: list[Run], base: list[Run], budget: float, *, memory: bool = True
) -> list[Row]:
    rows = []
    wall_ours, wall_base = median([r.seconds for r in ours]), median([r.seconds for r in base])
    rows.append(
        Row(
            f"{name}: wall time",
            wall_ours,
            wall_base,
            wall_ours / wall_base,
            f"≤ {budget:g}x",
            wall_ours / wall_base <= budget,
            "s",
            len(ours),
        )
    )
    if memory:
        rss_ours = median([r.max_rss_kb / 1024 for r in ours])
        rss_base = median([r.max_rss_kb / 1024 for r in base])
        rows.append(
            Row(
                f"{name}: peak memory",
                rss_ours,
                rss_base,
                rss_ours / rss_base,
                f"≤ {budget:g}x",
                rss_ours / rss_base <= budget,
                "MB",
                len(ours),
            )
        )
    return rows


def absolute_row(name: str, samples: list[float], budget: float, unit: str) -> Row:
    value = median(samples)
    return Row(name, value, None, None, f"≤ {budget:g} {unit}", value <= budget, unit, len(samples))


# -- the measurements ------------------------------------------------------------------------------


def startup_shipped(inputs: dict[str, Path], runs: int) -> list[Row]:
    ours, base = alternate(app_startup(inputs, "store_some"), baseline_startup, runs)
    return ratio_rows("Start-up, shipped course", ours, base, 1.3)


def big_course(inputs: dict[str, Path], runs: int) -> list[Row]:
    pack = str(inputs["big_course"])
    validate = [*CLI, "validate", "--content", pack]
    run_once(validate)  # warm-up: the first run after a change fills the content cache
    times = [run_once(validate).seconds for _ in range(runs)]
    rows = [absolute_row("Big course: validate", times, 1.5, "s")]
    no_cache = {**os.environ, CACHE_ENV: "off"}
    cold = [run_once(validate, env=no_cache).seconds for _ in range(max(1, runs // 3))]
    rows.append(information_row("Big course: validate, cache off", cold, "s"))
    ours, base = alternate(
        app_startup(inputs, "store_some", "--content", pack), baseline_startup, runs
    )
    rows += ratio_rows("Big course: start-up", ours, base, 2.0, memory=False)
    start_cold = app_startup(inputs, "store_some", "--content", pack, env=no_cache)
    cold = [start_cold().seconds for _ in range(max(1, runs // 3))]
    rows.append(information_row("Big course: start-up, cache off", cold, "s"))
    return rows


def information_row(name: str, samples: list[float], unit: str) -> Row:
    """A figure with no budget, printed so that what the budgets leave out is seen too."""
    return Row(
        f"{name} (for information)", median(samples), None, None, "—", True, unit, len(samples)
    )


def long_history(inputs: dict[str, Path], runs: int) -> list[Row]:
    ours, base = alternate(
        app_startup(inputs, "store_long"), app_startup(inputs, "store_empty"), runs
    )
    rows = ratio_rows("Long history: start-up vs an empty store", ours, base, 1.1, memory=False)
    data = fresh_store(inputs["store_long"], inputs["work"])
    command = [*CLI, "progress", "--json", "--data-dir", str(data), "--profile", "bench"]
    run_once(command)
    rows.append(
        absolute_row(
            "Long history: progress --json",
            [run_once(command).seconds for _ in range(runs)],
            0.5,
            "s",
        )
    )
    for name, measure in (
        ("Long history: dashboard opens, first time", "dashboard-first"),
        ("Long history: dashboard opens again", "dashboard-again"),
    ):
        samples = interaction(inputs, measure, "store_long", max(runs, 5))
        rows.append(absolute_row(name, samples, 100, "ms"))
    return rows


def interaction(inputs: dict[str, Path], measure: str, store: str, runs: int) -> list[float]:
    data = fresh_store(inputs[store], inputs["work"])
    result = run_once(
        [*INTERACTION, measure, "--data-dir", str(data), "--profile", "bench", "--runs", str(runs)]
    )
    return json.loads(result.stdout)


def interactions(inputs: dict[str, Path], runs: int) -> list[Row]:
    samples = max(runs * 3, 20)
    return [
        absolute_row(
            "Interaction: next step", interaction(inputs, "steps", "store_some", samples), 50, "ms"
        ),
        absolute_row(
            "Interaction: submit an answer",
            interaction(inputs, "answers", "store_some", samples),
            50,
            "ms",
        ),
    ]


MEASUREMENTS = {
    "startup": startup_shipped,
    "big-course": big_course,
    "long-history": long_history,
    "interaction": interactions,
}


# -- reporting ---------------------------------------------------------------------------------


def _figure(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "s":
        return f"{value:.3f} s"
    if unit == "ms":
        return f"{value:.1f} ms"
    return f"{value:.1f} {unit}"


def table(rows: list[Row]) -> str:
    header = ("Figure", "Ours", "Baseline", "Ratio", "Budget", "Result")
    lines = [
        (
            row.figure,
            _figure(row.ours, row.unit),
            _figure(row.baseline, row.unit),
            "—" if row.ratio is None else f"{row.ratio:.2f}x",
            row.budget,
            "pass" if row.passed else "FAIL",
        )
        for row in rows
    ]
    widths = [max(len(cells[i]) for cells in [header, *lines]) for i in range(len(header))]

    def fmt(cells: tuple[str, ...]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([fmt(header), rule, *(fmt(cells) for cells in lines)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run the benchmarks and check every budget.")
    parser.add_argument("--runs", type=int, default=7, help="runs of each measurement (default 7)")
    parser.add_argument(
        "--json",
        type=Path,
        default=HERE / "results.json",
        metavar="FILE",
        help="where to write the results (default benchmarks/results.json)",
    )
    parser.add_argument(
        "--work",
        type=Path,
        metavar="DIR",
        default=Path(tempfile.gettempdir()) / "dprk-it-tutor-benchmarks",
        help="where the generated inputs are kept between runs",
    )
    parser.add_argument(
        "--only",
        nargs="+",
        choices=MEASUREMENTS,
        metavar="NAME",
        help=f"run only these: {', '.join(MEASUREMENTS)}",
    )
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    args.work.mkdir(parents=True, exist_ok=True)
    os.environ[CACHE_ENV] = str(args.work / "content-cache")  # for every child from here on
    print("Compiling the package ...", flush=True)
    compile_package()
    print(f"Making the inputs in {args.work} ...", flush=True)
    inputs = make_inputs(args.work)
    wait_until_settled(inputs["big_course"])
    rows: list[Row] = []
    for name in args.only or MEASUREMENTS:
        print(f"Measuring {name} ({args.runs} runs) ...", flush=True)
        rows += MEASUREMENTS[name](inputs, args.runs)
    print()
    print(table(rows))
    document = {
        "python": platform.python_version(),
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs",
        "runs": args.runs,
        "passed": all(row.passed for row in rows),
        "rows": [asdict(row) for row in rows],
    }
    args.json.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    print(f"\nWritten to {args.json}")
    return 0 if document["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())

"""Every performance case of issue 13, side by side in one run: a table of medians and ratios.

    python bench/perf.py [--repeat 11] [--repeat-big 3] [--sizes 50,200,500,2000] [--quick]

Each case runs genreport and its reference as fresh processes, interleaved (so the load of a
shared machine hits both alike), and reports the median wall time of each and their ratio:

* cold ``genreport check FILE`` vs a bare Python that imports PyYAML and loads the same file
  (and, as a note, the same with ``import typer`` added: the floor the CLI framework sets);
* cold ``genreport build FILE`` (docx + html + md) vs a bare docxtpl script rendering the same
  template with the same data (the context serialised to JSON beforehand, so the script imports
  docxtpl and json only);
* ``genreport build 2023`` of 500 reports (three formats, all cores; and ``-j 1``) vs the naive
  loop: in one process, for each file genreport's load and check, then a fresh ``DocxTemplate``
  rendered and saved (docx only);
* ``genreport check 2023`` of 50/200/500/2000 files (ms per file shows whether cost is linear);
* a no-op rebuild of 500 (nothing changed since the last build);
* the peak memory of a 2000-report build: the largest sum of resident memory over the CLI and
  its workers, sampled every 10 ms from /proc.

The workspaces hold generated agencies: the two demo reports with unique names, two years each,
so the cross-year rules run and every file passes ``check``.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from genreport.pipeline import check_files  # noqa: E402
from genreport.render.context import build_view  # noqa: E402

PYTHON = sys.executable
BIN = Path(sys.executable).parent
TEMPLATE = REPO / "genreport/defaults/templates/report.docx"
DEMO_AGENCIES = {"shijianju": "青禾市市场监督管理局", "shizhengfu": "青禾市人民政府"}

BARE_YAML = "import sys, yaml\nwith open(sys.argv[1], encoding='utf-8') as f: yaml.safe_load(f)\n"
#: The floor the CLI framework sets: Python, typer and PyYAML, before any of genreport's own code.
TYPER_YAML = "import typer\n" + BARE_YAML
BARE_DOCXTPL = """
import json, sys
from docxtpl import DocxTemplate
with open(sys.argv[2], encoding="utf-8") as f:
    context = json.load(f)
document = DocxTemplate(sys.argv[1])
document.render(context, autoescape=True)
document.save(sys.argv[3])
"""
NAIVE_LOOP = """
import sys
from pathlib import Path
from docxtpl import DocxTemplate
from genreport.pipeline import check_files
from genreport.render.context import build_view
template, out = Path(sys.argv[1]), Path(sys.argv[2])
for path in map(Path, sys.argv[3:]):
    report = check_files([path])[0].report
    document = DocxTemplate(template)
    document.render(build_view(report)[0].context(), autoescape=True)
    document.save(out / (path.stem + ".docx"))
"""


#: As users run it: byte-compiled modules cached (this machine sets PYTHONDONTWRITEBYTECODE, which
#: would make every run compile genreport from source).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def genreport_command() -> list[str]:
    script = BIN / ("genreport.exe" if os.name == "nt" else "genreport")
    if not script.exists():
        raise SystemExit(f"{script} is missing: install genreport into this Python first")
    return [str(script)]


def generate(root: Path, agencies: int) -> list[Path]:
    """``agencies`` reports in each of 2022 and 2023; returns the 2023 files."""
    for year in (2022, 2023):
        folder = root / "inputs" / str(year)
        folder.mkdir(parents=True)
        for i in range(agencies):
            stem = tuple(DEMO_AGENCIES)[i % len(DEMO_AGENCIES)]
            text = (REPO / "inputs" / str(year) / f"{stem}.yaml").read_text(encoding="utf-8")
            name = DEMO_AGENCIES[stem]
            unique = name.replace("青禾市", f"青禾市第{i}区", 1)
            (folder / f"{stem}{i:04d}.yaml").write_text(
                text.replace(f"机关: {name}", f"机关: {unique}", 1), encoding="utf-8"
            )
    return sorted((root / "inputs" / "2023").glob("*.yaml"))


def run(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=ENV, capture_output=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(
            f"{' '.join(command)} exited {done.returncode}:\n"
            f"{done.stdout.decode(errors='replace')}{done.stderr.decode(errors='replace')}"
        )
    return elapsed


def _tree_rss(root_pid: int) -> int:
    """Resident bytes of a process and all its descendants, from /proc."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry)] = int(fields[1])
        rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    tree, frontier = {root_pid}, [root_pid]
    while frontier:
        pid = frontier.pop()
        for child, parent in parents.items():
            if parent == pid and child not in tree:
                tree.add(child)
                frontier.append(child)
    return sum(rss.get(pid, 0) for pid in tree)


def peak_memory(command: list[str], cwd: Path) -> tuple[float, int]:
    """Wall time and the largest summed RSS of the process tree while it ran."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    peak = 0
    while process.poll() is None:
        peak = max(peak, _tree_rss(process.pid))
        time.sleep(0.01)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} exited {process.returncode}")
    return time.perf_counter() - start, peak


def plain(value: Any) -> Any:
    """A template context as JSON data; Jinja reads ``a.b`` from a dict as it does an attribute."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def context_file(report_file: Path, out: Path) -> Path:
    report = check_files([report_file])[0].report
    assert report is not None, report_file
    path = out / "context.json"
    path.write_text(
        json.dumps(plain(build_view(report)[0].context()), ensure_ascii=False), encoding="utf-8"
    )
    return path


@dataclasses.dataclass
class Row:
    case: str
    genreport: float
    reference: float | None = None
    reference_name: str = ""
    goal: str = ""
    note: str = ""

    def ratio(self) -> str:
        if self.reference is None:
            return ""
        return f"{self.genreport / self.reference:.2f}×"


def medians(
    runs: int, cases: dict[str, Callable[[], float]], warm: bool = False
) -> dict[str, float]:
    samples: dict[str, list[float]] = {name: [] for name in cases}
    for case in cases.values() if warm else ():  # caches (bytecode, page cache) as users have them
        case()
    for _ in range(runs):
        for name, case in cases.items():
            samples[name].append(case())
    return {name: statistics.median(values) for name, values in samples.items()}


def many_cases(
    args: argparse.Namespace, genreport: list[str], scratch: Path, sizes: list[int], rows: list[Row]
) -> None:
    """The cases over many files: builds of ``--reports``, no-op rebuild, checks, peak memory."""
    many = scratch / "many"
    files = [str(p) for p in generate(many, args.reports)]
    naive_out = scratch / "naive"
    naive_out.mkdir()
    built = medians(
        args.repeat_big,
        {
            "all": lambda: run([*genreport, "build", "2023", "--force"], many),
            "one": lambda: run([*genreport, "build", "2023", "--force", "-j", "1"], many),
            "naive": lambda: run(
                [PYTHON, "-c", NAIVE_LOOP, str(TEMPLATE), str(naive_out), *files], many
            ),
        },
    )
    n = args.reports
    rows.append(
        Row(
            f"`build 2023`, {n} reports, all cores",
            built["all"],
            built["naive"],
            "naive docxtpl loop (docx only)",
            "≤ 0.2× (5× faster)",
        )
    )
    rows.append(
        Row(
            f"`build 2023 -j 1`, {n} reports",
            built["one"],
            built["naive"],
            "naive docxtpl loop (docx only)",
            "≤ 0.33× (3× faster)",
        )
    )
    run([*genreport, "build", "2023"], many)
    noop = medians(args.repeat_big, {"noop": lambda: run([*genreport, "build", "2023"], many)})
    rows.append(Row(f"no-op rebuild of {n}", noop["noop"], goal="≤ 1 s"))

    for size in sizes:
        folder = scratch / f"check{size}"
        generate(folder, size)
        timed = medians(
            args.repeat_big, {"check": lambda f=folder: run([*genreport, "check", "2023"], f)}
        )
        rows.append(
            Row(
                f"`check 2023`, {size} files",
                timed["check"],
                goal="≤ 10 s" if size == 2000 else "",
                note=f"{timed['check'] / size * 1000:.1f} ms a file",
            )
        )

    big = scratch / "memory"
    generate(big, args.memory_reports)
    wall, peak = peak_memory([*genreport, "build", "2023"], big)
    rows.append(
        Row(
            f"`build 2023`, {args.memory_reports} reports: peak memory",
            wall,
            goal="< 300 MB",
            note=f"peak {peak / 2**20:.0f} MB (CLI + workers, summed RSS)",
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=11, help="runs of each cold case")
    parser.add_argument("--repeat-big", type=int, default=3, help="runs of each many-file case")
    parser.add_argument("--sizes", default="50,200,500,2000", help="file counts for check")
    parser.add_argument("--reports", type=int, default=500, help="reports for the build cases")
    parser.add_argument("--memory-reports", type=int, default=2000)
    parser.add_argument("--quick", action="store_true", help="small sizes, for trying the bench")
    parser.add_argument("--cold-only", action="store_true", help="only the two cold cases")
    args = parser.parse_args()
    if args.quick:
        args.repeat, args.repeat_big, args.sizes = 3, 1, "20,50"
        args.reports, args.memory_reports = 40, 80
    sizes = [int(s) for s in args.sizes.split(",")]
    genreport = genreport_command()
    rows: list[Row] = []
    scratch = Path(tempfile.mkdtemp(prefix="genreport-perf-"))
    try:
        one = scratch / "one"
        file = generate(one, 1)[0]
        context = context_file(file, scratch)
        bare_out = str(scratch / "bare.docx")
        cold = medians(
            args.repeat,
            {
                "check": lambda: run([*genreport, "check", str(file)], one),
                "yaml": lambda: run([PYTHON, "-c", BARE_YAML, str(file)], one),
                "typer": lambda: run([PYTHON, "-c", TYPER_YAML, str(file)], one),
                "build": lambda: run([*genreport, "build", str(file), "--force"], one),
                "docxtpl": lambda: run(
                    [PYTHON, "-c", BARE_DOCXTPL, str(TEMPLATE), str(context), bare_out], one
                ),
            },
            warm=True,
        )
        rows.append(
            Row(
                "cold `check FILE`",
                cold["check"],
                cold["yaml"],
                "bare PyYAML load",
                "≤ 2×",
                f"importing typer too: {cold['typer']:.3f} s "
                f"({cold['typer'] / cold['yaml']:.2f}×); check reads last year's file as well",
            )
        )
        rows.append(
            Row(
                "cold `build FILE` (docx+html+md)",
                cold["build"],
                cold["docxtpl"],
                "bare docxtpl render",
                "≤ 1.0×",
            )
        )

        if not args.cold_only:
            many_cases(args, genreport, scratch, sizes, rows)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    print(
        f"python {sys.version.split()[0]}, {os.cpu_count()} cores; medians of "
        f"{args.repeat} (cold) and {args.repeat_big} (many files) interleaved runs"
    )
    header = ("case", "genreport", "reference", "genreport ÷ reference", "goal", "note")
    table = [
        header,
        *(
            (
                r.case,
                f"{r.genreport:.3f} s",
                f"{r.reference:.3f} s ({r.reference_name})" if r.reference is not None else "",
                r.ratio(),
                r.goal,
                r.note,
            )
            for r in rows
        ),
    ]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for line in table[1:]:
        print("| " + " | ".join(line) + " |")


if __name__ == "__main__":
    main()

"""Benchmark: `genreport build` against a plain docxtpl render-per-document loop.

    python bench/bench_build.py [--reports 40] [--repeat 5]

Measured side by side in one run, on copies of the demo inputs (inputs/2022 and inputs/2023) in a
temporary workspace:

* cold, one report, whole process: ``genreport build FILE --force`` (load, check, docx + html + md,
  atomic writes, manifest) vs. a fresh Python process that loads and checks the same file with
  genreport and renders it with plain docxtpl (``DocxTemplate(t).render(ctx); save(out)``);
* many reports in one run: ``genreport build 2023 --force`` (all cores; three formats; and once
  with ``--format docx -j 1`` for like-for-like) vs. the plain docxtpl loop over the same files
  in one process (docx only, one core).

Prints medians and ratios (plain / genreport: above 1 means genreport is faster).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PYTHON = sys.executable

#: The baseline: what a project without genreport's build stage would do for each document.
PLAIN = """
import sys, time
from pathlib import Path
from docxtpl import DocxTemplate
from genreport.pipeline import check_files
from genreport.render.context import build_view
template = Path(sys.argv[1])
for path in map(Path, sys.argv[3:]):
    report = check_files([path])[0].report
    document = DocxTemplate(template)
    document.render(build_view(report)[0].context(), autoescape=True)
    document.save(Path(sys.argv[2]) / (path.stem + ".docx"))
"""


def run(command: list[str], cwd: Path) -> float:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(
            f"{' '.join(command)} failed:\n{done.stdout.decode()}{done.stderr.decode()}"
        )
    return elapsed


def workspace(reports: int) -> Path:
    root = Path(tempfile.mkdtemp(prefix="genreport-bench-"))
    for year in (2022, 2023):
        folder = root / "inputs" / str(year)
        folder.mkdir(parents=True)
        sources = sorted((REPO / "inputs" / str(year)).glob("*.yaml"))
        for i in range(reports):
            source = sources[i % len(sources)]
            shutil.copy(source, folder / f"{source.stem}{i:03d}.yaml")
    return root


def median(samples: list[float]) -> float:
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    root = workspace(args.reports)
    plain_out = root / "plain"
    plain_out.mkdir()
    template = REPO / "genreport/defaults/templates/report.docx"
    files = sorted(str(p) for p in (root / "inputs/2023").glob("*.yaml"))
    genreport = [PYTHON, "-c", "from genreport.cli import main; main()"]
    plain = [PYTHON, "-c", PLAIN, str(template), str(plain_out)]

    cases: dict[str, list[float]] = {
        "cold, 1 report: genreport build (docx+html+md)": [],
        "cold, 1 report: genreport build --format docx": [],
        "cold, 1 report: plain docxtpl (docx)": [],
        f"{args.reports} reports: genreport build, all cores (docx+html+md)": [],
        f"{args.reports} reports: genreport build -j 1 --format docx": [],
        f"{args.reports} reports: plain docxtpl loop (docx)": [],
    }
    names = list(cases)
    for _ in range(args.repeat):  # interleaved, so drift hits every case alike
        cases[names[0]].append(run([*genreport, "build", files[0], "--force"], root))
        cases[names[1]].append(
            run([*genreport, "build", files[0], "--force", "--format", "docx"], root)
        )
        cases[names[2]].append(run([*plain, files[0]], root))
        cases[names[3]].append(run([*genreport, "build", "2023", "--force"], root))
        cases[names[4]].append(
            run([*genreport, "build", "2023", "--force", "-j", "1", "--format", "docx"], root)
        )
        cases[names[5]].append(run([*plain, *files], root))
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, median of {args.repeat} runs")
    for name, samples in cases.items():
        print(f"  {name:<62} {median(samples):7.3f} s")
    cold = median(cases[names[2]]) / median(cases[names[0]])
    cold_docx = median(cases[names[2]]) / median(cases[names[1]])
    many = median(cases[names[5]]) / median(cases[names[3]])
    one_core = median(cases[names[5]]) / median(cases[names[4]])
    per_doc = median(cases[names[3]]) / args.reports * 1000
    print(f"  ratio plain/genreport, cold single report (3 formats): {cold:5.2f}")
    print(f"  ratio plain/genreport, cold single report (docx only): {cold_docx:5.2f}")
    print(f"  ratio plain/genreport, {args.reports} reports (all cores, 3 formats): {many:5.2f}")
    print(
        f"  ratio plain/genreport, {args.reports} reports (1 core, docx only):    {one_core:5.2f}"
    )
    print(f"  genreport, all cores: {per_doc:.1f} ms per report (3 formats)")
    shutil.rmtree(root)


if __name__ == "__main__":
    main()

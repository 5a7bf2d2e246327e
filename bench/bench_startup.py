"""Benchmark: cold start of one-file commands against bare Python doing the least of the same job.

    python bench/bench_startup.py [--repeat 11]

Every case is a fresh process, run alternately with its reference so drift on a loaded machine
hits both alike; medians and ratios are printed (ratio = genreport / reference: 1.0 is as fast),
of wall-clock time and of CPU time (user + system), which a loaded machine disturbs less.
Modules are compiled to __pycache__ as for users (PYTHONDONTWRITEBYTECODE is dropped).

* ``genreport check FILE`` (the installed console script) vs. a bare Python that imports PyYAML and
  composes the same file (``yaml.compose``: parse with line marks, the least a checker must do);
* ``genreport build FILE --force`` (docx + html + md) vs. a bare docxtpl script rendering the
  same template with the same context (read from JSON, so it imports docxtpl and nothing of
  genreport);
* for reading the numbers: ``python -c pass`` (the interpreter's own start-up, in every case) and
  ``import genreport.cli`` (what every command pays before it starts).

``CASES`` is what bench/perf.py reuses.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
TEMPLATE = REPO / "genreport/defaults/templates/report.docx"

#: The reference for check: the YAML parsed with marks, nothing else.
BARE_YAML = "import sys, yaml; yaml.compose(open(sys.argv[1], encoding='utf-8').read())"

#: The reference for build: docxtpl renders the template with a context read from JSON.
BARE_DOCXTPL = """
import json, sys
from docxtpl import DocxTemplate
document = DocxTemplate(sys.argv[1])
document.render(json.loads(open(sys.argv[2], encoding="utf-8").read()), autoescape=True)
document.save(sys.argv[3])
"""


def genreport_command() -> list[str]:
    """The console script users run (its own start-up counts), else the same entry point."""
    script = Path(PYTHON).parent / ("genreport.exe" if os.name == "nt" else "genreport")
    if script.is_file():
        return [str(script)]
    return [PYTHON, "-c", "from genreport.cli import main; main()"]


def workspace() -> Path:
    """A temporary workspace with the demo inputs of 2022 and 2023 (cross-year rules apply)."""
    root = Path(tempfile.mkdtemp(prefix="genreport-startup-"))
    for year in ("2022", "2023"):
        shutil.copytree(REPO / "inputs" / year, root / "inputs" / year)
    return root


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
        for name in dir(type(value)):
            if isinstance(getattr(type(value), name, None), property):
                fields[name] = getattr(value, name)
        return fields
    return str(value)


def write_context(source: Path, target: Path) -> None:
    """The context genreport's Word output renders ``source`` with, as JSON."""
    from genreport.pipeline import check_files  # noqa: PLC0415
    from genreport.render.context import build_view  # noqa: PLC0415

    report = check_files([source])[0].report
    assert report is not None, f"{source} does not load"
    context = build_view(report)[0].context()
    target.write_text(json.dumps(context, ensure_ascii=False, default=_plain), "utf-8")


def cases(root: Path) -> list[tuple[str, list[str], list[str]]]:
    """(name, genreport command, reference command) run in ``root``."""
    source = sorted((root / "inputs/2023").glob("*.yaml"))[0]
    file = source.relative_to(root).as_posix()
    context = root / "context.json"
    write_context(source, context)
    genreport = genreport_command()
    bare_docx = [PYTHON, "-c", BARE_DOCXTPL, str(TEMPLATE), str(context), str(root / "bare.docx")]
    return [
        ("check FILE", [*genreport, "check", file], [PYTHON, "-c", BARE_YAML, file]),
        ("build FILE --force (docx+html+md)", [*genreport, "build", file, "--force"], bare_docx),
        ("import genreport.cli", [PYTHON, "-c", "import genreport.cli"], [PYTHON, "-c", "pass"]),
    ]


#: As users run it: compiled modules cached in __pycache__ (the first, warm-up run writes them).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system) of one run of ``command``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=ENV, capture_output=True, check=False)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):  # 1: the demo file has findings; that is still a check
        raise SystemExit(
            f"{' '.join(command)} failed:\n{done.stdout.decode()}{done.stderr.decode()}"
        )
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return elapsed, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=11)
    args = parser.parse_args()
    root = workspace()
    Samples = tuple[list[float], list[float], list[float], list[float]]
    try:
        chosen = cases(root)
        samples: dict[str, Samples] = {n: ([], [], [], []) for n, _, _ in chosen}
        for _name, ours, reference in chosen:  # warm the disk cache and __pycache__
            run(ours, root), run(reference, root)
        for _ in range(args.repeat):
            for name, ours, reference in chosen:
                for measured, sample in zip(
                    (*run(ours, root), *run(reference, root)), samples[name], strict=True
                ):
                    sample.append(measured)
    finally:
        shutil.rmtree(root)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, median of {args.repeat} runs")
    print(f"  {'':<36} {'wall-clock seconds':^28}  {'CPU seconds (user+sys)':^28}")
    print(f"  {'case':<36}" + f" {'genreport':>9} {'reference':>9} {'ratio':>7}" * 2)
    for name, (wall, cpu, wall_ref, cpu_ref) in samples.items():
        line = f"  {name:<36}"
        for ours_s, reference_s in ((wall, wall_ref), (cpu, cpu_ref)):
            a, b = statistics.median(ours_s), statistics.median(reference_s)
            line += f" {a:9.3f} {b:9.3f} {a / b:6.2f}×"
        print(line)


if __name__ == "__main__":
    main()

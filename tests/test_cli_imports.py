"""Each command imports only what it uses: `genreport check FILE` costs little more than the file.

Every case runs the real entry point in a fresh interpreter (imports are per process) and lists
the modules it ended with. Timings are bench/bench_startup.py's job; this pins the cause.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

#: Run ``genreport.cli.main`` with the given arguments, then write the imported modules to a file.
RUN = """
import json, sys
from genreport.cli import main
modules_file = sys.argv.pop(1)
try:
    main()
except SystemExit as exit:
    code = exit.code
else:
    code = 0
with open(modules_file, "w", encoding="utf-8") as f:
    json.dump({"code": code, "modules": sorted(sys.modules)}, f)
"""

#: What no command that only reads inputs needs: Word, rich, pydantic, spreadsheets, PDF, the
#: importer, the build stage, worker processes for a few files, and Jinja while every narrative
#: expression is a plain path into the data (the demo's are).
HEAVY = (
    "jinja2",
    "genreport.sandbox",
    "multiprocessing",
    "concurrent.futures",
    "docxtpl",
    "docx",
    "lxml",
    "rich",
    "pydantic",
    "xlsxwriter",
    "openpyxl",
    "pdfplumber",
    "pypandoc",
    "markdown_it",
    "typer.rich_utils",
    "genreport.build",
    "genreport.render",
    "genreport.fonts",
    "genreport.importer",
    "genreport.export",
)


def imported(args: list[str], cwd: Path, tmp_path: Path) -> tuple[object, list[str]]:
    modules_file = tmp_path / "modules.json"
    done = subprocess.run(
        [sys.executable, "-c", RUN, str(modules_file), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert modules_file.is_file(), done.stderr
    result = json.loads(modules_file.read_text("utf-8"))
    return result["code"], result["modules"]


def heavy(modules: list[str], names: tuple[str, ...] = HEAVY) -> list[str]:
    return [m for m in modules if any(m == n or m.startswith(n + ".") for n in names)]


#: diff compares the printed tables (genreport.render.tables), without the Word renderer, and the
#: printed narrative (its expressions evaluated).
PRINTED = ("genreport.render", "jinja2", "genreport.sandbox")


@pytest.mark.parametrize(
    ("args", "allowed"),
    [
        pytest.param(args, allowed, id=" ".join(args))
        for args, allowed in [
            (["check", "inputs/2023/shijianju.yaml"], ()),
            (["check", "2023"], ()),
            (["check", "inputs/2023/shijianju.yaml", "--format", "json"], ()),
            (["check", "inputs/2023/shijianju.yaml", "--format", "sarif"], ()),
            (["check", "inputs/2023/shijianju.yaml", "--format", "github"], ()),
            (["status", "2023"], ()),
            (["diff", "2023"], PRINTED),
            (["schema", "-o", "-"], ()),
        ]
    ],
)
def test_reading_commands_import_nothing_heavy(
    args: list[str], allowed: tuple[str, ...], workspace: Path, tmp_path: Path
) -> None:
    code, modules = imported(args, workspace, tmp_path)
    assert code == 0
    assert heavy(modules, tuple(n for n in HEAVY if n not in allowed)) == []


def test_a_finding_in_the_check_imports_nothing_heavy(workspace: Path, tmp_path: Path) -> None:
    path = workspace / "inputs/2023/shijianju.yaml"
    text = path.read_text("utf-8")
    path.write_text(text.replace("予以公开:     [24, 5,", "予以公开:     [25, 5,"), "utf-8")
    code, modules = imported(["check", "2023"], workspace, tmp_path)
    assert code == 1
    assert heavy(modules) == []


def test_an_expression_with_a_filter_loads_the_sandbox_and_is_checked(
    workspace: Path, tmp_path: Path
) -> None:
    path = workspace / "inputs/2023/shijianju.yaml"
    text = path.read_text("utf-8")
    path.write_text(
        text.replace("  概述: |\n", "  概述: |\n    {{ 年度 | 没有这个 }}\n", 1), "utf-8"
    )
    code, modules = imported(["check", "2023"], workspace, tmp_path)
    assert code == 1
    assert "genreport.sandbox" in modules
    assert heavy(modules, tuple(n for n in HEAVY if n not in ("jinja2", "genreport.sandbox"))) == []


def test_a_usage_error_loads_the_translated_rich_panels(workspace: Path, tmp_path: Path) -> None:
    """The lazy rich help still comes up, translated, when it is needed (and only then)."""
    code, modules = imported(["check", "--nope"], workspace, tmp_path)
    assert code == 2
    assert "typer.rich_utils" in modules
    assert heavy(modules, ("pydantic", "docx", "genreport.build")) == []


def test_a_number_option_coerces_through_typer_only_when_given(
    workspace: Path, tmp_path: Path
) -> None:
    """`-j` is an int: typer's own (pydantic) coercion is built for it only when it is given."""
    code, modules = imported(["build", "2023", "--format", "md"], workspace, tmp_path)
    assert code == 0
    assert heavy(modules, ("pydantic",)) == []
    code, modules = imported(["build", "2023", "--format", "md", "-j", "1"], workspace, tmp_path)
    assert code == 0
    assert "pydantic" in modules


def test_a_build_with_nothing_to_do_does_not_load_the_renderers(
    workspace: Path, tmp_path: Path
) -> None:
    code, modules = imported(["build", "2023"], workspace, tmp_path)
    assert code == 0
    assert "docxtpl" in modules
    code, modules = imported(["build", "2023"], workspace, tmp_path)
    assert code == 0
    assert heavy(modules, ("docxtpl", "docx", "lxml", "genreport.render.renderer")) == []


def test_a_build_with_the_cache_warm_renders_without_docxtpl_or_python_docx(
    workspace: Path, tmp_path: Path
) -> None:
    """The first build prepares the Word template with docxtpl and keeps it in
    build/.genreport-cache; the next renders from there with lxml and Jinja alone."""
    args = ["build", "inputs/2023/shijianju.yaml", "--force"]
    code, modules = imported(args, workspace, tmp_path)
    assert code == 0
    assert "docxtpl" in modules
    code, modules = imported(args, workspace, tmp_path)
    assert code == 0
    assert "genreport.render.renderer" in modules
    cold_build = (
        *("docxtpl", "docx", "docxcompose", "xml.sax", "urllib.request", "pydantic", "rich"),
        *("multiprocessing", "concurrent.futures", "genreport.fonts", "genreport.workers"),
    )
    assert heavy(modules, cold_build) == []

"""LibreOffice opens the workbook, recalculates every total formula and gets the reports' numbers.

The formulas' stored results are zeroed first, so the values read back can only come from
LibreOffice evaluating the formulas itself. Skipped where LibreOffice is not installed (the CI
script installs libreoffice-calc-nogui).
"""

from __future__ import annotations

import re
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from genreport.cli import app
from genreport.export.columns import SHEETS, values
from genreport.load import load_file
from genreport.render.pdf import find_soffice

pytestmark = pytest.mark.skipif(find_soffice() is None, reason="LibreOffice is not installed")
runner = CliRunner()

#: LibreOffice's setting "recalculate Excel 2007 and newer files on load": 0 = always.
_ALWAYS_RECALCULATE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def _zero_cached_results(source: Path, target: Path) -> int:
    zeroed = 0
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                text, count = re.subn(r"(<f>[^<]*</f>)<v>[^<]*</v>", r"\1<v>0</v>", data.decode())
                data, zeroed = text.encode(), zeroed + count
            new.writestr(item, data)
    return zeroed


def test_libreoffice_recalculates_the_totals(workspace: Path) -> None:
    assert runner.invoke(app, ["export", "2023"]).exit_code == 0
    stale = workspace / "stale.xlsx"
    # per agency: 25 row totals and six （七）总计 cells in T3, three block totals in T4
    assert _zero_cached_results(workspace / "build/2023/tables.xlsx", stale) == 2 * (25 + 6 + 3)
    profile = workspace / "lo-profile"
    (profile / "user").mkdir(parents=True)
    (profile / "user/registrymodifications.xcu").write_text(_ALWAYS_RECALCULATE, encoding="utf-8")
    done = subprocess.run(
        [
            str(find_soffice()),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(workspace / "lo"),
            str(stale),
        ],
        capture_output=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    book = openpyxl.load_workbook(workspace / "lo/stale.xlsx", data_only=True)
    for slug in ("shijianju", "shizhengfu"):
        report = load_file(workspace / f"inputs/2023/{slug}.yaml").report
        assert report is not None
        expected = values(report)
        for spec in SHEETS:
            sheet = book[spec.name]
            depth = max(len(c.header) for c in spec.columns)
            row = next(
                r for r in sheet.iter_rows(min_row=depth + 3, values_only=True) if r[0] == slug
            )
            for column, got in zip(spec.columns, row[2:], strict=True):
                want = expected[column.key]
                assert (Decimal(str(got)) if column.money else got) == want, (slug, column.key)
        # LibreOffice kept the merged headers
        merged = {str(r) for r in book["表三 依申请公开"].merged_cells.ranges}
        assert {"C2:I4", "Q2:FN2", "AE3:CH3"} <= merged

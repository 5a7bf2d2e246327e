"""The 信息处理费 survives build → import → check: the demo reports state it, import reads it back
and neither import nor R17 warns (they read "stated" the same way, genreport.fee_statement)."""

from __future__ import annotations

from pathlib import Path

import pytest
from importer_helpers import run_import

from genreport.pipeline import check_files
from genreport.render import renderer_for

DEMO = sorted((Path(__file__).resolve().parents[2] / "inputs" / "2023").glob("*.yaml"))


@pytest.mark.parametrize("fmt", ["docx", "html", "md"])
@pytest.mark.parametrize("source", DEMO, ids=lambda p: p.stem)
def test_demo_fee_is_stated_read_back_and_accepted(
    source: Path, fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    [checked] = check_files([source])
    assert checked.report is not None and checked.report.info_fee_yuan is not None
    assert not [f.format() for f in checked.findings if f.rule == "R17"]
    built = tmp_path / f"{source.stem}.{fmt}"
    built.write_bytes(renderer_for(None).render(checked.report, (fmt,))[fmt])
    monkeypatch.chdir(tmp_path)
    imported = run_import(Path(built.name), Path("inputs"))
    assert [m for m in imported.messages if "处理费" in m] == []
    assert imported.report is not None
    assert imported.report.info_fee_yuan == checked.report.info_fee_yuan
    [again] = check_files([Path(imported.outcome.target or "")])
    assert [f.format() for f in again.findings if f.rule == "R17"] == []

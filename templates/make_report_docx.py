"""Regenerate the Word template: ``python templates/make_report_docx.py``.

Writes ``templates/report.docx`` (this workspace's template) and the copy that ships inside the
package (``genreport/defaults/templates/report.docx``). The layout is defined in
``genreport/render/docx_template.py``; generation is deterministic, and
``tests/render/test_docx_template.py`` fails when a committed copy differs from a fresh one.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from genreport.output import write_atomic  # noqa: E402
from genreport.render.docx_template import build_template  # noqa: E402

TARGETS = (ROOT / "templates" / "report.docx", ROOT / "genreport/defaults/templates/report.docx")


def main() -> None:
    data = build_template()
    for target in TARGETS:
        changed = not target.is_file() or target.read_bytes() != data
        write_atomic(target, data)
        print(f"{'wrote' if changed else 'unchanged'} {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

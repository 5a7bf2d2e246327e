"""Import stage: a published report (.docx, .html, .md, .txt, .pdf) → a YAML input file.

readers      file → Document (paragraphs and table rows, each with its place in the source)
assemble     Document → ImportedReport + notes: tables by labels (t2, t3, t4), metadata,
             narrative sections; pure, no I/O
yaml_writer  ImportedReport + notes → YAML text (through genreport.dump), notes as comments
command      the `genreport import` flow: target path, --force, write, what to print
"""

from __future__ import annotations

from .assemble import Options, assemble
from .command import Outcome, import_file, import_files, report_json, report_lines
from .rules import IMPORT_RULES

__all__ = [
    "IMPORT_RULES",
    "Options",
    "Outcome",
    "assemble",
    "import_file",
    "import_files",
    "report_json",
    "report_lines",
]

"""Adversarial narrative inputs of about 1 MiB: each one repeats what made some scanner super-linear.

Used by tests/trust/test_linear_scanners.py (with a generous CPU bound) and by
bench/bench_adversarial.py (which prints each rule's time on each input).
"""

from __future__ import annotations

#: Bytes of narrative per input: the file stays under the loader's 1 MiB limit.
import os

from tests.narrative.helpers import yaml_text

BUDGET = int(os.environ.get("ADVERSARIAL_BYTES", "1000000"))

#: name → a piece repeated to fill the budget (no newline: one huge line unless the piece has one).
PIECES: dict[str, str] = {
    "unclosed {{": "{{ ",
    "unclosed {%": "{% ",
    "unclosed {#": "{# ",
    "mixed openers": "{{ {% {# }",
    "处理费": "处理费",
    "处理费 amounts": "信息处理费0元",
    "counts": "1件",
    "received counts": "收到依申请公开申请1件，",
    "counts with 其中": "其中自然人1件、",
    "none statements": "未收到申请，",
    "copied years": "2021年，我局",
    "introductions": "现将青禾市某某局2023年",
    "placeholders": "【待填写",
    "periods": "2023年1月1日至",
    "titles": "2023年政府信息公开工作年度报告",
    "chinese numerals": "一十百千万",
    "digits": "9",
    "places": "合肥市商务局",
    "wrapped lines": "收到\n",
    "blank lines": "申请\n \n",
    "expressions": "{{ 年度 }}",
    "sentences": "收到1件。",
}


def payload(piece: str) -> str:
    size = len(piece.encode()) + 2 * piece.count("\n")  # each line is indented in the block
    return piece * (BUDGET // size)


def adversarial_yaml(piece: str) -> str:
    """A valid report file whose section 六 (and, for the copy rules, 一) is ``piece`` repeated."""
    text = payload(piece)
    return yaml_text(other=text)

"""What counts as stating the 信息处理费: one reading for ``check`` (R17), ``build`` and ``import``.

Section 六 must state the 信息处理费 (国办函〔2020〕109号). A sentence states it when it names the
处理费 and either gives an amount in 元 or 万元 after the word, or says none was charged (未收取,
0 元, 为零 …); a sentence saying no fee of any kind was charged (未发生收费情况, 未收取任何费用)
states 0 as well. R17 reads the YAML text, the build reads the evaluated text before deciding whether
to add the standard sentence, and import reads the published report, all through ``statements``:
a report the build completed is one import reads the fee back from and R17 accepts.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .lazy_regex import LazyRegex

FEE_WORD = "信息处理费"
MENTION = "处理费"
#: Stands for a ``{{ … }}`` expression in text R17 reads (``check/narrative/scan.MASK``).
EXPRESSION = "\ufffc"

_SENTENCE = LazyRegex(r"[^。；;！!？?\n]+")
_AMOUNT = LazyRegex(rf"(?:([0-9]+(?:\.[0-9]+)?)|{EXPRESSION}+)\s*(万元|元)")
_NONE = LazyRegex(
    r"(?:未|不|没有|没|无|免|免予|暂未|均未|并未|未曾)\s*(?:收取|收|征收|产生|发生)|零元|为零"
    r"|(?<![0-9.])0\s*元"
    r"|处理费\s*(?:为|共|共计|合计|金额|总额)?\s*[:：]?\s*(?:0|零)(?![0-9.])"
)


@dataclass(frozen=True)
class FeeStatement:
    """A sentence that states the fee: where it starts, and the amount as written."""

    start: int  # offset of the sentence in the text read
    sentence: str
    #: Digits as written (``0`` when none was charged); None when an expression gives them.
    amount: str | None
    unit: str = "元"  # 元 or 万元

    @property
    def yuan(self) -> Decimal | None:
        if self.amount is None:
            return None
        value = Decimal(self.amount)
        return value * 10000 if self.unit == "万元" else value


#: Says that nothing at all was charged without naming the fee: 未发生收费情况, 未收取任何费用.
_NO_CHARGE = LazyRegex(
    r"(?:未|没有|无|均未|并未)\s*(?:发生|产生)?\s*(?:任何)?\s*(?:收费|收取\s*(?:任何)?\s*费用)"
)


def mentions(text: str) -> list[tuple[int, str]]:
    """(start, sentence) of every sentence of ``text`` that names the 处理费 (or says that no
    fee of any kind was charged)."""
    return [
        (m.start(), m.group())
        for m in _SENTENCE.finditer(text)
        if MENTION in m.group() or _NO_CHARGE.search(m.group())
    ]


def read_sentence(start: int, sentence: str) -> FeeStatement | None:
    """The statement this sentence makes, if any: an amount after the word first, else none."""
    if MENTION not in sentence:
        return FeeStatement(start, sentence.strip(), "0") if _NO_CHARGE.search(sentence) else None
    amount = _AMOUNT.search(sentence, sentence.index(MENTION))
    if amount:
        return FeeStatement(start, sentence.strip(), amount.group(1), amount.group(2))
    if _NONE.search(sentence):
        return FeeStatement(start, sentence.strip(), "0")
    return None


def statements(text: str) -> list[FeeStatement]:
    """Every statement of the fee in ``text``, in order."""
    found = (read_sentence(start, sentence) for start, sentence in mentions(text))
    return [s for s in found if s is not None]


__all__ = ["FEE_WORD", "FeeStatement", "mentions", "read_sentence", "statements"]

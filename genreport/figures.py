"""An agency's key figures and derived rates: one definition for the status board and the export.

A coordinator compares agencies by a handful of numbers (本年新收, 办结, 结转, 复议 and 诉讼 totals) and
three rates. Each rate keeps its numerator and denominator, so every output can show the formula
and an agency with nothing to divide by shows "—" instead of a made-up 0 %.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from .layout import CARRIED_OUT, RECEIVED, RESULTS, RESULTS_TOTAL, REVIEW, T4_BLOCKS
from .model import Report

#: key → printed label, in board/export column order.
FIGURE_LABELS = {
    "received": "本年新收",
    "closed": "办结",
    "carried_out": "结转下年度",
    "review_total": "行政复议总计",
    "litigation_total": "行政诉讼总计",
}
#: key → (label, formula as shown to users).
RATE_LABELS = {
    "disclosure_rate": ("公开率", "（予以公开 + 部分公开）÷（七）总计"),
    "review_correction_rate": ("复议纠错率", "行政复议结果纠正 ÷ 行政复议总计"),
    "litigation_correction_rate": ("诉讼纠错率", "行政诉讼结果纠正 ÷ 行政诉讼总计"),
}

_CORRECTED = 1  # index of 结果纠正 in layout.T4_OUTCOMES


@dataclass(frozen=True)
class Rate:
    numerator: int
    denominator: int

    @property
    def value(self) -> Decimal | None:
        """The rate as a fraction rounded to 4 places (0.9524); None when nothing to divide by."""
        if self.denominator == 0:
            return None
        exact = Decimal(self.numerator) / Decimal(self.denominator)
        return exact.quantize(Decimal("0.0001"), ROUND_HALF_UP)

    def percent(self) -> str:
        """``95.2%``, or ``—`` when the denominator is 0."""
        if self.denominator == 0:
            return "—"
        exact = Decimal(100 * self.numerator) / Decimal(self.denominator)
        return f"{exact.quantize(Decimal('0.1'), ROUND_HALF_UP)}%"


@dataclass(frozen=True)
class Figures:
    received: int
    closed: int
    carried_out: int
    review_total: int
    litigation_total: int
    disclosure_rate: Rate
    review_correction_rate: Rate
    litigation_correction_rate: Rate

    def counts(self) -> dict[str, int]:
        return {key: getattr(self, key) for key in FIGURE_LABELS}

    def rates(self) -> dict[str, Rate]:
        return {key: getattr(self, key) for key in RATE_LABELS}


def figures(report: Report) -> Figures:
    """The printed values: stated totals where the file typed them, as the report shows them."""
    t3, t4 = report.t3, report.t4
    closed = t3.shown_row(RESULTS_TOTAL)[-1]
    disclosed = sum(t3.shown_row((RESULTS, name))[-1] for name in ("予以公开", "部分公开"))
    review = t4.blocks[REVIEW]
    litigation = [t4.blocks[block] for block in T4_BLOCKS[1:]]
    return Figures(
        received=t3.shown_row(RECEIVED)[-1],
        closed=closed,
        carried_out=t3.shown_row(CARRIED_OUT)[-1],
        review_total=review.shown_total,
        litigation_total=t4.litigation_total,
        disclosure_rate=Rate(disclosed, closed),
        review_correction_rate=Rate(review.values[_CORRECTED], review.shown_total),
        litigation_correction_rate=Rate(
            sum(b.values[_CORRECTED] for b in litigation), t4.litigation_total
        ),
    )

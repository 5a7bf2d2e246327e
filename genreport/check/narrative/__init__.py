"""Rules that read the narrative: R15–R17, R19 (years in the text), R21, R23, R28 and R29.

The tables are checked by arithmetic; these rules check what the words say against the tables,
what the sections must contain, and whether the text was carried over from last year or from
another agency. All of them prefer silence to a doubtful warning.
"""

from __future__ import annotations

from .content import r21_required_content
from .contradictions import r28_narrative_contradictions
from .copying import r23_copied_text
from .counts import r15_r16_narrative_counts
from .fee import r17_processing_fee
from .quality import r29_text_quality
from .years import r19_narrative_year

__all__ = [
    "r15_r16_narrative_counts",
    "r17_processing_fee",
    "r19_narrative_year",
    "r21_required_content",
    "r23_copied_text",
    "r28_narrative_contradictions",
    "r29_text_quality",
]

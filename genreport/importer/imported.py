"""The result of matching: the input file's values, before they are written as YAML."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .t2 import T2Data
from .t3 import T3Data
from .t4 import T4Data

#: Narrative: free text, or {小标题: 正文} (for 总体情况 the keys of layout.OVERVIEW_PARTS).
Narrative = str | dict[str, str]


@dataclass(frozen=True)
class ImportedReport:
    source: str  # the report it was read from, as the user named it
    agency: str
    year: int
    agency_type: str  # 部门 | 人民政府
    published: dt.date
    rule_making: str  # 有 | 无
    preface: str | None
    overview: Narrative | None
    t2: T2Data | None
    t3: T3Data | None
    t4: T4Data | None
    problems: Narrative | None
    fee_yuan: str | None  # 信息处理费 in 元, digits as stated; None when the report does not say
    other: Narrative | None

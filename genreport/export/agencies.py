"""One agency's row of the export: its file, its report (if it loaded) and what `check` found."""

from __future__ import annotations

from dataclasses import dataclass

from ..findings import Severity
from ..model import Report
from ..pipeline import Checked

#: The 机关 sheet and the leading CSV columns: key (also the header) and Excel column width.
INFO_COLUMNS = (
    ("简称", 12),
    ("机关", 30),
    ("机关类型", 10),
    ("发布日期", 12),
    ("年度", 8),
    ("错误", 6),
    ("警告", 6),
    ("检查结果", 36),
    ("文件", 30),
)


@dataclass(frozen=True)
class AgencyRow:
    slug: str
    file: str
    report: Report | None
    errors: int
    warnings: int

    @classmethod
    def from_checked(cls, checked: Checked) -> AgencyRow:
        severities = [f.severity for f in checked.findings]
        return cls(
            checked.path.stem,
            checked.file,
            checked.report,
            severities.count(Severity.ERROR),
            severities.count(Severity.WARNING),
        )

    @property
    def flagged(self) -> bool:
        return self.report is None or self.errors > 0

    @property
    def verdict(self) -> str:
        if self.report is None:
            return f"无法读取（{self.errors} 个错误），没有导出数字"
        if self.errors:
            return f"有 {self.errors} 个错误：数字未经核实，请先改正"
        return "通过" if not self.warnings else f"通过（{self.warnings} 个警告）"

    def info(self, year: int) -> tuple[str | int, ...]:
        report = self.report
        return (
            self.slug,
            report.agency if report else "",
            report.agency_type if report else "",
            report.published.isoformat() if report else "",
            year,
            self.errors,
            self.warnings,
            self.verdict,
            self.file,
        )

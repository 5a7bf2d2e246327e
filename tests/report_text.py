"""Small report files for tests about one thing: the parts every file must have, filled in."""

from __future__ import annotations

#: The parts every file needs besides 机关, 年度 and 发布日期, with nothing in them (an empty
#: narrative section is written but has no text: R21 and R17 still see it as empty).
REQUIRED = {
    "机关类型": "部门",
    "主动公开": "{}",
    "依申请公开": "{}",
    "行政复议": "[0, 0, 0, 0]",
    "行政诉讼": "{未经复议直接起诉: [0, 0, 0, 0], 复议后起诉: [0, 0, 0, 0]}",
    "总体情况": "",
    "存在的主要问题及改进情况": "",
    "其他需要报告的事项": "",
}


def complete(text: str) -> str:
    """``text`` with the required parts it lacks appended, so its own line numbers stay."""
    lines = text.splitlines()
    missing = [
        f"{key}: {value}".rstrip() + "\n"
        for key, value in REQUIRED.items()
        if not any(line.startswith(f"{key}:") for line in lines)
    ]
    return text + "".join(missing)

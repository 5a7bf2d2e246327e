"""JSON Schema of the input format, for editors that validate and autocomplete YAML as it is typed.

Generated from layout.py and the loader's own limits (required parts, placeholders, digits), so the
schema cannot drift from what the loader accepts; tests/test_schema_agreement.py runs every fixture
through both. The loader stays the authority (YAML 1.1 pitfalls such as ``010`` are invisible to a
JSON Schema). ``errorMessage`` and ``patternErrorMessage`` are what yaml-language-server (VS Code's
YAML extension) shows instead of its English text when a type, enum or pattern does not match.
"""

from __future__ import annotations

import json
from typing import Any

from .layout import (
    AGENCY_TYPES,
    APPLICANT_COLUMNS,
    OVERVIEW_GOVERNMENT_PART,
    OVERVIEW_INTRO,
    OVERVIEW_PARTS,
    T2_COUNT_ROWS,
    T2_DOC_COLUMNS,
    T2_DOC_ROWS,
    T2_FEE_ROW,
    T3_GROUPS,
    T4_OUTCOMES,
)
from .load.required import GENERATED_FROM, PLACEHOLDER, REQUIRED_PARTS
from .load.rollup_key import COMPUTED_KEYS
from .load.rollup_key import KEY as ROLLUP_KEY
from .load.scalars import MAX_DIGITS

SCHEMA_FILE = "genreport.schema.json"
SCHEMA_ID = "https://genreport.invalid/schema/input.json"

Schema = dict[str, Any]

_COUNT: Schema = {
    "type": "integer",
    "minimum": 0,
    "maximum": 10**MAX_DIGITS - 1,
    "description": "件数：非负整数，没有就填 0",
    "errorMessage": "件数应为非负整数（半角数字，不加引号），没有就填 0",
}
_MONEY: Schema = {
    "type": "number",
    "minimum": 0,
    "exclusiveMaximum": 10**MAX_DIGITS,
    "description": "金额：非负数，小数位按实际填写（保留输入的每一位）",
    "errorMessage": "金额应为非负数（半角数字，不加引号），没有就填 0",
}


def _row(columns: tuple[str, ...], description: str, *, total: bool = True) -> Schema:
    """A row as a list in printed order (plus an optional stated 总计) or a mapping by name."""
    names = "、".join(columns)
    listed = f"按顺序列出：{names}" + ("；可再加一个数作为总计（会被核对）" if total else "")
    properties = {c: {**_COUNT, "description": f"{c}（件）"} for c in columns}
    if total:
        properties["总计"] = {**_COUNT, "description": "总计（可不填，填了会被核对）"}
    return {
        "description": description,
        "oneOf": [
            {
                "type": "array",
                "description": listed,
                "items": _COUNT,
                "minItems": len(columns),
                "maxItems": len(columns) + total,
            },
            {
                "type": "object",
                "description": f"按列名填写，未写的列为 0：{'、'.join(properties)}",
                "additionalProperties": False,
                "properties": properties,
            },
        ],
    }


def _mapping(properties: dict[str, Schema], description: str) -> Schema:
    return {
        "type": "object",
        "description": description,
        "additionalProperties": False,
        "properties": properties,
    }


_TEXT: Schema = {
    # YAML reads a bare 2023 or an empty value as a number or null; the loader takes them as text
    "type": ["string", "number", "boolean", "null"],
    "description": "正文：段落之间空一行；可用 {{ 依申请公开.本年新收.总计 }} 这样的表达式引用表格数据",
}


_EXPLANATIONS: Schema = {
    "type": "array",
    "description": "说明某个警告为什么可以接受（错误不能说明）；被说明的警告显示为“已说明”的提示",
    "items": {
        "type": "object",
        "additionalProperties": False,
        "required": ["规则", "理由"],
        "properties": {
            "规则": {
                "type": "string",
                "pattern": "^R[0-9]{1,2}$",
                "description": "规则编号，如 R11",
                "errorMessage": "规则应写成 R11 这样的规则编号",
            },
            "位置": {
                "type": "string",
                "description": "（可选）数据的键，用“.”连接，如 主动公开.行政规范性文件；不写则适用于本文件的该规则",
            },
            "理由": {"type": "string", "minLength": 1, "description": "为什么这个警告可以接受"},
            "打印": {
                "enum": ["是", "否"],
                "description": "是：把理由印在报告第六部分；默认否",
                "errorMessage": "打印只能写“是”或“否”",
            },
        },
    },
}


def _narrative(description: str) -> Schema:
    return {
        "description": description,
        "oneOf": [
            _TEXT,
            {
                "type": "object",
                "description": "“小标题: 正文”，按顺序生成（一）（二）……小标题",
                "additionalProperties": _TEXT,
            },
        ],
    }


def _t3() -> Schema:
    row_doc = f"一行六列：{'、'.join(APPLICANT_COLUMNS)}"
    results: dict[str, Schema] = {
        "予以公开": _row(APPLICANT_COLUMNS, f"（一）予以公开；{row_doc}"),
        "部分公开": _row(
            APPLICANT_COLUMNS, f"（二）部分公开（区分处理的，只计这一情形）；{row_doc}"
        ),
    }
    for group, (label, subs) in T3_GROUPS.items():
        results[group] = _mapping(
            {name: _row(APPLICANT_COLUMNS, f"{label} {text}") for name, text in subs}, label
        )
    results["总计"] = _row(APPLICANT_COLUMNS, "（七）总计：可不填（自动计算），填了会被核对（R2）")
    return _mapping(
        {
            "本年新收": _row(APPLICANT_COLUMNS, f"一、本年新收政府信息公开申请数量；{row_doc}"),
            "上年结转": _row(
                APPLICANT_COLUMNS,
                f"二、上年结转政府信息公开申请数量，应等于上年的结转下年度；{row_doc}",
            ),
            "办理结果": _mapping(results, "三、本年度办理结果"),
            "结转下年度": _row(APPLICANT_COLUMNS, f"四、结转下年度继续办理；{row_doc}"),
        },
        "三、收到和处理政府信息公开申请情况（表三）；未写的行为 0",
    )


def input_schema() -> Schema:
    overview_parts: dict[str, Schema] = {
        OVERVIEW_INTRO: {**_TEXT, "description": "（可选）总体情况开头的概述段落，位于（一）之前"}
    }
    for key, title in OVERVIEW_PARTS.items():
        overview_parts[key] = {**_TEXT, "description": f"（{title}）"}
    overview_parts[OVERVIEW_GOVERNMENT_PART[0]] = {
        **_TEXT,
        "description": f"{OVERVIEW_GOVERNMENT_PART[1]}（人民政府必须报告）",
    }
    t2: dict[str, Schema] = {
        row: _row(T2_DOC_COLUMNS, f"{row}：[{'、'.join(T2_DOC_COLUMNS)}]", total=False)
        for row in T2_DOC_ROWS
    }
    t2.update({row: {**_COUNT, "description": f"{row}：本年处理决定数量"} for row in T2_COUNT_ROWS})
    t2[T2_FEE_ROW] = {**_MONEY, "description": "行政事业性收费：本年收费金额，单位万元"}
    t4_block = _row(T4_OUTCOMES, f"[{'、'.join(T4_OUTCOMES)}]，可加第五个数作为总计")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "genreport 政府信息公开工作年度报告数据文件",
        "type": "object",
        "additionalProperties": False,
        "required": [
            k for k in REQUIRED_PARTS if k not in COMPUTED_KEYS and k not in GENERATED_FROM
        ],
        # a report with 汇总 may leave its tables out: they are the sum of its units
        "if": {"required": [ROLLUP_KEY]},
        "else": {"required": list(COMPUTED_KEYS)},
        # section 六 may be left to the standard sentence the build writes from 信息处理费
        "allOf": [
            {"anyOf": [{"required": [part]}, {"required": [source]}]}
            for part, source in GENERATED_FROM.items()
        ],
        "properties": {
            "机关": {
                "type": "string",
                # one line, something besides spaces, no placeholder left by `genreport init`
                "pattern": rf"^(?![\s\S]*(?:{PLACEHOLDER.pattern}))[^\n\r]*\S[^\n\r]*$",
                "description": "机关全称，与报告标题一致（必填）",
                "errorMessage": "机关全称写在一行内，不能为空，不能留有【待填写】等占位文字",
            },
            "年度": {
                "type": "integer",
                "minimum": 1900,
                "maximum": 2099,
                "description": "报告年度，必须与所在文件夹一致（必填）",
                "errorMessage": "年度应为四位数的年份，如 2023",
            },
            "机关类型": {
                "enum": list(AGENCY_TYPES),
                "description": "部门（1月31日前发布）或 人民政府（3月31日前发布，须报告工作考核等）（必填）",
                "errorMessage": "机关类型只能是 部门 或 人民政府",
            },
            "发布日期": {
                "type": "string",
                "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
                "description": "落款日期，如 2024-01-20（必填）；用于核对发布期限",
                "errorMessage": "发布日期应写成 2024-01-20 这样的日期（年-月-日）",
            },
            "规章制定权": {
                "enum": ["有", "无"],
                "description": "国务院部门及省、设区的市、自治州人民政府为“有”；默认“无”",
                "errorMessage": "规章制定权只能是 有 或 无",
            },
            "前言": {**_TEXT, "description": "（可选）报告开头的说明；不写则生成标准前言"},
            "总体情况": {
                "description": "一、总体情况：一段文本，或按五个部分分别填写",
                "oneOf": [_TEXT, _mapping(overview_parts, "一、总体情况的各个部分")],
            },
            "主动公开": _mapping(t2, "二、主动公开政府信息情况（表二）；未写的行为 0"),
            "依申请公开": _t3(),
            "行政复议": t4_block,
            "行政诉讼": _mapping(
                {"未经复议直接起诉": t4_block, "复议后起诉": t4_block}, "行政诉讼的两个表块"
            ),
            "存在的主要问题及改进情况": _narrative("五、存在的主要问题及改进情况"),
            "信息处理费": {
                **_MONEY,
                "description": "本年收取的信息处理费，单位元；未收取填 0（国办函〔2020〕109号）",
            },
            "其他需要报告的事项": _narrative("六、其他需要报告的事项"),
            "汇总": _rollup(),
            "说明": _EXPLANATIONS,
        },
    }


def _rollup() -> Schema:
    units: Schema = {
        "type": "array",
        "minItems": 1,
        "uniqueItems": True,
        "items": {
            "type": "string",
            "pattern": "^[A-Za-z0-9_\\-\u4e00-\u9fff]+$",
            "errorMessage": "简称是文件名（不含 .yaml），只能包含字母、数字、汉字、- 和 _",
        },
        "description": "同一年度文件夹中要相加的文件的简称（文件名，不含 .yaml）",
    }
    return {
        "description": "汇总：未写的表格按所列单位之和计算，写了的表格逐格与之核对（R24）；缺报为 R25",
        "oneOf": [
            units,
            _mapping(
                {
                    "单位": units,
                    "规章和规范性文件": {
                        "type": "string",
                        "description": "合计（默认，各单位相加），或所列单位之一的简称（只取该单位的，即本级）",
                    },
                },
                "汇总的单位，以及规章和规范性文件的算法",
            )
            | {"required": ["单位"]},
        ],
    }


def schema_json() -> str:
    return json.dumps(input_schema(), ensure_ascii=False, indent=2) + "\n"

"""Node tree → ``Report``: the shape of input.md, checked key by key.

Every problem becomes a finding and parsing goes on, so one run shows all of a file's mistakes.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import TypeVar

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..escaping import quoted
from ..findings import Finding, Severity
from ..layout import (
    AGENCY_TYPES,
    APPLICANT_COLUMNS,
    OVERVIEW_GOVERNMENT_PART,
    OVERVIEW_INTRO,
    OVERVIEW_PARTS,
    RESULTS,
    T2_COUNT_ROWS,
    T2_DOC_COLUMNS,
    T2_DOC_ROWS,
    T2_FEE_ROW,
    T3_GROUPS,
    T3_INPUT_ROWS,
    T4_BLOCKS,
    T4_OUTCOMES,
)
from ..model import (
    T2,
    T3,
    T4,
    Counts,
    Explanation,
    Narrative,
    Part,
    Pos,
    Report,
    Text,
    zero_counts,
)
from . import rollup_key, scalars, slips
from .required import missing_parts, placeholder_in
from .scalars import ScalarError
from .source import Source

T = TypeVar("T")

TOP_KEYS = (
    "机关",
    "年度",
    "机关类型",
    "发布日期",
    "规章制定权",
    "前言",
    "总体情况",
    "主动公开",
    "依申请公开",
    "行政复议",
    "行政诉讼",
    "存在的主要问题及改进情况",
    "信息处理费",
    "其他需要报告的事项",
    rollup_key.KEY,
    "说明",
)
RULE_MAKING = {"有": True, "无": False}
EXPLANATION_KEYS = ("规则", "位置", "理由", "打印")
PRINT_CHOICES = {"是": True, "否": False}
_RULE_ID = re.compile(r"R[0-9]{1,2}")


def _text_reader(what: str) -> Callable[[Node], str]:
    return lambda node: scalars.read_text(node, what)


def pos_of(node: Node) -> Pos:
    return Pos(node.start_mark.line + 1, node.start_mark.column + 1)


class Parser:
    def __init__(self, source: Source) -> None:
        self.source = source
        self.findings: list[Finding] = []
        self.positions: dict[tuple[str, ...], Pos] = {}
        self.count: Callable[[Node], int] = lambda node: scalars.read_count(source.text, node)

    # --- reporting ----------------------------------------------------------------------------

    def error(self, rule: str, pos: Pos, message: str) -> None:
        self.findings.append(
            Finding(rule, Severity.ERROR, self.source.file, pos.line, pos.column, message)
        )

    def read(self, node: Node, path: tuple[str, ...], reader: Callable[[Node], T]) -> T | None:
        self.positions[path] = pos_of(node)
        try:
            return reader(node)
        except ScalarError as exc:
            where = ".".join(path)
            bare = exc.bare or exc.message.startswith(where)
            message = exc.message if bare else f"{where}：{exc.message}"
            self.error(exc.rule, Pos(*exc.at) if exc.at else pos_of(node), message)
            return None

    def slipped(self, slip: slips.Slip | None) -> bool:
        if slip is not None:
            self.error("L2", Pos(slip.line, slip.column), slip.message)
        return slip is not None

    def mapping(
        self, node: Node, path: tuple[str, ...], known: Iterable[str], what: str
    ) -> dict[str, tuple[Node, Node]]:
        """The entries of a mapping node whose keys are known; unknown keys are reported."""
        known = tuple(known)
        self.positions.setdefault(path, pos_of(node))
        if not isinstance(node, MappingNode):
            self.error(
                "L3", pos_of(node), f"{'.'.join(path) or '文件'}应为“键: 值”的映射（{what}）"
            )
            return {}
        entries: dict[str, tuple[Node, Node]] = {}
        for key_node, value_node in node.value:
            if self.slipped(slips.in_key(self.source.text, key_node)):
                continue
            key = str(key_node.value).strip() if isinstance(key_node, ScalarNode) else ""
            if key in known:
                entries[key] = (key_node, value_node)
                if isinstance(value_node, MappingNode):
                    # a section is found by its key line; its rows by their values
                    child = (*path, key)
                    self.positions[child] = pos_of(key_node)
                continue
            self.error("L3", pos_of(key_node), self.unknown_key_message(key, path, known))
        return entries

    def unknown_key_message(self, key: str, path: tuple[str, ...], known: tuple[str, ...]) -> str:
        where = f"“{'.'.join(path)}”下" if path else "顶层"
        message = f"{where}没有“{quoted(key)}”这一项"
        normalized = {k.replace("“", "").replace("”", ""): k for k in known}
        guess = difflib.get_close_matches(key.replace("“", "").replace("”", ""), normalized, 1, 0.4)
        if guess:
            return f"{message}，是不是“{normalized[guess[0]]}”？"
        return f"{message}。可用的键：{'、'.join(known)}"

    # --- rows ---------------------------------------------------------------------------------

    def counts_row(
        self, node: Node, path: tuple[str, ...], columns: tuple[str, ...], what: str
    ) -> Counts | None:
        """A list of the columns in order (plus an optional stated 总计), or a mapping by name."""
        self.positions[path] = pos_of(node)
        values: list[int | None] = [0] * len(columns)
        stated: int | None = None
        ok = True
        if isinstance(node, SequenceNode):
            items = node.value
            if any(self.slipped(slips.in_value(item, self.source.text)) for item in items):
                return None
            if len(items) not in (len(columns), len(columns) + 1):
                self.error(
                    "L3",
                    pos_of(node),
                    f"{'.'.join(path)}：应有 {len(columns)} 个数（{'、'.join(columns)}），"
                    f"可再加第 {len(columns) + 1} 个作为总计；这里有 {len(items)} 个",
                )
                return None
            for i, item in enumerate(items):
                name = columns[i] if i < len(columns) else "总计"
                value = self.read(item, (*path, name), self.count)
                ok = ok and value is not None
                if i < len(columns):
                    values[i] = value
                else:
                    stated = value
        elif isinstance(node, MappingNode):
            entries = self.mapping(node, path, (*columns, "总计"), what)
            for name, (_, value_node) in entries.items():
                value = self.read(value_node, (*path, name), self.count)
                ok = ok and value is not None
                if name == "总计":
                    stated = value
                else:
                    values[columns.index(name)] = value
        else:
            if not self.slipped(slips.in_value(node, self.source.text)):
                self.error(
                    "L3",
                    pos_of(node),
                    f"{'.'.join(path)}：应为 [{', '.join(columns)}] 这样的列表，"
                    f"或 {{{columns[0]}: 数}} 这样的映射，这里是“{quoted(str(node.value))}”",
                )
            return None
        if not ok:
            return None
        return Counts(tuple(v or 0 for v in values), stated)

    # --- narrative ----------------------------------------------------------------------------

    def text(self, node: Node, path: tuple[str, ...]) -> Text | None:
        value = self.read(node, path, lambda n: scalars.read_text(n, "正文"))
        if value is None:
            return None
        return Text(value, pos_of(node), self.line_starts(node, value))

    def line_starts(self, node: Node, value: str) -> tuple[Pos, ...]:
        start, end = node.start_mark, node.end_mark
        if not isinstance(node, ScalarNode):
            return ()
        if node.style == "|":
            lines = self.source.text.splitlines()
            # The end mark sits at column 0 of the line after the block: not part of the body.
            body = lines[start.line + 1 : end.line + (1 if end.column else 0)]
            indents = [len(x) - len(x.lstrip(" ")) for x in body if x.strip()]
            indent = min(indents) if indents else 0
            return tuple(Pos(start.line + 2 + i, indent + 1) for i in range(value.count("\n") + 1))
        if start.line == end.line and "\n" not in value:
            quote = 1 if node.style in ("'", '"') else 0
            return (Pos(start.line + 1, start.column + 1 + quote),)
        return ()

    def narrative(
        self, node: Node, path: tuple[str, ...], keys: tuple[str, ...] | None = None
    ) -> Narrative:
        """Free text, or {小标题: 正文}; ``keys`` restricts the titles (section 一's five parts)."""
        if isinstance(node, ScalarNode):
            if node.value.strip() == "" and node.style is None:
                return Narrative((), pos_of(node))
            text = self.text(node, path)
            return Narrative((Part(None, text, pos_of(node)),) if text else (), pos_of(node))
        if not isinstance(node, MappingNode):
            self.error(
                "L3", pos_of(node), f"{'.'.join(path)}：应为一段文本，或“小标题: 正文”的映射"
            )
            return Narrative((), pos_of(node))
        if keys is not None:
            entries = self.mapping(node, path, keys, "各部分正文")
            pairs = [(k, v) for k, (_, v) in entries.items()]
            key_positions = {k: pos_of(kn) for k, (kn, _) in entries.items()}
        else:
            self.positions[path] = pos_of(node)
            pairs = []
            key_positions = {}
            for key_node, value_node in node.value:
                title = str(key_node.value).strip()
                if "\n" in title or "\r" in title:
                    self.error(
                        "L3",
                        pos_of(key_node),
                        f"{'.'.join(path)}：小标题只能写一行，这里有换行（“{quoted(title)}”）",
                    )
                    continue
                pairs.append((title, value_node))
                key_positions[title] = pos_of(key_node)
        parts = []
        for title, value_node in pairs:
            text = self.text(value_node, (*path, title))
            if text is not None:
                parts.append(Part(title, text, key_positions[title]))
        return Narrative(tuple(parts), pos_of(node))

    # --- sections -----------------------------------------------------------------------------

    def t2(self, node: Node | None) -> T2 | None:
        path = ("主动公开",)
        documents = {row: zero_counts(3) for row in T2_DOC_ROWS}
        decisions = dict.fromkeys(T2_COUNT_ROWS, 0)
        fee = Decimal(0)
        if node is None:
            return T2(documents, decisions, fee)
        keys = (*T2_DOC_ROWS, *T2_COUNT_ROWS, T2_FEE_ROW)
        ok = True
        for name, (_, value) in self.mapping(node, path, keys, "表二").items():
            if name in T2_DOC_ROWS:
                row = self.counts_row(value, (*path, name), T2_DOC_COLUMNS, name)
                if row is not None and row.stated_total is not None:
                    self.error(
                        "L3",
                        pos_of(value),
                        f"主动公开.{name}：只有 3 个数（{'、'.join(T2_DOC_COLUMNS)}），没有总计",
                    )
                    row = None
                if row is None:
                    ok = False
                else:
                    documents[name] = row
            elif name in T2_COUNT_ROWS:
                count = self.read(value, (*path, name), self.count)
                ok = ok and count is not None
                decisions[name] = count or 0
            else:
                money = self.read(
                    value, (*path, name), lambda n: scalars.read_money(self.source.text, n, "万元")
                )
                ok = ok and money is not None
                fee = money if money is not None else fee
        return T2(documents, decisions, fee) if ok else None

    def t3(self, node: Node | None) -> T3 | None:
        path = ("依申请公开",)
        rows = {row.key: zero_counts() for row in T3_INPUT_ROWS}
        stated_total: Counts | None = None
        if node is None:
            return T3(rows)
        ok = True

        def row(value: Node, key: tuple[str, ...]) -> None:
            nonlocal ok
            counts = self.counts_row(value, (*path, *key), APPLICANT_COLUMNS, "一行六列")
            if counts is None:
                ok = False
            else:
                rows[key] = counts

        top = ("本年新收", "上年结转", RESULTS, "结转下年度")
        for name, (_, value) in self.mapping(node, path, top, "表三").items():
            if name != RESULTS:
                row(value, (name,))
                continue
            results = self.mapping(
                value,
                (*path, RESULTS),
                ("予以公开", "部分公开", *T3_GROUPS, "总计"),
                "办理结果各项",
            )
            for result, (_, result_node) in results.items():
                if result in ("予以公开", "部分公开"):
                    row(result_node, (RESULTS, result))
                elif result == "总计":
                    stated_total = self.counts_row(
                        result_node, (*path, RESULTS, "总计"), APPLICANT_COLUMNS, "（七）总计"
                    )
                    ok = ok and stated_total is not None
                else:
                    subs = tuple(name for name, _ in T3_GROUPS[result][1])
                    group = self.mapping(result_node, (*path, RESULTS, result), subs, result)
                    for sub, (_, sub_node) in group.items():
                        row(sub_node, (RESULTS, result, sub))
        return T3(rows, stated_total) if ok else None

    def t4(self, review: Node | None, litigation: Node | None) -> T4 | None:
        blocks: dict[tuple[str, ...], Counts] = {block: zero_counts(4) for block in T4_BLOCKS}
        ok = True

        def block(value: Node, key: tuple[str, ...]) -> None:
            nonlocal ok
            counts = self.counts_row(value, key, T4_OUTCOMES, "一个表块")
            if counts is None:
                ok = False
            else:
                blocks[key] = counts

        if review is not None:
            block(review, T4_BLOCKS[0])
        if litigation is not None:
            names = tuple(b[1] for b in T4_BLOCKS[1:])
            for name, (_, value) in self.mapping(
                litigation, ("行政诉讼",), names, "两个表块"
            ).items():
                block(value, ("行政诉讼", name))
        return T4(blocks) if ok else None

    # --- explanations -------------------------------------------------------------------------

    def explanations(self, node: Node | None) -> tuple[Explanation, ...]:
        """``说明``: a list of {规则, 位置?, 理由, 打印?}; applied after the rules (explain.py)."""
        if node is None:
            return ()
        if not isinstance(node, SequenceNode):
            self.error(
                "L3", pos_of(node), "说明：应为列表，每一项以“- 规则: R11”开始，并写明“理由”"
            )
            return ()
        result = []
        for index, item in enumerate(node.value, 1):
            path = ("说明", str(index))
            where = f"说明第 {index} 项"
            entries = self.mapping(item, path, EXPLANATION_KEYS, "规则、位置、理由、打印")
            if not isinstance(item, MappingNode):
                continue
            texts: dict[str, str] = {}
            for key, (_, value_node) in entries.items():
                text = self.read(value_node, (*path, key), _text_reader(key))
                if text is not None:
                    texts[key] = text.strip()
            for key in ("规则", "理由"):
                if key not in entries:
                    self.error("L3", pos_of(item), f"{where}：缺少“{key}”")
                elif key in texts and not texts[key]:
                    self.error("L3", pos_of(entries[key][1]), f"{where}：“{key}”不能为空")
            rule = texts.get("规则", "")
            if rule and not _RULE_ID.fullmatch(rule):
                self.error(
                    "L3",
                    pos_of(entries["规则"][1]),
                    f"{where}：规则应写成 R11 这样的规则编号，这里是“{rule}”",
                )
            place = texts.get("位置")
            steps = tuple(s.strip() for s in place.split(".")) if place else None
            if place is not None and (not steps or not all(steps)):
                self.error(
                    "L3",
                    pos_of(entries["位置"][1]),
                    f"{where}：位置应写成 主动公开.行政规范性文件 这样以“.”连接的键，这里是“{place}”",
                )
            printed = texts.get("打印", "否")
            if printed not in PRINT_CHOICES:
                self.error(
                    "L3",
                    pos_of(entries["打印"][1]),
                    f"{where}：打印只能是 是 或 否，这里是“{printed}”",
                )
                printed = "否"
            start = pos_of(entries["规则"][1]) if "规则" in entries else pos_of(item)
            result.append(
                Explanation(rule, steps, texts.get("理由", ""), PRINT_CHOICES[printed], start)
            )
        return tuple(result)

    # --- the file -----------------------------------------------------------------------------

    def report(self, root: Node) -> Report | None:
        if not isinstance(root, MappingNode):
            self.error("L3", pos_of(root), "文件顶层应是“键: 值”的映射，从“机关: ……”开始")
            return None
        entries = self.mapping(root, (), TOP_KEYS, "报告")
        present = {key: key_node for key, (key_node, _) in entries.items()}
        computed = rollup_key.COMPUTED_KEYS if rollup_key.KEY in present else ()
        for pos, message in missing_parts(TOP_KEYS, present, root, computed):
            self.error("L3", pos, message)

        def value(key: str) -> Node | None:
            return entries[key][1] if key in entries else None

        def field(key: str, reader: Callable[[Node], T], default: T | None = None) -> T | None:
            node = value(key)
            return default if node is None else self.read(node, (key,), reader)

        def narrative(key: str, keys: tuple[str, ...] | None = None) -> Narrative:
            node = value(key)
            if node is None:
                return Narrative((), Pos(1, 1))
            return self.narrative(node, (key,), keys)

        agency = field("机关", lambda n: scalars.read_text(n, "机关").strip())
        if agency == "":
            self.error("L3", self.positions[("机关",)], "机关名称不能为空")
        elif agency is not None and ("\n" in agency or "\r" in agency):
            self.error(
                "L3",
                self.positions[("机关",)],
                f"机关名称只能写一行，这里有换行（“{quoted(agency)}”）：请写在同一行",
            )
        elif agency is not None and (placeholder := placeholder_in(agency)):
            node = entries["机关"][1]
            start = pos_of(node)
            in_quotes = isinstance(node, ScalarNode) and node.style in ("'", '"')
            offset = str(node.value).find(placeholder) + in_quotes
            self.error(
                "L3",
                Pos(start.line, start.column + offset),
                f"机关名称中还有占位文字“{placeholder}”：请填写机关全称，与报告标题一致",
            )
        year = field("年度", lambda n: scalars.read_year(self.source.text, n))
        agency_type = field(
            "机关类型",
            lambda n: scalars.read_choice(self.source.text, n, "机关类型", AGENCY_TYPES),
            "部门",
        )
        published: dt.date | None = field(
            "发布日期", lambda n: scalars.read_date(self.source.text, n)
        )
        rule_making = field(
            "规章制定权",
            lambda n: scalars.read_choice(self.source.text, n, "规章制定权", tuple(RULE_MAKING)),
            "无",
        )
        preface_node = value("前言")
        preface = self.text(preface_node, ("前言",)) if preface_node is not None else None
        overview_keys = (OVERVIEW_INTRO, *OVERVIEW_PARTS, OVERVIEW_GOVERNMENT_PART[0])
        overview = narrative("总体情况", overview_keys)
        t2 = self.t2(value("主动公开"))
        t3 = self.t3(value("依申请公开"))
        t4 = self.t4(value("行政复议"), value("行政诉讼"))
        problems = narrative("存在的主要问题及改进情况")
        fee_yuan = field("信息处理费", lambda n: scalars.read_money(self.source.text, n, "元"))
        other = narrative("其他需要报告的事项")
        rollup = None
        if rollup_key.KEY in entries:
            rollup = rollup_key.read_rollup(self, *entries[rollup_key.KEY])
        explanations = self.explanations(value("说明"))
        if (
            self.findings
            or agency is None
            or year is None
            or agency_type is None
            or published is None
            or rule_making is None
            or t2 is None
            or t3 is None
            or t4 is None
        ):
            return None
        return Report(
            file=self.source.file,
            agency=agency,
            year=year,
            agency_type=agency_type,
            published=published,
            can_make_rules=RULE_MAKING[rule_making],
            preface=preface,
            overview=overview,
            t2=t2,
            t3=t3,
            t4=t4,
            problems=problems,
            info_fee_yuan=fee_yuan,
            other_matters=other,
            positions=self.positions,
            rollup=rollup,
            explanations=explanations,
        )

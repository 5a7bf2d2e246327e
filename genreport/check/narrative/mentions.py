"""Find "keyword … number 量词" mentions in the narrative and the table cell each one names.

Reports state counts in a handful of shapes: "收到依申请公开申请 17 件", "共受理 17 件", "其中自然人
15 件、法人或其他组织 2 件", "行政复议 1 起", "制发规范性文件 3 件". A mention is a count (a number
followed by 件/起/条/宗) and the nearest keyword before it in the same sentence, with no other count
in between. Everything that makes the number not about this year's table is a reason to stay
silent: another year or a part of the year, a comparison (较上年、增加), an approximation (约、余),
a breakdown of a total (其中网络申请 …), something that is not an application (建议、投诉), an
article number (第二十条) or a combined subject (行政复议和行政诉讼 3 件). Precision over recall:
a missed contradiction costs less than a warning users learn to ignore.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, replace

from ...layout import APPLICANT_COLUMNS, RESULTS, T3_GROUPS
from ...lazy_regex import LazyRegex
from ...model import Report
from . import targets as t
from .numerals import NUMBER, Number, as_number
from .scan import MASK, Passage, last_before, sentence_bounds

# --- vocabulary -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Keyword:
    pattern: str
    target: t.Target | None  # None: a 规章 / 规范性文件 verb, resolved by its object
    weak: bool = False  # a topic word, used only when no verb names the count
    column: int = 0  # for document verbs: 本年制发 / 本年废止 / 现行有效


_KEYWORDS: list[Keyword] = [
    Keyword("行政复议后起诉|复议后提起诉讼|复议后起诉", t.LITIGATION_AFTER_REVIEW),
    Keyword("未经复议直接起诉|直接起诉|未经复议", t.LITIGATION_DIRECT),
    Keyword("行政复议", t.REVIEW),
    Keyword("行政诉讼|提起诉讼|起诉", t.LITIGATION),
    Keyword("上一年度结转|上年度结转|上年结转|上年度转入|上年转入", t.CARRIED_IN_TARGET),
    Keyword(
        "(?:结转至?下一?年度?|结转到下一?年度?|转入下一?年度)(?:继续)?(?:办理|处理)?(?:的)?|"
        "结转(?![上至到])",
        t.CARRIED_OUT_TARGET,
    ),
    Keyword("新收|收到|受理|接收|接到|收悉", t.RECEIVED_TARGET),
    Keyword("办结|答复|办理完毕|处理完毕", t.DONE),
    Keyword("办理", t.HANDLED),
    Keyword("依申请公开", t.RECEIVED_TARGET, weak=True),
    Keyword("予以公开|同意公开", t.result_row((RESULTS, "予以公开"))),
    Keyword("部分公开", t.result_row((RESULTS, "部分公开"))),
    *(Keyword(group, t.result_group(group)) for group in T3_GROUPS),
    *(
        Keyword(name, t.result_row((RESULTS, group, name)))
        for group, (_, subs) in T3_GROUPS.items()
        for name, _ in subs
        if name != "其他"
    ),
    Keyword("自然人", t.applicant("自然人", (0,))),
    Keyword(
        "法人或者其他组织|法人或其他组织|法人和其他组织|法人及其他组织|法人",
        t.applicant("法人或其他组织", tuple(range(1, 6))),
    ),
    *(Keyword(name, t.applicant(name, (i,))) for i, name in enumerate(APPLICANT_COLUMNS[1:5], 1)),
    Keyword("制发|制定|印发|出台", None, column=0),
    Keyword("废止", None, column=1),
    Keyword("现行有效", None, column=2),
]
#: Numbers with a keyword before them that one passage may have checked: a report has a few
#: dozen; the bound keeps a text of a hundred thousand "收到 1 件" from taking seconds.
MAX_CANDIDATES = 2000
_LONGEST_REACH = max(30, *(k.target.reach for k in _KEYWORDS if k.target is not None))
_FIRST_CHARS = "".join(
    sorted({alt.lstrip("(?:")[0] for k in _KEYWORDS for alt in k.pattern.split("|")})
)
assert all("\u4e00" <= c <= "\u9fff" for c in _FIRST_CHARS), _FIRST_CHARS
#: The lookahead on the first character spares trying ~80 alternatives at every position.
_KEYWORD_RE = LazyRegex(
    f"(?=[{_FIRST_CHARS}])(?:"
    + "|".join(f"(?P<k{i}>{k.pattern})" for i, k in enumerate(_KEYWORDS))
    + ")"
)

_CLASSIFIER = LazyRegex(r"\s*([件起条宗])(?!次)")
_APPROXIMATE = LazyRegex(r"(约|近|逾|超过|将近|大约|不足|不到|多达|各)\s*$")
_NOT_EXACT_AFTER = LazyRegex(r"(以上|左右|以下|以内|之多)")
_RANGE = LazyRegex(r"[0-9一二三四五六七八九十]\s*[-~～—－至到]\s*$")
_FILLER_AFTER_COMMA = LazyRegex(r"\s*(共|共计|合计|总计|累计|计|为|达|了)?\s*")
_CONJUNCTION = LazyRegex(r"\s*(并|和|及|与|以及|、|或)\s*")

#: Words showing the count is of something other than 政府信息公开申请.
_NOT_APPLICATIONS = LazyRegex(
    "建议|提案|信访|投诉|举报|咨询|留言|来信|来电|热线|诉求|工单|案件|事项|许可|审批|登记|备案|"
    "政务服务|办件|舆情|意见|问题|复议|诉讼|赔偿|处理费|收费|文件|公文|网站|信息条"
)
_APPLICATIONS = LazyRegex("依申请|公开申请|申请公开|信息公开申请|政府信息申请")
_GI_CONTEXT = LazyRegex("信息公开|依申请|公开申请")
#: A total named in the same clause as one of these counts one channel only: "信函受理申请 1 件".
_CHANNEL = LazyRegex("网络|网上|信函|当面|现场|邮寄|传真|电子邮件|线上|线下|窗口")
#: Between "办理 262 件" and "48 件": the second is added to the first.
_PLUS = LazyRegex(r"\s*[，,、]?\s*(?:另|另外|此外|其中)?\s*新增(?:申请)?\s*")
_DELTA = LazyRegex("增加|减少|增长|下降|上升|新增|多出|少于|多于")

_YEAR = LazyRegex(r"(?<![0-9])((?:19|20)[0-9]{2})\s*年")
_FULL_YEAR_PERIOD = LazyRegex(
    r"1\s*月\s*1\s*日\s*起?\s*[至到—\-~]\s*(?:(?:19|20)[0-9]{2}\s*年\s*)?12\s*月\s*31\s*日\s*止?"
)
_PART_OF_YEAR_OR_OTHER_YEAR = LazyRegex(
    "去年|前年|上年(?!度?结转|度?转入)|上一年(?!度结转)|同比|较上|比上年|与上年|近[一二两三四五六七八九十几]年|"
    "历年|以来|每月|每年|每季|月均|日均|平均|季度|上半年|下半年|"
    r"(?<![0-9])[0-9]{1,2}\s*月|[一二三四五六七八九十]{1,2}月份"
)
_PUNCTUATION = '，,、；;。：:（）()“”"《》 \n'


@dataclass(frozen=True)
class Mention:
    """A count in the narrative and the cell it names."""

    passage: Passage
    start: int  # where the phrase begins (its keyword)
    number: Number
    end: int  # just after the 量词
    target: t.Target
    #: "办理 262 件，新增 48 件": the count added right after, the two summing to the cell.
    plus: int | None = None

    @property
    def phrase(self) -> str:
        return self.passage.flat[self.start : self.end]


@dataclass(frozen=True)
class _Count:
    number: Number
    end: int  # after the 量词


def _counts(flat: str) -> tuple[list[tuple[re.Match[str], int]], list[int]]:
    """Numbers followed by a 量词 (with where the 量词 ends), and every position that separates one
    statement from the next (any number with a 量词, and every masked Jinja expression)."""
    counts = []
    barriers: list[int] = [m.start() for m in re.finditer(f"{MASK}+", flat)]
    for match in NUMBER.finditer(flat):
        classifier = _CLASSIFIER.match(flat, match.end())
        if classifier:
            barriers.append(match.start())
            counts.append((match, classifier.end()))
    return counts, sorted(barriers)


def _exact(flat: str, match: re.Match[str], end: int) -> _Count | None:
    """The count, unless it is not one to check: 第…条, 约…件, 3-5 件, 10 件以上, not a number."""
    number = as_number(match)
    before = flat[max(0, number.start - 6) : number.start]
    after = flat[end : end + 3]
    if (
        number.value is None
        or before.rstrip().endswith("第")
        or _APPROXIMATE.search(before)
        or _RANGE.search(before)
        or _NOT_EXACT_AFTER.match(after)
    ):
        return None
    return _Count(number, end)


def _tail(flat: str, end: int) -> str:
    """The words right after the 量词, up to punctuation: "5 件政府信息公开申请" → 政府信息公开申请."""
    stop = next((i for i in range(end, min(len(flat), end + 15)) if flat[i] in _PUNCTUATION), None)
    return flat[end : stop if stop is not None else min(len(flat), end + 15)]


def other_time(prefix: str, year: int, also: tuple[int, ...] = ()) -> bool:
    """The sentence so far speaks of another year, part of a year, or a comparison."""
    prefix = _FULL_YEAR_PERIOD.sub("", prefix)
    allowed = {year, *also}
    if any(int(m.group(1)) not in allowed for m in _YEAR.finditer(prefix)):
        return True
    return bool(_PART_OF_YEAR_OR_OTHER_YEAR.search(prefix))


def _keyword_of(match: re.Match[str]) -> Keyword:
    return _KEYWORDS[int(next(k for k, v in match.groupdict().items() if v is not None)[1:])]


def _document_target(flat: str, start: int, keyword: Keyword, end: int) -> t.Target | None:
    """制发 / 废止 / 现行有效 name T2 only with their object: 规范性文件 or 规章 nearby."""
    window = flat[start:end] + _tail(flat, end)
    has_docs, has_rules = "规范性文件" in window, "规章" in window
    if has_docs == has_rules:
        return None
    return t.documents("行政规范性文件" if has_docs else "规章", keyword.column)


class _Scanner:
    def __init__(self, report: Report, passage: Passage) -> None:
        self.report = report
        self.passage = passage
        self.flat = passage.flat
        self.counts, self.barriers = _counts(self.flat)
        found = list(_KEYWORD_RE.finditer(self.flat))
        self.keyword_starts = [m.start() for m in found]
        self.keyword_ends = [m.end() for m in found]

    def mentions(self, stopped: list[int]) -> Iterator[Mention]:
        candidates = 0
        for index, (match, end) in enumerate(self.counts):
            if not self._keyword_near(match.start()):
                continue
            candidates += 1
            if candidates > MAX_CANDIDATES:
                stopped.append(match.start())
                return
            count = _exact(self.flat, match, end)
            mention = None if count is None else self._mention(count)
            if mention is None:
                continue
            following = self.counts[index + 1] if index + 1 < len(self.counts) else None
            if following and _PLUS.fullmatch(self.flat, end, following[0].start()):
                mention = replace(mention, plus=as_number(following[0]).value)
            yield mention

    def _keyword_near(self, number_start: int) -> bool:
        """Whether a keyword may sit between the last barrier and the number (a cheap test first:
        most numbers have none, and a long text may hold hundreds of thousands of numbers).

        Keywords found over the whole text do not overlap; any keyword the windowed search of
        ``_mention`` finds overlaps one of them, so the last one before the number reaches
        past the barrier whenever ``_mention`` could find a keyword.
        """
        last = bisect_left(self.keyword_starts, number_start) - 1
        if last < 0:
            return False
        previous = bisect_left(self.barriers, number_start)
        barrier = self.barriers[previous - 1] + 1 if previous else 0
        return self.keyword_ends[last] > barrier

    def _keywords(self, start: int, end: int) -> list[tuple[re.Match[str], Keyword]]:
        return [(m, _keyword_of(m)) for m in _KEYWORD_RE.finditer(self.flat, start, end)]

    def _mention(self, count: _Count) -> Mention | None:
        flat, number = self.flat, count.number
        sentence_start, _ = sentence_bounds(flat, number.start)
        previous = bisect_left(self.barriers, number.start)
        window_start = max(sentence_start, self.barriers[previous - 1] + 1 if previous else 0)
        keywords = self._keywords(window_start, number.start)
        chosen = self._choose(keywords, number.start)
        if chosen is None:
            return None
        index, match, keyword = chosen
        target = keyword.target
        if target is None:
            window_from = max(sentence_start, match.start() - 12)
            target = _document_target(flat, window_from, keyword, count.end)
            if target is None:
                return None
        between = flat[match.end() : number.start]
        if not self._plain_between(between):
            return None
        conjoined = self._conjoined(keywords[:index], match.start())
        if conjoined is None:
            return None
        if target.total and self._part_of_total(sentence_start, match.start(), number.start):
            return None
        year = self.report.year
        also = {t.CARRIED_OUT_TARGET.name: (year + 1,), t.CARRIED_IN_TARGET.name: (year - 1,)}
        if other_time(flat[sentence_start : number.start], year, also.get(target.name, ())):
            return None
        if not self._about_target(target, between, _tail(flat, count.end), sentence_start, number):
            return None
        target = self._inclusive(target, count.end)
        if target is None:
            return None
        start = conjoined[0].start() if conjoined else match.start()
        mention = Mention(self.passage, start, number, count.end, target)
        return mention if not conjoined else self._chain(mention, conjoined)

    def _part_of_total(self, sentence_start: int, keyword: int, number: int) -> bool:
        """ "其中…" earlier in the sentence, or a channel in the keyword's clause: a subset."""
        flat = self.flat
        if "其中" in flat[sentence_start:number]:
            return True
        clause_start = max(sentence_start, last_before(flat, "，,", keyword) + 1)
        return bool(_CHANNEL.search(flat, clause_start, number))

    def _choose(
        self, keywords: list[tuple[re.Match[str], Keyword]], number_start: int
    ) -> tuple[int, re.Match[str], Keyword] | None:
        """The nearest keyword that can reach the number; a topic word only if no verb can."""
        for weak in (False, True):
            for index in range(len(keywords) - 1, -1, -1):
                match, keyword = keywords[index]
                target = keyword.target
                reach = target.reach if target is not None else 15
                distance = len(self.flat[match.end() : number_start].replace(" ", ""))
                if keyword.weak == weak and distance <= reach:
                    return index, match, keyword
                if distance > _LONGEST_REACH:
                    break  # every earlier keyword is farther still
        return None

    def _plain_between(self, between: str) -> bool:
        """No comparison or share in between, and a comma only before a filler ("，共 17 件")."""
        if _DELTA.search(between) or "各" in between:
            return False
        last_comma = max(between.rfind("，"), between.rfind(","))
        return last_comma < 0 or bool(_FILLER_AFTER_COMMA.fullmatch(between[last_comma + 1 :]))

    def _conjoined(
        self, earlier: list[tuple[re.Match[str], Keyword]], start: int
    ) -> list[re.Match[str]] | None:
        """Keywords joined to this one by a conjunction: "收到并办结 17 件" names both counts;
        "行政复议和行政诉讼 3 件" names their sum, which no cell holds (→ None: say nothing)."""
        chain: list[re.Match[str]] = []
        for match, keyword in reversed(earlier):
            joint = _CONJUNCTION.fullmatch(self.flat[match.end() : start])
            if not joint:
                break
            if joint.group(1) != "并" or keyword.target is None:
                return None
            chain.insert(0, match)
            start = match.start()
        return chain

    def _chain(self, mention: Mention, chain: list[re.Match[str]]) -> Mention | None:
        """For "收到并办结 N 件", the first of the named cells that N contradicts (if any)."""
        for match in chain:
            target = _keyword_of(match).target
            assert target is not None
            if mention.number.value not in [v for _, v in target.candidates(self.report)]:
                return Mention(mention.passage, mention.start, mention.number, mention.end, target)
        return mention

    def _about_target(
        self, target: t.Target, between: str, tail: str, sentence_start: int, number: Number
    ) -> bool:
        flat = self.flat
        sentence = flat[sentence_start : sentence_bounds(flat, number.start)[1]]
        in_part = self.passage.key == "依申请公开"
        if not target.applications:
            if target.name.startswith(("规章", "行政规范性文件")):
                return True
            # 行政复议 / 行政诉讼: only those about 政府信息公开, said before the number.
            prefix = flat[sentence_start : number.start]
            return in_part or bool(_GI_CONTEXT.search(prefix))
        words = between + tail
        if _NOT_APPLICATIONS.search(words):
            return False
        if _APPLICATIONS.search(words):
            return True
        context = in_part or bool(_APPLICATIONS.search(sentence))
        if "申请" in words:
            return context
        return context and len(between.strip()) <= 4

    def _inclusive(self, target: t.Target, end: int) -> t.Target | None:
        """ "受理 20 件（含上年结转 3 件）": 20 is 一 + 二; any other "（含 …）" is a sum we skip."""
        after = self.flat[end : end + 14]
        if not re.match(r"\s*[（(，,]?\s*(含|包括|包含)", after):
            return target
        if "结转" in after and target in (t.RECEIVED_TARGET, t.HANDLED):
            return t.RECEIVED_WITH_CARRIED
        return None


def mentions(
    report: Report, passage: Passage, stopped: list[int] | None = None
) -> Iterator[Mention]:
    """Every checkable count in ``passage``, up to MAX_CANDIDATES of them; where it stopped, if
    it did, is appended to ``stopped``."""
    yield from _Scanner(report, passage).mentions([] if stopped is None else stopped)

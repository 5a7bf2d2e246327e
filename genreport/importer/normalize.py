"""Label text → a comparison key, so that every rendering variant of format.md §7 compares equal.

``clean`` keeps the text readable (for messages and narrative); ``canon`` is only for comparing:
full/half width, spaces and line breaks inside labels, quotes, ``1、``/``1.``, and Kangxi or
CJK-radical code points from PDF extraction all disappear.
"""

from __future__ import annotations

import re
import unicodedata

#: CJK Radicals Supplement (U+2E80–U+2EFF) → the unified ideograph it stands for. NFKC maps only
#: two of these (⺟ ⻳); PDF text extraction produces the others (e.g. ⺠ for 民, ⻓ for 长).
#: From Unicode's EquivalentUnifiedIdeograph.txt, the entries that have a BMP ideograph.
_RADICALS = dict(
    zip(
        "⺁⺂⺃⺄⺅⺆⺉⺊⺋⺌⺍⺎⺏⺐⺒⺓⺔⺕⺖⺗⺘⺙⺛⺜⺝⺞⺠⺡⺢⺣⺤⺥⺦⺧⺨⺩⺪⺫⺬⺭⺮⺯⺰⺱⺲⺳⺴⺶⺷⺸⺹⺺⺻⺼⺽⺾⺿⻀"
        "⻁⻂⻃⻄⻅⻆⻈⻉⻋⻌⻍⻎⻏⻐⻑⻒⻓⻔⻖⻗⻘⻙⻚⻛⻜⻝⻟⻠⻢⻣⻤⻥⻦⻧⻨⻩⻪⻫⻬⻭⻮⻯⻰⻱⻲",
        "厂乛乚乙亻冂刂卜㔾小小兀尣尢巳幺彑彐忄㣺扌攵旡日月歺民氵氺灬爫爫丬牛犭王疋目示礻竹糸纟网罒罓罓羊羊羊耂聿聿肉臼艹艹艹"
        "虎衤覀西见角讠贝车辶辶辶阝钅長镸长门阝雨青韦页风飞食飠饣马骨鬼鱼鸟卤麦黄黾斉齐歯齿竜龙龜亀",
        strict=True,
    )
)
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_QUOTES = dict.fromkeys(map(ord, "“”‘’\"'「」『』《》〈〉"), None)
_SPACE = re.compile(r"\s+")
_NUMBERED = re.compile(r"(?<![0-9])([0-9]{1,2})\s*[、,]")


def restore(text: str) -> str:
    """Narrative text as the agency wrote it, minus PDF artefacts: Kangxi and CJK-radical code
    points become ideographs and invisible characters go; punctuation and width stay as printed."""
    chars = []
    for ch in text.translate(_INVISIBLE):
        kangxi = "\u2f00" <= ch <= "\u2fdf"
        chars.append(unicodedata.normalize("NFKC", ch) if kangxi else _RADICALS.get(ch, ch))
    return "".join(chars)


def clean(text: str) -> str:
    """NFKC, radicals mapped to ideographs, invisible characters removed; spacing kept."""
    text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE)
    return "".join(_RADICALS.get(ch, ch) for ch in text)


def canon(text: str) -> str:
    """The comparison key of a label: ``（二） 部分 公开`` and ``(二)部分公开`` are equal."""
    text = _SPACE.sub("", clean(text)).translate(_QUOTES)
    text = text.replace("【", "(").replace("】", ")").replace("〔", "(").replace("〕", ")")
    return _NUMBERED.sub(r"\1.", text)


def squash(text: str) -> str:
    """``clean`` with every run of whitespace removed (CJK text has no spaces between words)."""
    return _SPACE.sub("", clean(text))

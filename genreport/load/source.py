"""Reading a file's bytes into text, refusing what is not a sane UTF-8 YAML file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..findings import Finding, Severity
from ..lazy_regex import LazyRegex

MAX_BYTES = 1024 * 1024  # a real report is ~10 KiB; anything near this is not a report
BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class Source:
    file: str  # display path
    text: str


class SourceError(Exception):
    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.message)
        self.finding = finding


def _error(file: str, line: int, column: int, rule: str, message: str) -> SourceError:
    return SourceError(Finding(rule, Severity.ERROR, file, line, column, message))


def read_source(path: Path, file: str) -> Source:
    try:
        if path.stat().st_size > MAX_BYTES:
            size_kib = path.stat().st_size // 1024
            raise _error(
                file,
                1,
                1,
                "L1",
                f"文件过大（{size_kib} KiB，上限 {MAX_BYTES // 1024} KiB），不像是一份年度报告的数据文件",
            )
        data = path.read_bytes()
    except IsADirectoryError:
        raise _error(file, 1, 1, "L1", "这是一个文件夹，不是 YAML 文件") from None
    except FileNotFoundError:
        raise _error(file, 1, 1, "L1", "文件不存在") from None
    except OSError as exc:
        raise _error(file, 1, 1, "L1", f"文件无法读取：{exc.strerror}") from None
    return decode_source(data, file)


def decode_source(data: bytes, file: str) -> Source:
    if data.startswith(BOM):
        data = data[len(BOM) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        if _is_gbk(data):
            message = (
                "文件是 GBK（GB2312/GB18030）编码，genreport 只读 UTF-8。"
                "请在编辑器中以 UTF-8 编码另存（记事本：另存为 → 编码选 UTF-8；"
                "VS Code：右下角编码 → 通过编码保存 → UTF-8）"
            )
        else:
            message = "文件不是 UTF-8 编码的文本，请以 UTF-8 编码另存"
        raise _error(file, line, column, "L1", message) from None
    if "\x00" in text:
        raise _error(file, 1, 1, "L1", "文件含有空字符（NUL），不是文本文件")
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        raise _error(file, 1, 1, "L1", "文件是空的（只有空白或注释），没有任何数据")
    tab = _tab_in_indentation(text)
    if tab:
        line, column = tab
        raise _error(
            file,
            line,
            column,
            "L2",
            "缩进中有制表符（Tab）。YAML 只能用空格缩进，请把这一行开头的 Tab 换成空格",
        )
    return Source(file, text)


def _is_gbk(data: bytes) -> bool:
    try:
        data.decode("gb18030")
    except UnicodeDecodeError:
        return False
    return True


#: The line boundaries of ``str.splitlines``, and a line whose indentation holds a tab (the
#: spaces before the first tab are group 1) and that has more than blanks.
_BOUNDARIES = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_TAB_IN_INDENT = LazyRegex(f"(?:^|(?<=[{_BOUNDARIES}]))( *)\t[ \t]*[^ \t{_BOUNDARIES}]")


def _tab_in_indentation(text: str) -> tuple[int, int] | None:
    if "\t" not in text:
        return None
    match = _TAB_IN_INDENT.search(text)
    if match is None:
        return None
    return len(text[: match.start()].splitlines()) + 1, len(match.group(1)) + 1

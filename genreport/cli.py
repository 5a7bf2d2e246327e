"""The command line: a thin shell over the pipeline. The only module that touches the terminal."""

from __future__ import annotations

import copy
import datetime as dt
import functools
import gc
import importlib.util
import itertools
import json
import os
import re
import sys
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Annotated, Any

import typer
import typer._click.decorators
import typer._click.exceptions
import typer._click.formatting
import typer._click.globals
import typer._coercion
import typer._param_types
import typer.core
import typer.main

from . import __version__
from .ci_formats import FORMATS as CI_FORMATS
from .ci_formats import github_lines, json_document, json_usage_error, sarif_document
from .console_encoding import make_safe
from .crash import EXIT_CODE as CRASH_EXIT
from .crash import Crash
from .crash import message as crash_message
from .escaping import visible
from .findings import Finding, Severity
from .globbing import expand
from .lazy_regex import LazyRegex
from .output import create_new, write_atomic
from .parallel_check import check_many
from .pipeline import Outcome
from .terminal import Terminal, escape
from .workspace import DEFAULT_SLUG, UsageError, Workspace

if TYPE_CHECKING:
    from .build import FileResult

# Each command imports what only it needs (Word, rich's progress bar, the importer, …) when it
# runs: `genreport check FILE` should cost little more than reading the file.

_CLICK_MESSAGES = (
    (LazyRegex(r"Missing argument '(.+)'\."), r"缺少参数“\1”。"),
    (LazyRegex(r"Missing option '(.+)'\."), r"缺少选项“\1”。"),
    (LazyRegex(r"No such option: (\S+)"), r"没有选项 \1。"),
    (LazyRegex(r"No such command '(.+)'\."), r"没有命令“\1”。"),
    (LazyRegex(r"Did you mean (.+)\?"), r"是不是 \1？"),
    (LazyRegex(r" ?\(Possible options: (.+)\)"), lambda m: _suggested(m.group(1).split(", "))),
    (LazyRegex(r"Invalid value for '(.+?)'(?: / '.+?')?:"), r"参数“\1”的值无效："),
    (LazyRegex(r"Input should be a valid integer[^.]*\.?"), "应为整数"),
    (LazyRegex(r"Input should be a valid (number|decimal)[^.]*\.?"), "应为数字"),
    (LazyRegex(r"Input should be greater than or equal to (\S+?)\.?$"), r"应不小于 \1"),
    (LazyRegex(r"Input should be greater than (\S+?)\.?$"), r"应大于 \1"),
    (LazyRegex(r"Input should be less than or equal to (\S+?)\.?$"), r"应不大于 \1"),
    (LazyRegex(r"Input should be less than (\S+?)\.?$"), r"应小于 \1"),
    (LazyRegex(r"Input should be .*"), "取值不符合要求"),
    (LazyRegex(r"Value ('.*') is not a valid \w+\."), r"\1 不是有效的值"),
    (LazyRegex(r"Option '(.+)' requires an argument\."), r"选项 \1 需要一个值。"),
    (LazyRegex(r"Got unexpected extra arguments? \((.+)\)"), r"多余的参数：\1"),
)


def _suggested(options: list[str]) -> str:
    return f"是不是 {options[0]}？" if len(options) == 1 else f"是不是 {'、'.join(options)} 之一？"


def _translate(message: str) -> str:
    for pattern, replacement in _CLICK_MESSAGES:
        message = pattern.sub(replacement, message)
    return message


def _asks_for_json(args: list[str]) -> bool:
    """``--format json`` among the arguments, even when click could not parse them."""
    pairs = itertools.pairwise([*args, ""])
    return any(
        (a in ("--format", "-f") and b == "json") or a in ("--format=json", "-fjson")
        for a, b in pairs
    )


#: How help shows a value's type when an option gives no metavar (typer's own are ``<path>``).
_TYPE_NAMES = {"str": "文本", "int": "整数", "float": "数字", "path": "路径", "bool": ""}
_RANGE_WORDS = (
    (LazyRegex(r"^(\S+)<=x<=(\S+)$"), r"\1 到 \2"),
    (LazyRegex(r"^x>=(\S+)$"), r"不小于 \1"),
    (LazyRegex(r"^x<=(\S+)$"), r"不大于 \1"),
)
_USAGE_WORDS = (("[OPTIONS]", "[选项]"), ("COMMAND [ARGS]...", "命令 [参数]..."))


def _type_name(param: Any) -> str:
    descriptor = param.type_descriptor
    if getattr(param, "is_flag", False) or descriptor.is_choice:
        return ""
    bare = "path" if descriptor.is_path else param.bare_type().removeprefix("list[").rstrip("]")
    name = _TYPE_NAMES.get(bare, "值")
    return f"<{name}>" if name else ""


def _localize_typer() -> None:
    """Typer and its bundled click print a few words themselves; our users read Chinese.

    These are private hooks of typer; tests/test_cli_help.py pins the Chinese output so an upgrade
    that moves them fails loudly instead of silently going back to English.
    """
    original_help_option = typer._click.decorators.help_option

    def help_option(param_decls: list[str]) -> Any:
        decorate = original_help_option(param_decls)

        def apply(command: Any) -> Any:
            decorate(command)
            command.params[-1].help = "显示本帮助并退出"
            return command

        return apply

    typer._click.decorators.help_option = help_option

    def display_type_rich(self: Any, ctx: Any) -> str | None:
        if self.metavar is not None:
            return None if isinstance(self, typer.core.TyperArgument) else self.metavar
        return _type_name(self) or None

    typer.core._TyperParameter.display_type_rich = display_type_rich  # type: ignore[method-assign]
    typer.core.TyperOption.display_type_rich = display_type_rich  # type: ignore[method-assign]
    original_range = typer.core.TyperOption._get_number_range_help_str

    def number_range(self: Any) -> str | None:
        text = original_range(self)
        for pattern, replacement in _RANGE_WORDS:
            text = pattern.sub(replacement, text) if text else text
        return text

    typer.core.TyperOption._get_number_range_help_str = number_range  # type: ignore[method-assign]
    original_usage = typer._click.formatting.HelpFormatter.write_usage

    def write_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        for english, chinese in _USAGE_WORDS:
            args = args.replace(english, chinese)
        original_usage(self, prog, args, "用法：" if prefix is None else prefix)

    typer._click.formatting.HelpFormatter.write_usage = write_usage  # type: ignore[method-assign]
    original_completion = typer.main.get_install_completion_arguments

    def completion_arguments() -> Any:
        install, show = original_completion()
        install.help = "为当前的命令行（shell）安装自动补全"  # type: ignore[attr-defined]
        show.help = "显示自动补全脚本（复制后自行安装）"  # type: ignore[attr-defined]
        return install, show

    typer.main.get_install_completion_arguments = completion_arguments
    _when_imported("typer.rich_utils", _localize_rich_help)


def _localize_rich_help(rich_utils: Any) -> None:
    """The words of typer's rich help and error panels, once typer loads them."""
    from rich.text import Text  # noqa: PLC0415  (rich_utils has just imported it)

    original_error = rich_utils.rich_format_error

    def rich_format_error(error: Any) -> None:
        translated = _translate(error.format_message())
        error.format_message = lambda: translated
        if _asks_for_json(sys.argv[1:]):
            sys.stdout.write(json_usage_error(translated) + "\n")
        original_error(error)

    rich_utils.rich_format_error = rich_format_error
    original_rich_text = rich_utils._make_rich_text

    def make_rich_text(**kwargs: Any) -> Any:
        # Chinese has no spaces to wrap at: fold a long run instead of cutting it off with "…".
        text = original_rich_text(**kwargs)
        if isinstance(text, Text):
            text.overflow = "fold"
        return text

    rich_utils._make_rich_text = make_rich_text
    rich_utils.ARGUMENTS_PANEL_TITLE = "参数"
    rich_utils.OPTIONS_PANEL_TITLE = "选项"
    rich_utils.COMMANDS_PANEL_TITLE = "命令"
    rich_utils.ERRORS_PANEL_TITLE = "错误"
    rich_utils.ABORTED_TEXT = "已中止。"
    rich_utils.RICH_HELP = "运行 [blue]'{command_path} {help_option}'[/] 查看帮助。"
    rich_utils.DEFAULT_STRING = "[默认: {}]"
    rich_utils.REQUIRED_LONG_STRING = "[必填]"


def _when_imported(name: str, then: Callable[[ModuleType], None]) -> None:
    """``then(module)`` right after module ``name`` is first imported (now, if it already is).

    typer imports its rich help and error panels (rich's markdown, tables, tracebacks: about as
    long as a whole check) only to show them; translating them must not import them earlier.
    """
    if name in sys.modules:
        then(sys.modules[name])
        return

    class Finder:
        @staticmethod
        def find_spec(fullname: str, path: Any = None, target: Any = None) -> Any:
            if fullname != name:
                return None
            sys.meta_path.remove(finder)
            spec = importlib.util.find_spec(name)
            if spec is not None and spec.loader is not None:
                load = spec.loader.exec_module

                def exec_module(module: ModuleType) -> None:
                    load(module)
                    then(module)

                spec.loader.exec_module = exec_module  # type: ignore[method-assign]
            return spec

    finder = Finder()
    sys.meta_path.insert(0, finder)


_localize_typer()


@dataclass(frozen=True)
class _Values(typer._coercion.RuntimeParam):
    """A parameter's values as typer coerces them, without pydantic for text and paths.

    typer builds a pydantic TypeAdapter for every parameter it parses (importing pydantic costs
    more than checking a file). Text and paths come out here exactly as typer's adapters make
    them; any other value goes to typer's own coercion, built only when such a value is given.
    """

    descriptor: Any
    #: typer's own coercion, once a value needed it.
    typer_coercion: list[Any] = field(default_factory=list)

    def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
        plain = self.parameter_info.parser is None and self.descriptor.file_annotation is None
        annotation: Any = self.annotation
        many = typing.get_origin(annotation) is list
        kind = typing.get_args(annotation) if many else (annotation,)
        values = value if many and isinstance(value, (list, tuple)) else [value]
        if plain and kind == (str,) and all(isinstance(v, str) for v in values):
            return list(values) if many else value
        path = plain and kind == (Path,) and self.parameter_info.path_type is None
        if path and all(isinstance(v, (str, Path)) for v in values):
            paths = [self._path(v, param, ctx) for v in values]
            return paths if many else paths[0]
        if not self.typer_coercion:
            self.typer_coercion.append(_typer_coercion(self.descriptor))
        return self.typer_coercion[0]._coerce_value(value, param=param, ctx=ctx)

    def _path(self, value: str | Path, param: Any, ctx: Any) -> Any:
        # typer's adapter: pydantic's Path validator (Path(value)), then typer's own checks
        return typer._param_types.coerce_cli_path(
            Path(value), self.parameter_info, path_type=Path, param=param, ctx=ctx
        )


def _values(descriptor: Any) -> _Values:
    return _Values(descriptor.parameter_info, descriptor.annotation, descriptor)


_typer_coercion = typer._coercion.build_runtime_param
typer.core.build_runtime_param = _values  # type: ignore[attr-defined]

app = typer.Typer(
    name="genreport",
    pretty_exceptions_enable=False,
    help=(
        "政府信息公开工作年度报告：检查 YAML 数据的勾稽关系，生成 Word、HTML 和 Markdown。\n\n"
        "在工作区（含 inputs/ 文件夹的目录）中运行，例如：\n\n"
        "  genreport check 2023     检查 inputs/2023/ 下的全部数据文件\n\n"
        "  genreport new 2024 --all 以 2023 年为基础创建 2024 年的数据文件"
    ),
    no_args_is_help=True,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
    add_completion=True,
)


def _rich_console(stderr: bool) -> Any:
    """rich, for what it does that plain markup cannot: a Windows console, a progress bar."""
    from rich.console import Console  # noqa: PLC0415

    return Console(stderr=stderr, highlight=False, soft_wrap=True)


out = Terminal(windows_console=_rich_console)
err = Terminal(stderr=True, windows_console=_rich_console)

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


@dataclass
class State:
    workspace: Workspace
    debug: bool = False


def _state(ctx: typer.Context) -> State:
    obj = ctx.find_root().obj
    return obj if isinstance(obj, State) else State(Workspace.find(Path.cwd()))


def _report_crashes(ctx: typer.Context, crashes: list[Crash | None]) -> bool:
    """Tracebacks of genreport's own failures (X1), with --debug; True when there were any."""
    found = [c for c in crashes if c is not None]
    if found and _state(ctx).debug:
        for crash in found:
            err.print(crash.traceback, markup=False)
    return bool(found)


def guarded(command: Callable[..., None]) -> Callable[..., None]:
    """A bug anywhere in a command: one Chinese line (traceback with --debug) and exit 3."""

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> None:
        try:
            command(*args, **kwargs)
        except (typer.Exit, typer.Abort, typer._click.exceptions.ClickException):
            raise
        except Exception as exc:
            crash = Crash.of(exc)
            context = typer._click.globals.get_current_context(silent=True)
            state = context.find_root().obj if context is not None else None
            if isinstance(state, State) and state.debug:
                err.print(crash.traceback, markup=False)
            err.print(f"[bold red]{escape(crash_message('运行', crash.summary))}[/]")
            raise typer.Exit(CRASH_EXIT) from None

    return run


def _usage_error(message: str, output_format: str = "text") -> typer.Exit:
    """Exit 2; a program that asked for JSON (or GitHub annotations) gets it in that form."""
    if output_format == "json":
        sys.stdout.write(json_usage_error(message) + "\n")
    elif output_format == "github":
        sys.stdout.write(f"::error title=genreport::{message}\n")
    err.print(f"[bold red]错误：[/]{escape(visible(message))}")
    return typer.Exit(2)


def _no_input_files(workspace: Workspace, output_format: str = "text") -> typer.Exit:
    if not workspace.found:
        return _usage_error(
            f"在 {workspace.root.as_posix()} 及其上级文件夹中都没有找到 inputs/ 文件夹："
            "请在工作区中运行，或用 -C 指定工作区",
            output_format,
        )
    return _usage_error(
        f"没有找到数据文件（{workspace.show(workspace.inputs)}/年度/*.yaml）", output_format
    )


def _complete_year(ctx: typer.Context, incomplete: str) -> list[str]:
    years = [str(y) for y in _state(ctx).workspace.years()]
    return [y for y in years if y.startswith(incomplete)]


def _version(value: bool) -> None:
    if value:
        out.print(f"genreport {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    ctx: typer.Context,
    workspace: Annotated[
        Path,
        typer.Option(
            "--workspace",
            "-C",
            help="从这个目录起向上查找工作区（含 inputs/ 的文件夹）",
            show_default="当前目录",
        ),
    ] = Path(),
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="显示版本号并退出"),
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="内部出错时显示详细信息，报告问题时请附上")
    ] = False,
) -> None:
    if not workspace.is_dir():
        raise _usage_error(f"工作区目录“{workspace}”不存在")
    ctx.obj = State(Workspace.find(workspace), debug)


# --- check ------------------------------------------------------------------------------------


def print_findings(findings: list[Finding]) -> None:
    for finding in findings:
        style = _STYLE[finding.severity]
        out.print(
            f"{escape(visible(finding.location()))}: "
            f"[{style}]{finding.severity.value} {finding.rule}[/] {escape(visible(finding.message))}"
        )
        if finding.cell:
            out.print(f"    [dim]表格位置：{escape(visible(finding.cell))}[/]")


def _summary(results: list[Outcome]) -> dict[str, int]:
    findings = [f for r in results for f in r.findings]
    return {
        "files": len(results),
        "errors": sum(f.severity is Severity.ERROR for f in findings),
        "warnings": sum(f.severity is Severity.WARNING for f in findings),
        "notes": sum(f.severity is Severity.INFO for f in findings),
    }


@app.command(
    "check",
    help=(
        "检查数据文件：格式、勾稽关系（R1–R29）和跨年度衔接。\n\n"
        "参数可以是年度（检查 inputs/年度/ 下的全部文件）或文件路径；不给参数则检查全部年度。\n\n"
        "退出码：0 无错误；1 有错误（加 --strict 时警告也算）；2 用法错误；3 genreport 内部错误。\n\n"
        "示例：\n\n"
        "  genreport check 2023\n\n"
        "  genreport check inputs/2023/gongxinju.yaml\n\n"
        "  genreport check 2023 --format json > findings.json"
    ),
)
@guarded
def check_command(
    ctx: typer.Context,
    targets: Annotated[
        list[str] | None,
        typer.Argument(
            help="年度（如 2023）或 YAML 文件路径，可给多个",
            metavar="年度|文件",
            autocompletion=_complete_year,
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="输出格式：text、json、sarif 或 github（见 docs/ci.md）",
        ),
    ] = "text",
    strict: Annotated[bool, typer.Option("--strict", help="有警告也以退出码 1 结束")] = False,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", help="并行进程数（文件多时）", show_default="CPU 核数", min=1),
    ] = None,
) -> None:
    if output_format not in CI_FORMATS:
        raise _usage_error(
            f"--format 只能是 {'、'.join(CI_FORMATS)} 之一，这里是“{output_format}”",
            "json" if output_format.strip().lower() == "json" else "text",
        )
    workspace = _state(ctx).workspace
    try:
        paths = workspace.resolve(expand(targets or []))
    except UsageError as exc:
        raise _usage_error(str(exc), output_format) from None
    if not paths:
        raise _no_input_files(workspace, output_format)
    results = check_many(paths, workspace, jobs)
    summary = _summary(results)
    failed = summary["errors"] > 0 or (strict and summary["warnings"] > 0)
    findings = [f for r in results for f in r.findings]
    if output_format == "json":
        files = [{"file": r.file, "ok": r.ok} for r in results]
        sys.stdout.write(json_document(findings, files, summary) + "\n")
    elif output_format == "sarif":
        sys.stdout.write(sarif_document(findings) + "\n")
    elif output_format == "github":
        sys.stdout.write("".join(line + "\n" for line in github_lines(findings)))
    else:
        print_findings(findings)
        verdict = "[bold red]未通过[/]" if failed else "[bold green]通过[/]"
        out.print(
            f"检查了 {summary['files']} 个文件：{summary['errors']} 个错误，"
            f"{summary['warnings']} 个警告，{summary['notes']} 个提示。{verdict}"
        )
    if _report_crashes(ctx, [r.crash for r in results]):
        raise typer.Exit(CRASH_EXIT)
    raise typer.Exit(1 if failed else 0)


# --- new --------------------------------------------------------------------------------------


@app.command(
    "new",
    help=(
        "以上一年度的数据文件为基础，创建新年度的数据文件。\n\n"
        "带入：机关信息、上年结转（等于上一年度的结转下年度）、规章和规范性文件的现行有效件数；"
        "其余数字为零，正文为【待填写】。已存在的文件不会被覆盖。\n\n"
        "示例：\n\n"
        "  genreport new 2024 --from gongxinju\n\n"
        "  genreport new 2024 --all"
    ),
)
@guarded
def new_command(
    ctx: typer.Context,
    year_text: Annotated[
        str, typer.Argument(help="要创建的年度，如 2024", metavar="年度", show_default=False)
    ],
    source: Annotated[
        str | None,
        typer.Option("--from", help="上一年度中要沿用的机关（文件名，不含 .yaml）", metavar="简称"),
    ] = None,
    every: Annotated[
        bool, typer.Option("--all", help="为上一年度的每个机关各创建一个文件")
    ] = False,
) -> None:
    from .load import load_file  # noqa: PLC0415
    from .scaffold import scaffold_text  # noqa: PLC0415

    if not re.fullmatch(r"[0-9]{4}", year_text):
        raise _usage_error(f"年度应为四位数字，如 2024，这里是“{year_text}”")
    year = int(year_text)
    workspace = _state(ctx).workspace
    previous_dir = workspace.inputs / str(year - 1)
    try:
        available = workspace.year_files(year - 1)
    except UsageError as exc:
        raise _usage_error(f"{exc}；新年度的文件要以上一年度的文件为基础") from None
    slugs = {p.stem: p for p in available}
    if source and every:
        raise _usage_error("--from 和 --all 只能选一个")
    if source:
        if source not in slugs:
            raise _usage_error(
                f"{workspace.show(previous_dir)} 中没有 {source}.yaml（有：{'、'.join(slugs) or '无'}）"
            )
        chosen = [slugs[source]]
    elif every or len(slugs) == 1:
        chosen = list(slugs.values())
    else:
        raise _usage_error(
            f"{workspace.show(previous_dir)} 中有多个机关（{'、'.join(slugs)}），请用 --from 指定一个，或用 --all"
        )
    _ensure_schema(workspace)
    failed = False
    for path in chosen:
        loaded = load_file(path, workspace.show(path))
        target = workspace.inputs / str(year) / path.name
        if loaded.report is None:
            print_findings(loaded.findings)
            err.print(f"[red]跳过[/] {escape(loaded.file)}：文件有错误，请先改正")
            failed = True
            continue
        text = scaffold_text(loaded.report, workspace.show(target))
        if create_new(target, text.encode("utf-8")):
            out.print(
                f"[green]已创建[/] {escape(workspace.show(target))}（以 {escape(loaded.file)} 为基础）"
            )
        else:
            out.print(f"[yellow]已存在，未改动[/] {escape(workspace.show(target))}")
    raise typer.Exit(1 if failed else 0)


def _ensure_schema(workspace: Workspace) -> None:
    """Scaffolded files name ../genreport.schema.json in their modeline; make sure it is there."""
    from .schema import SCHEMA_FILE, schema_json  # noqa: PLC0415

    create_new(workspace.inputs / SCHEMA_FILE, schema_json().encode("utf-8"))


# --- schema -----------------------------------------------------------------------------------


@app.command(
    "schema",
    help=(
        "生成编辑器用的 JSON Schema：输入时自动补全和校验。\n\n"
        "VS Code 安装 YAML 扩展即可使用；数据文件首行的 # yaml-language-server: $schema=... 指向它。\n\n"
        "示例：\n\n"
        "  genreport schema                     写入 inputs/genreport.schema.json\n\n"
        "  genreport schema -o -                输出到屏幕"
    ),
)
@guarded
def schema_command(
    ctx: typer.Context,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            help="写到哪个文件；- 表示输出到屏幕",
            show_default="inputs/genreport.schema.json",
        ),
    ] = None,
) -> None:
    from .schema import SCHEMA_FILE, schema_json  # noqa: PLC0415

    text = schema_json()
    if output == "-":
        # JSON is UTF-8 whatever the console's code page (GBK when redirected on Chinese Windows)
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.buffer.flush()
        return
    workspace = _state(ctx).workspace
    target = Path(output) if output else workspace.inputs / SCHEMA_FILE
    write_atomic(target, text.encode("utf-8"))
    out.print(f"[green]已写入[/] {escape(workspace.show(target))}")


# --- build ------------------------------------------------------------------------------------

#: With more files than this, a progress bar shows how far the build is.
_PROGRESS_FROM = 4


def _print_build_result(result: FileResult) -> None:
    """What one file's build means to the user: its problems, and anything unusual."""
    from .build import Status  # noqa: PLC0415

    if result.status is Status.FAILED:
        print_findings([f for f in result.findings if f.severity is not Severity.INFO])
        reason = (
            escape(visible(result.message))
            if result.message
            else "有错误，未生成（改正后重试，或加 --force）"
        )
        err.print(f"[bold red]失败[/] {escape(visible(result.file))}：{reason}")
        if result.removed:
            shown = "、".join(Workspace.display(p) for p in result.removed)
            err.print(f"    已删除它上次生成的 {escape(visible(shown))}，以免被当作最新版本")
    elif result.forced:
        print_findings([f for f in result.findings if f.is_error])
        err.print(
            f"[yellow]已强制生成[/] {escape(visible(result.file))}：检查有错误，报告已标为草稿，不能照此发布"
        )


@app.command(
    "build",
    help=(
        "生成报告：先检查，再写出 Word、HTML 和 Markdown 文件。\n\n"
        "写到 build/年度/简称.docx、.html、.md（加 --format pdf 还有 PDF）。"
        "有错误的文件不生成（加 --force 仍生成）；输入、模板和 genreport 版本都没有变化的文件跳过"
        "（加 --force 重新生成）。模板取自工作区的 templates/，没有的用内置模板。\n\n"
        "示例：\n\n"
        "  genreport build 2023\n\n"
        "  genreport build inputs/2023/gongxinju.yaml --format docx,pdf"
    ),
)
@guarded
def build_command(
    ctx: typer.Context,
    targets: Annotated[
        list[str] | None,
        typer.Argument(
            help="年度（如 2023）或 YAML 文件路径，可给多个；不给则生成全部年度",
            metavar="年度|文件",
            autocompletion=_complete_year,
            show_default=False,
        ),
    ] = None,
    formats: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="输出格式，用逗号分隔，如 docx,html,md,pdf（pdf 需要 LibreOffice）",
        ),
    ] = "docx,html,md",
    force: Annotated[
        bool, typer.Option("--force", help="检查有错误也生成；没有变化的文件也重新生成")
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", help="并行进程数", show_default="CPU 核数", min=1),
    ] = None,
) -> None:
    # Word, the renderers and the fonts load only to build
    from .build import BuildOptions, Status, build, parse_formats  # noqa: PLC0415
    from .render.pdf import PdfError  # noqa: PLC0415

    workspace = _state(ctx).workspace
    try:
        chosen = parse_formats(formats)
        paths = workspace.resolve(expand(targets or []))
    except UsageError as exc:
        raise _usage_error(str(exc)) from None
    if not paths:
        raise _no_input_files(workspace)
    options = BuildOptions(chosen, force, jobs)
    try:
        if len(paths) >= _PROGRESS_FROM and err.shows_live():
            from rich.progress import (  # noqa: PLC0415
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TimeElapsedColumn,
            )

            with Progress(
                "[progress.description]{task.description}",
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=_rich_console(stderr=True),
                transient=True,
            ) as bar:
                task = bar.add_task("生成报告", total=len(paths))

                def progress(result: FileResult) -> None:
                    bar.advance(task)
                    if result.status is Status.FAILED or result.forced:
                        with _paused(bar):
                            _print_build_result(result)

                outcome = build(workspace, paths, options, progress)
        else:
            outcome = build(workspace, paths, options, _print_build_result)
    except PdfError as exc:
        raise _usage_error(str(exc)) from None
    for note in outcome.notes:
        err.print(f"[yellow]注意[/] {escape(note)}")
    built, skipped = outcome.count(Status.BUILT), outcome.count(Status.SKIPPED)
    failed = outcome.count(Status.FAILED)
    forced = sum(r.forced for r in outcome.results)
    where = escape(workspace.show(outcome.build_dir))
    note = f"（其中 {forced} 个有错误、已强制生成，标为草稿，不得发布）" if forced else ""
    style = "bold red" if failed else "bold green"
    out.print(
        f"[{style}]生成 {built} 个{note}，跳过 {skipped} 个（没有变化），失败 {failed} 个[/]"
        f"；输出在 {where}/"
    )
    if outcome.manifest_error:
        err.print(f"[bold red]错误：[/]{escape(outcome.manifest_error)}")
    if _report_crashes(ctx, [r.crash for r in outcome.results]):
        raise typer.Exit(CRASH_EXIT)
    raise typer.Exit(1 if failed or outcome.manifest_error else 0)


class _paused:
    """Print above a live progress bar without tearing it."""

    def __init__(self, bar: Any) -> None:
        self.bar = bar

    def __enter__(self) -> None:
        self.bar.stop()

    def __exit__(self, *_: object) -> None:
        self.bar.start()


# --- doctor -----------------------------------------------------------------------------------


@app.command(
    "doctor",
    help=(
        "检查这台电脑和工作区能否生成报告，缺什么就说明怎样安装。\n\n"
        "逐项检查公文字体、生成 PDF 用的 LibreOffice、导入用的 pandoc、数据文件、"
        "编辑器用的 JSON Schema 和模板；缺少或过期的项目说明怎样安装或更新。\n\n"
        "退出码：0 一切就绪；1 有缺少或过期的项目。"
    ),
)
@guarded
def doctor_command(ctx: typer.Context) -> None:
    from .doctor import diagnose  # noqa: PLC0415  (fonts and programs are only asked here)

    items = diagnose(_state(ctx).workspace)
    for item in items:
        mark = "[green]✓[/]" if item.ok else "[bold red]✗[/]"
        out.print(f"{mark} {escape(item.topic)}：{escape(item.found)}")
        if item.hint:
            out.print(f"    [dim]{escape(item.hint)}[/]")
    missing = sum(not i.ok for i in items)
    if missing:
        out.print(f"[bold red]有 {missing} 项需要处理[/]")
    else:
        out.print("[bold green]一切就绪[/]")
    raise typer.Exit(1 if missing else 0)


# --- status -----------------------------------------------------------------------------------


@app.command(
    "status",
    help=(
        "报送情况一览：每个机关一行，是否已报、是否逾期和主要数字。\n\n"
        "每行列出是否已报、发布日期和是否逾期（R22）、错误和警告数、"
        "本年新收、办结、结转下年度、行政复议和行政诉讼总计，以及公开率、复议纠错率、诉讼纠错率。"
        "汇总所列而没有文件的机关显示为缺报（红色）。\n\n"
        "同时写出 build/年度/status.html（可按任一列排序，手机上也能看）。"
        "退出码总是 0（用 check 判断能否发布）。\n\n"
        "示例：\n\n"
        "  genreport status 2023\n\n"
        "  genreport status 2023 --format csv > 报送情况.csv"
    ),
)
@guarded
def status_command(
    ctx: typer.Context,
    year_text: Annotated[
        str,
        typer.Argument(
            help="年度，如 2023", metavar="年度", autocompletion=_complete_year, show_default=False
        ),
    ],
    output_format: Annotated[
        str,
        typer.Option("--format", "-f", help="输出格式：text（表格）、json 或 csv（给程序使用）"),
    ] = "text",
) -> None:
    from .status import board_csv, board_html, board_json, make_board  # noqa: PLC0415

    if output_format not in ("text", "json", "csv"):
        raise _usage_error(f"--format 只能是 text、json 或 csv，这里是“{output_format}”")
    if not re.fullmatch(r"[0-9]{4}", year_text):
        raise _usage_error(f"年度应为四位数字，如 2023，这里是“{year_text}”")
    workspace = _state(ctx).workspace
    try:
        board = make_board(workspace, int(year_text))
    except UsageError as exc:
        raise _usage_error(str(exc)) from None
    page = workspace.build / year_text / "status.html"
    write_atomic(page, board_html(board).encode("utf-8"))
    if output_format == "json":
        sys.stdout.write(board_json(board))
    elif output_format == "csv":
        sys.stdout.write(board_csv(board))
    else:
        _print_board(board)
    (out if output_format == "text" else err).print(
        f"[green]已写入[/] {escape(workspace.show(page))}"
    )


def _print_board(board: Any) -> None:
    from .figures import RATE_LABELS  # noqa: PLC0415
    from .status.text import board_lines  # noqa: PLC0415

    out.print(f"{board.year} 年度报告报送情况")
    for line, missing in board_lines(board):
        out.print(f"[bold red]{escape(line)}[/]" if missing else escape(line))
    formulas = "；".join(f"{label} = {formula}" for label, formula in RATE_LABELS.values())
    out.print(f"共 {len(board.rows)} 个机关，缺报 {len(board.missing)} 个。{escape(formulas)}")


# --- diff -------------------------------------------------------------------------------------


def _print_diff(diff: Any, written: list[Path], workspace: Workspace) -> None:
    out.print(
        f"[bold]{escape(diff.file)}[/] 与 {escape(diff.base_file)} 比较（{diff.base_year} → {diff.year}）"
    )
    out.print(f"  表格：{len(diff.cells)} 个单元格有变化")
    for c in diff.cells:
        out.print(
            f"    {escape(c.table + c.label)}  {c.before} → {c.after}  {c.delta}  {escape(c.change)}"
        )
    changed = [s for s in diff.sections if s.changed]
    out.print(f"  正文：{len(changed)} 个部分有改动")
    for section in changed:
        overlap = "—" if section.overlap is None else f"{round(section.overlap * 100)}%"
        out.print(
            f"    {escape(section.where)}  与上一年度重合 {overlap}，"
            f"新增 {len(section.added)} 句，删去 {len(section.removed)} 句"
        )
        for sentence in section.removed:
            out.print(f"      [red]− {escape(sentence)}[/]")
        for sentence in section.added:
            out.print(f"      [green]+ {escape(sentence)}[/]")
    shown = "、".join(escape(workspace.display(p)) for p in written)
    out.print(f"  [green]已写出[/] {shown}")


@app.command(
    "diff",
    help=(
        "与上一年度比较表格中的数字和正文。\n\n"
        "列出表格中每个有变化的单元格（上年 → 本年、增减、同比），正文各部分与上年的重合比例"
        "（R23 的算法）和新增、删去的句子。显示在屏幕上，并写出 build/年度/diff/简称.html"
        "（可打印，两年并排）和 .md。\n\n"
        "示例：\n\n"
        "  genreport diff 2024\n\n"
        "  genreport diff inputs/2024/gongxinju.yaml --from 2022\n\n"
        "  genreport diff 2024 --format json > diff.json"
    ),
)
@guarded
def diff_command(
    ctx: typer.Context,
    targets: Annotated[
        list[str] | None,
        typer.Argument(
            help="年度（如 2024）或 YAML 文件路径，可给多个",
            metavar="[年度|文件]...",
            autocompletion=_complete_year,
            show_default=False,
        ),
    ] = None,
    base_year: Annotated[
        int | None,
        typer.Option("--from", help="与哪一年比较", show_default="上一年", metavar="年度"),
    ] = None,
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="屏幕输出：text（给人看）或 json（给程序）")
    ] = "text",
) -> None:
    # the diff renderers load only for this command
    from .diff import diff_files, render_html, render_markdown  # noqa: PLC0415

    if output_format not in ("text", "json"):
        raise _usage_error(f"--format 只能是 text 或 json，这里是“{output_format}”")
    workspace = _state(ctx).workspace
    try:
        paths = workspace.resolve(targets or [])
    except UsageError as exc:
        raise _usage_error(str(exc)) from None
    if not paths:
        raise _usage_error(f"没有找到数据文件（{workspace.display(workspace.inputs)}/年度/*.yaml）")
    results = diff_files(paths, base_year)
    failed = False
    documents: list[dict[str, Any]] = []
    for result in results:
        if result.diff is None:
            failed = failed or bool(result.findings)
            if output_format == "text":
                print_findings(result.findings)
                if result.note:
                    err.print(f"[yellow]未比较[/] {escape(result.note)}")
            documents.append({"file": result.file, "diff": None, "note": result.note})
            continue
        diff = result.diff
        folder = workspace.build / str(diff.year) / "diff"
        written = [folder / f"{diff.slug}.html", folder / f"{diff.slug}.md"]
        write_atomic(written[0], render_html(diff).encode("utf-8"))
        write_atomic(written[1], render_markdown(diff).encode("utf-8"))
        if output_format == "text":
            _print_diff(diff, written, workspace)
        documents.append(
            {
                "file": result.file,
                "diff": diff.to_json(),
                "outputs": [workspace.display(p) for p in written],
            }
        )
    if output_format == "json":
        out.print_json(json.dumps({"reports": documents}, ensure_ascii=False))
    raise typer.Exit(1 if failed else 0)


# --- init -------------------------------------------------------------------------------------


@app.command(
    "init",
    help=(
        "新建工作区：数据文件、编辑器用的 JSON Schema、默认模板。\n\n"
        "写出数据文件 inputs/年度/简称.yaml（数字为零、正文待填写）、"
        "编辑器用的 inputs/genreport.schema.json、templates/ 中的默认模板"
        "（可在 Word 或 WPS 中修改后保留），以及忽略 build/ 的 .gitignore 文件。"
        "已存在的文件不会被覆盖。\n\n"
        "示例：\n\n"
        "  genreport init 年报 --agency 某市工业和信息化局 --slug gongxinju"
    ),
)
@guarded
def init_command(
    directory: Annotated[
        Path, typer.Argument(help="工作区目录（不存在则创建）", metavar="目录", show_default=False)
    ],
    agency: Annotated[str | None, typer.Option("--agency", help="机关全称，与报告标题一致")] = None,
    slug: Annotated[
        str, typer.Option("--slug", help="机关简称，用作文件名（建议用拼音）")
    ] = DEFAULT_SLUG,
    year: Annotated[
        int | None,
        typer.Option("--year", help="第一个报告的年度", show_default="上一年"),
    ] = None,
) -> None:
    from .workspace_init import init_workspace  # noqa: PLC0415

    if not re.fullmatch(r"[A-Za-z0-9_\-\u4e00-\u9fff]+", slug):
        raise _usage_error(f"简称只能包含字母、数字、汉字、- 和 _，这里是“{slug}”")
    first_year = year or dt.date.today().year - 1
    if not 1990 <= first_year <= 2999:
        raise _usage_error(f"年度应为四位数字，如 2024，这里是“{first_year}”")
    for item in init_workspace(directory, first_year, agency, slug):
        shown = escape(Workspace.display(item.path))
        if item.created:
            out.print(f"[green]已创建[/] {shown}")
        else:
            out.print(f"[yellow]已存在，未改动[/] {shown}")
    out.print(
        f"下一步：填写 {escape(Workspace.display(directory / 'inputs' / str(first_year)))}/{slug}.yaml，"
        f"然后在 {escape(Workspace.display(directory))} 中运行 genreport check {first_year} "
        f"和 genreport build {first_year}"
    )


# --- import -----------------------------------------------------------------------------------


@app.command(
    "import",
    help=(
        "导入已发布的年度报告，写出对应的数据文件。\n\n"
        "支持 .docx、.html、.htm、.md、.txt 和 .pdf；.doc、.wps、.odt、.rtf 需要 LibreOffice；"
        "扫描件 PDF 需要安装文字识别（OCR）扩展，见 docs/import.md。写出 inputs/年度/简称.yaml；"
        "也可以导入 genreport export 格式的统计工作簿（.xlsx，每行一个机关）。"
        "表格按标签而不是位置读取；读不准的单元格、近似相符的标签、"
        "2019 年格式的遗留都会列出，并在 YAML 中对应的值旁加“# 导入：”注释。"
        "已存在的文件不会被覆盖（加 --force 覆盖）。\n\n"
        "示例：\n\n"
        "  genreport import 2022年报.docx --slug gongxinju\n\n"
        "  genreport import 下载/*.html --out inputs/"
    ),
)
@guarded
def import_command(
    ctx: typer.Context,
    files: Annotated[list[Path], typer.Argument(help="已发布的报告文件，可给多个", metavar="文件")],
    year: Annotated[
        int | None, typer.Option("--year", help="报告年度（默认取自标题）", show_default=False)
    ] = None,
    slug: Annotated[
        str | None,
        typer.Option("--slug", help="机关简称，用作文件名", show_default="报告的文件名"),
    ] = None,
    out_dir: Annotated[
        Path | None,
        typer.Option("--out", help="输入文件夹（其下按年度分文件夹）", show_default="inputs/"),
    ] = None,
    agency: Annotated[
        str | None, typer.Option("--agency", help="机关全称（默认取自标题或落款）")
    ] = None,
    published: Annotated[
        str | None,
        typer.Option("--published", help="发布日期，如 2023-01-20（默认取自落款）"),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="覆盖已存在的输入文件")] = False,
    output_format: Annotated[
        str,
        typer.Option(
            "--format", "-f", help="输出格式：text（给人看）或 json（每份报告写出的文件和发现）"
        ),
    ] = "text",
) -> None:
    # pandoc and pdfplumber load (~0.15 s) only when importing, not for every command
    from .importer import import_files, report_json, report_lines  # noqa: PLC0415
    from .schema import SCHEMA_FILE, schema_json  # noqa: PLC0415

    if output_format not in ("text", "json"):
        raise _usage_error(f"--format 只能是 text 或 json，这里是“{output_format}”")

    workspace = _state(ctx).workspace
    try:
        date = dt.date.fromisoformat(published) if published else None
    except ValueError:
        raise _usage_error(
            f"--published 应写成 2023-01-20 这样的日期，这里是“{published}”"
        ) from None
    target = out_dir or workspace.inputs
    try:
        outcomes = import_files(
            [Path(f) for f in expand([str(f) for f in files])],
            target,
            year=year,
            slug=slug,
            agency=agency,
            published=date,
            force=force,
        )
    except UsageError as exc:
        raise _usage_error(str(exc)) from None
    if output_format == "json":
        out.print_json(json.dumps(report_json(outcomes), ensure_ascii=False))
    else:
        for severity, line in report_lines(outcomes):
            style = _STYLE[severity] if severity else "green"
            out.print(f"[{style}]{escape(visible(line))}[/]")
    if any(o.written for o in outcomes):
        create_new(target / SCHEMA_FILE, schema_json().encode("utf-8"))
    # the exit code says whether every report became an input file; findings are in the output
    raise typer.Exit(0 if all(o.written for o in outcomes) else 1)


# --- export -----------------------------------------------------------------------------------


@app.command(
    "export",
    help=(
        "导出一个年度全部机关的统计表（Excel 工作簿和 CSV 文件）。\n\n"
        "写出 build/年度/tables.xlsx（机关表和表二、表三、表四各一个工作表，"
        "每个机关一行，每个单元格一列，表头是报告中的标签，总计是 Excel 公式）和 tables.csv"
        "（同样的行，列名是输入文件中的键）。有错误的机关照样导出，但标红并在“检查结果”中注明。\n\n"
        "工作簿可以再用 genreport import tables.xlsx 导入成每个机关的数据文件。\n\n"
        "示例：\n\n"
        "  genreport export 2023"
    ),
)
@guarded
def export_command(
    ctx: typer.Context,
    year_text: Annotated[
        str,
        typer.Argument(
            help="年度，如 2023",
            metavar="年度",
            autocompletion=_complete_year,
            show_default=False,
        ),
    ],
) -> None:
    from .export import export_year  # noqa: PLC0415  (XlsxWriter only when exporting)

    if not re.fullmatch(r"[0-9]{4}", year_text):
        raise _usage_error(f"年度应为四位数字，如 2023，这里是“{year_text}”")
    workspace = _state(ctx).workspace
    try:
        exported = export_year(workspace, int(year_text))
    except UsageError as exc:
        raise _usage_error(str(exc)) from None
    for row in exported.flagged:
        err.print(f"[yellow]已标红[/] {escape(row.file)}：{escape(row.verdict)}")
    written = "、".join(escape(workspace.display(p)) for p in exported.outputs)
    out.print(f"[green]已导出[/] {len(exported.rows)} 个机关：{written}")


#: The main callback's options that take a value: the argument after them is not a command.
_VALUED_OPTIONS = ("-C", "--workspace")


def _command_name(args: list[str]) -> str | None:
    """The command ``args`` invoke: the first argument that is neither an option nor its value."""
    rest = iter(args)
    for arg in rest:
        if arg == "--":
            return next(rest, None)
        if arg in _VALUED_OPTIONS:
            next(rest, None)
        elif not arg.startswith("-"):
            return arg
    return None


def for_command(args: list[str]) -> typer.Typer:
    """``app`` with only the command ``args`` invoke, when they name one.

    typer turns every command's signature into click parameters before it parses anything, and a
    run uses one of them. Help, shell completion and a mistyped command keep them all (to list
    them and to suggest the nearest).
    """
    name = _command_name(args)
    chosen = [c for c in app.registered_commands if c.name == name]
    if not chosen or any(key.startswith("_GENREPORT_COMPLETE") for key in os.environ):
        return app
    one = copy.copy(app)
    one.registered_commands = chosen
    return one


def main() -> None:
    for stream in (sys.stdout, sys.stderr):
        make_safe(stream)
    try:
        for_command(sys.argv[1:])(prog_name="genreport")
    finally:
        # The process ends here. Python's last full collection would walk every object of every
        # module (a tenth of a cold check) to free memory the system takes back anyway; what
        # must be finished (outputs, streams, worker pools) is closed explicitly before this.
        gc.freeze()

"""Benchmark: R27 (same-year copying) and `genreport diff` over many generated agencies.

    python bench/bench_yoy.py [--agencies 500] [--repeat 3]

Generates a temporary workspace with two years (2022, 2023) of N agencies: the demo file's tables,
and narrative written from random runs of 1 200 work phrases ("加强政策解读"), so sections share
phrases the way real reports do without being copies. Every 25th agency copies one section of the agency
before it word for word: R27 must find exactly those pairs. Measures (median of the runs):

* loading the 2 × N files (YAML parsing dominates; shared by check and diff);
* ``check_files`` over the N files of 2023 once loaded (every rule + R27), and R27 alone;
* ``diff_files`` of the N files against 2022 once loaded, and rendering each diff as HTML and
  Markdown.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from genreport.check.same_year import r27_same_year_copying  # noqa: E402
from genreport.diff import diff_files, render_html, render_markdown  # noqa: E402
from genreport.pipeline import Loader, check_files  # noqa: E402

PARTS = ("主动公开", "依申请公开", "政府信息管理", "平台建设", "监督保障")
VERBS = [
    "加强",
    "完善",
    "规范",
    "深化",
    "推进",
    "优化",
    "健全",
    "落实",
    "强化",
    "提升",
    "做好",
    "开展",
    "严格",
    "及时",
    "持续",
    "着力",
    "全面",
    "扎实",
    "细化",
    "统筹",
    "夯实",
    "创新",
    "拓展",
    "畅通",
    "压实",
    "抓好",
    "聚焦",
    "围绕",
    "对标",
    "巩固",
]
OBJECTS = [
    "政策解读",
    "保密审查",
    "栏目设置",
    "公开目录",
    "答复文书",
    "办理台账",
    "信息发布",
    "平台建设",
    "考核评议",
    "业务培训",
    "决策公开",
    "执行公开",
    "管理公开",
    "服务公开",
    "结果公开",
    "重点领域",
    "新媒体账号",
    "政务服务",
    "营商环境",
    "基层公开",
    "数据开放",
    "档案管理",
    "意见征集",
    "回应关切",
    "监督检查",
    "责任追究",
    "标准体系",
    "办事指南",
    "涉企政策",
    "民生信息",
    "财政预决算",
    "行政执法",
    "应急管理",
    "公共资源",
    "社会救助",
    "教育卫生",
    "生态环境",
    "安全生产",
    "市场监管",
    "信用信息",
]
#: Phrases as reports combine them ("加强政策解读"): 1 200 of them, each report drawing its own mix.
PHRASES = [verb + obj for verb in VERBS for obj in OBJECTS]


def _narrative(rng: random.Random) -> str:
    sentences = []
    for _ in range(rng.randint(3, 5)):
        words = rng.sample(PHRASES, rng.randint(4, 7))
        sentences.append("，".join(words) + "。")
    return "".join(sentences)


def _tables(year: int) -> str:
    text = (REPO / "inputs" / str(year) / "shijianju.yaml").read_text(encoding="utf-8")
    start, end = text.index("\n主动公开:"), text.index("\n存在的主要问题及改进情况:")
    return text[start + 1 : end + 1]


def generate(root: Path, agencies: int) -> list[str]:
    """Two years of ``agencies`` files; returns the slugs whose 2023 text was copied."""
    rng = random.Random(2023)
    tables = {year: _tables(year) for year in (2022, 2023)}
    copied: list[str] = []
    texts: dict[tuple[int, int], dict[str, str]] = {}
    for year in (2022, 2023):
        folder = root / "inputs" / str(year)
        folder.mkdir(parents=True)
        for i in range(agencies):
            parts = {part: _narrative(rng) for part in PARTS}
            if year == 2023 and i % 25 == 24:
                parts["平台建设"] = texts[(year, i - 1)]["平台建设"]
                copied += [f"a{i - 1:03d}", f"a{i:03d}"]
            texts[(year, i)] = parts
            overview = "".join(f"  {k}: |\n    {v}\n" for k, v in parts.items())
            body = (
                f"机关: 青禾市第{i}局\n年度: {year}\n机关类型: 部门\n发布日期: {year + 1}-01-20\n"
                f"总体情况:\n{overview}{tables[year]}"
                f"存在的主要问题及改进情况: |\n  {_narrative(rng)}\n"
                f"其他需要报告的事项: |\n  {_narrative(rng)}\n"
            )
            (folder / f"a{i:03d}.yaml").write_text(body, encoding="utf-8")
    return copied


class _Clock:
    """Wall time and this process's CPU time: on a shared, loaded machine the CPU time is the
    figure that does not depend on the neighbours."""

    def __enter__(self) -> _Clock:
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *_: object) -> None:
        self.wall = time.perf_counter() - self.wall
        self.cpu = time.process_time() - self.cpu


def _median(runs: list[_Clock]) -> str:
    wall = statistics.median(c.wall for c in runs)
    cpu = statistics.median(c.cpu for c in runs)
    return f"{wall:7.2f} s wall, {cpu:7.2f} s CPU"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--agencies", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        copied = generate(root, args.agencies)
        paths = sorted((root / "inputs" / "2023").glob("*.yaml"))
        load_runs: list[_Clock] = []
        rule_runs: list[_Clock] = []
        r27_runs: list[_Clock] = []
        diff_runs: list[_Clock] = []
        render_runs: list[_Clock] = []
        for _ in range(args.repeat):
            loader = Loader()
            with _Clock() as clock:
                for path in [*paths, *(root / "inputs" / "2022").glob("*.yaml")]:
                    loader.load(path)
            load_runs.append(clock)
            with _Clock() as clock:
                results = check_files(paths, loader)
            rule_runs.append(clock)
            reports = [r.report for r in results if r.report is not None]
            with _Clock() as clock:
                found = r27_same_year_copying(reports)
            r27_runs.append(clock)
            with _Clock() as clock:
                diffs = diff_files(paths, loader=loader)
            diff_runs.append(clock)
            with _Clock() as clock:
                for result in diffs:
                    assert result.diff is not None, result.note
                    render_html(result.diff)
                    render_markdown(result.diff)
            render_runs.append(clock)
        flagged = sorted(Path(file).stem for file in found)
        print(f"{args.agencies} agencies, 2023 against 2022, median of {args.repeat} runs")
        print(f"load both years ({2 * args.agencies} files, YAML + model): {_median(load_runs)}")
        print(f"check_files on loaded files (all rules + R27): {_median(rule_runs)}")
        print(f"R27 alone:                                     {_median(r27_runs)}")
        print(f"diff_files on loaded files (compare all):      {_median(diff_runs)}")
        print(f"render every diff as HTML and Markdown:        {_median(render_runs)}")
        print(
            f"R27 flagged {len(flagged)} files; planted copies {len(copied)}; match: {flagged == sorted(copied)}"
        )


if __name__ == "__main__":
    main()

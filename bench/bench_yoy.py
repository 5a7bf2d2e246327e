"""Benchmark: R27 (same-year copying) and `genreport diff` over many generated agencies.

    python bench/bench_yoy.py [--agencies 500] [--repeat 3]

Generates a temporary workspace with two years (2022, 2023) of N agencies: the demo file's tables,
and narrative written from random runs of a few hundred work phrases, so sections share phrases
the way real reports do without being copies. Every 25th agency copies one section of the agency
before it word for word: R27 must find exactly those pairs. Measures (median of the runs):

* ``check_files`` over the N files of 2023 (load + every rule + R27), and R27 alone;
* ``diff_files`` of the N files against 2022, and rendering each diff as HTML and Markdown.
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
PHRASES = [
    "坚持以公开为常态",
    "不公开为例外",
    "围绕中心工作",
    "聚焦群众关切",
    "加强政策解读",
    "规范公开流程",
    "完善工作机制",
    "强化保密审查",
    "优化栏目设置",
    "提升公开质量",
    "推进决策公开",
    "做好执行公开",
    "深化管理公开",
    "加强服务公开",
    "主动回应关切",
    "畅通申请渠道",
    "严格答复时限",
    "规范答复文书",
    "加强业务培训",
    "开展自查整改",
    "落实工作责任",
    "纳入绩效考核",
    "开展专项检查",
    "优化营商环境",
    "服务市场主体",
    "推进集约化建设",
    "加强新媒体管理",
    "更新办事指南",
    "完善基本目录",
    "开展常态化监测",
    "健全台账管理",
    "强化督促检查",
    "提升用户体验",
    "推进数据开放",
    "加强档案管理",
    "组织专题学习",
    "强化队伍建设",
    "健全协调机制",
    "规范信息发布",
    "及时撤除过期信息",
]


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


def _median(runs: list[float]) -> str:
    return f"{statistics.median(runs):.2f} s"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--agencies", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        copied = generate(root, args.agencies)
        paths = sorted((root / "inputs" / "2023").glob("*.yaml"))
        check_runs, r27_runs, diff_runs, render_runs = [], [], [], []
        for _ in range(args.repeat):
            start = time.perf_counter()
            results = check_files(paths)
            check_runs.append(time.perf_counter() - start)
            reports = [r.report for r in results if r.report is not None]
            start = time.perf_counter()
            found = r27_same_year_copying(reports)
            r27_runs.append(time.perf_counter() - start)
            start = time.perf_counter()
            diffs = diff_files(paths, loader=Loader())
            diff_runs.append(time.perf_counter() - start)
            start = time.perf_counter()
            for result in diffs:
                assert result.diff is not None, result.note
                render_html(result.diff)
                render_markdown(result.diff)
            render_runs.append(time.perf_counter() - start)
        flagged = sorted(Path(file).stem for file in found)
        print(f"{args.agencies} agencies, 2023 against 2022, median of {args.repeat} runs")
        print(f"check_files (load + all rules + R27):  {_median(check_runs)}")
        print(f"R27 alone:                             {_median(r27_runs)}")
        print(f"diff_files (load both years, compare): {_median(diff_runs)}")
        print(f"render every diff as HTML and Markdown: {_median(render_runs)}")
        print(
            f"R27 flagged {len(flagged)} files; planted copies {len(copied)}; match: {flagged == sorted(copied)}"
        )


if __name__ == "__main__":
    main()

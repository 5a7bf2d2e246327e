"""Cold ``genreport build FILE`` (docx + html + md) with the build cache warm and empty, beside a
bare docxtpl script rendering the same template (perf.py's reference), interleaved.

    python bench/bench_cold_build.py [--repeat 11]

"hit": ``build/.genreport-cache`` holds the prepared Word template and the compiled templates
(every build after the first); "miss": it is deleted before each run (the first build in a
workspace, or after an upgrade). Medians of fresh processes; read the ratios, the machine is shared.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from perf import (  # bench/perf.py: the same workspace and reference script
    BARE_DOCXTPL,
    PYTHON,
    TEMPLATE,
    context_file,
    generate,
    genreport_command,
    medians,
    run,
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=11, help="runs of each case")
    args = parser.parse_args()
    genreport = genreport_command()
    scratch = Path(tempfile.mkdtemp(prefix="genreport-cold-build-"))
    try:
        one = scratch / "one"
        file = generate(one, 1)[0]
        context = context_file(file, scratch)
        cache = one / "build" / ".genreport-cache"
        build = [*genreport, "build", str(file), "--force"]

        def miss() -> float:
            shutil.rmtree(cache, ignore_errors=True)
            return run(build, one)

        timed = medians(
            args.repeat,
            {
                "hit": lambda: run(build, one),
                "miss": miss,
                "docxtpl": lambda: run(
                    [PYTHON, "-c", BARE_DOCXTPL, str(TEMPLATE), str(context), str(scratch / "b")],
                    one,
                ),
            },
            warm=True,
        )
        reference = timed["docxtpl"]
        print(f"{'case':<34} {'median':>8} {'ratio':>7}")
        for name, label in (
            ("hit", "cold build FILE, cache warm"),
            ("miss", "cold build FILE, cache empty"),
            ("docxtpl", "bare docxtpl render"),
        ):
            print(f"{label:<34} {timed[name]:>7.3f}s {timed[name] / reference:>6.2f}×")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()

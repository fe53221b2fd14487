"""``python -m relay.samples``: write a synthetic, labelled letter corpus to a folder."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from relay.samples.corpus import write_corpus
from relay.samples.render import KINDS


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, write the corpus, print where it went."""
    parser = argparse.ArgumentParser(
        prog="python -m relay.samples",
        description=(
            "Write synthetic Korean letters with labelled identifying details, rendered as page images "
            "(A4, 150 dpi). For every letter and style: NNNN-<style>.png (or .jpg when the page was "
            "JPEG-compressed) and NNNN-<style>.labels.json with the text, the labelled spans and a box per "
            "glyph. Letter NNNN has the same text in every style. The same seed gives the same files."
        ),
    )
    parser.add_argument("--out", type=Path, required=True, help="folder to write into (created if missing)")
    parser.add_argument("--n", type=int, default=10, help="letters per style (default: 10)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default: 0)")
    parser.add_argument(
        "--style",
        choices=KINDS,
        action="append",
        dest="styles",
        help="render only this style; repeat for several (default: printed and handwritten)",
    )
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("--n must be at least 1")
    paths = write_corpus(args.out, args.n, args.seed, tuple(args.styles or KINDS))
    sys.stdout.write(f"wrote {len(paths)} page image(s) and their labels to {args.out}/\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

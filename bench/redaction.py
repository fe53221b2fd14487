"""Does redaction work? relay on a synthetic, labelled letter corpus, against bare tesseract.

Writes ``--n`` letters per style (printed, handwritten) with ``relay.samples``, runs
``relay.pipeline.redact_page`` on every page and scores the returned pixels against the labels
(rules in ``relay/samples/scoring.py``): share of identifying details redacted, flagged for review and
silently leaked, by kind; benign ink wrongly filled; review area against text area; seconds per page
against a bare ``tesseract`` run on the same file (whose character accuracy shows how hard the pages are).
Then the text half: ``relay.detect.detect`` on generated sentences (clean, OCR-damaged, transcript-like).

Prints a table and writes every number to ``--out/redaction.json``. If relay's API is missing the
benchmark stops with an error; it never reports numbers it did not measure. See ``bench/README.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from relay.errors import RelayError
from relay.model import Finding, Kind, Severity
from relay.samples import generate_sentences, read_labels, write_corpus
from relay.samples.render import KINDS
from relay.samples.scoring import Outcome, PageScore, char_errors, score_page, span_found

DETAIL_KINDS = tuple(k for k in Kind if k not in (Kind.TOPIC, Kind.FACE, Kind.QR))
Detect = Callable[[str], Sequence[Finding]]


def load_relay(baseline_only: bool) -> tuple[Callable[[Image.Image], Any] | None, Detect | None]:
    """relay's page redaction and text detection, or a clear exit if they are not there yet."""
    if baseline_only:
        return None, None
    try:
        from relay.detect import detect
        from relay.pipeline import redact_page
    except ImportError as exc:
        sys.exit(
            f"bench/redaction.py: relay's API is not available ({exc}).\n"
            "The benchmark needs relay.pipeline.redact_page and relay.detect.detect; it does not report "
            "numbers it could not measure. Use --baseline-only to measure bare tesseract alone."
        )
    return redact_page, detect


def bare_tesseract(path: Path) -> tuple[str, float]:
    """Text and wall-clock seconds of ``tesseract IMAGE stdout -l kor --psm 6`` on one thread."""
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    start = time.perf_counter()
    done = subprocess.run(
        ["tesseract", str(path), "stdout", "-l", "kor", "--psm", "6"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout, time.perf_counter() - start


@dataclass
class StyleTotals:
    """Sums over the pages of one style."""

    pages: int = 0
    outcomes: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    benign_area: int = 0
    benign_filled: int = 0
    review_area: int = 0
    review_in_text: int = 0
    text_area: int = 0
    relay_seconds: float = 0.0
    bare_seconds: float = 0.0
    char_distance: int = 0
    char_length: int = 0

    def add(self, score: PageScore | None, relay_s: float, bare_s: float, dist: int, length: int) -> None:
        self.pages += 1
        self.relay_seconds += relay_s
        self.bare_seconds += bare_s
        self.char_distance += dist
        self.char_length += length
        if score is None:
            return
        for kind, outcome in score.outcomes:
            self.outcomes[kind.value][outcome.value] += 1
        self.benign_area += score.benign_area
        self.benign_filled += score.benign_filled
        self.review_area += score.review_area
        self.review_in_text += score.review_in_text
        self.text_area += score.text_area

    def summary(self) -> dict[str, Any]:
        details: Counter[str] = Counter()
        for kind in DETAIL_KINDS:
            details.update(self.outcomes.get(kind.value, Counter()))
        n = sum(details.values())
        out: dict[str, Any] = {
            "pages": self.pages,
            "bare_seconds_per_page": _ratio(self.bare_seconds, self.pages),
            "bare_char_accuracy": 1 - _ratio(self.char_distance, self.char_length, 1.0),
        }
        if not self.outcomes:
            return out
        out.update(
            {
                "details": n,
                "redacted": _ratio(details[Outcome.REDACTED], n),
                "flagged": _ratio(details[Outcome.FLAGGED], n),
                "leaked": _ratio(details[Outcome.LEAKED], n),
                "by_kind": {k: {**dict(c), "n": sum(c.values())} for k, c in sorted(self.outcomes.items())},
                "benign_ink_filled": _ratio(self.benign_filled, self.benign_area),
                "review_area_over_text_area": _ratio(self.review_area, self.text_area),
                "review_area_inside_text_over_text_area": _ratio(self.review_in_text, self.text_area),
                "relay_seconds_per_page": _ratio(self.relay_seconds, self.pages),
                "relay_over_bare": _ratio(self.relay_seconds, self.bare_seconds),
            }
        )
        return out


def _ratio(a: float, b: float, empty: float = 0.0) -> float:
    return a / b if b else empty


def run_pages(out: Path, n: int, seed: int, styles: tuple[str, ...], redact_page: Any) -> dict[str, Any]:
    """Write the corpus, redact and score every page; returns per-style summaries and per-page rows."""
    corpus, redacted_dir = out / "corpus", out / "redacted"
    redacted_dir.mkdir(parents=True, exist_ok=True)
    print(f"writing {n} letters × {len(styles)} styles to {corpus}/ …", file=sys.stderr)
    images = write_corpus(corpus, n, seed, styles)
    totals = {style: StyleTotals() for style in styles}
    rows = []
    for path in images:
        labels = read_labels(path.with_name(path.name.split(".")[0] + ".labels.json"))
        image = Image.open(path).convert("RGB")
        score, relay_s = None, 0.0
        if redact_page is not None:
            start = time.perf_counter()
            page = redact_page(image)
            relay_s = time.perf_counter() - start
            page.image.convert("RGB").save(redacted_dir / f"{path.stem}.png")
            fills = list(page.result.filled_boxes)
            reviews = [r.box for r in page.result.review_regions]
            score = score_page(
                np.asarray(image),
                np.asarray(page.image.convert("RGB")),
                fills,
                reviews,
                labels.span_boxes,
                labels.benign_boxes(),
                labels.line_boxes,
            )
        text, bare_s = bare_tesseract(path)
        dist, length = char_errors(labels.text, text)
        totals[labels.style].add(score, relay_s, bare_s, dist, length)
        row: dict[str, Any] = {
            "page": path.name,
            "bare_seconds": round(bare_s, 3),
            "bare_char_accuracy": round(1 - _ratio(dist, length, 1.0), 4),
        }
        if score is not None:
            row["relay_seconds"] = round(relay_s, 3)
            row["outcomes"] = dict(Counter(o.value for k, o in score.outcomes if k in DETAIL_KINDS))
            row["review_area_over_text_area"] = round(_ratio(score.review_area, score.text_area), 4)
        rows.append(row)
        print(f"  {path.name}: {row}", file=sys.stderr)
    return {"styles": {s: t.summary() for s, t in totals.items()}, "pages": rows}


def run_text(detect: Detect, n: int, seed: int) -> dict[str, Any]:
    """Recall per kind and benign false alarms of ``detect`` on generated sentences."""
    docs = generate_sentences(random.Random(f"{seed}:sentences"), n, benign_share=0.3)
    found: dict[str, Counter[str]] = defaultdict(Counter)
    benign: dict[str, Counter[str]] = defaultdict(Counter)
    for doc in docs:
        findings = detect(doc.text)
        for span in doc.spans:
            c = found[span.kind.value]
            c["n"] += 1
            c["found"] += span_found(doc, span, [(f.start, f.end) for f in findings])
            c["same_kind"] += span_found(
                doc, span, [(f.start, f.end) for f in findings if f.kind is span.kind]
            )
            c[f"n_{doc.variant}"] += 1
            c[f"found_{doc.variant}"] += span_found(doc, span, [(f.start, f.end) for f in findings])
        if not doc.spans:
            for key in (doc.variant, "all"):
                benign[key]["n"] += 1
                benign[key]["flagged"] += bool(findings)
                benign[key]["redacted"] += any(f.severity is Severity.REDACT for f in findings)
    return {
        "sentences": n,
        "rule": "a span is found if findings of any kind cover >= 80% of its non-space characters",
        "recall": {
            k: {
                "n": c["n"],
                "recall": _ratio(c["found"], c["n"]),
                "recall_same_kind": _ratio(c["same_kind"], c["n"]),
                **{
                    f"recall_{v}": _ratio(c[f"found_{v}"], c[f"n_{v}"])
                    for v in ("clean", "ocr", "transcript")
                    if c[f"n_{v}"]
                },
            }
            for k, c in sorted(found.items())
        },
        "benign": {
            k: {
                "n": c["n"],
                "flagged": _ratio(c["flagged"], c["n"]),
                "redacted": _ratio(c["redacted"], c["n"]),
            }
            for k, c in sorted(benign.items())
        },
    }


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{100 * x:5.1f}%"


def print_report(report: dict[str, Any]) -> None:
    """The human-readable table."""
    styles: dict[str, dict[str, Any]] = report["images"]["styles"]
    names = list(styles)
    print(f"\nrelay redaction benchmark — seed {report['seed']}, {report['n']} letters per style\n")
    head = f"{'images':34}" + "".join(f"{s:>14}" for s in names)
    print(head + "\n" + "-" * len(head))
    rows: list[tuple[str, str, Callable[[Any], str]]] = [
        ("pages", "pages", str),
        ("identifying details (no topic)", "details", str),
        ("  redacted", "redacted", _pct),
        ("  flagged for review", "flagged", _pct),
        ("  silently leaked", "leaked", _pct),
        ("benign ink filled", "benign_ink_filled", _pct),
        ("review area / text area", "review_area_over_text_area", _pct),
        ("seconds per page, relay", "relay_seconds_per_page", lambda x: f"{x:6.2f}"),
        ("seconds per page, bare tesseract", "bare_seconds_per_page", lambda x: f"{x:6.2f}"),
        ("relay / bare tesseract", "relay_over_bare", lambda x: f"{x:5.2f}×"),
        ("bare tesseract char accuracy", "bare_char_accuracy", _pct),
    ]
    for label, key, fmt in rows:
        if any(key in styles[s] for s in names):
            print(
                f"{label:34}"
                + "".join(f"{fmt(styles[s][key]) if key in styles[s] else '—':>14}" for s in names)
            )
    if all("by_kind" in styles[s] for s in names):
        print("\nby kind: n, redacted / flagged / leaked")
        kinds = sorted({k for s in names for k in styles[s]["by_kind"]})
        for kind in kinds:
            cells = []
            for s in names:
                c = styles[s]["by_kind"].get(kind, {"n": 0})
                n = c["n"]
                cells.append(f"{n:4d} " + " / ".join(_pct(_ratio(c.get(o.value, 0), n)) for o in Outcome))
            print(f"  {kind:12}" + "".join(f"{cell:>30}" for cell in cells))
    text = report.get("text")
    if text:
        print(f"\ntext: relay.detect.detect on {text['sentences']} sentences ({text['rule']})")
        print(f"  {'kind':12}{'n':>6}{'recall':>9}{'same kind':>11}{'clean':>8}{'ocr':>8}{'transcr.':>9}")
        for kind, r in text["recall"].items():
            print(
                f"  {kind:12}{r['n']:6d}{_pct(r['recall']):>9}{_pct(r['recall_same_kind']):>11}"
                + "".join(f"{_pct(r.get(f'recall_{v}')):>8}" for v in ("clean", "ocr"))
                + f"{_pct(r.get('recall_transcript')):>9}"
            )
        for variant, b in text["benign"].items():
            print(
                f"  benign sentences ({variant}, n={b['n']}): flagged {_pct(b['flagged'])}, "
                f"with a redact finding {_pct(b['redacted'])}"
            )


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; see the module docstring."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=20, help="letters per style (default 20)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    parser.add_argument(
        "--out", type=Path, default=Path("bench/out"), help="output folder (default bench/out)"
    )
    parser.add_argument(
        "--sentences", type=int, default=600, help="sentences for the text part (default 600)"
    )
    parser.add_argument("--style", choices=KINDS, action="append", dest="styles", help="only this style")
    parser.add_argument(
        "--baseline-only",
        action="store_true",
        help="measure bare tesseract only (accuracy and speed); relay is not needed",
    )
    args = parser.parse_args(argv)
    if shutil.which("tesseract") is None:
        sys.exit("bench/redaction.py: the tesseract command is not installed (make system-packages)")
    redact_page, detect = load_relay(args.baseline_only)
    try:
        return _run(args, redact_page, detect)
    except RelayError as exc:
        sys.exit(f"bench/redaction.py: relay failed ({exc.code}): {exc}")


def _run(args: argparse.Namespace, redact_page: Any, detect: Detect | None) -> int:
    if detect is not None:
        detect("워밍업: 규칙과 사전을 미리 읽어 둔다.")  # one-time loading is not per-page cost
    args.out.mkdir(parents=True, exist_ok=True)
    version = subprocess.run(["tesseract", "--version"], capture_output=True, text=True).stdout.split("\n")[0]
    report: dict[str, Any] = {
        "seed": args.seed,
        "n": args.n,
        "tesseract": version,
        "images": run_pages(args.out, args.n, args.seed, tuple(args.styles or KINDS), redact_page),
    }
    if detect is not None:
        report["text"] = run_text(detect, args.sentences, args.seed)
    (args.out / "redaction.json").write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    print_report(report)
    print(f"\nnumbers: {args.out / 'redaction.json'}; redacted pages: {args.out / 'redacted'}/")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

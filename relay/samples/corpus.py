"""Write a corpus of rendered letters with their labels to a folder, and read the labels back.

Files are ``NNNN-<style>.png`` (or ``.jpg`` when the style re-compressed the page) and
``NNNN-<style>.labels.json``. Letter ``NNNN`` has the same text in every style, so printed and
handwritten results compare like with like. The labels hold the text itself: the corpus is synthetic.
"""

from __future__ import annotations

import json
import random
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from relay.model import Box, Kind
from relay.samples.render import KINDS, Glyph, RenderedLetter, random_style, render_letter
from relay.samples.text import LabeledSpan, generate_letter

FORMAT = "relay-sample-labels/1"


@dataclass(frozen=True)
class PageLabels:
    """Ground truth of one page as read back from its ``.labels.json``."""

    image: Path
    text: str
    style: str
    width: int
    height: int
    span_boxes: tuple[tuple[LabeledSpan, tuple[Box, ...]], ...]
    glyph_boxes: tuple[Glyph, ...]
    line_boxes: tuple[Box, ...]

    def benign_boxes(self) -> tuple[Box, ...]:
        """Boxes of glyphs outside every labelled span: ink that should survive redaction."""
        labelled = {i for span, _ in self.span_boxes for i in range(span.start, span.end)}
        return tuple(g.box for g in self.glyph_boxes if g.offset not in labelled)


def labels_json(letter: RenderedLetter, image_name: str) -> dict[str, Any]:
    """The JSON-ready ground truth of a rendered letter."""
    text = letter.doc.text
    return {
        "format": FORMAT,
        "image": image_name,
        "width": letter.image.width,
        "height": letter.image.height,
        "style": letter.style,
        "params": asdict(letter.params),
        "text": text,
        "spans": [
            {
                "kind": s.kind.value,
                "start": s.start,
                "end": s.end,
                "text": text[s.start : s.end],
                "boxes": [list(b) for b in boxes],
            }
            for s, boxes in letter.span_boxes
        ],
        "glyphs": [
            {"offset": g.offset, "char": g.char, "box": list(g.box), "line": g.line}
            for g in letter.glyph_boxes
        ],
        "lines": [list(b) for b in letter.line_boxes],
    }


def _box(values: Any) -> Box:
    x0, y0, x1, y1 = (int(v) for v in values)
    return x0, y0, x1, y1


def read_labels(path: Path) -> PageLabels:
    """Parse a ``.labels.json`` written by :func:`write_corpus`."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("format") != FORMAT:
        raise ValueError(f"{path.name}: not a relay sample label file (format {data.get('format')!r})")
    return PageLabels(
        image=path.with_name(data["image"]),
        text=data["text"],
        style=data["style"],
        width=int(data["width"]),
        height=int(data["height"]),
        span_boxes=tuple(
            (LabeledSpan(Kind(s["kind"]), int(s["start"]), int(s["end"])), tuple(_box(b) for b in s["boxes"]))
            for s in data["spans"]
        ),
        glyph_boxes=tuple(
            Glyph(int(g["offset"]), g["char"], _box(g["box"]), int(g["line"])) for g in data["glyphs"]
        ),
        line_boxes=tuple(_box(b) for b in data["lines"]),
    )


def render_sample(index: int, seed: int, kind: str) -> RenderedLetter:
    """Letter ``index`` of the corpus for ``seed`` in ``kind``; the text depends on (seed, index) only."""
    doc = generate_letter(random.Random(f"{seed}:{index}:text"))
    style = random_style(random.Random(f"{seed}:{index}:{kind}:style"), kind)
    return render_letter(doc, style, random.Random(f"{seed}:{index}:{kind}:render"))


def write_corpus(out_dir: Path, n: int, seed: int, kinds: tuple[str, ...] = KINDS) -> list[Path]:
    """Render ``n`` letters in each of ``kinds`` into ``out_dir``; returns the image paths in order."""
    for kind in kinds:
        if kind not in KINDS:
            raise ValueError(f"unknown style {kind!r}; choose from {', '.join(KINDS)}")
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for index in range(n):
        for kind in kinds:
            letter = render_sample(index, seed, kind)
            stem = f"{index:04d}-{kind}"
            if letter.jpeg is not None:
                image = out_dir / f"{stem}.jpg"
                image.write_bytes(letter.jpeg)
            else:
                image = out_dir / f"{stem}.png"
                letter.image.save(image, "PNG")
            labels = labels_json(letter, image.name)
            (out_dir / f"{stem}.labels.json").write_text(
                json.dumps(labels, ensure_ascii=False) + "\n", encoding="utf-8"
            )
            written.append(image)
    return written

"""Labelled synthetic letters and sentences: the text half of the sample corpus.

:func:`generate_letter` writes a whole letter (greeting, who the writer is, memories of home, life in the
South, encouragement, contact details, closing) with explicit line breaks; :func:`generate_sentences`
writes single sentences for detector tables and benchmarks, some benign, some damaged like OCR output or
transcribed like speech. Every identifying detail is labelled with its :class:`~relay.model.Kind` and its
character offsets.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass

from relay.model import Kind
from relay.samples import vocab
from relay.samples.slots import Persona, Piece, fill, make_persona, template_kinds
from relay.samples.variants import ocr_damage, transcript

# Sections of a letter in reading order, with how many sentences each contributes (min, max).
_SECTIONS: tuple[tuple[str, int, int], ...] = (
    ("greeting", 1, 1),
    ("intro", 1, 3),
    ("home", 1, 5),
    ("south", 1, 4),
    ("encourage", 1, 4),
    ("contact", 0, 2),
    ("closing", 1, 2),
    ("signoff", 1, 1),
)
_BODY = ("intro", "home", "south", "encourage", "contact")
_MIN_LINES, _MAX_LINES = 8, 25
# Longer letters would not fit one A4 page at a believable handwriting size.
_MAX_CHARS = 900


@dataclass(frozen=True)
class LabeledSpan:
    """One labelled detail: ``text[start:end]`` is of ``kind``."""

    kind: Kind
    start: int
    end: int


@dataclass(frozen=True)
class LabeledText:
    """A text and its labelled spans (sorted, non-overlapping). ``variant`` says how it was produced:
    ``clean``, ``ocr`` (damaged like recognised text) or ``transcript`` (like speech written down)."""

    text: str
    spans: tuple[LabeledSpan, ...]
    variant: str = "clean"

    def __post_init__(self) -> None:
        end = 0
        for span in self.spans:
            if not end <= span.start < span.end <= len(self.text):
                raise ValueError("spans must be sorted, non-empty, non-overlapping and inside the text")
            end = span.end

    def span_text(self, span: LabeledSpan) -> str:
        """The labelled characters."""
        return self.text[span.start : span.end]


def from_pieces(pieces: Iterable[Piece], variant: str = "clean") -> LabeledText:
    """Join labelled pieces into one text; adjacent pieces of the same kind stay separate spans."""
    parts: list[str] = []
    spans: list[LabeledSpan] = []
    pos = 0
    for text, kind in pieces:
        if kind is not None and text.strip():
            # Spans never start or end on a space, so "covered characters" means what it says.
            lead = len(text) - len(text.lstrip())
            spans.append(LabeledSpan(kind, pos + lead, pos + len(text.rstrip())))
        parts.append(text)
        pos += len(text)
    return LabeledText("".join(parts), tuple(spans), variant)


def _pick_templates(rng: random.Random) -> dict[str, list[str]]:
    """Choose templates per section, making sure a few randomly chosen kinds are present."""
    t = vocab.templates()
    chosen = {name: rng.sample(t[name], rng.randint(lo, hi)) for name, lo, hi in _SECTIONS}
    # A handful of required kinds per letter, so that a short run of letters covers every kind.
    wanted = rng.sample([k for k in Kind if k not in (Kind.FACE, Kind.QR)], 4)
    for kind in wanted:
        if any(kind in template_kinds(x) for s in chosen.values() for x in s):
            continue
        candidates = [(s, x) for s in _BODY for x in t[s] if kind in template_kinds(x)]
        section, template = rng.choice(candidates)
        chosen[section].append(template)
    # Most of a real letter identifies nobody; mix in everyday sentences.
    for _ in range(rng.randint(1, 4)):
        chosen[rng.choice(("home", "south", "encourage"))].append(rng.choice(t["benign"]))
    for name in _BODY:
        rng.shuffle(chosen[name])
    return chosen


def _lines(chosen: dict[str, list[str]], persona: Persona, rng: random.Random) -> list[list[Piece]]:
    """Fill the templates and group sentences into written lines (one or two sentences a line)."""
    lines: list[list[Piece]] = []
    for name, _, _ in _SECTIONS:
        current: list[Piece] = []
        for template in chosen[name]:
            pieces = list(fill(template, persona, rng))
            if current and name in _BODY and rng.random() < 0.35:
                current += [(" ", None), *pieces]
            else:
                if current:
                    lines.append(current)
                current = pieces
        if current:
            lines.append(current)
    return lines


def generate_letter(rng: random.Random) -> LabeledText:
    """A labelled letter of 8–25 lines separated by ``"\\n"``, at most ~900 characters long."""
    persona = make_persona(rng)
    lines = _lines(_pick_templates(rng), persona, rng)
    t = vocab.templates()
    while len(lines) < _MIN_LINES:
        lines.insert(-2, list(fill(rng.choice(t["encourage"] + t["benign"]), persona, rng)))
    while len(lines) > _MAX_LINES or (
        len(lines) > _MIN_LINES and sum(len(x) for line in lines for x, _ in line) > _MAX_CHARS
    ):
        # Drop a body line that carries the fewest labels, keeping greeting and the last two lines.
        victim = min(
            range(1, len(lines) - 2), key=lambda i: (sum(k is not None for _, k in lines[i]), rng.random())
        )
        del lines[victim]
    pieces: list[Piece] = []
    for i, line in enumerate(lines):
        if i:
            pieces.append(("\n", None))
        pieces.extend(line)
    return from_pieces(pieces)


def generate_sentences(rng: random.Random, n: int, benign_share: float) -> list[LabeledText]:
    """``n`` single sentences; about ``benign_share`` of them carry no detail at all.

    A fifth of the sentences are damaged like OCR output (a jamo swapped, spaces gained or lost) and a
    fifth are written like a transcript (no punctuation, numbers in words); ``variant`` tells which.
    """
    t = vocab.templates()
    detailed = [x for s in (*_BODY, "signoff") for x in t[s] if template_kinds(x)]
    out: list[LabeledText] = []
    for _ in range(n):
        persona = make_persona(rng)
        template = rng.choice(t["benign"]) if rng.random() < benign_share else rng.choice(detailed)
        pieces = fill(template, persona, rng)
        roll = rng.random()
        if roll < 0.2:
            out.append(from_pieces(ocr_damage(pieces, rng), "ocr"))
        elif roll < 0.4:
            out.append(from_pieces(transcript(pieces), "transcript"))
        else:
            out.append(from_pieces(pieces))
    return out

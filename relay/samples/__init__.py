"""Synthetic, labelled letters for demos, tests and the redaction benchmark.

The corpus is written from relay's own templates, name parts and place lists (``data/``), never from the
detector's gazetteers, so a benchmark on it measures detection rather than memory. Typical use::

    rng = random.Random(1)
    doc = generate_letter(rng)                                   # text + labelled spans
    page = render_letter(doc, random_style(rng, "handwritten"), rng)  # image + a box per glyph
    write_corpus(Path("out"), n=20, seed=1)    # NNNN-<style>.png|jpg + NNNN-<style>.labels.json

``python -m relay.samples --help`` writes a corpus from the command line.
"""

from relay.samples.corpus import PageLabels, read_labels, render_sample, write_corpus
from relay.samples.render import Glyph, RenderedLetter, Style, random_style, render_letter
from relay.samples.text import LabeledSpan, LabeledText, generate_letter, generate_sentences

__all__ = [
    "Glyph",
    "LabeledSpan",
    "LabeledText",
    "PageLabels",
    "RenderedLetter",
    "Style",
    "generate_letter",
    "generate_sentences",
    "random_style",
    "read_labels",
    "render_letter",
    "render_sample",
    "write_corpus",
]

"""A person finding widened over the syllables of the same name that OCR or careless typing set apart.

Handwriting read by OCR, and people typing a name they only heard, put a space between the syllables
of a name ("아버지 편 재 욱과", "소대장 선 용만은"). The rules find such a name from its cue, but often
only the pieces next to the cue: the surname and the first given syllable ("편 재"), or the given name
without the surname standing apart before it ("용만은"). A name is redacted whole or not at all, so a
finding is widened

- forward over one more syllable standing alone after a run of one-syllable pieces that opens with a
  known surname ("편 재" + " 욱과", "김 유 키" + " 코예요"), when nothing but a particle or a copula is
  glued to that syllable and the name stays within four syllables; and
- backward over a known surname standing alone before a two-syllable given name ("선" + " 용만은"),
  unless that syllable is there a determiner, a pronoun or an interjection (``[names]
  spaced_surname_not``: "제 영수", "전 영수예요" is "I am 영수").

Widening never adds a finding: it only makes one already made cover the rest of the same name.
"""

from __future__ import annotations

import re

from relay.detect.document import Doc
from relay.detect.normalize import is_hangul
from relay.detect.rules import OCR_SURNAME_RANK

# The pieces of a name written one syllable apart: two or three single syllables.
_RUN = re.compile(r"[가-힣](?: [가-힣]){1,2}")
# One syllable standing alone after the run, then (group ``rest``) what is glued to it up to the
# word's end.
_NEXT = re.compile(r" (?P<syllable>[가-힣])(?P<rest>[가-힣]*)(?![가-힣])")
_MAX_SYLLABLES = 4


def widen_spaced(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` of a person finding in ``doc.original``, widened over the syllables of its
    name set apart by a space (see module doc)."""
    return _backward(doc, start, end), _forward(doc, start, end)


def _forward(doc: Doc, start: int, end: int) -> int:
    text = doc.original
    run = text[start:end]
    rank = doc.rules.gazetteers.surnames.get(run[:1])
    if not _RUN.fullmatch(run) or rank is None or rank == OCR_SURNAME_RANK:
        return end
    if start > 0 and is_hangul(text[start - 1]):
        return end  # the run starts inside a word: not a surname standing alone
    m = _NEXT.match(text, end)
    if m is None or len(run.replace(" ", "")) + 1 > _MAX_SYLLABLES:
        return end
    syllable, rest = m.group("syllable"), m.group("rest")
    if rest and not _ending(doc, rest):
        return end  # "김 철 수업을": more than a particle after it, a word of its own
    if _standalone(doc, syllable, rest):
        return end
    return m.start("rest")


def _ending(doc: Doc, rest: str) -> bool:
    """``rest`` is a particle or a copula that closes a name ("를", "입니다", "이라", "예요")."""
    cfg = doc.rules.config.names
    return rest in doc.rules.particles or rest in cfg.slot_intro_endings or rest in cfg.self_endings


def _standalone(doc: Doc, syllable: str, rest: str) -> bool:
    """A syllable that stands after a name as a word of its own: a title (씨, 님, 형), a closing (씀),
    a noun such as 집 ("김 철 집에서"), or a particle split off with nothing glued to it."""
    cfg = doc.rules.config.names
    if syllable in cfg.glued_titles or syllable in cfg.closings or syllable in cfg.spaced_next_not:
        return True
    return not rest and syllable in doc.rules.particles


def _backward(doc: Doc, start: int, end: int) -> int:
    text = doc.original
    word = text[start:end]
    if not (2 <= len(word) <= 3 and all(is_hangul(ch) for ch in word)):
        return start
    if len(word) == 3 and word[-1] not in doc.rules.particles and word[-1] != "요":
        return start  # a full name already, or a word with more than a particle after the name
    if start < 2 or text[start - 1] != " " or (start > 2 and is_hangul(text[start - 3])):
        return start
    surname = text[start - 2]
    cfg = doc.rules.config.names
    rank = doc.rules.gazetteers.surnames.get(surname)
    if rank is None or rank > cfg.merge_max_rank or surname in cfg.spaced_surname_not:
        return start
    return start - 2

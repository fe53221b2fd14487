"""Lines written syllable by syllable, read again with the spaces between their syllables taken out.

Raw OCR of handwriting, and people typing a name they only heard, set every syllable apart: "나 는 회 령 시
유 선 로 동 자 구 에 서 살 던 남 궁 철 이 다". Rules that read words then see particles and everyday words
(나, 는, 회, 령), and the name and the places go unseen; read as "나는회령시유선로동자구에서살던남궁철이다",
the gazetteers and Kiwi find them. Such lines (``[joined]`` in rules.toml says how many one-syllable
words make one) are joined, every space between two Hangul syllables taken out, and all of them read as
one more text by the same detectors. Only the findings of the rules ``[joined] rules`` names are taken:
rules that key on the words around a detail misfire when everything is glued together.

The same lines are read once more with the spaces Kiwi would write between their words ("아 들 상 욱 아 ,
애 비 다 ." as "아들 상욱아, 애비다."), the other lines kept around them as they are: that reading is
ordinary Korean, so the rules that read the words around a detail work on it as they do on typed text,
and its findings on those lines are taken from every rule but the few ``[joined] not_when_kiwi_spaced``
names. Both readings can only add findings.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from relay.detect.carry import carry
from relay.detect.document import Doc
from relay.detect.morph import space
from relay.detect.normalize import is_hangul
from relay.model import Finding

_HANGUL_WORD = re.compile("[가-힣]+")


def find_in_joined_lines(
    doc: Doc, detect: Callable[[Doc], Sequence[Finding]], *, kiwi_spacing: bool = True
) -> list[Finding]:
    """Findings of ``detect`` on the letter-spaced lines of ``doc.original`` joined, and (unless
    ``kiwi_spacing`` is False) on the text with those lines spaced by Kiwi, in its offsets."""
    cfg = doc.rules.config.joined
    if not cfg.rules:
        return []
    runs = _runs(doc.original, cfg.min_words, cfg.single_share)
    glued = [run for run in runs if run.glued]
    if not glued:
        return []
    joined, source = _concat(glued)
    found = [
        replace(f, start=source[f.start], end=source[f.end - 1] + 1)
        for f in detect(Doc(joined, doc.rules))
        if cfg.takes(f.rule) or (cfg.only_listed_names(f.rule) and _listed_name(joined[f.start : f.end], doc))
    ]
    return [*found, *_kiwi_spaced(runs, doc, detect)] if kiwi_spacing else found


@dataclass(frozen=True)
class _Run:
    """Consecutive lines of the text: their characters as read (``text``), each character's offset
    in the original (``source``), and whether they were letter-spaced and had their spaces taken out.
    A line as it is keeps its offsets as a range: most lines of most texts are, and a range holds no
    list of offsets for them."""

    text: str
    source: Sequence[int]
    glued: bool


def _runs(text: str, min_words: int, single_share: float) -> list[_Run]:
    """``text`` as runs of lines: each letter-spaced line (at least ``min_words`` Hangul words, at least
    ``single_share`` of them one syllable, or only one-syllable words next to such a line) with the
    spaces between its syllables taken out, joined to the one before when it was letter-spaced too and
    a syllable touches each side of the break; every other line as it is."""
    lines = text.split("\n")
    words = [_HANGUL_WORD.findall(line) for line in lines]
    spaced = [len(w) >= min_words and sum(len(x) == 1 for x in w) >= single_share * len(w) for w in words]
    # A short line of single syllables beside one is the end or the start of a word or two the line
    # break cut off ("큰 아 버" / "지 다 ."): read alone, the line before loses its last word's end.
    near = [
        bool(w)
        and all(len(x) == 1 for x in w)
        and any(spaced[j] for j in (i - 1, i + 1) if 0 <= j < len(lines))
        for i, w in enumerate(words)
    ]
    runs: list[_Run] = []
    at = 0
    for index, line in enumerate(lines):
        start, at = at, at + len(line) + 1
        if not (spaced[index] or near[index]):
            runs.append(_Run(line, range(start, start + len(line)), False))
            continue
        keep = [
            i
            for i, ch in enumerate(line)
            if not (ch == " " and 0 < i < len(line) - 1 and is_hangul(line[i - 1]) and is_hangul(line[i + 1]))
        ]
        run = _Run("".join(line[i] for i in keep), tuple(start + i for i in keep), True)
        # A line break between syllables of two such lines in a row is one more space between syllables:
        # OCR breaks words where the writing does ("청 진" / "기 를" is 청진기를, no town).
        last = runs[-1] if runs else None
        if last and last.glued and is_hangul(last.text[-1]) and is_hangul(run.text[0]):
            runs[-1] = _Run(last.text + run.text, (*last.source, *run.source), True)
        else:
            runs.append(run)
    return runs


def _concat(runs: Sequence[_Run]) -> tuple[str, list[int]]:
    """The runs' texts one per line, and each character's offset in the original (a line break's is
    the offset before the next run's first character)."""
    parts: list[str] = []
    source: list[int] = []
    for run in runs:
        if parts:
            parts.append("\n")
            source.append(run.source[0] - 1 if run.source else source[-1])
        parts.append(run.text)
        source.extend(run.source)
    return "".join(parts), source


def _kiwi_spaced(runs: Sequence[_Run], doc: Doc, detect: Callable[[Doc], Sequence[Finding]]) -> list[Finding]:
    """Findings of ``detect`` on the text with its glued runs spaced as Kiwi would space them and the
    other runs as they are, those that touch a glued run, in offsets of ``doc.original``."""
    text = "\n".join(space(run.text) if run.glued else run.text for run in runs)
    solid = [i for run in runs for i, ch in zip(run.source, run.text, strict=True) if not ch.isspace()]
    glued = {i for run in runs if run.glued for i in run.source}
    cfg = doc.rules.config.joined
    found = [f for f in detect(Doc(text, doc.rules)) if cfg.takes_kiwi_spaced(f.rule)]
    return [f for f in carry(found, text, solid) if not glued.isdisjoint(range(f.start, f.end))]


def _listed_name(text: str, doc: Doc) -> bool:
    """True if ``text`` is a listed given name, alone or after a listed surname of one or two syllables:
    in glued text a cue beside a name also sits beside pieces of everyday words ("지금여든셋")."""
    g = doc.rules.gazetteers
    name = text.replace(" ", "")
    return name in g.given_names or any(
        name[:n] in g.surnames and name[n:] in g.given_names for n in (1, 2) if len(name) > n
    )

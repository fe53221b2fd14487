"""Lines written syllable by syllable, read again with the spaces between their syllables taken out.

Raw OCR of handwriting, and people typing a name they only heard, set every syllable apart: "나 는 회 령 시
유 선 로 동 자 구 에 서 살 던 남 궁 철 이 다". Rules that read words then see particles and everyday words
(나, 는, 회, 령), and the name and the places go unseen; read as "나는회령시유선로동자구에서살던남궁철이다",
the gazetteers and Kiwi find them. Such lines (``[joined]`` in rules.toml says how many one-syllable
words make one) are joined, every space between two Hangul syllables taken out, and all of them read as
one more text by the same detectors. Only the findings of the rules ``[joined] rules`` names are taken:
rules that key on the words around a detail misfire when everything is glued together.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from relay.detect.document import Doc
from relay.detect.normalize import is_hangul
from relay.model import Finding

_HANGUL_WORD = re.compile("[가-힣]+")


def find_in_joined_lines(doc: Doc, detect: Callable[[Doc], Sequence[Finding]]) -> list[Finding]:
    """Findings of ``detect`` on the letter-spaced lines of ``doc.original`` joined, in its offsets."""
    cfg = doc.rules.config.joined
    if not cfg.rules:
        return []
    text = doc.original
    parts: list[str] = []
    source: list[int] = []  # for each character of the joined text, its offset in ``text``
    at = 0
    last = -1  # the index of the line joined last
    for index, line in enumerate(text.split("\n")):
        start, at = at, at + len(line) + 1
        words = _HANGUL_WORD.findall(line)
        if len(words) < cfg.min_words or sum(len(w) == 1 for w in words) < cfg.single_share * len(words):
            continue
        # A line break between syllables of two such lines in a row is one more space between syllables:
        # OCR breaks words where the writing does ("청 진" / "기 를" is 청진기를, no town).
        if parts and not (last == index - 1 and is_hangul(parts[-1]) and line[:1] and is_hangul(line[0])):
            parts.append("\n")
            source.append(start - 1)
        last = index
        for i, ch in enumerate(line):
            if ch == " " and 0 < i < len(line) - 1 and is_hangul(line[i - 1]) and is_hangul(line[i + 1]):
                continue
            parts.append(ch)
            source.append(start + i)
    if not parts:  # a joined line holds Hangul, so the text is never blank
        return []
    joined = "".join(parts)
    return [
        replace(f, start=source[f.start], end=source[f.end - 1] + 1)
        for f in detect(Doc(joined, doc.rules))
        if cfg.takes(f.rule) or (cfg.only_listed_names(f.rule) and _listed_name(joined[f.start : f.end], doc))
    ]


def _listed_name(text: str, doc: Doc) -> bool:
    """True if ``text`` is a listed given name, alone or after a listed surname of one or two syllables:
    in glued text a cue beside a name also sits beside pieces of everyday words ("지금여든셋")."""
    g = doc.rules.gazetteers
    name = text.replace(" ", "")
    return name in g.given_names or any(
        name[:n] in g.surnames and name[n:] in g.given_names for n in (1, 2) if len(name) > n
    )

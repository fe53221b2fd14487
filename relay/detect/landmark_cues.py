"""Landmarks of a home village named by a stem no gazetteer holds and their class noun, told by what is
said of them: a stream that flows past the village ("마을 앞으로 오류천이 흐르고", "삼교천이라는 내가"), a
hill climbed or seen ("경암산에 올라가", "부래산이 있고"), a pass taken ("차유령 길로"), a bridge crossed or
named ("연봉다리 건너서", "다리는 관흥다리라 했소"), a station near by ("학송역이 가까웠소"), a pond swum in
("부용저수지에서 물장구", "연보호에서 수영"), a market gone to ("의주장에 나가서").

Such names are endless (every village has its stream and its bridge), so no list can hold them; the words
after the name are what says that it is one. They are read in the compact view (no spaces), so the same
rule finds a name typed as one word, spaced syllable by syllable by OCR or split by a stray space.

A stem is two or three syllables starting a word, and the name is no everyday word: Kiwi must not read it
as one known noun (돌다리, 등산, 기차역), nor its stem as a known noun of two or more syllables before the
class noun (나무 다리, 시골 역), nor any piece of it as something other than a noun or numeral (저기 산,
작은 강).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from relay.detect.document import Doc, hangul_only
from relay.detect.morph import Morpheme, analyse_cached
from relay.detect.rules import Rules
from relay.model import Finding, Kind

_STEM_LENGTHS = (2, 3)  # syllables of a landmark's own name before its class noun (오류, 부용, 베개봉)
_NOUN_TAGS = ("NNG", "NNP", "NR", "XR", "XSN", "SL")
_CLOSING_TAGS = ("J", "E", "XS")
_MIN_KNOWN_STEM = 2  # a known noun this long as the whole stem makes the name two everyday words
# Groups of water that flows or stands: a stream's or pond's name is often a word (송림 "pine wood", 오류
# "error") and what is said of it (흐르고, 물장구) follows no everyday word and 천, so the stem may be one.
_WATER_GROUPS = ("river", "pond")


@lru_cache(maxsize=8)
def _patterns(rules: Rules) -> tuple[tuple[str, re.Pattern[str], bool], ...]:
    """(class noun, cue pattern after it, whether a known noun may be its stem) for each class noun of
    ``places.landmark_cue_classes``, longest noun first so that 장마당 is tried before 장."""
    pc = rules.config.places
    out: list[tuple[str, re.Pattern[str], bool]] = []
    for noun, groups in pc.landmark_cue_classes.items():
        cues = [cue for group in groups for cue in pc.landmark_cues.get(group, ())]
        if cues:
            word_stem = any(group in _WATER_GROUPS for group in groups)
            out.append((noun, re.compile("(?:" + "|".join(cues) + ")"), word_stem))
    return tuple(sorted(out, key=lambda p: -len(p[0])))


def _everyday(name: str, stem_len: int, stops: frozenset[str], *, word_stem: bool) -> bool:
    """Whether ``name`` (stem and class noun, no spaces) reads as everyday words, not a landmark's name."""
    stem = name[:stem_len]
    if stem in stops or stem.endswith(_POSITIONS):
        return True
    alone = analyse_cached(stem)
    if alone and alone[-1].tag.startswith("E") and any(m.tag.startswith("V") for m in alone):
        return True  # "좋아서강가에": a verb and its ending glued to a plain river, no name 좋아서강
    morphs: tuple[Morpheme, ...] = analyse_cached(name)
    if not morphs:
        return True
    if len(morphs) == 1:
        m = morphs[0]
        return m.tag == "NNG" and not m.oov
    if any(not m.tag.startswith(_NOUN_TAGS) for m in morphs):
        return True
    # An everyday word holding the class noun and part of the stem (아침 + 뒷산, 동네 + 시장).
    if any(m.start < stem_len < m.end and m.tag == "NNG" and not m.oov for m in morphs):
        return True
    first = morphs[0]
    return (
        not word_stem
        and first.start == 0
        and first.end == stem_len
        and first.tag == "NNG"
        and not first.oov
        and stem_len >= _MIN_KNOWN_STEM
    )


# Where a plain stream or hill lies from a house or a village ("집 앞 강에서 빨래하던", "마을 뒤 산에
# 올라가면"): a word and a position before the class noun describe a place, they do not name one.
_POSITIONS = ("앞", "뒤", "옆", "위", "밑", "곁", "아래", "건너", "너머", "건너편")

_BEFORE = 4  # syllables of the text before a spaced stem read with it


def _particle_of_word_before(compact: str, first: int, end: int) -> bool:
    """Whether the stem at ``first``, spaced syllable by syllable, is rather the particle or ending of the
    word before it ("겨 울 마 다 강 에 서": 겨울 + 마다, not a stream 마다강): read with the text before it,
    Kiwi reads a particle, an ending or a suffix where the stem starts."""
    lead = max(0, first - _BEFORE)
    if lead == first:
        return False
    for m in analyse_cached(compact[lead:end]):
        if m.start <= first - lead < m.end:
            return m.tag.startswith(_CLOSING_TAGS)
    return False


def _two_words(text: str, start: int, noun: int, end: int) -> bool:
    """Whether the stem and the class noun are two words as written, each whole ("한강 다리를 건너": the
    bridge over the Han, not one named so): a landmark's name is one word, or spaced syllable by
    syllable."""
    return text[noun - 1] == " " and " " not in text[start : noun - 1] and " " not in text[noun:end]


def find_cued_landmarks(doc: Doc) -> Iterable[Finding | None]:
    """Each landmark named by an unknown stem, its class noun and a cue after it (see the module)."""
    pc = doc.rules.config.places
    patterns = _patterns(doc.rules)
    if not patterns:
        return
    compact, src = doc.compact, doc.compact_src
    stops = pc.landmark_cue_stem_stop
    # Ends of class nouns tried already: a shorter noun ending there (장 of 시장) is part of that one.
    tried: set[int] = set()
    for noun, cue, word_stem in patterns:
        for m in re.finditer(re.escape(noun), compact):
            at = m.start()
            if m.end() in tried or not cue.match(compact, m.end()):
                continue
            tried.add(m.end())
            for n in _STEM_LENGTHS:
                first = at - n
                if first < 0:
                    break
                stem = compact[first:at]
                if not hangul_only(stem):
                    break
                start = src[first]
                if not doc.at_word_start(start):
                    continue
                end = src[m.end() - 1] + 1
                if _two_words(doc.text, start, src[at], end):
                    break
                if _everyday(compact[first : m.end()], n, stops, word_stem=word_stem):
                    break
                spaced = doc.text[start + 1 : start + 2] == " "
                if spaced and _particle_of_word_before(compact, first, m.end()):
                    break
                yield doc.finding(Kind.PLACE, start, end, pc.confidence_unknown, "place.landmark_cued")
                break

"""Places whose name OCR damaged in more than one syllable ("팩듀산" for 백두산, "광와분" for 광화문,
"인전 계양쿠" for 인천 계양구).

Each syllable is reduced to a coarse skeleton: its initial consonant and its vowel, each mapped to a
class of letters OCR confuses (ㅂ/ㅍ/ㅁ, ㅅ/ㅈ/ㅊ, ㅇ/ㅎ, ㅏ/ㅑ, ㅜ/ㅠ/ㅗ/ㅛ …), with the final consonant
dropped. Gazetteer place keys are indexed by skeleton once per Rules, so a word is looked up, never
compared with every key. A skeleton hit is then checked on the jamo (similarity) and with Kiwi (the
word is not an ordinary one), and is only ever a review:

* alone, a word of three syllables or more whose skeleton is a place's and that a particle follows;
* before a place already found, one or two short words whose skeleton is a province's, a city's or a
  county's: "인전 계양쿠", "겨 기도 시흥시", "합 남 장진" (the place next to it makes two syllables enough).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz.distance import Indel

from relay.detect.document import Doc, Span, hangul_only
from relay.detect.normalize import jamo
from relay.detect.places import tail_ok
from relay.detect.rules import Rules
from relay.detect.words import Evidence, SpanIndex, evidence, fuzzy_ok, strip_particles
from relay.model import Finding, Kind

# Initial consonant index (ㄱ0 ㄲ1 ㄴ2 ㄷ3 ㄸ4 ㄹ5 ㅁ6 ㅂ7 ㅃ8 ㅅ9 ㅆ10 ㅇ11 ㅈ12 ㅉ13 ㅊ14 ㅋ15 ㅌ16
# ㅍ17 ㅎ18)
# -> class letter.
_INITIAL = "GGNDDDBBBSSOSSSGDBO"
# Vowel index (ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ) -> class letter.
_VOWEL = "AEAEOEOEUAEEUUOEIUWII"
_LEVELS_BEFORE = frozenset({"province", "special_city", "city", "county", "district"})
_MIN_SIMILARITY = 0.7  # jamo similarity of a skeleton hit, alone
_MIN_SIMILARITY_ANCHORED = 0.5  # ... before a place already found
_MAX_SYLLABLES = 6


def skeleton(text: str) -> str:
    """The coarse skeleton of a Hangul string ("" if any character is not a Hangul syllable)."""
    out = []
    for ch in text:
        code = ord(ch) - 0xAC00
        if not 0 <= code < 11172:
            return ""
        out.append(_INITIAL[code // 588] + _VOWEL[(code % 588) // 28])
    return "".join(out)


class SkeletonIndex:
    """Place keys by skeleton: ``alone`` holds keys of three syllables or more, ``before`` the keys of
    provinces, cities, counties and districts of two syllables or more."""

    def __init__(self, rules: Rules) -> None:
        self.alone: dict[str, list[str]] = {}
        self.before: dict[str, list[str]] = {}
        stop = rules.config.names.stop_words | rules.config.places.unknown_stem_stop
        for key, entries in rules.lexicon.exact.items():
            places = [e for e in entries if e.kind is Kind.PLACE]
            if not places or not hangul_only(key) or key in stop or len(key) > _MAX_SYLLABLES:
                continue
            sk = skeleton(key)
            if len(key) >= 3 and any(not e.strict for e in places):
                self.alone.setdefault(sk, []).append(key)
            if len(key) >= 2 and any(e.level in _LEVELS_BEFORE for e in places):
                self.before.setdefault(sk, []).append(key)

    def best(self, text: str, table: dict[str, list[str]], minimum: float) -> str:
        """The key of ``table`` with ``text``'s skeleton most similar to it on the jamo ("" if none
        reaches ``minimum`` or ``text`` is itself a key)."""
        keys = table.get(skeleton(text), ())
        if text in keys:
            return ""
        wj = jamo(text)
        best, score = "", minimum
        for key in keys:
            s = Indel.normalized_similarity(wj, jamo(key))
            if s >= score:
                best, score = key, s
        return best


@lru_cache(maxsize=8)
def skeleton_index(rules: Rules) -> SkeletonIndex:
    return SkeletonIndex(rules)


def _place_spans(doc: Doc) -> SpanIndex:
    spans = SpanIndex()
    for m in doc.exact_matches:
        start, end = doc.spaced_span(m.start, m.end)
        # A key read across a space ("인전 남동구" holds 전남) says nothing about either word.
        if " " not in doc.text[start:end] and any(e.kind is Kind.PLACE for e in m.entries):
            spans.add(start, end)
    return spans


def _anchor_starts(doc: Doc) -> set[int]:
    """Spaced offsets where a gazetteer place (exact or damaged) of two syllables or more begins."""
    suffixes = tuple(doc.rules.config.places.admin_suffixes)
    starts: set[int] = set()
    fuzzy = set(map(id, doc.fuzzy_matches))
    for m in (*doc.exact_matches, *doc.fuzzy_matches):
        # Not a country: an address runs from the country down, so nothing before one is its town
        # ("여기 우크라이나 사람들": 여기 is no damaged 연길).
        places = [e for e in m.entries if e.kind is Kind.PLACE and not e.strict and e.level != "country"]
        # A two-syllable stem alone (운전, 안동) is too often a word: the anchor must be a whole name.
        if m.end - m.start >= 2 and places and (not all(e.weak for e in places) or m.key.endswith(suffixes)):
            start, end = doc.spaced_span(m.start, m.end)
            if id(m) in fuzzy and _plain_word(doc, start, end):
                continue  # 동아리 ("club"), one jamo off 동창리: a word Kiwi knows anchors nothing
            starts.add(start)
    return starts


def _plain_word(doc: Doc, start: int, end: int) -> bool:
    return evidence(doc, start, end) in (Evidence.COMMON, Evidence.INSIDE, Evidence.PREDICATE)


def _stopped_stem(doc: Doc, text: str) -> bool:
    """``text`` is a stem the rules say a suffix does not make a place of (북한군 is an army)."""
    for suffix, stems in doc.rules.config.places.suffix_stop.items():
        if text.endswith(suffix) and text[: -len(suffix)] in stems:
            return True
    return False


def _alone(doc: Doc, index: SkeletonIndex, known: SpanIndex) -> Iterable[Finding | None]:
    conf = doc.rules.config.severity.redact_min - 0.15
    for word in doc.words:
        core, _ = strip_particles(word.text, doc)
        for size in range(min(len(core), _MAX_SYLLABLES), 2, -1):
            start, end = word.start, word.start + size
            text = core[:size]
            if known.overlaps(start, end) or not tail_ok(doc, end):
                continue
            if _stopped_stem(doc, text) or text in doc.rules.config.benign.not_names:
                continue  # 아이돌: a word listed as everyday (Kiwi takes it for a name) is no damage
            key = index.best(text, index.alone, _MIN_SIMILARITY)
            if key and fuzzy_ok(doc, start, end) and not _plain_word(doc, start, end):
                if _derived_noun(doc, start, end) or _counted(doc, start, end):
                    continue  # 인사성, 적극성: an everyday noun and a suffix, one skeleton off a place
                yield doc.finding(Kind.PLACE, start, end, conf, "place.skeleton")
                break


def _counted(doc: Doc, start: int, end: int) -> bool:
    """Kiwi reads spaced ``[start, end)`` as a numeral and what it counts ("다섯시면": 다섯 + 시, "열두시"):
    a time or an amount, not a damaged place."""
    morphs = [m for m in doc.morphemes_in(start, end) if m.start >= start]
    return bool(morphs) and morphs[0].start == start and morphs[0].tag in ("NR", "SN") and not morphs[0].oov


def _derived_noun(doc: Doc, start: int, end: int) -> bool:
    """Kiwi reads spaced ``[start, end)`` as an everyday noun of two syllables or more and a
    derivational suffix after it (인사+성, 가능+성, 사람+들): a word it knows, not OCR damage."""
    morphs = [m for m in doc.morphemes_in(start, end) if m.start >= start and m.end <= end]
    return (
        len(morphs) == 2
        and morphs[0].start == start
        and morphs[1].end == end
        and morphs[0].tag == "NNG"
        and morphs[0].end - morphs[0].start >= 2
        and morphs[1].tag == "XSN"
        and not any(m.oov for m in morphs)
    )


def _chunks_before(doc: Doc, i: int) -> Iterable[tuple[int, str]]:
    """(start, text) of the one or two words right before word ``i``: "인전", "겨 기도", "합 남"."""
    words: tuple[Span, ...] = doc.words
    nxt = words[i]
    prev = words[i - 1] if i >= 1 else None
    if prev is None or doc.text[prev.end : nxt.start] != " ":
        return
    if 2 <= len(prev.text) <= 3:
        yield prev.start, prev.text
    elif len(prev.text) > 3:
        yield prev.end - 2, prev.text[-2:]  # 나는댕전 서구: the space before the city was lost
    before = words[i - 2] if i >= 2 else None
    if (
        before is not None
        and doc.text[before.end : prev.start] == " "
        and len(before.text) + len(prev.text) in (2, 3)
        and min(len(before.text), len(prev.text)) == 1
    ):
        yield before.start, before.text + prev.text


def _before_places(doc: Doc, index: SkeletonIndex, known: SpanIndex) -> Iterable[Finding | None]:
    conf = doc.rules.config.severity.redact_min - 0.15
    anchors = _anchor_starts(doc)
    if not anchors:
        return
    # "타슈켄트 근처 시온고 마을": a noun of position between two places is no damaged place name.
    positions = frozenset(doc.rules.config.places.glued_positions)
    for i, word in enumerate(doc.words):
        if word.start not in anchors:
            continue
        for start, text in _chunks_before(doc, i):
            end = doc.words[i - 1].end
            if known.overlaps(start, end) or text in positions:
                continue
            key = index.best(text, index.before, _MIN_SIMILARITY_ANCHORED)
            if not key:
                continue
            close = Indel.normalized_similarity(jamo(text), jamo(key)) >= _MIN_SIMILARITY
            if " " not in doc.text[start:end] and not close and _plain_word(doc, start, end):
                continue  # a word Kiwi knows, and not close enough to the name to overrule it
            yield doc.finding(Kind.PLACE, start, end, conf, "place.skeleton_before")
            break


def find_skeleton_places(doc: Doc) -> list[Finding]:
    """Places damaged in more than one syllable; reviews only (see the module docstring)."""
    if not doc.words:
        return []
    index = skeleton_index(doc.rules)
    known = _place_spans(doc)
    found = [
        *_alone(doc, index, known),
        *_before_places(doc, index, known),
        *_lists(doc, index),
        *_signature_places(doc),
    ]
    return [f for f in found if f is not None]


_LIST_JOINERS = frozenset({"그리고", "및", "또", "또는"})


def _is_anchor(doc: Doc, start: int, end: int, core: str) -> bool:
    """A place already certain: a whole gazetteer name (not a bare two-syllable stem) or a word ending
    in an administrative suffix after a stem of two syllables."""
    suffixes = tuple(doc.rules.config.places.admin_suffixes)
    if len(core) >= 3 and core.endswith(suffixes) and hangul_only(core):
        # "껴입구", "가시구": a verb with a dialect ending (구 for 고) is no division.
        return evidence(doc, start, end) is not Evidence.PREDICATE
    if end not in doc.places_starting(start):
        return False
    return any(e.kind is Kind.PLACE and not e.strict for e in doc.rules.lexicon.exact.get(core, ()))


def _list_member(doc: Doc, index: SkeletonIndex, start: int, end: int, core: str) -> bool:
    """``core`` may be a place in a list of places: a gazetteer key or one damaged past it, or a word
    Kiwi does not know; never a stop word or a word Kiwi reads as a verb."""
    cfg = doc.rules.config
    if not 2 <= len(core) <= 5 or not hangul_only(core):
        return False
    if core in cfg.names.stop_words or core in cfg.places.unknown_stem_stop or core in _LIST_JOINERS:
        return False
    if any(e.kind is Kind.PLACE for e in doc.rules.lexicon.exact.get(core, ())):
        return True
    if index.best(core, index.before, _MIN_SIMILARITY_ANCHORED) or index.best(
        core, index.alone, _MIN_SIMILARITY
    ):
        return True
    return evidence(doc, start, end) in (Evidence.PROPER, Evidence.UNKNOWN, Evidence.FRAGMENT)


def _lists(doc: Doc, index: SkeletonIndex) -> Iterable[Finding | None]:
    """Places listed together: "맹산, 선봉, 그리고 삭주군까지", "신계에서 도문까지". A word next to a
    certain place in a comma list, or the other end of "X에서 … Y까지", is one too (review)."""
    conf = doc.rules.config.severity.redact_min - 0.15
    words = doc.words
    items: list[tuple[int, int, str, str]] = []  # start, end of core, core, ending
    for w in words:
        core, ending = strip_particles(w.text, doc)
        for tail in ("까지", "에서", "부터"):  # 도문까지는: a particle on a particle
            if core.endswith(tail) and len(core) > len(tail) + 1:
                core, ending = core[: -len(tail)], tail + ending
        items.append((w.start, w.start + len(core), core, ending))
    anchors = [_is_anchor(doc, s, e, c) for s, e, c, _ in items]
    if not any(anchors):
        return
    for i, (start, end, core, ending) in enumerate(items):
        # A certain place is linked too: a bare stem (도문) that Kiwi reads as a word is confirmed here.
        linked = False
        comma_after = doc.text[end + len(ending) : end + len(ending) + 1] == ","
        j = i + 1
        if j < len(items) and items[j][2] in _LIST_JOINERS:
            j += 1
        if comma_after and not ending and j < len(items) and anchors[j]:
            linked = True
        k = i - 1
        if k >= 0 and items[k][2] in _LIST_JOINERS:
            k -= 1
        if k >= 0 and anchors[k] and doc.text[items[k][1] : items[k][1] + 1] == "," and not items[k][3]:
            linked = True
        if ending.startswith("까지") and any(
            anchors[x] and items[x][3].startswith("에서") for x in range(max(0, i - 3), i)
        ):
            linked = True  # 신계에서 도문까지
        if ending.startswith("에서") and any(
            anchors[x] and items[x][3].startswith("까지") for x in range(i + 1, min(len(items), i + 4))
        ):
            linked = True
        if linked and _list_member(doc, index, start, end, core):
            yield doc.finding(Kind.PLACE, start, end, conf, "place.list")


# "…에서" as OCR leaves it after the place a letter was written in: 에서, 애서, 헤서, 에셔, "에 서".
_FROM = re.compile(r"(?:[에애헤] ?[서셔성])(?=$|[\s,.!?])")
_DATE_ONLY = re.compile(r"[\d\s.,/\-:()년녈넌련월훨윌일알인힐음양력주체]*")
_TAIL = re.compile(r"\s*(?:$|,\s*(?:[가-힣]+\s*){0,2}[.!?]?\s*$|\s+(?P<kin>[가-힣]+)\s*[.!?]?\s*$)")


def _signature_places(doc: Doc) -> Iterable[Finding | None]:
    """The place a letter was written in, on its signing line: "2013.07.11 대구에서", "서구에서, 형이",
    "2013. 5. 21. 부 산 자하구에서" (before it on the line only a date, after it the end of the letter or
    a comma and the signature). Review: the line's shape is the evidence, so any word that is no
    everyday word and no stop word is taken, with short fragments OCR split off before it."""
    cfg = doc.rules.config
    conf = cfg.severity.redact_min - 0.15
    text = doc.text
    kinship = doc.rules.gazetteers.kinship
    for m in _FROM.finditer(text):
        tail = _TAIL.match(text, m.end())
        if tail is None:
            continue
        if tail.group("kin") and strip_particles(tail.group("kin"), doc)[0] not in kinship:
            continue  # "X에서 형이" signs a letter; "X에서 잤다" does not
        word = doc.word_at(m.start() - 1) if m.start() > 0 else None
        if word is None or word.start >= m.start():
            continue
        start, end = word.start, m.start()
        core = text[start:end]
        # Fragments OCR split off before it ("부 산 자하구"): one or two syllables each, at most two.
        i = doc.word_index(start)
        for _ in range(2):
            prev = doc.words[i - 1] if i >= 1 else None
            if prev is None or prev.end + 1 != start or len(prev.text) > 2:
                break
            if prev.text in cfg.names.stop_words or (
                len(prev.text) == 2 and _plain_word(doc, prev.start, prev.end)
            ):
                break  # "오늘 집에서": a word of the sentence, not a piece of the name
            i -= 1
            start = doc.words[i].start
            core = doc.words[i].text + core
        if not _date_only_before(doc, start) or not 2 <= len(core) <= 6:
            continue
        if core in cfg.names.stop_words or core in cfg.places.unknown_stem_stop:
            continue
        if " " not in text[start:end] and _plain_word(doc, start, end) and not _is_place_key(doc, core):
            continue
        yield doc.finding(Kind.PLACE, start, end, conf, "place.signature")


def _date_only_before(doc: Doc, pos: int) -> bool:
    at = doc.spaced.starts[pos]
    line = doc.original[doc.original.rfind("\n", 0, at) + 1 : at]
    return bool(_DATE_ONLY.fullmatch(line))


def _is_place_key(doc: Doc, core: str) -> bool:
    return any(e.kind is Kind.PLACE for e in doc.rules.lexicon.exact.get(core, ()))

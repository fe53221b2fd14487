"""Places: gazetteer entries and aliases (exact, spacing-blind, fuzzy), unknown stems with an
administrative suffix ("샛별군"), and home-town phrases ("고향은 X", "X에서 태어났다", "X 출신").

Two-syllable stems and aliases (청진, 혜산) are also syllable pairs inside everyday words, so they are
confirmed with Kiwi: a proper noun, a word Kiwi does not know, or a home-town cue. Stems that are
everyday words themselves (개성 "personality", 진주 "pearl") need Kiwi to call them proper nouns.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from rapidfuzz.distance import Indel, Levenshtein

from relay.detect.chain_damage import (
    find_damaged_kin,
    find_glued_kin,
    find_respaced_chain,
    find_stem_children,
)
from relay.detect.document import Doc, Span, hangul_only
from relay.detect.kin_places import find_kin_places
from relay.detect.landmark_cues import find_cued_landmarks
from relay.detect.lexicon import APARTMENT, Entry, Match, find_fuzzy, key_of
from relay.detect.morph import Morpheme, analyse
from relay.detect.normalize import is_hangul, jamo
from relay.detect.respaced import everyday_near_miss
from relay.detect.rules import Rules
from relay.detect.words import Evidence, SpanIndex, alternation, evidence, fuzzy_ok, strip_particles
from relay.model import Finding, Kind, Severity

_NOUN_TAGS = ("NNG", "NNP", "NNB", "XSN")
_STEM_TAGS = ("NNG", "NNP", "XR", "SL")
_PLACE_LIKE = (Evidence.PROPER, Evidence.UNKNOWN, Evidence.FRAGMENT)


def tail_ok(doc: Doc, end: int) -> bool:
    """True if the word going on after spaced ``end`` starts with a particle or an administrative suffix
    (or nothing): "청진에서" yes, "무산계급" no. Only the start is checked because OCR drops spaces,
    gluing the next word on ("청진에서태어났다")."""
    word = doc.word_at(end)
    if word is None or word.start > end:
        return True
    tail = doc.text[end : word.end]
    if not tail:
        return True
    places = doc.rules.config.places
    return tail.startswith(
        (*doc.rules.particles, *places.admin_suffixes, *places.glued_tails, *places.glued_positions)
    )


def aligned(doc: Doc, start: int, end: int) -> bool:
    """True if spaced ``[start, end)`` begins and ends on Kiwi morpheme boundaries (or word edges)."""
    morphs = doc.morphemes_in(start, end)
    word = doc.word_at(end - 1)
    start_ok = doc.at_word_start(start) or any(m.start == start for m in morphs)
    end_ok = (word is not None and word.end == end) or any(m.end == end for m in morphs)
    return start_ok and end_ok


def cue_targets(doc: Doc) -> list[tuple[int, int]]:
    """Spaced spans of the word cores that home-town cues point at."""
    pc = doc.rules.config.places
    targets: list[tuple[int, int]] = []
    for cue in pc.hometown_before:
        key = key_of(cue)
        pos = doc.compact.find(key)
        while pos >= 0:
            _, end = doc.spaced_span(pos, pos + len(key))
            i = doc.word_index(end)
            # The cue must end a word ("고향은 X"), not be the start of a longer one (고향이라는).
            cue_word = doc.word_at(end - 1)
            if cue_word is not None and cue_word.end == end and i < len(doc.words):
                target = doc.words[i]
                # "시집간 곳이 석령동이었지": the place may end in the copula as well as a particle.
                core = _without_tail(target.text, doc)
                targets.append((target.start, target.start + len(core)))
            pos = doc.compact.find(key, pos + 1)
    for cue in pc.hometown_after:
        key = key_of(cue)
        pos = doc.compact.find(key)
        while pos >= 0:
            start, _ = doc.spaced_span(pos, pos + len(key))
            word = doc.word_at(start)
            if word is not None and word.start < start:  # X에서 태어: the particle is glued to X
                targets.append((word.start, start))
            elif word is not None:  # X 출신: the previous word
                prev = doc.word_index(start) - 1
                if prev >= 0:
                    w = doc.words[prev]
                    core, _ = strip_particles(w.text, doc)
                    targets.append((w.start, w.start + len(core)))
            pos = doc.compact.find(key, pos + 1)
    return targets


# Syllables from which an exact name split by OCR is taken whole though a piece of it starts like a verb.
_LONG_NAME = 5


def _judge(doc: Doc, m: Match, entry: Entry, targets: SpanIndex) -> float | None:
    """Confidence for an exact gazetteer match, or None to drop it."""
    conf = _judge_match(doc, m, entry, targets, glued_ok=True)
    if (
        conf is not None
        and _judge_match(doc, m, entry, targets, glued_ok=False) is None
        and not _after_hometown_noun(doc, doc.spaced_span(m.start, m.end)[0])
    ):
        # A name found only inside a word after a glued phrase ("건너도문으로", "회령의오산덕에서"):
        # where the phrase ends is Kiwi's guess, so a moderator looks. Not after a glued 고향
        # ("고향혜산을 그리며"): the word says where it ends, and what follows is the home town.
        conf = min(conf, doc.rules.config.severity.redact_min - 0.05)
    return conf


def _judge_match(doc: Doc, m: Match, entry: Entry, targets: SpanIndex, *, glued_ok: bool) -> float | None:
    """See :func:`_judge`; ``glued_ok``: a name may start inside a word after a glued phrase."""
    start, end = doc.spaced_span(m.start, m.end)
    glued = glued_ok and after_phrase(doc, start)
    # A name of five syllables or more ("해 주제련소") is no chance meeting of two words even when its
    # last piece starts like a verb (주다): only short ones are ("보여 주시면" holds 여주시).
    long_name = not entry.weak and len(m.key) >= _LONG_NAME and doc.at_word_start(start)
    if _pieces_of_other_words(doc, start, end, glued) and not long_name:
        return None
    ev = evidence(doc, start, end)
    if _honorific_verb(doc, start, end) and not _division_after(doc, end):
        return None  # "해주시면", "끓여주시던": 주 + 시, a verb's honorific, spells 해주시 and 여주시
    if not entry.weak:
        # A long name glued to its neighbours ("우리는무산군에서") still has to start and end where
        # Kiwi's words do, so it is not a piece of something else.
        edges = (doc.at_word_start(start) or glued) and tail_ok(doc, end)
        return entry.confidence if (edges or aligned(doc, start, end)) and ev is not Evidence.INSIDE else None
    edges = (doc.at_word_start(start) or glued) and tail_ok(doc, end)
    if not edges and not (ev is Evidence.PROPER and aligned(doc, start, end)):
        return None
    if entry.strict and _owned_by_non_place(doc, start):
        return None
    if ev is Evidence.PROPER and not (entry.strict and _paired_with_common(doc, start, end)):
        return entry.confidence
    if (
        edges
        and not entry.strict
        and ev in (Evidence.PREDICATE, Evidence.OTHER)
        and _proper_alone(doc.text[start:end])
        and not any(
            m.tag.startswith("V") and not m.oov for m in doc.morphemes_in(start, end) if m.start >= start
        )
    ):
        # Kiwi read the name with its neighbours as a word and an ending ("연길" as 연기 + ㄹ,
        # "건너도문으로" as 건너 + 어도 + 문), but alone it is a proper noun: the name, standing where a
        # word starts. Not when it reads an everyday word there (고양이, 광주리, 평안) or a verb starts
        # inside it ("얻어서산다": 서 + 살다): that is no misreading.
        return entry.confidence - 0.05
    if edges and not entry.strict and ev is not Evidence.INSIDE and _relative_after(doc, end):
        # "연길 외삼촌", "심양 고모가": the town a relative lives in, named before the kinship word to
        # tell one uncle from another, whatever Kiwi made of the name (연길 as 열 + ㄴ + 길).
        return entry.confidence - 0.05
    if targets.overlaps(start, end):
        return doc.rules.config.places.confidence_hometown
    if entry.strict:
        return None
    if ev in (Evidence.UNKNOWN, Evidence.FRAGMENT):
        return entry.confidence - 0.05
    if edges and ev is Evidence.COMMON and doc.text[end:].startswith(_FROM) and _border_crossing(doc, end):
        # "유월에 무산에서 밤에 강 건넜어": Kiwi reads the town as its everyday homonym (무산), but the
        # place the writer crossed the border from is named where "에서" and a crossing follow.
        return doc.rules.config.places.confidence_hometown
    return None


_WORD_AFTER = re.compile(r" ([가-힣]{1,6})")


def _relative_after(doc: Doc, end: int) -> bool:
    """The word after spaced ``end`` is a family kinship word (외삼촌, 이모가, 큰아버지는), not a word of
    address (친구, 동무): a name before it says which relative."""
    m = _WORD_AFTER.match(doc.text, end)
    if m is None:
        return False
    kinship = doc.rules.gazetteers.kinship
    word = strip_particles(m.group(1), doc)[0]
    kind = kinship.get(word)
    return kind is not None and kind != "address"


_DIVISION_AFTER = re.compile(r" ([가-힣]{1,5}(?:동|리|구역|읍|면))(?![가-힣])")


def _division_after(doc: Doc, end: int) -> bool:
    """A word naming a quarter or village (석미동, 신암리, 중구역) follows spaced ``end`` after one space,
    the word before ending right there: "해 주시 석미동" is the city and its quarter split by OCR, since
    the honorific 주시 of a verb takes an ending and never stands before a quarter's name."""
    m = _DIVISION_AFTER.match(doc.text, end)
    return m is not None and not _one_everyday_noun(m.group(1))


def _honorific_verb(doc: Doc, start: int, end: int) -> bool:
    """Kiwi reads spaced ``[start, end)`` as a verb (a dictionary one) and the honorific 시 of its ending
    ("해주시면": 하 + 어 + 주 + 시 + 면; "보여주시던"): the city's suffix 시 is the verb's honorific
    there, and no place name holds a verb. A word Kiwi does not know may be anything, so only known
    verbs count."""
    morphs = [m for m in doc.morphemes_in(start, end) if m.start >= start]
    if any(m.tag == "EP" and m.form == "시" for m in morphs) and any(
        m.tag.startswith(_HONORIFIC_STEMS) and not m.oov for m in morphs
    ):
        return True
    # "부담스러우시면": Kiwi reads 스럽 over the name's first syllable and 으시 over its second; the
    # adjective's stem then starts before the name and its honorific ends inside it.
    over = [m for m in doc.morphemes_in(start, end) if m.end > start and m.start < end]
    return any(m.tag == "EP" and m.form in ("시", "으시") and m.start < end for m in over) and any(
        m.tag.startswith(("VA", "XSA")) and not m.oov and m.start < start for m in over
    )


# Stems that take the honorific 시: verbs, and adjectives (고우시면) or words made adjectives by 스럽다
# (부담스러우시면 holds 우시, a county of Jagang).
_HONORIFIC_STEMS = ("VV", "VX", "VA", "XSA")


_FROM = ("에서", "서부터", "에서부터")
_CROSSING = re.compile(r"(?:강|두만강|압록강|국경|강을|강물)\s?(?:을|를)?\s?(?:건너|넘어|넘었|건넜)")


def _border_crossing(doc: Doc, end: int) -> bool:
    """A border or river crossing is told in the 30 characters after spaced ``end``."""
    return _CROSSING.search(doc.text, end, end + 30) is not None


def _paired_with_common(doc: Doc, start: int, end: int) -> bool:
    """The word at ``[start, end)`` is joined by 와/과/하고/및 to an everyday noun ("은혜와 평강이",
    "평강과 기쁨"): a word of the same kind as that noun, not a place, however Kiwi tags it."""
    morphs = doc.morphemes
    inside = [k for k, m in enumerate(morphs) if start <= m.start < end]
    if not inside:
        return False
    first, last = inside[0], inside[-1]
    joiners = ("와", "과", "하고", "및", "랑", "이랑")
    before = (
        first >= 2
        and morphs[first - 1].tag == "JC"
        and morphs[first - 1].form in joiners
        and morphs[first - 2].tag == "NNG"
        and morphs[first - 2].end == morphs[first - 1].start
    )
    after = (
        last + 2 < len(morphs)
        and morphs[last + 1].tag == "JC"
        and morphs[last + 1].form in joiners
        and morphs[last + 1].start == end
        and morphs[last + 2].tag == "NNG"
    )
    return before or after


def _owned_by_non_place(doc: Doc, start: int) -> bool:
    """The word before spaced ``start`` is a genitive ("주님의", "마음의") of something that is no
    gazetteer place: an everyday stem after it is what that one has ("주님의 평강", "마음의 평화"). A
    place owns places ("강원도의 평강")."""
    word = doc.word_at(start)
    if word is not None and word.start < start:
        # OCR lost the space after the genitive ("주님의평강이"): the owner is glued on before.
        before_text = doc.text[word.start : start]
    else:
        i = doc.word_index(start)
        if i <= 0 or doc.words[i].start != start:
            return False
        before_text = doc.words[i - 1].text
    if not before_text.endswith("의") or len(before_text) < 2:
        return False
    owner = key_of(before_text[:-1])
    return not any(e.kind is Kind.PLACE for e in doc.rules.lexicon.exact.get(owner, ()))


def after_phrase(doc: Doc, start: int) -> bool:
    """Spaced ``start`` lies inside a word right after a phrase OCR or a transcript glued on before it:
    the text of the word before ``start``, analysed alone, ends in a particle or a verb ending
    ("할머니는혜산역", "건너도문으로", "연락하면연길", "회령의오산덕"). No place name holds a particle
    or an ending, so a name may start there."""
    word = doc.word_at(start)
    if word is None or word.start >= start:
        return False
    if _after_hometown_noun(doc, start):
        return True
    parts = analyse(doc.text[word.start : start])
    if parts and parts[-1].end == start - word.start and parts[-1].tag.startswith(("J", "EC", "EF")):
        return True
    # Alone Kiwi may read a verb form as a noun (건너 "across"); in the sentence it sees the verb and
    # its ending fused over the boundary (건너 + 어도 in "건너도문으로").
    inside = doc.morphemes_in(word.start, start)
    return any(
        m.tag.startswith(("VV", "VA")) and not m.oov and m.end == start and m.start >= word.start
        for m in inside
    )


def _after_hometown_noun(doc: Doc, start: int) -> bool:
    """Spaced ``start`` lies inside a word right after a home-town cue that is a bare noun
    (``places.hometown_before`` without a particle: 고향), glued on by OCR or chat ("고향혜산을",
    "내고향청진에서"): the cue ends there as it would before a space."""
    word = doc.word_at(start)
    if word is None or word.start >= start:
        return False
    return doc.text[word.start : start].endswith(_hometown_nouns(doc.rules))


@lru_cache(maxsize=8)
def _hometown_nouns(rules: Rules) -> tuple[str, ...]:
    particles = rules.particles
    return tuple(
        cue
        for cue in rules.config.places.hometown_before
        if " " not in cue and not any(cue.endswith(p) and len(cue) > len(p) for p in particles)
    )


@lru_cache(maxsize=4096)
def _proper_alone(text: str) -> bool:
    """Kiwi, given ``text`` alone, reads it as one proper noun."""
    parts = analyse(text)
    return len(parts) == 1 and parts[0].tag == "NNP" and parts[0].end - parts[0].start == len(text)


def _pieces_of_other_words(doc: Doc, start: int, end: int, glued: bool = False) -> bool:
    """A match across a space ("여 주시") made of the end of one word and the start of the next:
    "보여 주시면" holds 여주시 only by chance. A place OCR split into pieces starts a word of its own
    and does not go on as a verb ("경기도 여 주시에": 주시 + 에, "보여 주시면": 주 + 시 + 면)."""
    cut = doc.text.find(" ", start, end)
    if cut < 0:
        return False
    if not (doc.at_word_start(start) or glued):
        return True
    last = doc.text.rfind(" ", start, end) + 1
    head = [m for m in doc.morphemes_in(last, last + 1) if m.start == last]
    verb = bool(head) and head[0].tag.startswith(("VV", "VX", "VA")) and not head[0].oov
    return verb and not _piece_then_particle(doc, last, end)


def _piece_then_particle(doc: Doc, last: int, end: int) -> bool:
    """The last piece of a split name (``[last, end)``) is followed by nothing, a particle, or a space:
    "라오 스 거쳐서", "쿠르스 크에서", "하르 키우 근처". A verb stem never is (크 + 에서), so Kiwi's verb
    there is a misreading; "보여 주시면" goes on with an ending (시면)."""
    word = doc.word_at(last)
    if word is None:
        return False
    rest = doc.text[end : word.end]
    if end - last != 1:
        # A longer piece ending its word ("하르 키우 근처"): a verb's stem never ends a word, unless OCR
        # split its ending off into the next word ("애 키우 고").
        nxt = doc.word_at(word.end + 1)
        return not rest and not (nxt is not None and nxt.start == word.end + 1 and len(nxt.text) == 1)
    return not rest or (rest in doc.rules.particles and rest not in _ENDING_LIKE)


# Particles that are also a verb's endings (가는, 먹은, 먹을, 가면): after them a verb reading stands.
_ENDING_LIKE = frozenset({"는", "은", "을", "를", "면", "ㄴ"})


def _gazetteer(doc: Doc, targets: SpanIndex) -> Iterable[Finding | None]:
    exact_spans = SpanIndex()
    sure_ends: set[int] = set()  # compact ends of long places found
    rejected: list[tuple[Match, Entry]] = []
    for m in doc.exact_matches:
        for entry in m.entries:
            if entry.kind is not Kind.PLACE:
                continue
            conf = _judge(doc, m, entry, targets)
            if conf is not None and _spoken_number(doc, *doc.spaced_span(m.start, m.end)):
                conf = None
            if conf is not None:
                start, end = doc.spaced_span(m.start, m.end)
                exact_spans.add(start, end)
                if not entry.weak:
                    sure_ends.add(m.end)
                yield doc.finding(Kind.PLACE, start, end, conf, entry.rule)
            else:
                rejected.append((m, entry))
    for m, entry in rejected:
        # A place right after a sure one, OCR having moved the space between them ("량 강 도혜 산":
        # 량강도 then 혜산): a town after its province or a landmark after its town. Not an everyday
        # word (strict), and what follows must be a particle or nothing. Review: the cut is a guess.
        if m.start in sure_ends and not entry.strict:
            start, end = doc.spaced_span(m.start, m.end)
            if tail_ok(doc, end) and not exact_spans.covers(start, end):
                review = doc.rules.config.severity.redact_min - 0.05
                yield doc.finding(Kind.PLACE, start, end, min(entry.confidence, review), entry.rule)
    for m, entry in rejected:
        if _split_foreign_city(doc, m, entry) and not exact_spans.covers(*doc.spaced_span(m.start, m.end)):
            start, end = doc.spaced_span(m.start, m.end)
            exact_spans.add(start, end)
            review = doc.rules.config.severity.redact_min - 0.05
            yield doc.finding(Kind.PLACE, start, end, min(entry.confidence, review), entry.rule)
    fz = doc.rules.config.fuzzy
    for m in doc.fuzzy_matches:
        entries = [e for e in m.entries if e.kind is Kind.PLACE]
        if not entries:
            continue
        start, end = doc.spaced_span(m.start, m.end)
        if exact_spans.covers(start, end) or not tail_ok(doc, end):
            continue
        window = doc.text[start:end].replace(" ", "")
        if key_of(doc.text[start : start + 2 * len(m.key)]).startswith(m.key):
            continue  # "우크라이나어": the name written whole, a word made from it; a piece is no near miss
        if window[:-1] == m.key[:-1] and window[:-1] in doc.rules.config.places.stem_stop:
            continue  # 하산 길: an everyday stem and another word, not a damaged suffix (하산구)
        if _before_position(doc, m, doc.text[start:end]):
            continue  # "동무 앞에": in front of an everyday word, one jamo off 동묘앞
        natural = _damaged_landmark(doc, m, start, end)
        seen = _kiwi_reads_place(doc, m, start, end) or _damaged_province(m, entries, window)
        if not (fuzzy_ok(doc, start, end) or natural or seen) or _exact_plus_next_word(
            doc, exact_spans, start, end
        ):
            continue
        if _cuts_everyday_word(doc, start, end):
            continue  # "한 양동이면": a near miss of 가양동 ending inside 양동이 ("bucket")
        if everyday_near_miss(doc, start, end) and not _after_exact_place(doc, exact_spans, start):
            continue  # "지 금도", "자전 거": everyday words, spaces taken out (not in a chain of places)
        if (
            _counted(doc, start, end)
            or _spoken_number(doc, start, end)
            or _amount_first(doc, start, end)
            or _li_distance(doc.text[start:end], doc.rules)
        ):
            continue  # 원짜리, 이천십구년, 삼백 리: an amount, a year or a distance, one jamo from a place
        grade = Severity.REDACT if m.similarity >= fz.redact_similarity and not natural else Severity.REVIEW
        if grade is Severity.REVIEW and doc.after(end, 8).startswith(_place_cue_keys(doc.rules)):
            # "회성시에서 살고 있다": a near miss of a gazetteer place where only a place fits.
            grade = Severity.REDACT
        rule = entries[0].rule.replace("place.", "place.fuzzy.", 1)
        yield doc.finding(Kind.PLACE, start, end, m.similarity * fz.confidence_scale, rule, severity=grade)


# A foreign city of two syllables split into two one-syllable words by the spacing, its particle
# split off too or the line ending ("단 둥 에서", "연 길 로 갔다"): two lone syllables and then a lone
# place particle are no everyday phrase. A city or county, not a country, province or region.
_SPLIT_CITY_PARTICLES = ("에서", "으로", "로", "에", "까지", "서")


def _split_foreign_city(doc: Doc, m: Match, entry: Entry) -> bool:
    if entry.strict or "foreign_places" not in entry.rule or len(m.key) != 2:
        return False
    if entry.level not in ("city", "county", ""):
        return False
    start, end = doc.spaced_span(m.start, m.end)
    text = doc.text
    if text[start:end] != f"{m.key[0]} {m.key[1]}" or (start > 0 and not text[start - 1].isspace()):
        return False
    rest = text[end:]
    if not rest.strip(" .,"):
        return True
    piece = rest.split(maxsplit=1)
    return rest.startswith(" ") and bool(piece) and piece[0].rstrip(".,") in _SPLIT_CITY_PARTICLES


_MIN_GLUED_NEAR_MISS = 5  # syllables: a near miss this long is no chance meeting of words


def _glued_near_misses(doc: Doc) -> Iterable[Finding | None]:
    """A long name OCR damaged and glued after a particle whose space it lost ("9월부터블랴디보스토크"):
    near misses are only looked for at word starts, so the window here starts after the particle Kiwi
    reads inside the word, or after a particle of two syllables or more inside a word Kiwi does not
    know at all ("작년부터블라디보스또크"). Five syllables or more, as fuzzy_ok asks of a near miss Kiwi
    cannot vouch for."""
    lex, fz = doc.rules.lexicon, doc.rules.config.fuzzy
    particle_starts = frozenset(p[0] for p in doc.rules.particles)
    long_particles = tuple(p for p in doc.rules.particles if len(p) >= 2)
    for word in doc.words:
        if len(word.text) <= _MIN_GLUED_NEAR_MISS:
            continue  # a cut inside the word leaves fewer syllables after it than a near miss needs
        ends = {m.end for m in doc.morphemes_in(word.start, word.end) if m.tag.startswith("J") and not m.oov}
        morphs = doc.morphemes_in(word.start, word.end)
        if len(morphs) == 1 and morphs[0].oov:
            text = word.text
            ends |= {word.start + k for k in range(2, len(text)) if text[:k].endswith(long_particles)}
        for cut in sorted(ends):
            rest = doc.text[cut : word.end]
            if not word.start < cut or len(rest) < _MIN_GLUED_NEAR_MISS or not hangul_only(rest):
                continue
            at = bisect.bisect_left(doc.compact_src, cut)
            for near in find_fuzzy(lex, doc.compact, [at], fz.review_similarity, particle_starts):
                entries = [e for e in near.entries if e.kind is Kind.PLACE]
                if len(near.key) < _MIN_GLUED_NEAR_MISS or not entries:
                    continue
                start, end = doc.spaced_span(near.start, near.end)
                if tail_ok(doc, end):
                    rule = entries[0].rule.replace("place.", "place.fuzzy_glued.", 1)
                    conf = near.similarity * fz.confidence_scale
                    yield doc.finding(Kind.PLACE, start, end, conf, rule, severity=Severity.REVIEW)


def _before_position(doc: Doc, m: Match, text: str) -> bool:
    """A near miss of a landmark ending in a word of position (동묘앞) read across a space, the word
    before it one everyday noun Kiwi knows and not the landmark's own stem ("동무 앞"): a place's
    position relative to a thing, not the landmark damaged."""
    pieces = text.split()
    if len(pieces) != 2 or pieces[1] not in doc.rules.config.places.glued_positions:
        return False
    if not m.key.endswith(pieces[1]) or m.key.startswith(pieces[0]):
        return False
    morphs = analyse(pieces[0])
    if len(morphs) != 1 or morphs[0].oov:
        return False
    return morphs[0].tag == "NNG" and morphs[0].end == len(pieces[0])


_PROVINCE_SYLLABLES = 4


def _damaged_province(m: Match, entries: list[Entry], window: str) -> bool:
    """A near miss of a province's name of four syllables with its 도 whole ("황핸남도", "함경븍도"):
    Kiwi reads the damaged syllable as a verb's ending (하 + ㄴ), but no everyday phrase comes within a
    jamo of 황해남도."""
    return (
        len(m.key) >= _PROVINCE_SYLLABLES
        and window[-1:] == m.key[-1:]
        and any(e.level == "province" and not e.weak for e in entries)
    )


def _kiwi_reads_place(doc: Doc, m: Match, start: int, end: int) -> bool:
    """Kiwi reads the near miss as the start of the name it misses, a proper noun that is a gazetteer
    place itself ("영등폰구": 영등포 + ㄴ + 구), so the damage is in the rest, not a chance likeness."""
    head = next((x for x in doc.morphemes_in(start, end) if x.start == start), None)
    if head is None or head.tag != "NNP" or head.oov or head.end - head.start < _MIN_READ_PLACE:
        return False
    form = head.form  # 영등포, though its span holds 영등폰 (the ㄴ read as a particle fused into it)
    entries = doc.rules.lexicon.exact.get(form, ())
    return m.key.startswith(form) and any(e.kind is Kind.PLACE and not e.strict for e in entries)


_MIN_READ_PLACE = 3  # syllables: 영등포; two (청진) are too often a word's start


def _cuts_everyday_word(doc: Doc, start: int, end: int) -> bool:
    """A near miss that ends inside a word Kiwi knows as one everyday noun of two syllables or more
    (양동|이 "bucket"): a place would end where the word does, not in it."""
    return any(
        m.tag == "NNG" and not m.oov and m.end - m.start >= 2 and m.start < end < m.end
        for m in doc.morphemes_in(start, end)
    )


# Syllables of numbers read aloud (transcripts: "이천이십사년", "만이천원") are the config's spoken digits
# and place values (numbers.spoken_digits, numbers.spoken_places), with these differences: 억 (10^8)
# too, which the number view is not to convert (as a spoken place it would be), and not 빵, a slang
# zero read out digit by digit in phone numbers, never in a year or an amount.
_NUMERAL_EXTRA = frozenset("억")
_NUMERAL_LEFT_OUT = frozenset("빵")
# The units after a number read aloud.
_SPOKEN_UNITS = "(?:년|월|일|원|명|살|개|번|호|층|달러|위안|킬로)"


@dataclass(frozen=True, slots=True)
class _Numerals:
    syllables: frozenset[str]  # numeral syllables (see above)
    places: frozenset[str]  # place values among them (십, 백, 천, 만)
    spoken: re.Pattern[str]  # numeral syllables, then a unit


@lru_cache(maxsize=8)
def _numerals(rules: Rules) -> _Numerals:
    """Numeral syllables derived from ``numbers.spoken_digits`` and ``numbers.spoken_places``."""
    cfg = rules.config.numbers
    spoken = frozenset(cfg.spoken_digits) | frozenset(cfg.spoken_places)
    syllables = (spoken | _NUMERAL_EXTRA) - _NUMERAL_LEFT_OUT
    chars = "".join(re.escape(ch) for ch in sorted(syllables))
    number = re.compile((f"[{chars}]*" if chars else "") + _SPOKEN_UNITS)
    return _Numerals(syllables, frozenset(cfg.spoken_places), number)


def _spoken_number(doc: Doc, start: int, end: int) -> bool:
    """Spaced ``[start, end)`` is made of numeral syllables inside a longer spoken number or before a
    unit ("이천이십사년", "만이천원", "이천년"): 이천 (a city) there is a year or an amount. A place
    followed by a particle or its suffix ("이천에서", "이천이 좋다", "이천시") is no number and stays."""
    text = doc.text
    numerals = _numerals(doc.rules)
    syllables = numerals.syllables
    if not all(ch in syllables for ch in text[start:end]):
        if not all(ch in syllables or ch.isspace() for ch in text[start:end]):
            return False
        return _spaced_amount(text, end, numerals)
    left = start
    while left > 0 and text[left - 1] in syllables:
        left -= 1
    m = numerals.spoken.match(text, end)
    if m is None:
        return _spaced_amount(text, end, numerals) and any(ch in numerals.places for ch in text[start:end])
    return m.end() > end or left < start


# A counter after a number and a space ("사천 원이라", "삼 천 개나", "오천 원 하더라"): the counter as a word
# of its own, with at most a particle or 짜리/어치/씩 after it.
_SPACED_COUNTER = re.compile(
    r"[ \t]+(?:원|개|명|마리|포기|그릇|켤레|벌|장|권|병|잔|평|리|근|번|살|달러|위안|킬로|미터|톤)"
    r"(?:짜리|어치|씩|쯤|정도|밖에|이라|이야|이다|이었|이면|이나|이고|이|을|은|에|도|만|나)?(?![가-힣])"
)


def _amount_first(doc: Doc, start: int, end: int) -> bool:
    """A near miss whose window opens with a number of two syllables or more holding a place value and then
    a counter ("삼 천 개 나" one jamo from a place): the amount and its counter, no place."""
    text = doc.text
    numerals = _numerals(doc.rules)
    i = start
    while i < end and (text[i] in numerals.syllables or text[i] == " "):
        i += 1
    number = text[start:i].replace(" ", "")
    if len(number) < 2 or not any(ch in numerals.places for ch in number):
        return False
    j = start + len(text[start:i].rstrip())
    return _spaced_amount(text, j, numerals) or re.compile(_SPOKEN_UNITS).match(text, j) is not None


def _spaced_amount(text: str, end: int, numerals: _Numerals) -> bool:
    """Numeral syllables up to ``end`` (spaces allowed inside) are followed by a counter word."""
    return _SPACED_COUNTER.match(text, end) is not None


@dataclass(frozen=True, slots=True)
class _Endings:
    """Word lists of ``[places]``, each longest first (ties in the config's order)."""

    landmark_ends: tuple[str, ...]  # places.landmark_ends
    word_suffixes: tuple[str, ...]  # places.word_suffixes
    glued_suffixes: tuple[str, ...]  # places.glued_suffixes
    glued_particles: tuple[str, ...]  # places.glued_suffix_particles
    # word_suffixes by their first syllable, in the same order: the suffix that may start at an offset
    # is looked up by the syllable there instead of tried at every offset of every word (see
    # _before_glued_particle).
    word_suffixes_by_first: dict[str, tuple[str, ...]]


def _longest_first(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


def _by_first(words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """``words`` grouped by their first character, each group in the order of ``words``."""
    groups: dict[str, list[str]] = {}
    for w in words:
        if w:
            groups.setdefault(w[0], []).append(w)
    return {ch: tuple(ws) for ch, ws in groups.items()}


@lru_cache(maxsize=8)
def _endings(rules: Rules) -> _Endings:
    pc = rules.config.places
    word_suffixes = _longest_first(pc.word_suffixes)
    return _Endings(
        _longest_first(pc.landmark_ends),
        word_suffixes,
        _longest_first(pc.glued_suffixes),
        _longest_first(pc.glued_suffix_particles),
        _by_first(word_suffixes),
    )


def _damaged_landmark(doc: Doc, m: Match, start: int, end: int) -> bool:
    """A near miss of a river or mountain of three syllables or more that is a word of its own and
    keeps the class noun at its end ("두먼강" for 두만강): Kiwi reads the damage as words (두 + 먼 +
    강), so it cannot vouch for it, but a word ending in 강 one jamo from a river's name is that
    river. Review only."""
    key = m.key
    word = doc.word_at(start)
    ending = next((e for e in _endings(doc.rules).landmark_ends if key.endswith(e)), "")
    return (
        len(key) >= len(ending) + 2
        and bool(ending)
        and doc.text[start:end].endswith(ending)
        and word is not None
        and word.start == start
        and " " not in doc.text[start:end]
        and any(e.rule.endswith(("landmarks", "landmarks.alias")) for e in m.entries)
    )


def _counted(doc: Doc, start: int, end: int) -> bool:
    """Kiwi reads a counter word and a noun suffix of two syllables in spaced ``[start, end)`` (원짜리,
    개짜리, 원어치): an amount, one jamo away from some 리 by chance. No place name holds a bound
    noun followed by a derivational suffix."""
    morphs = [m for m in doc.morphemes_in(start, end) if not m.oov]
    return any(
        a.tag == "NNB" and b.tag == "XSN" and b.end - b.start >= 2 and a.end == b.start
        for a, b in pairwise(morphs)
    )


def _after_exact_place(doc: Doc, exact_spans: SpanIndex, start: int) -> bool:
    """The word before ``start`` (one space or line break between) is a place found exactly ("연길시 공원
    가 인민로"): a near miss there is the next part of an address, judged as such."""
    if start < 2 or not doc.text[start - 1].isspace():
        return False
    prev = doc.word_at(start - 2)
    return prev is not None and exact_spans.covers(prev.start, prev.end)


def _exact_plus_next_word(doc: Doc, exact_spans: SpanIndex, start: int, end: int) -> bool:
    """The near miss is a place found exactly plus the first syllable of the next word, a word Kiwi
    knows ("회령시 집에서": 회령시 and 집, not a misread of a longer name): the place is found already, and
    the extra syllable would only fill benign ink. A one-syllable piece after the place ("시흥시 배
    곧동") may be part of the next address part that OCR split, and is kept."""
    last = end - 1
    if last < 1 or doc.text[last - 1] != " " or not exact_spans.covers(start, last - 1):
        return False
    word = doc.word_at(last)
    if word is None or word.start != last or word.end - word.start < 2:
        return False
    head = doc.morphemes_in(word.start, word.start + 1)
    return bool(head) and head[0].start == word.start and head[0].tag.startswith("NN") and not head[0].oov


@lru_cache(maxsize=8)
def _place_cue_keys(rules: Rules) -> tuple[str, ...]:
    return tuple(key_of(cue) for cue in rules.config.places.damaged_stem_cues)


def _stem_ok(doc: Doc, stem: str, suffix: str) -> bool:
    pc = doc.rules.config.places
    return (
        len(stem) >= pc.min_stem_syllables
        and hangul_only(stem)
        and stem not in pc.unknown_stem_stop
        and stem not in pc.suffix_stop.get(suffix, frozenset())
        and stem not in doc.rules.config.names.stop_words
    )


_PHRASE_TAGS = ("J", "E", "V", "MA", "MM", "XS", "IC")


def phrase_before_place(doc: Doc, core: str) -> bool:
    """``core`` is words glued onto a place by lost spaces ("그리고온성군", "집에서회령시"): it ends in
    a gazetteer key, and what comes before the key holds a particle, an ending, a verb, an adverb or
    a conjunction, which no place name does. Such a token is not an address part; the place in it
    is found on its own."""
    exact = doc.rules.lexicon.exact
    for k in range(1, len(core) - 1):
        if core[k:] in exact:
            return any(m.tag.startswith(_PHRASE_TAGS) for m in analyse(core[:k]))
    return False


def _unknown_suffix(doc: Doc) -> Iterable[Finding | None]:
    """A stem Kiwi separates from an administrative suffix ("샛별|군"), or one word ending in one."""
    pc = doc.rules.config.places
    suffixes = tuple(sorted(pc.admin_suffixes, key=len, reverse=True))
    morphs = doc.morphemes
    for i, m in enumerate(morphs):
        if m.form in pc.admin_suffixes and m.tag in _NOUN_TAGS and i > 0:
            prev = morphs[i - 1]
            glued = prev.end == m.start
            spaced_ok = prev.end + 1 == m.start and (prev.tag == "NNP" or prev.oov)
            if prev.tag in _STEM_TAGS and (glued or spaced_ok) and tail_ok(doc, m.end):
                stem = prev.form
                if _time_of_act(doc, stem, m):
                    continue  # "면담시", "출발 시": the time of doing it, not a city
                if _stem_ok(doc, stem, m.form) and not _loan_syllable(stem) and doc.at_word_start(prev.start):
                    yield doc.finding(
                        Kind.PLACE, prev.start, m.end, pc.confidence_unknown, "place.unknown_suffix"
                    )
            elif prev.end == m.start and tail_ok(doc, m.end):
                start = _split_stem_start(doc, morphs, i)
                if start is not None:
                    yield doc.finding(Kind.PLACE, start, m.end, pc.confidence_unknown, "place.split_stem")
        elif (m.tag == "NNP" or m.oov) and m.tag in _NOUN_TAGS and len(m.form) >= 3:
            suffix = next((s for s in suffixes if m.form.endswith(s)), "")
            if phrase_before_place(doc, m.form):
                continue  # "그리고온성군": words glued onto a known place, which is found on its own
            stem = m.form[: -len(suffix)] if suffix else ""
            if _noun_and_head(doc, m.start, m.end):
                continue  # "컵라면", "물냉면": a one-syllable noun and an everyday head
            if suffix == "시" and _verbal_noun(stem) and not _lone_particle_after(doc, m.end):
                continue  # "면담시", "방문시": at the time of an interview, a visit (시 "time"), no city
            if suffix and _stem_ok(doc, stem, suffix) and not _loan_syllable(stem) and tail_ok(doc, m.end):
                yield doc.finding(Kind.PLACE, m.start, m.end, pc.confidence_unknown, "place.unknown_suffix")


# One-syllable pieces Kiwi cuts an unknown stem into ("안암리": 안/MAG + 암/MM + 리): an adverb, a
# determiner, a noun, a numeral, a prefix or a bound noun; not a particle, an ending, a pronoun or a verb
# ("내리에서": 나 + 의 + 리 is "my 리", no stem).
_PIECE_TAGS = frozenset({"MAG", "MM", "NNG", "NR", "XPN", "NNB"})


def _split_stem_start(doc: Doc, morphs: Sequence[Morpheme], i: int) -> int | None:
    """Where the stem starts when Kiwi cut a word's unknown stem into one-syllable pieces glued to the
    administrative suffix ``morphs[i]`` ("안암리에서 농사짓던"): two or three such pieces opening the
    word, making a stem that passes the stem checks. None when the pieces are no such stem."""
    j = i
    while (
        j > 0
        and i - j < 3
        and morphs[j - 1].end == morphs[j].start
        and morphs[j - 1].end - morphs[j - 1].start == 1
        and morphs[j - 1].tag in _PIECE_TAGS
    ):
        j -= 1
    start = morphs[j].start
    if i - j < 2 or not doc.at_word_start(start) or morphs[i].tag == "NNB":
        return None  # 열한시: a number and the bound noun 시, "eleven o'clock"
    stem = doc.text[start : morphs[i].start]
    if not _stem_ok(doc, stem, morphs[i].form) or _loan_syllable(stem):
        return None
    return start


def _time_of_act(doc: Doc, stem: str, suffix: Morpheme) -> bool:
    """``suffix`` is 시, Kiwi reads it as the bound noun "time, when", and ``stem`` is a noun of doing
    (면담하다, 출발하다): "면담시 통역인을" is "at the interview", no city named 면담. Not before 로 (or
    으로), the particle of going somewhere, which a time does not take ("총회시 로 나갔다")."""
    if suffix.form != "시" or suffix.tag != "NNB":
        return False
    if doc.text[suffix.end :].lstrip(" ").startswith(("로", "으로")):
        return False
    morphs = analyse(stem + "하다")
    return len(morphs) >= 2 and morphs[0].tag == "NNG" and morphs[0].form == stem and morphs[1].tag == "XSV"


_GA, _VOWELS, _FINALS, _EU = 0xAC00, 21, 28, 18  # Hangul syllable arithmetic; 18 is the vowel ㅡ


def _loan_syllable(stem: str) -> bool:
    """``stem`` holds an open syllable with the vowel ㅡ (르, 스, 트, 브): no Sino-Korean reading has one,
    and every Korean division's name is read so, so the word is a loanword ("보르시" borscht, "스시"),
    not an unknown county or city before its suffix."""
    for ch in stem:
        code = ord(ch) - _GA
        if 0 <= code < _VOWELS * _FINALS * 19 and code % _FINALS == 0 and (code // _FINALS) % _VOWELS == _EU:
            return True
    return False


# What a sentence glues after a place besides particles: the copula (산봉리였지, 삼곡동이었어), also
# cut short before a quoting verb ("동천리라 카이", "삼곡동이라는 데", "산봉리란 곳").
_COPULA_TAIL = re.compile(
    "(?:이)?(?:었|였)(?:어|지|다|고|는데|어요|지요|습니다|던)?$"
    "|(?:이)?(?:야|다|에요|예요|입니다|지|라서|라고|고|라|라는|란)$"
    # the copula going on to the next clause ("여수 시인데", "무산 군이니까")
    "|(?:인데|인데요|이니까|이고|이며|이라서)$"
)


def _suffix_words(doc: Doc) -> Iterable[Finding | None]:
    """One word made of a stem and a small division's suffix (삼곡동에, 산봉리였지), whatever Kiwi cut
    it into: a place when Kiwi does not know the word as a whole, for review when it reads it as
    something else that is not an everyday word either."""
    pc = doc.rules.config.places
    word_suffixes = _endings(doc.rules).word_suffixes  # 삼곡동, 산봉리, 소진리
    for i, word in enumerate(doc.words):
        core = _without_glued_cue(_without_tail(word.text, doc), doc)
        suffix = next((s for s in word_suffixes if core.endswith(s)), "")
        if not suffix:
            core = _before_glued_particle(doc, word.text)
            suffix = next((s for s in word_suffixes if core.endswith(s)), "")
        if not suffix and i > 0 and _after_division(doc, doc.words[i - 1], word.start):
            core = _before_glued_word(doc, word, word_suffixes)
            suffix = next((s for s in word_suffixes if core.endswith(s)), "")
        stem = core[: -len(suffix)] if suffix else ""
        start, end = word.start, word.start + len(core)
        if core == suffix and i > 0 and doc.text[doc.words[i - 1].end : word.start] == " ":
            # "소진 리": OCR split the suffix off; the word before, whole and without a particle, is the stem.
            before = doc.words[i - 1]
            if _without_tail(before.text, doc) != before.text:
                continue
            if core != word.text and _one_everyday_noun(word.text):
                continue  # "본인 동의": 동의 ("consent") is a word, not the suffix 동 and a particle
            if _one_everyday_noun(before.text + core):
                continue  # "며느 리가": a noun the space split (며느리), not a village's stem and 리
            stem, start = before.text, before.start
        elif len(stem) == 1 and _split_after_division(doc, i, core):
            # "삼수군 관 흥리": OCR split the village's stem after its county; the lone syllable is its start.
            stem, start = doc.words[i - 1].text + stem, doc.words[i - 1].start
        if not suffix or not 2 <= len(stem) <= 3 or not _stem_ok(doc, stem, suffix):
            continue
        if _counted_number(stem, doc.rules):
            continue  # 이십 리, 삼십리: a distance in li after a number read aloud, not a village
        ev = evidence(doc, start, end)
        everyday = ev in (Evidence.COMMON, Evidence.PREDICATE)
        chained = everyday and i > 0 and _after_division(doc, doc.words[i - 1], start)
        # Two syllables only: a longer everyday word is a compound (요양병동), not a village.
        lived_in = everyday and len(stem) == 2 and doc.after(end, 8).startswith(_LIVING_CUES)
        # "구빈리 쪽 훈련장", "삼곡동 근처에서": a word of where after it, and Kiwi knows no word of the
        # whole (울타리, 항아리 are; 구빈리 it cuts into 구비 + ㄴ + 리).
        sided = ev is not Evidence.COMMON and len(stem) == 2 and doc.text[end:].startswith(_SIDE_WORDS)
        if ev in (Evidence.COMMON, Evidence.INSIDE, Evidence.PREDICATE) and not (
            chained or lived_in or sided
        ):
            continue  # 활동, 운동, 이자리
        boundary = end - len(suffix)
        if any(
            m.start < boundary < m.end and not m.oov and m.tag in ("NNB", "XSN")
            for m in doc.morphemes_in(start, end)
        ):
            # 한마리: a counter word (마리) runs across the would-be suffix; 원짜리, 백원짜리: so does a
            # noun suffix after an amount of money (-짜리, -어치), which no place name ends in.
            continue
        if _everyday_compound(doc, start, end, boundary):
            continue  # 아빠머리, 동네자리: everyday nouns glued by lost spaces, the last ending like 리
        lives = doc.after(end, 8).startswith(_LIVING_CUES)
        if _noun_and_head(doc, start, end) and not (chained or lives or sided):
            continue  # 컵라면: unless someone lives there ("중운동에 사신다")
        grade = None if ev in _PLACE_LIKE else Severity.REVIEW
        yield doc.finding(Kind.PLACE, start, end, pc.confidence_unknown, "place.suffix_word", severity=grade)


# Words of where, written apart after a village or quarter ("구빈리 쪽", "삼곡동 근처", "산봉리 일대").
_SIDE_WORDS = (" 쪽", " 근처", " 일대", " 부근", " 방면")


# Someone living in it right after a word ending in a division's suffix ("산진리에 사신다", "소정동에서
# 살았다"): the word is the village even when Kiwi reads it as a phrase (산 + 진리 "truth"). Whole verb
# forms, spaces removed, so that "항아리에 살짝" stays a jar.
_LIVING_CUES = tuple(
    p + v
    for p in ("에", "에서")
    for v in (
        "사신",
        "사셨",
        "사시",
        "사는",
        "산다",
        "삽니",
        "살고",
        "살았",
        "살던",
        "살아",
        "계시",
        "계신",
        "계십",
        "계셔",
    )
) + tuple(
    # ... or having farmed, worked, been born or grown up there ("안령리에서 농사짓던": 안 + 령 + 리 to
    # Kiwi, "not" and two nouns).
    "에서" + v
    for v in (
        "농사짓",
        "농사를",
        "농사하",
        "일하",
        "일했",
        "일한",
        "태어나",
        "태어났",
        "태여나",
        "태여났",
        "자랐",
        "자란",
    )
)


def _before_glued_particle(doc: Doc, word: str) -> str:
    """``word`` up to a division suffix (``places.word_suffixes``) followed by a locative particle and
    the next words OCR glued on ("봉담읍에있는", "삼곡동에서살았다": 봉담읍, 삼곡동), or ``word``
    unchanged if there is none."""
    endings = _endings(doc.rules)
    particles = endings.glued_particles
    by_first = endings.word_suffixes_by_first
    for at in range(1, len(word)):
        # The first of the suffixes (longest first) that starts here: only those beginning with the
        # syllable here can; most syllables begin none, and the offset is passed over at once.
        suffix = next((x for x in by_first.get(word[at], ()) if word.startswith(x, at)), "")
        if not suffix:
            continue
        end = at + len(suffix)
        rest = word[end:]
        particle = next((p for p in particles if rest.startswith(p)), "")
        if particle and len(rest) > len(particle):
            return word[:end]
    return word


# Kiwi's tags of a word that starts where OCR lost a space: a determiner, an interjection, a pronoun.
_WORD_START_TAGS = ("MM", "IC", "NP")


def _before_glued_word(doc: Doc, word: Span, suffixes: tuple[str, ...]) -> str:
    """``word`` up to a division's suffix where Kiwi starts a new word right after it, OCR having lost
    the space ("복흥동그 남대천": 복흥동 and the filler 그); ``word`` itself if none."""
    for m in doc.morphemes_in(word.start, word.end):
        if word.start < m.start < word.end and m.tag in _WORD_START_TAGS and not m.oov:
            core = doc.text[word.start : m.start]
            if core.endswith(suffixes):
                return core
    return word.text


def _split_after_division(doc: Doc, i: int, core: str) -> bool:
    """Word ``i - 1`` is one syllable, no word of its own (``orgs.fragment_stop``: 그, 이, 한), right
    after a division written in full (삼수군) or a gazetteer place filling its word (화성 봉 담읍): a
    piece OCR split off the stem of word ``i``."""
    if i < 2:
        return False
    piece, before = doc.words[i - 1], doc.words[i - 2]
    if (
        len(piece.text) != 1
        or not hangul_only(piece.text)
        or piece.text in doc.rules.config.orgs.fragment_stop
    ):
        return False
    if doc.text[piece.end : doc.words[i].start] != " ":
        return False
    if _after_division(doc, before, piece.start):
        return True
    # After a place that is not a division in full (화성, 서울) the piece and the word joined must be
    # no everyday word Kiwi knows ("서울 밤 거리": 밤거리; "새 동네": a determiner and a noun).
    joined = analyse(piece.text + core)
    everyday = (
        bool(joined)
        and not any(m.oov for m in joined)
        and joined[-1].end == len(piece.text + core)
        and joined[-1].tag == "NNG"
        and (len(joined) == 1 or (len(joined) == 2 and joined[0].tag == "MM"))
    )
    entries = doc.rules.lexicon.exact.get(key_of(before.text), ())
    place_word = doc.text[before.end : piece.start] == " " and any(e.kind is Kind.PLACE for e in entries)
    return place_word and not everyday


def _lone_particle_after(doc: Doc, end: int) -> bool:
    """A particle split off by the spacing follows spaced ``end`` ("총회시 로"): the word goes on as a
    noun, so its 시 is no "when"."""
    piece = doc.text[end:].split(maxsplit=1)
    return (
        doc.text[end : end + 1] == " "
        and bool(piece)
        and piece[0].rstrip(".,") in (*doc.rules.config.benign.kin_particles, "로", "으로", "에", "에서")
    )


def _verbal_noun(stem: str) -> bool:
    """Kiwi reads ``stem`` as an everyday noun that takes 하다 as a verb (면담하다, 방문하다, 입국하다): X시
    after it is "when X", as forms and notices write it, not a city's name. A gazetteer city is found
    by its own entry whatever its stem means."""
    morphs = analyse(stem + "하다")
    return (
        len(morphs) == 3
        and morphs[0].tag == "NNG"
        and not morphs[0].oov
        and morphs[0].end == len(stem)
        and morphs[1].tag == "XSV"
    )


def _one_everyday_noun(word: str) -> bool:
    """Kiwi reads ``word`` alone as one everyday noun (동의, 면담, 리본)."""
    morphs = analyse(word)
    return len(morphs) == 1 and morphs[0].tag == "NNG" and not morphs[0].oov


# Levels of a division that a smaller one follows in an address ("항구구역 우산동", "북청군 신창리").
_CHAIN_LEVELS = frozenset(
    {"special_city", "city", "county", "district", "workers_district", "town", "township"}
)


def _after_division(doc: Doc, before: Span, start: int) -> bool:
    """``before`` is a gazetteer division written in full (항구구역, 북청군), a space before ``start``:
    the 동/리 after it is that division's, even when its stem is an everyday word (우산 "umbrella",
    소나무, 대문) or Kiwi reads the word as a verb form ("우산동이었어요"). The stem still needs two
    syllables, which keeps 활동, 운동 and 이동 out."""
    if doc.text[before.end : start] != " " or _without_tail(before.text, doc) != before.text:
        return False
    entries = doc.rules.lexicon.exact.get(key_of(before.text), ())
    return any(e.kind is Kind.PLACE and not e.weak and e.level in _CHAIN_LEVELS for e in entries)


def _counted_number(stem: str, rules: Rules) -> bool:
    """``stem`` is a number read aloud with a place value (이십, 삼백, 오십), before 리 counting li, or
    an ordinal read aloud (제팔, 제십일), before 군 a corps whose 단 OCR lost: no village or county."""
    numerals = _numerals(rules)
    if stem[:1] == "제" and len(stem) >= 2 and all(ch in numerals.syllables for ch in stem[1:]):
        return True
    return all(ch in numerals.syllables for ch in stem) and any(ch in numerals.places for ch in stem)


def _li_distance(text: str, rules: Rules) -> bool:
    """``text`` is a number read aloud and 리, the unit of distance ("삼백 리", "오십리")."""
    compact = text.replace(" ", "")
    return compact.endswith("리") and len(compact) >= 3 and _counted_number(compact[:-1], rules)


def _everyday_compound(doc: Doc, start: int, end: int, boundary: int) -> bool:
    """Kiwi reads spaced ``[start, end)`` as two everyday nouns it knows, the last one running across
    the would-be suffix at ``boundary`` to the end (아빠 + 머리, 동네 + 자리) and the first one of two
    syllables or more: a phrase whose space was lost, not a stem and a division's suffix. A first noun
    of one syllable counts when the second is one of ``places.compound_heads`` (풀 + 뿌리, 물 + 소리)."""
    morphs = [m for m in doc.morphemes_in(start, end) if m.start >= start and m.end <= end]
    if not (len(morphs) == 2 and morphs[0].start == start):
        return False
    first = morphs[0].end - morphs[0].start
    head = doc.text[morphs[1].start : morphs[1].end]
    # A pronoun or determiner glued on ("저희병동", "우리병동") says whose, never names a village.
    pointing = morphs[0].tag in ("NP", "MM") and not morphs[0].oov
    return (
        (first >= 2 or head in doc.rules.config.places.compound_heads or pointing)
        and morphs[1].start < boundary < morphs[1].end == end
        and (pointing or (morphs[0].tag == "NNG" and not morphs[0].oov))
        and morphs[1].tag == "NNG"
        and not morphs[1].oov
    )


def _noun_and_head(doc: Doc, start: int, end: int) -> bool:
    """``[start, end)`` is one syllable and one of ``places.compound_heads`` that Kiwi takes for one
    proper noun ("컵라면", "물냉면"): an everyday compound, unless the gazetteer knows the whole word
    (마장면, a township)."""
    word = doc.text[start:end]
    heads = doc.rules.config.places.compound_heads
    if not any(word.endswith(h) and len(word) == len(h) + 1 for h in heads):
        return False
    return end not in doc.places_starting(start)


def _glued_suffix_words(doc: Doc) -> Iterable[Finding | None]:
    """A distinctive division suffix (``places.glued_suffixes``: 봉담읍, 온성로동자구, which end hardly any
    word but a place's name) at the end of a longer word, after the particle is taken off: the
    two or three syllables before it are a place's name glued to whatever came before. Review only:
    where the name starts inside the word is a guess, so a moderator looks (the guess leans long).

    Any small division's suffix (동, 리, 면, 군, …) counts the same way when a residence cue follows
    ("아직학원리에 사신다": 학원리, glued to 아직): only a place fits before "에 사신다"."""
    pc = doc.rules.config.places
    endings = _endings(doc.rules)
    for word in doc.words:
        core = _glued_core(word.text, doc)
        end = word.start + len(core)
        suffix = next((s for s in endings.glued_suffixes if core.endswith(s)), "")
        if not suffix and doc.after(end, 8).startswith(_glued_cue_keys(doc.rules)):
            suffix = next((s for s in endings.word_suffixes if core.endswith(s)), "")
        if not suffix or len(core) <= len(suffix) + 2 or not hangul_only(core):
            continue  # a word of its own is _suffix_words' and _unknown_suffix's to judge
        stem = core[-len(suffix) - 3 : -len(suffix)]
        if len(set(stem)) == 1 or stem[-2:] in pc.unknown_stem_stop:
            continue
        start = end - len(suffix) - len(stem)
        yield doc.finding(
            Kind.PLACE, start, end, pc.confidence_unknown, "place.glued_suffix", severity=Severity.REVIEW
        )


def _glued_core(word: str, doc: Doc) -> str:
    """``word`` without its tail: a particle or copula ending, or, where a division suffix is followed
    by a locative particle (``places.glued_suffix_particles``: "나와봉담읍으로왔다") and whatever OCR
    glued on after it, everything from the particle on."""
    core = _without_tail(word, doc)
    endings = _endings(doc.rules)
    if core.endswith(endings.glued_suffixes):
        return core
    for suffix in endings.glued_suffixes:
        at = word.find(suffix)
        while at >= 0:
            end = at + len(suffix)
            if word[end:].startswith(endings.glued_particles):
                return word[:end]
            at = word.find(suffix, at + 1)
    return core


def _without_glued_cue(word: str, doc: Doc) -> str:
    """``word`` without a place cue glued on after it when OCR lost the spaces ("중운동에사신다",
    "삼곡동에서태어났다"): the cue says a place ends right before it."""
    for at in range(3, len(word) - 1):
        if word[at:].startswith(_glued_cue_keys(doc.rules)):
            return word[:at]
    return word


@lru_cache(maxsize=8)
def _glued_cue_keys(rules: Rules) -> tuple[str, ...]:
    pc = rules.config.places
    keys = {key_of(c) for c in (*pc.damaged_stem_cues, *pc.strong_stem_cues, *pc.hometown_after)}
    # Only cues that start with a particle: "출신", "사람 " could be the next word of any noun.
    keys = {k for k in keys if k.startswith(("에", "으로", "로")) and len(k) >= 2}
    return tuple(sorted(keys | {key_of(c) for c in pc.bare_living_cues}))


def _without_tail(word: str, doc: Doc) -> str:
    """``word`` without a particle or a copula ending after it."""
    core, _ = strip_particles(word, doc)
    if core == word:
        m = _COPULA_TAIL.search(core)
        if m is not None and m.start() >= 3:
            core = core[: m.start()]
    return core


# The copula after a division's name starts with one of these (석령동이었지, 샛별리였다, 무산군이야).
_COPULA_STARTS = frozenset({"이", "였", "예", "야", "입"})


def _hometown(doc: Doc, targets: list[tuple[int, int]]) -> Iterable[Finding | None]:
    pc = doc.rules.config.places
    for start, end in targets:
        text = doc.text[start:end]
        if len(text) < 2 or not hangul_only(text) or text in doc.rules.config.names.stop_words:
            continue
        if text in pc.unknown_stem_stop:
            continue
        ev = evidence(doc, start, end)
        # Kiwi reads a division's suffix and the copula after it as a verb ("석령동이었지": 동이다, to
        # tie); after a home-town cue the word is the division.
        divided = (
            ev is Evidence.PREDICATE
            and len(text) >= 3
            and text.endswith(pc.admin_suffixes)
            and doc.text[end : end + 1] in _COPULA_STARTS
        )
        if ev not in _PLACE_LIKE and not divided:
            continue
        yield doc.finding(Kind.PLACE, start, end, pc.confidence_hometown, "place.hometown")


def _tiled(doc: Doc) -> Iterable[Finding | None]:
    """A word made wholly of two or three gazetteer places glued together, the space between lost
    ("함흥성천강", "회령오산덕동", "청진수성천에서"): Kiwi may read the pair as one unknown name, so
    neither piece starts or ends where its words do, but a run of places leaves no room for anything
    else. Each piece must be a whole name or a stem of two syllables or more that is no everyday word
    (``strict`` entries such as 개성 "personality" are left out)."""
    exact = doc.rules.lexicon.exact
    for word in doc.words:
        core = _without_glued_tail(doc, strip_particles(word.text, doc)[0])
        if not 4 <= len(core) <= _MAX_TILED:
            continue
        pieces = _tiling(core, exact, 0)
        if pieces is None or len(pieces) < 2:
            continue
        at = word.start
        for piece in pieces:
            entries = [e for e in exact[piece] if e.kind is Kind.PLACE and not e.strict]
            conf = max(e.confidence for e in entries)
            yield doc.finding(Kind.PLACE, at, at + len(piece), conf, entries[0].rule)
            at += len(piece)


_MAX_TILED = 12


def _without_glued_tail(doc: Doc, core: str) -> str:
    """``core`` without a noun glued after a place by a lost space ("량강혜산출신", "광명거주"):
    ``places.glued_tails``, and a particle after it ("혜산출신이다")."""
    return _without_glued_tail_of(core, doc.rules)


# Pure in the word and the rules, and asked for every word by several rules of a page: remembered.
@lru_cache(maxsize=1 << 14)
def _without_glued_tail_of(core: str, rules: Rules) -> str:
    for tail in rules.config.places.glued_tails:
        at = core.rfind(tail)
        if at >= 2 and (at + len(tail) == len(core) or core[at + len(tail) :] in rules.particles):
            return core[:at]
    return core


def _glued_tail_places(doc: Doc) -> Iterable[Finding | None]:
    """A gazetteer place with a noun glued after it that only follows a place ("광명거주", "은덕출신",
    "남포태생"; ``places.glued_tails``): the noun vouches for it even when the place is also an
    everyday word (광명 "light"), which alone needs Kiwi to call it a proper noun. Not after 사람,
    which follows any noun ("광명사람" may be a bright one)."""
    exact = doc.rules.lexicon.exact
    pc = doc.rules.config.places
    for word in doc.words:
        core = strip_particles(word.text, doc)[0]
        head = _without_glued_tail(doc, core)
        if head == core or core[len(head) :].startswith("사람") or not hangul_only(head):
            continue
        entries = [e for e in exact.get(head, ()) if e.kind is Kind.PLACE]
        if entries and doc.at_word_start(word.start):
            end = word.start + len(head)
            yield doc.finding(Kind.PLACE, word.start, end, pc.confidence_hometown, "place.glued_tail")


_MAX_PIECES = 3


def _tiling(text: str, exact: Mapping[str, tuple[Entry, ...]], depth: int) -> list[str] | None:
    """``text`` cut into place keys (longest first), or None."""
    if not text:
        return []
    if depth >= _MAX_PIECES:
        return None
    for n in range(len(text), 1, -1):
        head = text[:n]
        if any(e.kind is Kind.PLACE and not e.strict for e in exact.get(head, ())):
            rest = _tiling(text[n:], exact, depth + 1)
            if rest is not None:
                return [head, *rest]
    return None


def _full_names_at(text: str, at: int, exact: Mapping[str, tuple[Entry, ...]]) -> list[tuple[str, Entry]]:
    """The full gazetteer place names (three syllables or more, neither weak nor strict) that start at
    ``at`` in ``text``, longest first, each with its entry."""
    out = []
    for n in range(min(len(text) - at, _MAX_FULL_NAME), _MIN_CHAIN_NAME - 1, -1):
        key = text[at : at + n]
        entry = next(
            (e for e in exact.get(key, ()) if e.kind is Kind.PLACE and not e.weak and not e.strict), None
        )
        if entry is not None:
            out.append((key, entry))
    return out


def _glued_chain(doc: Doc) -> Iterable[Finding | None]:
    """Two full place names glued together anywhere in a word, the second of a lower level ("우리회령시
    오산덕동살때", a chat line typed without spaces): a county and its village that meet by chance inside
    everyday words do not exist, so neither where the word starts nor what follows matters."""
    exact = doc.rules.lexicon.exact
    for word in doc.words:
        text = word.text
        if len(text) < 2 * _MIN_CHAIN_NAME:
            continue
        for at in range(len(text) - 2 * _MIN_CHAIN_NAME + 1):
            pair = next(
                (
                    (first, second)
                    for first, upper in _full_names_at(text, at, exact)
                    if upper.level in RANKS
                    for second, lower in _full_names_at(text, at + len(first), exact)
                    if RANKS.get(lower.level, -1) > RANKS[upper.level]
                ),
                None,
            )
            if pair is None:
                continue
            first, second = pair
            start = word.start + at
            conf = doc.rules.config.places.confidence_hometown
            yield doc.finding(Kind.PLACE, start, start + len(first), conf, "place.glued_chain")
            yield doc.finding(
                Kind.PLACE, start + len(first), start + len(first) + len(second), conf, "place.glued_chain"
            )
            break


_MIN_CHAIN_NAME = 3
_MAX_FULL_NAME = 10
# Administrative levels, from the top: a glued chain runs downwards (도, 시 or 군, 구역, 동 or 리).
RANKS = {
    "province": 0,
    "special_city": 0,
    "city": 1,
    "county": 1,
    "district": 2,
    "town": 3,
    "township": 3,
    "workers_district": 3,
    "dong": 3,
    "ri": 4,
}


def find_places(doc: Doc) -> list[Finding]:
    """Every place in ``doc``."""
    targets = cue_targets(doc)
    found = [
        *_gazetteer(doc, SpanIndex(targets)),
        *_unknown_suffix(doc),
        *_suffix_words(doc),
        *_glued_suffix_words(doc),
        *_hometown(doc, targets),
        *_tiled(doc),
        *_glued_tail_places(doc),
        *_glued_chain(doc),
        *find_glued_kin(doc),
        *_apartments(doc),
        *_villages(doc),
        *_numbered_hills(doc),
        *_named_sites(doc),
        *_numbered_gullies(doc),
        *_foreign_streets(doc),
        *_latin_homes(doc),
        *_han_places(doc),
        *_cyrillic_places(doc),
        *_glued_near_misses(doc),
        *find_cued_landmarks(doc),
    ]
    kept = [f for f in found if f is not None]
    places = [
        _with_split_suffix(doc, f)
        for f in kept
        if not _generic_country_alone(doc, f, kept)
        and not _country_said_of(doc, f, kept)
        and not country_in_general(doc, f, kept)
    ]
    places += [f for f in _split_heads(doc) if f is not None]
    places += [f for f in _shifted_heads(doc) if f is not None]
    places += find_kin_places(doc, places)
    places += [f for f in _spaced_divisions(doc, places) if f is not None]
    places += [f for f in _across(doc, places) if f is not None]
    places += [f for f in _han_quarters(doc, places) if f is not None]
    places += [f for f in _landmarks_after(doc, places) if f is not None]
    places += [f for f in _landmark_nouns(doc, places) if f is not None]
    places += [f for f in _damaged_suffix_in_chain(doc, places) if f is not None]
    places += [f for f in _latin_abbreviations(doc) if f is not None]
    places += [f for f in _damaged_parents(doc, places) if f is not None]
    places += [f for f in find_damaged_kin(doc, places) if f is not None]
    places += [f for f in find_stem_children(doc, places, _stem_tail_ok) if f is not None]
    places += [f for f in find_respaced_chain(doc, places) if f is not None]
    places += _stem_echoes(doc, places)
    places += _spaced_workers_districts(doc)
    places += _quarters_after_town(doc, places)
    places += [f for f in _spaced_foreign_villages(doc, places) if f is not None]
    places += [f for f in _called_places(doc) if f is not None]
    places += [f for f in _foreign_villages(doc, places) if f is not None]
    return [_with_landmark_end(doc, f) for f in places]


def _with_landmark_end(doc: Doc, f: Finding) -> Finding:
    """A place found at the start of a word that goes on with a landmark's class noun (``places.
    landmark_ends``) and then a particle or nothing goes on over the noun: "금야강 옆에서", "신포항에서" are
    the river and the harbour of the place, and the fill must take the whole name."""
    if f.kind is not Kind.PLACE:
        return f
    start, end = doc.spaced_range(f.start, f.end)
    word = doc.word_at(end - 1)
    if word is None or word.end <= end or not doc.at_word_start(start) or " " in doc.text[start:end]:
        return f
    rest = doc.text[end : word.end]
    for noun in _endings(doc.rules).landmark_ends:
        after = rest[len(noun) :]
        if rest.startswith(noun) and (not after or after.startswith(doc.rules.particles)):
            g = doc.finding(Kind.PLACE, start, end + len(noun), f.confidence, f.rule, severity=f.severity)
            return g if g is not None else f
    return f


# A quarter, town or village named right after its city without a suffix ("거제 옥포에서 일해", "김해 어
# 진영에서", "안산 사동 어 원룸에"): a word Kiwi reads as a proper noun or does not know, of two or three
# syllables, with a place's particle after it (or a filler word: the speaker goes on). A filler may
# stand between the city and the quarter.
_QUARTER_AFTER = re.compile(
    r" (?:(?:어|음|그) )?([가-힣]{2,3}?)((?:에서는|에서|에는|에|쪽에서|쪽에|쪽|서)?)(?= |$|[.,!?])"
)


def _quarters_after_town(doc: Doc, places: list[Finding]) -> list[Finding]:
    text = doc.text
    taken = SpanIndex((f.start, f.end) for f in places)
    out: list[Finding | None] = []
    for f in places:
        if not f.rule.startswith(("place.sk_places", "place.nk_places")):
            continue
        pos = f.end
        m = _QUARTER_AFTER.match(text, pos)
        if m is None:
            continue
        start, end = m.start(1), m.end(1)
        if taken.overlaps(start, end):
            continue
        rest = text[m.end() :].lstrip()
        said = bool(m.group(2)) or (
            rest.startswith(_SPLIT_CITY_PARTICLES) and rest.split(maxsplit=1)[0] in _SPLIT_CITY_PARTICLES
        )
        filler = rest.split(maxsplit=1)[:1] in (["어"], ["음"])
        if not (said or filler):
            continue
        if evidence(doc, start, end) not in _PLACE_LIKE:
            continue
        if m.group(1) in doc.rules.config.places.unknown_stem_stop:
            continue
        taken.add(start, end)
        review = doc.rules.config.severity.redact_min - 0.05
        out.append(doc.finding(Kind.PLACE, start, end, min(f.confidence, review), "place.quarter_after_town"))
    return [f for f in out if f is not None]


# A workers' district (로동자구) whose suffix the spacing cut up ("대택 로동 자 구", "대택로동자 구"): the
# North's spelling 로동 and at least one space inside the suffix, its stem of two to four syllables
# before it; the word ends after 구 or a particle follows.
_SPACED_WORKERS_DISTRICT = re.compile(
    r"(?<![가-힣])([가-힣]{2,4} ?로 ?[동둉] ?자 ?구)(?![가-힣])"
    r"|(?<![가-힣])([가-힣]{2,4} ?로 ?[동둉] ?자 ?구)(?=에|의|로|는|도)"
)


def _spaced_workers_districts(doc: Doc) -> list[Finding]:
    out: list[Finding | None] = []
    for m in _SPACED_WORKERS_DISTRICT.finditer(doc.text):
        group = 1 if m.group(1) else 2
        conf = doc.rules.config.places.confidence_unknown
        rule = "place.spaced_workers_district"
        out.append(doc.finding(Kind.PLACE, m.start(group), m.end(group), conf, rule))
    return [f for f in out if f is not None]


# The suffixes a place found whole may drop when the writer names it again ("무산 그 무산군", "수동구 그
# 수동", "목감동 어 목감"): the bare stem, a word of its own elsewhere in the same text, is that place.
_ECHO_SUFFIXES = ("로동자구", "노동자구", "구역", "군", "시", "구", "동", "리", "읍", "면")
_MIN_ECHO_STEM = 2


def _stem_echoes(doc: Doc, places: list[Finding]) -> list[Finding]:
    text = doc.text
    stems: dict[str, Finding] = {}
    wholes: dict[str, Finding] = {}
    for f in places:
        word = text[f.start : f.end].replace(" ", "")
        if not all(is_hangul(c) for c in word):
            continue
        suffix = next((x for x in _ECHO_SUFFIXES if word.endswith(x)), None)
        if suffix is None or len(word) - len(suffix) < _MIN_ECHO_STEM:
            continue
        stems.setdefault(word[: -len(suffix)], f)
        if f.severity is Severity.REDACT and " " not in text[f.start : f.end]:
            wholes.setdefault(word, f)
    out: list[Finding | None] = []
    taken = SpanIndex()
    for f in places:
        taken.add(f.start, f.end)
    # The whole name again, glued to what follows as a particle, a suffix or a position noun would be
    # ("락덕동에서 …" then "우리 락덕동앞산에는"), which the rules that found it may not read there.
    for word, source in wholes.items():
        for m in re.finditer(re.escape(word), text):
            start, end = m.start(), m.end()
            if (start > 0 and is_hangul(text[start - 1])) or taken.overlaps(start, end):
                continue
            if not _stem_tail_ok(doc, end):
                continue
            taken.add(start, end)
            out.append(doc.finding(Kind.PLACE, start, end, source.confidence, "place.stem_echo"))
    particles = doc.rules.particles
    for stem, source in stems.items():
        for m in re.finditer(re.escape(stem), text):
            start, end = m.start(), m.end()
            if start > 0 and is_hangul(text[start - 1]):
                continue
            rest = text[end:]
            glued = rest[:1] and is_hangul(rest[0])
            if glued and not rest.startswith(particles):
                continue
            if taken.overlaps(start, end):
                continue
            taken.add(start, end)
            out.append(doc.finding(Kind.PLACE, start, end, source.confidence, "place.stem_echo"))
    return [f for f in out if f is not None]


# Reported speech after a place ("안주래요", "구성이랍니다": "it is said to be"), beside the copula.
_HEARSAY_TAIL = re.compile("(?:이)?(?:래|래요|래서|랍니다|라더라|라던데)$")


def _stem_tail_ok(doc: Doc, end: int) -> bool:
    """What follows a stem at spaced ``end`` in its word is a particle, a suffix (:func:`tail_ok`) or
    the copula, said or reported ("안주였소", "안주래요")."""
    if tail_ok(doc, end):
        return True
    word = doc.word_at(end)
    rest = doc.text[end : word.end] if word is not None else ""
    return bool(rest) and (_COPULA_TAIL.match(rest) is not None or _HEARSAY_TAIL.match(rest) is not None)


@lru_cache(maxsize=8)
def _parents(rules: Rules) -> dict[str, frozenset[str]]:
    """Each gazetteer division's name and the names of the two divisions above it (성후동: 혜산시,
    량강도), cities and counties only above a 동 or 리 (not the province)."""
    up = {p.name: p.parent for p in rules.gazetteers.places if p.parent and p.level in RANKS}
    out: dict[str, frozenset[str]] = {}
    for name, parent in up.items():
        out[name] = frozenset(n for n in (parent, up.get(parent, "")) if len(n) >= _MIN_PARENT)
    return out


_MIN_PARENT = 3  # syllables of a city or county's name with its suffix (혜산시, 안산시)
_MAX_PARENT_DAMAGE = 2  # jamo OCR changed in it ("헤산사" for 혜산시: ㅖ → ㅔ, ㅣ → ㅏ)


def _damaged_parents(doc: Doc, places: list[Finding]) -> Iterable[Finding | None]:
    """The city or county right before a gazetteer division of it, OCR having damaged its name or its
    suffix ("헤산사 성후동", glued on too: "지금안산사 단원구"): the division after it vouches for a
    near miss that alone would be two jamo off, or a word Kiwi reads as something else."""
    parents = _parents(doc.rules)
    conf = doc.rules.config.severity.redact_min - 0.05
    starts = {f.start for f in places if f.kind is Kind.PLACE}
    for start in sorted(starts):
        word = doc.word_at(start)
        if word is None or word.start != start or start < 2 or doc.text[start - 1] != " ":
            continue
        name = strip_particles(doc.text[start : word.end], doc)[0]
        before = doc.word_at(start - 2)
        if before is None or not hangul_only(doc.text[before.start : before.end]):
            continue
        text = doc.text[before.start : before.end]
        for parent in parents.get(name, ()):
            if len(text) < len(parent):
                continue
            piece = text[-len(parent) :]
            if piece == parent:
                continue  # written whole: the gazetteer finds it
            if Levenshtein.distance(jamo(piece), jamo(parent)) <= _MAX_PARENT_DAMAGE:
                yield doc.finding(
                    Kind.PLACE, before.end - len(parent), before.end, conf, "place.damaged_parent"
                )
                break


def _across(doc: Doc, places: list[Finding]) -> Iterable[Finding | None]:
    """Two places with a word of position between them ("단둥 신의주 건너편 원보구", "혜산 맞은편
    장백"): the position is part of saying where, so the three words are one place."""
    positions = doc.rules.config.places.glued_positions
    if not positions:
        return
    starts = {f.start: f for f in places}
    pattern = re.compile(rf"[ \n]?(?:{alternation(positions)})(?:쪽)?[ \n]")
    text = doc.text
    for f in places:
        m = pattern.match(text, f.end)
        nxt = starts.get(m.end()) if m is not None else None
        if nxt is not None:
            yield doc.finding(Kind.PLACE, f.start, nxt.end, min(f.confidence, nxt.confidence), "place.across")


def _exact_division(doc: Doc, word: str) -> bool:
    """``word`` is a gazetteer division by its full name with its suffix (파주시, 단원구, 문산읍)."""
    if len(word) < 3 or not word.endswith(tuple(doc.rules.config.places.admin_suffixes)):
        return False
    entries = doc.rules.lexicon.exact.get(key_of(word), ())
    return any(e.kind is Kind.PLACE and not e.weak and not e.rule.endswith(".stem") for e in entries)


# A syllable OCR split off the head of a word ("파 주시", "천 안시서북구").
_SPLIT_HEAD = re.compile(r"(?<![가-힣])([가-힣]) ([가-힣]{2,14})")
_LINE_GAP = re.compile(r"[ \n]{1,2}")


def _split_heads(doc: Doc) -> Iterable[Finding | None]:
    """A city or district whose first syllable OCR split off ("파 주시\n문산읍", "안 산시 단원구",
    "천 안시서북구"): the joined word is a gazetteer division by its full name, and another division
    follows it, glued on or as the next word. Without the place after it, "파 주시" is two words."""
    conf = doc.rules.config.places.confidence_unknown
    text = doc.text
    for m in _SPLIT_HEAD.finditer(text):
        head, rest = m.group(1), m.group(2)
        for n in range(len(rest), 1, -1):
            if not _exact_division(doc, head + rest[:n]):
                continue
            tail = strip_particles(rest[n:], doc)[0] if n < len(rest) else ""
            ok = bool(tail) and _exact_division(doc, tail)
            if not ok and n == len(rest):
                gap = _LINE_GAP.match(text, m.end())
                nxt = re.match(r"[가-힣]{3,12}", text[gap.end() :]) if gap is not None else None
                ok = nxt is not None and _exact_division(doc, strip_particles(nxt.group(), doc)[0])
            if ok:
                yield doc.finding(Kind.PLACE, m.start(), m.start(2) + n, conf, "place.split_head")
            break


def _shifted_heads(doc: Doc) -> Iterable[Finding | None]:
    """A division whose first syllable OCR glued to the filler or determiner before it, moving the space
    ("그옥 전동에서" for 그 옥전동에서): the syllable and the next word join into a gazetteer division by
    its full name, and what is left before it is a word a speaker puts before a place (그, 저, 어)."""
    pc = doc.rules.config.places
    conf = doc.rules.config.severity.redact_min - 0.05
    for before, word in pairwise(doc.words):
        head = before.text
        if doc.text[before.end : word.start] != " " or len(head) < 2 or not hangul_only(head):
            continue
        if head[:-1] not in pc.village_fillers:
            continue
        rest = strip_particles(word.text, doc)[0]
        if _exact_division(doc, rest) or not _exact_division(doc, head[-1] + rest):
            continue
        yield doc.finding(Kind.PLACE, before.end - 1, word.start + len(rest), conf, "place.shifted_head")


# Letter-spaced syllables ending in a small division's syllable ("오 대 진 동"), spaced unevenly too
# ("풍 곡동", "오대 진동"): two to four syllables in all, a particle glued on or not ("야 음동에").
_SPACED_DIVISION = re.compile(
    r" ((?:[가-힣] ){1,3}[동리읍면]|(?:[가-힣]{1,2} ){1,2}[가-힣]{0,2}[동리읍면])"
    r"(?:(?![가-힣])|(?=(?:에서|에|의|은|는|이|가|을|를|으로|로)(?![가-힣])))"
)
_MAX_SPACED_DIVISION = 4


def _spaced_divisions(doc: Doc, places: list[Finding]) -> Iterable[Finding | None]:
    """In a letter written one syllable at a time ("신포 시 오 대 진 동 에"), the village or quarter
    right after a place: two to four single syllables, the last a division's, none a particle."""
    pc = doc.rules.config.places
    # Findings hold offsets into the original text; the pattern reads the spaced view, which differs
    # wherever the original has runs of spaces (a transcript's "어  음  그").
    for end in sorted({doc.spaced_range(f.start, f.end)[1] for f in places}):
        m = _SPACED_DIVISION.match(doc.text, end)
        if m is None:
            continue
        stem = m.group(1).replace(" ", "")[:-1]
        if len(stem) >= _MAX_SPACED_DIVISION:
            continue
        chunks = m.group(1).split(" ")
        if any(c in pc.unknown_stem_stop or (len(c) > 1 and _one_everyday_noun(c)) for c in chunks[:-1]):
            # "평양 내 친구 동": words of their own, not one name letter-spaced
            continue
        if any(ch in _SPACED_PARTICLES for ch in stem) or stem in pc.unknown_stem_stop:
            continue
        glued = doc.text[m.end(1) : m.end(1) + 1].isalpha()
        if glued and len(chunks[-1]) > 1 and _one_everyday_noun(chunks[-1]):
            continue  # a particle glued on ("서울 밤 거리에서"): the last piece is an everyday noun
        yield doc.finding(Kind.PLACE, m.start(1), m.end(1), pc.confidence_unknown, "place.spaced_division")


# One-syllable particles and endings that a letter-spaced sentence puts after a place ("평양 에 가 는").
_SPACED_PARTICLES = frozenset("에의은는이가을를도로와과서고다며면한할")


# A town abroad written in Latin letters right before a cue of living, being born or coming from
# ("Duluth에 살고", "Leeds에서 왔다"): capitalised words of three letters or more, glued to the cue's
# particle.
# Cyrillic names too ("Харків에서 태어났고").
_CYR_UPPER, _CYR_LOWER = "А-ЯЁІЇЄҐ", "а-яёіїєґ"
_CYR_WORD = f"[{_CYR_UPPER}][{_CYR_LOWER}'’]{{2,20}}"
_LATIN_HOME = re.compile(
    rf"(?<![A-Za-z{_CYR_UPPER}{_CYR_LOWER}.@/])"
    rf"((?:[A-Z][a-z]{{2,20}}(?: [A-Z][a-z]{{2,20}})?)|(?:{_CYR_WORD}(?:[ -]{_CYR_WORD})?))(?=에)"
)


def _latin_homes(doc: Doc) -> Iterable[Finding | None]:
    """See ``_LATIN_HOME``; the cue is one of ``places.hometown_after`` or ``places.strong_stem_cues``
    that starts with 에 ("에 살고", "에서 태어"), not a looser one ("에서 나" would take "YouTube에서
    나온")."""
    pc = doc.rules.config.places
    cues = tuple(c.replace(" ", "") for c in (*pc.hometown_after, *pc.strong_stem_cues) if c.startswith("에"))
    for m in _LATIN_HOME.finditer(doc.text):
        if doc.text[m.end() : m.end() + 12].replace(" ", "").startswith(cues):
            yield doc.finding(
                Kind.PLACE,
                m.start(1),
                m.end(1),
                doc.rules.config.places.confidence_hometown,
                "place.latin_home",
            )


_MAX_HAN = 8  # characters of one division's or street's name with its ending (黑龙江省, 生野区)
_MAX_HAN_CITY = 4  # characters of a city's name without its ending (延吉, 哈尔滨)
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")


def _han_places(doc: Doc) -> Iterable[Finding | None]:
    """A place written in Chinese or Japanese characters: a run of them ending in one of
    ``places.han_suffixes`` (大阪市, 生野区, 河南街) and not an everyday word (``places.han_stop``: 都市,
    道路). Runs one space apart make one place (大阪市 生野区), and so does a run right before a place
    run: the city the district lies in (延吉 河南街)."""
    pc = doc.rules.config.places
    if not pc.han_suffixes or not _HAN_RUN.search(doc.original):
        return
    # The spaced view has every Hanja read as Hangul (relay/detect/hanja.py), so its characters are
    # looked for in the same view before that reading: same length, same offsets.
    runs = list(_HAN_RUN.finditer(doc.unread_text))
    placed = [
        (m.group().endswith(pc.han_suffixes) and len(m.group()) <= _MAX_HAN and m.group() not in pc.han_stop)
        or _han_tiled(m.group(), pc.han_suffixes, pc.han_stop)
        for m in runs
    ]
    i = 0
    while i < len(runs):
        if not placed[i]:
            i += 1
            continue
        first = i
        spaced = i > 0 and runs[i - 1].end() + 1 == runs[i].start() and doc.text[runs[i - 1].end()] == " "
        if spaced and not placed[i - 1] and len(runs[i - 1].group()) <= _MAX_HAN_CITY:
            first = i - 1  # 延吉 河南街: the city before its street
        last = i
        while (
            last + 1 < len(runs)
            and (
                placed[last + 1]
                or (
                    _han_township(runs[last + 1].group(), pc.han_township_suffixes)
                    and runs[last + 1].group() not in pc.han_stop
                )
            )
            and runs[last + 1].start() - runs[last].end() <= 1
            and doc.text[runs[last].end() : runs[last + 1].start()] in ("", " ")
        ):
            last += 1
        yield doc.finding(
            Kind.PLACE, runs[first].start(), runs[last].end(), pc.confidence_unknown, "place.han"
        )
        i = last + 1


_MAX_HAN_TILED = 24  # characters of a whole address's divisions glued (吉林省延吉市河南街道光明路)


def _han_tiled(run: str, suffixes: tuple[str, ...], stop: Collection[str]) -> bool:
    """A run longer than one division that is divisions glued one after another, as a Chinese address
    writes them (吉林省延吉市河南街道: 吉林省, 延吉市, 河南街道): the whole run cut into pieces of two to
    ``_MAX_HAN`` characters, each ending in one of ``suffixes`` and none an everyday word (``stop``).
    A sentence in characters is not cut so to its end."""
    n = len(run)
    if n <= _MAX_HAN or n > _MAX_HAN_TILED:
        return False
    reached = [True] + [False] * n
    for i in range(n):
        if not reached[i]:
            continue
        for j in range(i + 2, min(i + _MAX_HAN, n) + 1):
            piece = run[i:j]
            if piece.endswith(suffixes) and piece not in stop:
                reached[j] = True
    return reached[n]


def _han_township(run: str, suffixes: tuple[str, ...]) -> bool:
    """A township, town, village or quarter in characters (普林面, 南下洞): two to five characters
    ending in one of ``suffixes``; a place only after a place run (see :func:`_han_places`)."""
    return 2 <= len(run) <= 5 and run.endswith(suffixes)


_CYR_NAME = f"{_CYR_WORD}(?:[ -]{_CYR_WORD}){{0,2}}"
_CYR_LETTER = f"{_CYR_UPPER}{_CYR_LOWER}"


@lru_cache(maxsize=8)
def _cyrillic_patterns(rules: Rules) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    pc = rules.config.places
    if not pc.cyrillic_classes:
        return None
    classes = alternation(pc.cyrillic_classes)
    # The class word after the name ("Курська область") or before it ("улица Ленина", "г. Москва").
    # The name is capitalised (a person's "мой город" is none); the class word in any case.
    cls = re.compile(
        rf"(?<![{_CYR_LETTER}])(?:{_CYR_NAME} (?i:{classes})(?![{_CYR_LETTER}])|(?i:{classes}) ?{_CYR_NAME})"
    )
    nouns = alternation(pc.foreign_landmark_nouns)
    landmark = re.compile(
        rf"(?<![{_CYR_LETTER}])({_CYR_NAME}) (?:{nouns})(?:에서|에|의|으로|로|을|를|은|는|이|가)?(?![가-힣])"
    )
    return cls, landmark


def _cyrillic_places(doc: Doc) -> Iterable[Finding | None]:
    """A place written in Cyrillic letters: a name with a word for its class ("Курская область",
    "улица Ленина", see ``places.cyrillic_classes``), or a capitalised name before a Korean noun that
    only a place takes ("Вторая Речка 시장", see ``places.foreign_landmark_nouns``)."""
    pats = _cyrillic_patterns(doc.rules)
    if pats is None or not any("Ѐ" <= ch <= "ӿ" for ch in doc.text):
        return
    conf = doc.rules.config.places.confidence_unknown
    cls, landmark = pats
    for m in cls.finditer(doc.text):
        yield doc.finding(Kind.PLACE, m.start(), m.end(), conf, "place.cyrillic")
    for m in landmark.finditer(doc.text):
        yield doc.finding(Kind.PLACE, m.start(1), m.end(1), conf, "place.cyrillic")


# Words for a street or avenue abroad, after its name ("스베틀란스카야 거리", "알레우츠카야 울리차").
_STREET_WORDS = ("거리", "대로", "울리차", "프로스펙트", "애비뉴", "스트리트")
_MIN_STREET_NAME = 4  # syllables: a transliterated name, longer than everyday words before 거리


def _foreign_streets(doc: Doc) -> Iterable[Finding | None]:
    """A street named by a transliterated foreign word ("스베틀란스카야 거리"): a word of four syllables
    or more that Kiwi does not know, then a word for a street. Everyday words before 거리 (먼 거리,
    출퇴근 거리) are known to Kiwi."""
    conf = doc.rules.config.places.confidence_unknown
    for before, word in pairwise(doc.words):
        core, _ = strip_particles(word.text, doc)
        if word.text in _STREET_WORDS:
            core = word.text  # 대로 ("avenue") is no 대 with the particle 로
        if core not in _STREET_WORDS:
            start = _glued_street_start(doc, before, word, core)
        elif doc.text[before.end : word.start] == " ":
            start = _street_name_start(doc, before)
            if start is None and _HOUSE_AFTER_STREET.match(doc.text, word.start + len(core)):
                start = _numbered_street_start(doc, before)
        else:
            continue
        if start is None:
            continue
        yield doc.finding(Kind.PLACE, start, word.start + len(core), conf, "place.foreign_street")


# A house's number after the street word ("끄마요란 거리 18번지", "… 대로 이십칠번지"): the street is one.
_HOUSE_AFTER_STREET = re.compile(r" ?(?:\d{1,5}|[공영일이삼사오육칠팔구십백천]{1,8})(?:번지|호|동)(?!선|안)")
# The endings of a word that describes the street rather than names it ("번화한 거리", "넓은 대로").
_DESCRIBING = ("한", "는", "은", "운", "인", "된", "던", "른", "진", "쪽", "의")


def _numbered_street_start(doc: Doc, name: Span) -> int | None:
    """Where the name of a street with a house's number after it starts: one Hangul word of three
    syllables or more that no ending says describes it (Kiwi may know a transliterated name's pieces:
    "끄마요란" is still a name before 거리 and 18번지)."""
    core = name.text  # (a name's last syllable may look like a particle: 끄마요란)
    if len(core) < 3 or not hangul_only(core) or core.endswith(_DESCRIBING):
        return None
    return None if _one_everyday_noun(core) else name.start


def _unknown_word(doc: Doc, word: Span, least: int) -> bool:
    """``word`` is Hangul of ``least`` syllables or more that Kiwi does not know: read as no word, or
    as a proper noun out of its dictionary ("야보르니츠코호"), not one it knows (세종)."""
    if len(word.text) < least or not hangul_only(word.text):
        return False
    ev = evidence(doc, word.start, word.end)
    if ev is Evidence.PROPER:
        return all(m.oov for m in doc.morphemes_in(word.start, word.end))
    return ev in (Evidence.UNKNOWN, Evidence.FRAGMENT)


def _glued_street_start(doc: Doc, before: Span, word: Span, core: str) -> int | None:
    """Where a street abroad starts whose word for a street OCR glued to its name ("프라치거리"): the
    name in the word is unknown to Kiwi, and an unknown word before it, one space away, is the name's
    first word ("게로이우 프라치거리")."""
    kind = next((k for k in _STREET_WORDS if core.endswith(k) and len(core) - len(k) >= 3), None)
    if kind is None or doc.text[before.end : word.start] != " ":
        return None
    name = Span(word.start, word.start + len(core) - len(kind), core[: -len(kind)])
    if not _unknown_word(doc, name, 3) or not _unknown_word(doc, before, 3):
        return None
    return before.start


def _street_name_start(doc: Doc, last: Span) -> int | None:
    """Where the name of a street abroad ending with ``last`` starts, or None: one unknown word of
    four syllables or more ("스베틀란스카야"), or two unknown words of three or more, as a street named
    after a person or a deed is written ("드미트라 야보르니츠코호", "게로이우 프라치": the heroes of
    labour), the first word then part of the name."""
    i = bisect.bisect_left(doc.words, last.start, key=lambda w: w.start)
    first = doc.words[i - 1] if i > 0 else None
    joined = first is not None and doc.text[first.end : last.start] == " "
    if joined and first is not None and _unknown_word(doc, first, 3) and _unknown_word(doc, last, 3):
        return first.start
    return last.start if _unknown_word(doc, last, _MIN_STREET_NAME) else None


_FOREIGN_CITY_LEVELS = frozenset({"city", "region"})
_MAX_VILLAGE = 4  # syllables: 서성진, 남평진, 숭선향, 광명촌


def _foreign_villages(doc: Doc, places: list[Finding]) -> Iterable[Finding | None]:
    """A town or village after a foreign city or county ("화룡시 서성진에", "훈춘 경신진"): the next word
    ends in one of ``places.foreign_village_suffixes`` and Kiwi does not know it as an everyday word
    (고향, 농촌, 어촌)."""
    pc = doc.rules.config.places
    ends = {f.end for f in places if "foreign_places" in f.rule and _foreign_city(doc, f)}
    for i, word in enumerate(doc.words):
        if i == 0 or doc.text[doc.words[i - 1].end : word.start] != " ":
            continue
        if doc.words[i - 1].end not in ends and not _near_city(doc, i - 1, ends):
            continue
        core = _without_glued_cue(strip_particles(word.text, doc)[0], doc)
        district = _foreign_district(doc, i, core) or _foreign_street_quarter(doc, i)
        if district is not None:
            yield district
            continue
        if (
            not 2 <= len(core) <= _MAX_VILLAGE
            or not hangul_only(core)
            or not core.endswith(pc.foreign_village_suffixes)
        ):
            continue
        if _one_everyday_noun(core) or core in doc.rules.config.names.stop_words:
            continue
        yield doc.finding(
            Kind.PLACE, word.start, word.start + len(core), pc.confidence_unknown, "place.foreign_village"
        )


# In a letter written one syllable at a time, the town, township or village after a foreign city or
# county ("돈 화 시 대 석 두 진 에", "집 안 시 량 수 향 에"): the city's own suffix set apart may come
# first (" 시", " 현", " 진" of "이 도 백 하 진"), a filler ("그") too, then two to five syllables in pieces
# of one or two, the last a Chinese division's (진, 향, 촌, 현), and a particle or the end of the words.
_SPACED_CITY_SUFFIX = re.compile(r" ([시현진])(?= )")
_SPACED_FOREIGN_VILLAGE = re.compile(
    r" (?:그 )?((?:[가-힣]{1,2} ){1,4}[진향촌현]|[가-힣]{1,3} [진향촌현])"
    r"(?![가-힣])(?= ?(?:에|의|으|로|까|부|쪽|은|는|이|[^가-힣 ]|$))"
)
_MAX_SPACED_VILLAGE = 5  # syllables: 이도백하진, 대석두진, 쾌대무진


def _spaced_foreign_villages(doc: Doc, places: list[Finding]) -> Iterable[Finding | None]:
    """The letter-spaced town or village after a foreign city (``_SPACED_FOREIGN_VILLAGE``), with the
    city: pieces that are particles ("에 진") or everyday words ("시내") are refused."""
    pc = doc.rules.config.places
    for f in places:
        if "foreign_places" not in f.rule:
            continue
        start, end = doc.spaced_range(f.start, f.end)
        if not _foreign_city_at(doc, start, end):
            continue
        suffix = _SPACED_CITY_SUFFIX.match(doc.text, end)
        end = end if suffix is None else suffix.end()
        m = _SPACED_FOREIGN_VILLAGE.match(doc.text, end)
        if m is None:
            if suffix is not None:  # "이 도 백 하 진 에": the town's own suffix set apart
                yield doc.finding(Kind.PLACE, start, end, f.confidence, f.rule, severity=f.severity)
            continue
        chunks = m.group(1).split(" ")
        core = "".join(chunks)
        if not 2 <= len(core) <= _MAX_SPACED_VILLAGE or len(chunks) < 2:
            continue
        if chunks[0][0] in _SPACED_PARTICLES or core in pc.unknown_stem_stop or _one_everyday_noun(core):
            continue
        if any(len(c) > 1 and _one_everyday_noun(c) for c in chunks[:-1]):
            continue  # words of their own ("도문 시내 진"), not one name letter-spaced
        # City and village as one finding: the pair is the evidence, and a reading of the despaced
        # words ("돈화시대" as 시대) must not take the city off it (respaced._SPACED_SURE).
        yield doc.finding(Kind.PLACE, start, m.end(1), pc.confidence_unknown, "place.spaced_foreign_village")


# A place the writer names and explains ("래양이라는 데", "장가촌이라는 동네에서", "코레네보라는 곳"):
# a word Kiwi does not know as an everyday one, then (이)라는 or 이란 and a word for a place.
_CALLED_PLACE = re.compile(
    r"(?<![가-힣])([가-힣]{2,5}?)(?:이)?(?:라는|란) ?(?:동네|마을|곳|데|도시|지역|고장|시골|촌)(?![가-힣])"
    r"|(?<![가-힣])([가-힣]{2,5}?)(?:이)?(?:라는|란) ?(?:동네|마을|곳|데|도시|지역|고장|시골|촌)"
    r"(?=에|의|이|은|는|가|을|야|였|이었|으로|로|까지|부터)"
)


def _called_places(doc: Doc) -> Iterable[Finding | None]:
    """Places named by ``_CALLED_PLACE``, not everyday words nor people's names."""
    pc = doc.rules.config.places
    for m in _CALLED_PLACE.finditer(doc.text):
        g = 1 if m.group(1) is not None else 2
        start, end = m.start(g), m.end(g)
        name = m.group(g)
        if (
            _one_everyday_noun(name)
            or name in doc.rules.config.names.stop_words
            or name in pc.unknown_stem_stop
        ):
            continue
        if evidence(doc, start, end) not in _PLACE_LIKE or _name_like(doc, name):
            continue
        yield doc.finding(Kind.PLACE, start, end, pc.confidence_unknown, "place.called")


def _name_like(doc: Doc, word: str) -> bool:
    """``word`` is a given name, or a surname and one ("철수라는 데 그 애가": 데 is also "but")."""
    gz = doc.rules.gazetteers
    return gz.listed_name(word) or (word[:1] in gz.surnames and gz.listed_name(word[1:]))


_DISTRICT_PARTICLES = (
    *("에", "에서", "의", "에는", "에서는", "에도", "에서도"),
    *("으로", "로", "까지", "부터", "쪽"),
)
_MAX_DISTRICT = 6  # syllables: 바양주르흐, 수흐바타르


def _foreign_district(doc: Doc, i: int, core: str) -> Finding | None:
    """Word ``i``, right after a foreign city, is a district or quarter of it that Kiwi does not know
    ("토론토 노스욕에", "방콕 아속의", "Москва 부토보 아파트", "울란바토르 바양주르흐 구역에"): a
    particle of place is glued to it or one of ``places.foreign_district_words`` follows it (taken in
    when it is the district's suffix)."""
    pc = doc.rules.config.places
    word = doc.words[i]
    if not 2 <= len(core) <= _MAX_DISTRICT or not hangul_only(core):
        return None
    if _one_everyday_noun(core) or core in doc.rules.config.names.stop_words:
        return None
    if evidence(doc, word.start, word.start + len(core)) not in _PLACE_LIKE:
        return None
    end = word.start + len(core)
    rest = word.text[len(core) :]
    if rest in _DISTRICT_PARTICLES:
        return doc.finding(Kind.PLACE, word.start, end, pc.confidence_unknown, "place.foreign_district")
    if rest or i + 1 >= len(doc.words) or doc.text[word.end : doc.words[i + 1].start] != " ":
        return None
    nxt = doc.words[i + 1]
    noun, _ = strip_particles(nxt.text, doc)
    if noun not in pc.foreign_district_words:
        return None
    if noun in ("구역", "구", "지구"):
        end = nxt.start + len(noun)
    return doc.finding(Kind.PLACE, word.start, end, pc.confidence_unknown, "place.foreign_district")


_MAX_QUARTER_STEM = 4  # syllables: 신흥, 하남, 건공, 북대


def _foreign_street_quarter(doc: Doc, i: int) -> Finding | None:
    """Word ``i``, right after a foreign city, is a quarter named as a street ("연길시 하남가",
    "도문시 향양가두에서"): a stem of two to four syllables that is no everyday word, one of
    ``places.foreign_street_suffixes``, then a particle of place or nothing."""
    pc = doc.rules.config.places
    word = doc.words[i]
    text = word.text
    for n in range(2, min(_MAX_QUARTER_STEM, len(text) - 1) + 1):
        stem = text[:n]
        for suffix in pc.foreign_street_suffixes:
            if not text.startswith(suffix, n):
                continue
            rest = text[n + len(suffix) :]
            if rest and rest not in _DISTRICT_PARTICLES:
                continue
            if not hangul_only(stem) or stem in doc.rules.config.names.stop_words:
                continue
            if not _unknown_or_proper(stem):
                continue
            end = word.start + n + len(suffix)
            rule = "place.foreign_street_quarter"
            return doc.finding(Kind.PLACE, word.start, end, pc.confidence_unknown, rule)
    return None


def _unknown_or_proper(word: str) -> bool:
    """Kiwi, reading ``word`` alone, knows no everyday word in it: one proper noun, or unknown."""
    morphs = analyse(word)
    return bool(morphs) and (all(m.oov for m in morphs) or (len(morphs) == 1 and morphs[0].tag == "NNP"))


def _near_city(doc: Doc, i: int, ends: set[int]) -> bool:
    """Word ``i`` is a word of position (``places.glued_positions``: 근처, 옆) right after a foreign city
    ("가목사 근처 탕원현"): the village after it is still that city's."""
    return (
        i > 0
        and doc.words[i].text in doc.rules.config.places.glued_positions
        and doc.words[i - 1].end in ends
        and doc.text[doc.words[i - 1].end : doc.words[i].start] == " "
    )


def _foreign_city(doc: Doc, f: Finding) -> bool:
    """``f`` is a foreign city, county or region (not a country or province)."""
    return _foreign_city_at(doc, f.start, f.end)


def _foreign_city_at(doc: Doc, start: int, end: int) -> bool:
    """Spaced ``[start, end)`` is a foreign city, county or region (not a country or province)."""
    key = key_of(doc.text[start:end])
    stem = key[:-1] if key.endswith(("시", "현")) else key
    entries = (*doc.rules.lexicon.exact.get(key, ()), *doc.rules.lexicon.exact.get(stem, ()))
    return any(e.kind is Kind.PLACE and e.level in _FOREIGN_CITY_LEVELS for e in entries)


# The country as where a thing was eaten, drunk, heard or worn ("러시아에서 먹던 흑빵", "중국에서 듣던
# 노래"): a memory of the thing, not where anyone lives or is; every such letter's reader was there.
_TASTED_THERE = re.compile(r" ?에서 (?:먹|마시|마셨|듣|들었|입|입었|보|봤|쓰|썼)(?:던|었던|은)(?= )")


def _generic_country_alone(doc: Doc, f: Finding, found: list[Finding]) -> bool:
    """``f`` is a country every such letter names (``places.generic_countries``: 러시아, 중국) said of
    something else ("러시아 겨울이", "중국은 요즘"): neither a word of location follows it ("중국으로",
    "우크라이나에 있는") nor another place ("러시아 쿠르스크"). Such a country identifies no one."""
    pc = doc.rules.config.places
    if doc.text[f.start : f.end] not in pc.generic_countries:
        return False
    after = doc.text[f.end : f.end + 6]
    if after.lstrip().startswith(pc.generic_country_cues) and not _TASTED_THERE.match(doc.text, f.end):
        return False
    nxt = doc.word_at(f.end + 1) if after.startswith(" ") else None
    return not any(g.start == nxt.start for g in found if g is not f) if nxt is not None else True


# A country spoken of as a whole rather than as where someone is: "in it too" ("미국에도 북에서 온
# 사람들이", "일본 에서도 걱정하는 사람이"), where someone came from or lived or worked once ("미국에서
# 온 저도", "중국에서 살면서 설움을", "러시아에서 벌목하던 겨울은"), its land's weather ("러시아 땅의
# 추위"), or its own things with the possessive glued on by OCR ("폴란드의겨울은"). Writers and readers
# of these letters have all been in such countries, so the country alone says nothing about who they
# are; a country on the road south, or one before a town of it, is still kept (see the caller).
_COUNTRY_IN_GENERAL = re.compile(
    r"\s?(?:에서도|에도|땅의)(?=\s|$)"
    r"|\s?에서\s(?:온|오신|와서|왔던|[가-힣]{0,3}(?:하|살|지내|일하)(?:던|면서))(?=\s|$)"
    r"|의(?=[가-힣]{2})"
)


def country_in_general(doc: Doc, f: Finding, found: list[Finding]) -> bool:
    """``f`` is a country (not one of ``places.transit_countries``) said of as a whole: see
    ``_COUNTRY_IN_GENERAL``. Not when another place starts right after it ("러시아의쿠르스크"). Also
    for the damaged-stem rules, which take a country Kiwi reads as a word (호주) for a stem."""
    text = doc.text[f.start : f.end]
    if text in doc.rules.config.places.transit_countries or not _country_name(doc, text):
        return False
    m = _COUNTRY_IN_GENERAL.match(doc.text, f.end)
    if m is None:
        return False
    if m.group() == "의" and _place_word_at(doc, m.end()):
        return False  # "러시아의쿠르스크": the country of the town glued after it
    return not any(g is not f and f.end <= g.start <= f.end + 2 for g in found)


def _place_word_at(doc: Doc, pos: int) -> bool:
    """The rest of the word from ``pos`` on, without its particles, is a gazetteer place."""
    word = doc.word_at(pos)
    if word is None:
        return False
    core = strip_particles(doc.text[pos : word.end], doc)[0]
    return any(e.kind is Kind.PLACE for e in doc.rules.lexicon.exact.get(key_of(core), ()))


def _country_name(doc: Doc, text: str) -> bool:
    return any(e.kind is Kind.PLACE and e.level == "country" for e in doc.rules.lexicon.exact.get(text, ()))


# What follows a noun that says where someone is, goes or comes from ("현장에 간", "초원으로").
_PLACE_PARTICLES = ("에", "으로", "로", "까지", "서", "부터")


def _country_said_of(doc: Doc, f: Finding, found: list[Finding]) -> bool:
    """``f`` is a country, any (영국, 폴란드, 캐나다), said of something else: glued to a particle of
    topic, subject, addition or comparison ("여기 영국은 비가", "캐나다도 제도가", "폴란드하고 한국은"), or
    standing bare before an everyday noun that takes no particle of place ("폴란드 겨울은", "폴란드 음식"):
    its weather, food, people or laws, not where anyone is. A country where someone is, goes or comes
    from takes a particle of place itself or on the noun after it ("쿠웨이트 현장에", "몽골 초원으로"),
    a word of location ("라오스 국경을") or another place ("영국 뉴몰든"), and stays."""
    pc = doc.rules.config.places
    start = doc.spaced_range(f.start, f.end)[0]
    word = doc.word_at(start)
    if word is None or word.start != start:
        return False
    # The whole word, as a stem found alone may be read on over its last syllable (헝가 + 리).
    name = next(
        (word.text[:k] for k in range(len(word.text), 1, -1) if _country_name(doc, word.text[:k])), ""
    )
    tail = word.text[len(name) :]
    if not name or name in pc.transit_countries or (tail and tail not in pc.country_said_of_particles):
        return False  # a country of the road south is a finding on its own ("라오스 사람들은")
    nxt = doc.word_at(word.end + 1) if doc.text[word.end : word.end + 1] == " " else None
    if nxt is not None and any(doc.spaced_range(g.start, g.end)[0] == nxt.start for g in found if g is not f):
        return False  # "영국의 런던", "캐나다 토론토": the country of the place after it
    if tail:
        return True
    if nxt is None:
        return False
    morphs = [m for m in doc.morphemes_in(nxt.start, nxt.end) if m.start >= nxt.start]
    if not morphs or morphs[0].start != nxt.start or morphs[0].tag != "NNG" or morphs[0].oov:
        return False
    noun = doc.text[morphs[0].start : morphs[0].end]
    rest = doc.text[morphs[0].end : nxt.end]
    return noun not in pc.generic_country_cues and not rest.startswith(_PLACE_PARTICLES)


_GLUED_SUFFIXES = ("구역", "시", "군", "구", "읍", "리")


def _with_glued_suffix(doc: Doc, f: Finding) -> Finding:
    """A stem found alone runs on over a suffix glued to it and ending its word ("운흥구에서": 운흥 and
    구, OCR having damaged 군): the suffix is part of the name. Not 도 or 동, which are as often the
    particle "also" or a word of their own."""
    word = doc.word_at(f.end - 1)
    if word is None or word.end <= f.end:
        return f
    core, _ = strip_particles(doc.text[f.end : word.end], doc)
    if core not in _GLUED_SUFFIXES or not hangul_only(doc.text[f.start : f.end]):
        return f
    g = doc.finding(Kind.PLACE, f.start, f.end + len(core), f.confidence, f.rule, severity=f.severity)
    return g if g is not None else f


def _with_split_suffix(doc: Doc, f: Finding) -> Finding:
    """A place runs on over its administrative suffix that OCR set apart ("청진 시에서", "무산 군에"):
    a suffix of one syllable alone as a word, or with a particle after it."""
    start, end = doc.spaced_range(f.start, f.end)
    if doc.text[end : end + 1] != " ":
        return _with_glued_suffix(doc, f) if f.rule.endswith((".stem", ".alias")) else f
    word = doc.word_at(end + 1)
    if word is None or word.start != end + 1:
        return f
    core, _ = strip_particles(word.text, doc)
    if core[:1] in ("시", "군", "구", "읍", "리"):
        # Or with the copula ("강계 시라 대", "무산 군이야", "여수 시인데" that a particle-stripper reads
        # as 시인 + 데): the suffix is still the word's first syllable.
        m = _COPULA_TAIL.match(word.text, 1)
        if m is not None and m.end() == len(word.text):
            core = core[:1]
    # Not 도 or 동: alone after a place they are as often the particle "also" or a word of their own.
    if core not in ("시", "군", "구", "읍", "리") or not hangul_only(doc.text[start:end]):
        return f
    if doc.text[start:end].endswith(core):
        return f  # 청진시 시장: the suffix is there already
    g = doc.finding(Kind.PLACE, start, word.start + 1, f.confidence, f.rule, severity=f.severity)
    return g if g is not None else f


@lru_cache(maxsize=8)
def _brands(rules: Rules) -> re.Pattern[str] | None:
    """Apartment brands (sk_landmarks.tsv kind apartment) and their spellings, longest first."""
    names = {n for p in rules.gazetteers.landmarks if p.level == APARTMENT for n in (p.name, *p.aliases)}
    if not names:
        return None
    return re.compile("|".join(map(re.escape, _longest_first(names))), re.IGNORECASE)


# "푸르지오 2단지", "래미안1차": the block or phase number after the brand belongs to the complex.
_COMPLEX_NUMBER = re.compile(r" ?\d{1,2} ?(?:단지|차)")
# Words glued after a complex in chat ("푸르지오살아", "래미안아파트"): the complex still ends there.
_AFTER_COMPLEX = ("살", "사는", "산다", "아파트", "단지")
_VILLAGE_WORDS = ("마을", "단지")
_MAX_VILLAGE_STEM = 3  # syllables of a village's own name (능동, 후곡, 가람): longer runs are glued chat
_GLUED_VILLAGE_STEM = 2  # of such a run ("지금능동마을"), the village's name is its last two syllables
_MIN_GLUED_BRAND = 3  # a two-syllable brand (자이, 더샵) glued to a word is too often part of another


def _apartments(doc: Doc) -> Iterable[Finding | None]:
    """An apartment complex: a brand with the village, new town or place before it ("능동마을푸르지오",
    "동탄 능동마을 푸르지오 1단지", "마포래미안"), glued or one space away; a brand alone names none."""
    pattern = _brands(doc.rules)
    if pattern is None:
        return
    conf = doc.rules.config.places.confidence_unknown
    for m in pattern.finditer(doc.text):
        end = m.end()
        number = _COMPLEX_NUMBER.match(doc.text, end)
        end = number.end() if number is not None else end
        if not (tail_ok(doc, end) or doc.text.startswith(_AFTER_COMPLEX, end)):
            continue  # "자이언트": the brand's letters begin another word
        start = _complex_name_start(doc, m.start(), len(m.group()))
        if start is not None:
            yield doc.finding(Kind.PLACE, _place_glued_before(doc, start), end, conf, "place.apartment")


def _complex_name_start(doc: Doc, brand: int, brand_len: int) -> int | None:
    """Where the name before the brand at ``brand`` starts: a village ("능동마을", the last syllables of a
    glued run), a gazetteer place one space before, or a short word glued on (마포래미안); else None."""
    cut = brand - 1 if brand >= 1 and doc.text[brand - 1] == " " else brand
    run = cut
    while run > 0 and hangul_only(doc.text[run - 1]):
        run -= 1
    word = doc.text[run:cut]
    stops = doc.rules.config.places.unknown_stem_stop
    village = next((v for v in _VILLAGE_WORDS if word.endswith(v) and len(word) > len(v)), "")
    if village:
        stem = len(word) - len(village)
        return cut - len(village) - (stem if stem <= _MAX_VILLAGE_STEM else _GLUED_VILLAGE_STEM)
    if cut < brand:
        return run if run < cut and cut in doc.places_starting(run) else None
    glued = 2 <= len(word) <= _MAX_VILLAGE_STEM and brand_len >= _MIN_GLUED_BRAND
    return run if glued and word not in stops and word not in doc.rules.config.names.stop_words else None


def _place_glued_before(doc: Doc, start: int) -> int:
    """The start of a gazetteer place glued right before ``start`` ("동탄능동마을"), else ``start``."""
    for m in doc.exact_matches:
        s, e = doc.spaced_span(m.start, m.end)
        if e == start and e - s >= 2 and any(x.kind is Kind.PLACE and not x.strict for x in m.entries):
            return s
    return start


# A village or estate by its own name and 마을, OCR splitting the word anywhere ("후곡마 을", "중산 마을").
_VILLAGE = re.compile(r"(?<![가-힣])([가-힣]{2,3}) ?마 ?을")
# After an everyday word (중산 "middle mountain", 햇살 "sunlight"), an apartment or block after 마을 says it
# is an estate's name ("중산마을 아파트", "햇살마을 5단지"), not "the village of the middle mountain".
_ESTATE_AFTER = re.compile(r" ?(?:아파트|\d{0,2} ?단지)")


def _villages(doc: Doc) -> Iterable[Finding | None]:
    """A named village or estate ("후곡마을", "가람마을에"): the stem a proper noun or a word Kiwi does not
    know, or any noun before an apartment or block ("중산마을 아파트"); not a word saying whose or which
    (우리 마을, 같은 마을)."""
    stops = doc.rules.config.places.unknown_stem_stop
    conf = doc.rules.config.places.confidence_unknown
    for m in _VILLAGE.finditer(doc.text):
        stem = m.group(1)
        if stem in stops or stem in doc.rules.config.names.stop_words or not tail_ok(doc, m.end()):
            continue
        ev = evidence(doc, m.start(1), m.end(1))
        estate = ev is Evidence.COMMON and _ESTATE_AFTER.match(doc.text, m.end()) is not None
        # Kiwi may read the whole word as one proper noun (가람마을), its stem then inside it.
        named = ev in _PLACE_LIKE or evidence(doc, m.start(1), m.end()) is Evidence.PROPER
        if named or estate:
            yield doc.finding(Kind.PLACE, m.start(1), m.end(), conf, "place.village")


# Hills of the Korean War front named by their height ("351고지", "1211고지", "오성산 1062고지"): where a
# soldier fought or was taken. Not 고지서 (a bill) nor 고지하다 (to notify).
_NUMBERED_HILL = re.compile(r"(?<![\d.,])\d{3,4} ?고지(?![서하한할했])")


def _numbered_hills(doc: Doc) -> Iterable[Finding | None]:
    """See ``_NUMBERED_HILL``."""
    conf = doc.rules.config.places.confidence_unknown
    for m in _NUMBERED_HILL.finditer(doc.text):
        yield doc.finding(Kind.PLACE, m.start(), m.end(), conf, "place.numbered_hill")


def _spaced(word: str) -> str:
    """``word`` as a pattern that lets OCR put a space between its letters ("특 각")."""
    return " ?".join(re.escape(ch) for ch in word)


@lru_cache(maxsize=8)
def _site_pattern(words: tuple[str, ...]) -> re.Pattern[str] | None:
    if not words:
        return None
    ends = "|".join(_spaced(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(
        rf"(?<![가-힣A-Za-z0-9])(?:([가-힣]) )?([가-힣]{{2,8}}) ?(?:{ends})(?![A-Za-z])", re.IGNORECASE
    )


def _named_sites(doc: Doc) -> Iterable[Finding | None]:
    """A guarded site by its name and its class word (``places.site_words``: "향산 특각", "주암산초대소",
    "백골부대 GP"): the word before it names the site, unless it is a word of pointing or owning
    (우리 GP, 그 초대소)."""
    pc = doc.rules.config.places
    pattern = _site_pattern(pc.site_words)
    if pattern is None:
        return
    stop = pc.unknown_stem_stop | pc.site_stem_stop | doc.rules.config.names.stop_words
    for m in pattern.finditer(doc.text):
        if m.group(2) in stop:
            continue
        # A syllable OCR split off the name ("백 골부대 GP") goes with it; a word of pointing does not.
        head = m.group(1)
        start = m.start(2) if head is None or head in stop else m.start()
        yield doc.finding(Kind.PLACE, start, m.end(), pc.confidence_unknown, "place.named_site")


@lru_cache(maxsize=8)
def _gully_pattern(words: tuple[str, ...]) -> re.Pattern[str] | None:
    if not words:
        return None
    ends = "|".join(_spaced(w) for w in sorted(words, key=len, reverse=True))
    number = r"\d{1,2}|[이삼사오육륙칠팔구]?십[일이삼사오육륙칠팔구]?"
    return re.compile(rf"(?<![\d가-힣])(?:{number}) ?(?:{ends})")


def _numbered_gullies(doc: Doc) -> Iterable[Finding | None]:
    """A village of a Chinese border county called by its numbered gully (道沟, ``places.numbered_villages``:
    "장백현 13도구", "십삼도구"): in digits, or in spoken numbers with 십 (이도구 could be "this tool")."""
    pc = doc.rules.config.places
    pattern = _gully_pattern(pc.numbered_villages)
    if pattern is None:
        return
    for m in pattern.finditer(doc.text):
        yield doc.finding(Kind.PLACE, m.start(), m.end(), pc.confidence_unknown, "place.numbered_village")


_HANGUL_WORD = re.compile(r"[가-힣]{2,8}")


def _han_quarters(doc: Doc, places: list[Finding]) -> Iterable[Finding | None]:
    """After a place in Chinese characters, the quarter of it written in Hangul ("開城府 남산정",
    "京城府 명치정에서", "延吉市 하남가두"): a word ending in one of ``places.han_quarter_suffixes`` (町 정,
    洞 동, 里 리, 通 통) that Kiwi does not read as one everyday noun."""
    pc = doc.rules.config.places
    if not pc.han_quarter_suffixes:
        return
    for f in places:
        if f.rule != "place.han" or doc.text[f.end : f.end + 1] != " ":
            continue
        m = _HANGUL_WORD.match(doc.text, f.end + 1)
        if m is None:
            continue
        core = strip_particles(m.group(), doc)[0]
        if not 2 <= len(core) <= _MAX_VILLAGE or not core.endswith(pc.han_quarter_suffixes):
            continue
        if (
            core in pc.unknown_stem_stop
            or core in doc.rules.config.names.stop_words
            or _one_everyday_noun(core)
        ):
            continue
        yield doc.finding(
            Kind.PLACE, f.start, m.start() + len(core), pc.confidence_unknown, "place.han_quarter"
        )


_MAX_LANDMARK = 4  # syllables: 희양산, 부래산, 오가산봉


def _landmarks_after(doc: Doc, places: list[Finding]) -> Iterable[Finding | None]:
    """A mountain, peak or pass named right after the place it stands in ("문경 희양산에서", "고원군
    부래산 밑에서"): the next word, one space after a place, ends in one of
    ``places.landmark_after_place_ends`` and is no everyday word Kiwi knows (등산, 재산, 뒷산)."""
    pc = doc.rules.config.places
    if not pc.landmark_after_place_ends:
        return
    ends = {f.end for f in places}
    for i, word in enumerate(doc.words):
        if i == 0 or doc.words[i - 1].end not in ends or doc.text[doc.words[i - 1].end : word.start] != " ":
            continue
        core = _without_glued_cue(strip_particles(word.text, doc)[0], doc)
        if not 2 <= len(core) <= _MAX_LANDMARK or not hangul_only(core):
            continue
        if not any(core.endswith(e) and len(core) > len(e) for e in pc.landmark_after_place_ends):
            continue
        if _one_everyday_noun(core) or core in doc.rules.config.names.stop_words:
            continue
        if evidence(doc, word.start, word.start + len(core)) not in _PLACE_LIKE:
            continue
        yield doc.finding(
            Kind.PLACE, word.start, word.start + len(core), pc.confidence_unknown, "place.landmark_after"
        )


def _one_jamo_off(a: str, b: str) -> bool:
    """Two different syllables one jamo apart (돼 ~ 도, 싀 ~ 시)."""
    return a != b and Indel.distance(jamo(a), jamo(b)) <= 2


def _damaged_suffix_in_chain(doc: Doc, places: list[Finding]) -> Iterable[Finding | None]:
    """A place found by its stem with its suffix OCR damaged by one jamo glued on, before the next place
    of a chain ("함경남돼 함흥시", "자강됴 강계시"): the damaged suffix is the place's own. The place was
    found already, so this only widens it."""
    one = tuple(x for x in doc.rules.config.places.admin_suffixes if len(x) == 1)
    text = doc.text
    starts = {doc.spaced_range(f.start, f.end)[0] for f in places if f.end > f.start}
    for f in places:
        if f.end <= f.start:
            continue
        start, end = doc.spaced_range(f.start, f.end)
        if end + 2 > len(text) or text[end + 1] not in " \n" or not is_hangul(text[end]):
            continue
        if text[end] in doc.rules.particles or not any(_one_jamo_off(text[end], x) for x in one):
            continue
        if end + 2 in starts or doc.places_starting(end + 2):
            yield doc.finding(Kind.PLACE, start, end + 1, f.confidence, "place.damaged_chain_suffix")


@lru_cache(maxsize=8)
def _landmark_nouns_by_first(rules: Rules) -> dict[str, tuple[str, ...]] | None:
    """``places.landmark_nouns`` by first character, each list in the configured order: asked at
    every word end, the whole list was tried there with ``startswith`` some five thousand times a page.
    None if a noun is empty (it would start anywhere)."""
    nouns = rules.config.places.landmark_nouns
    if "" in nouns:
        return None
    by_first: dict[str, list[str]] = {}
    for noun in nouns:
        by_first.setdefault(noun[:1], []).append(noun)
    return {first: tuple(group) for first, group in by_first.items()}


def _landmark_noun_at(doc: Doc, pos: int, *, glued: bool) -> int | None:
    """The end of a word of ``places.landmark_nouns`` at spaced ``pos`` (after one space, or right there
    when ``glued``), when a particle, a glued word of position or nothing follows it; None otherwise."""
    text = doc.text
    if not glued:
        if text[pos : pos + 1] != " ":
            return None
        pos += 1
    # Only the nouns that start with the character at ``pos`` can start there, in their listed order.
    by_first = _landmark_nouns_by_first(doc.rules)
    nouns = (
        doc.rules.config.places.landmark_nouns if by_first is None else by_first.get(text[pos : pos + 1], ())
    )
    for noun in nouns:
        if not text.startswith(noun, pos):
            continue
        if len(noun) == 1 and not glued:
            continue  # "서울 못 가": a one-syllable class noun (못 "pond") only glued to its name
        end = pos + len(noun)
        if tail_ok(doc, end):
            return end
    return None


def _landmark_nouns(doc: Doc, places: list[Finding]) -> Iterable[Finding | None]:
    """A landmark named by its place and a class noun (``places.landmark_nouns``: 나루터, 포구, 전망대,
    못, 유보도): right after a place found ("수성못 옆에", "압록강 유보도"), the place goes on over the noun;
    after a gazetteer stem that is no place alone ("신파 나루터", "위원 나루": 위원 "member"), the stem and
    the noun are one; after a peak or mountain Kiwi does not know as an everyday word ("애기봉 전망대"),
    the same. A gazetteer's stem or place with such a noun names the ferry, harbour or lookout of a town."""
    pc = doc.rules.config.places
    if not pc.landmark_nouns:
        return
    conf = pc.confidence_stem
    for f in places:
        if f.end <= f.start:
            continue
        start, end = doc.spaced_range(f.start, f.end)
        noun_end = _landmark_noun_at(doc, end, glued=True) or _landmark_noun_at(doc, end, glued=False)
        if noun_end is not None:
            yield doc.finding(Kind.PLACE, start, noun_end, f.confidence, "place.landmark_noun")
    stems = {
        doc.spaced_span(m.start, m.end)
        for m in doc.exact_matches
        if any(e.kind is Kind.PLACE and not e.strict for e in m.entries)
    }
    stops = pc.unknown_stem_stop | doc.rules.config.names.stop_words
    for word in doc.words:
        if word.text in stops:
            continue
        noun_end = _landmark_noun_at(doc, word.end, glued=False)
        if noun_end is None:
            continue
        if (word.start, word.end) in stems:
            yield doc.finding(Kind.PLACE, word.start, noun_end, conf, "place.landmark_noun")
            continue
        core = word.text
        if not 2 <= len(core) <= _MAX_LANDMARK or not hangul_only(core):
            continue
        if not any(core.endswith(e) and len(core) > len(e) for e in pc.landmark_after_place_ends):
            continue
        if _one_everyday_noun(core) or evidence(doc, word.start, word.end) is Evidence.PREDICATE:
            continue
        yield doc.finding(Kind.PLACE, word.start, noun_end, pc.confidence_unknown, "place.landmark_noun")


def _latin_abbreviations(doc: Doc) -> Iterable[Finding | None]:
    """A city abroad by its capitals (``places.latin_city_abbreviations``: "LA 코리아타운에서"), written
    so and standing alone, unless one of ``places.latin_city_abbreviation_stop_after`` follows it
    (LA갈비)."""
    pc = doc.rules.config.places
    if not pc.latin_city_abbreviations:
        return
    text = doc.text
    for abbr in pc.latin_city_abbreviations:
        for m in re.finditer(rf"(?<![A-Za-z0-9.@/_\-]){re.escape(abbr)}(?![A-Za-z0-9@/_\-])", text):
            after = text[m.end() : m.end() + 12].lstrip()
            if after.startswith(pc.latin_city_abbreviation_stop_after):
                continue
            yield doc.finding(
                Kind.PLACE, m.start(), m.end(), pc.confidence_unknown, "place.latin_abbreviation"
            )

"""Military units: numbered units in any order and spelling ("제525군부대", "부대번호 5525", "십일군단"
via the number view, "11 저격 려단") from ``rules.toml``, and named units from ``military.tsv``
(폭풍군단, 정찰총국), matched spacing-blind and, for long names, fuzzily. A unit runs on over what names
it with it: the force before a numbered unit ("국경경비대 27려단"), the number before a named one
("제810해군보병여단"), the numbered bureau after a command ("정찰총국 121국") and a service after it."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from rapidfuzz.distance import Indel

from relay.detect.damaged import near_syllable
from relay.detect.document import Doc
from relay.detect.lexicon import key_of
from relay.detect.morph import analyse
from relay.detect.normalize import View, jamo
from relay.detect.numerals import spoken_value
from relay.detect.patterns import find_patterns
from relay.detect.places import tail_ok
from relay.detect.rules import Rules
from relay.detect.skeleton import skeleton
from relay.detect.words import alternation, fuzzy_ok, strip_particles
from relay.model import Finding, Kind, Severity

# The army's name may stand before the number, misread as well ("조선인민굴 제50899부댕"): it is part of
# the unit's name as written and is taken with it. A unit's type may stand between the number and the
# word ("제27보병산단": the compact view of "제 27 보 병 산 단").
_NUMBER_WORD = (
    r"(?P<army>(?:조선인민 ?[가-힣]|조선인[가-힣]군|조[가-힣]인민군|[가-힣]선인민군) ?)?"
    r"(?:[근큰]위 ?)?(?P<ordinal>[제체] ?)?\d{{1,6}} ?(?P<type>{types})?(?P<word>[가-힣]{{2,3}})"
)
# A unit word damaged in two letters after a number ("10쿤댠", "108균란"): the same skeleton (see
# relay.detect.skeleton) and at least this jamo similarity.
_SKELETON_SIMILARITY = 0.6
_STRONG_DIGITS = 3
_STRONG_CONFIDENCE = 0.8


@lru_cache(maxsize=8)
def _unit_words(rules: Rules) -> dict[str, str]:
    words = set(rules.config.units.unit_words)
    words |= {t for t, k in rules.gazetteers.military.items() if k == "unit_word" and 2 <= len(t) <= 3}
    return {w: jamo(w) for w in words if len(w) >= 2}


@lru_cache(maxsize=8)
def _number_word(rules: Rules) -> re.Pattern[str]:
    types = "|".join(re.escape(t) for t in sorted(rules.config.units.type_words, key=len, reverse=True))
    return re.compile(_NUMBER_WORD.format(types=f"(?:{types}) ?" if types else "(?!)"))


def _misread_unit_words(doc: Doc) -> Iterable[Finding | None]:
    """Misread unit words in the number view, and in its compact copy after 제 or the army's name
    ("제 9 궨 단": OCR split the damaged 군단 and the number with spaces). The compact copy only
    with 제 or the army's name before the number: without them, words that merely meet across a space
    ("9 시 단속") would look like a unit."""
    spaced = list(_misread_in(doc, doc.numbers, ordinal_only=False))
    yield from spaced
    taken = [(f.start, f.end) for f in spaced if f is not None]
    for f in _misread_in(doc, doc.numbers_compact, ordinal_only=True):
        if f is not None and not any(s < f.end and f.start < e for s, e in taken):
            yield f


def _misread_in(doc: Doc, view: View, *, ordinal_only: bool) -> Iterable[Finding | None]:
    """A number before a word one jamo away from a unit word ("9시단", "94여댄"): OCR damage to a unit.
    Only a review, except a three-syllable unit word after a number of three digits or more, or any
    unit word after 제 or the army's name and a number of four digits or more ("제23088부댕"). Kiwi
    cannot judge here (it reads 시단 as a word, 여댄 as 여+대+ㄴ), so the everyday
    words a number also precedes ("1990년대", "만원대") are a stop list in the rules."""
    cfg = doc.rules.config.units
    words = _unit_words(doc.rules)
    near: dict[str, bool] = {}
    for m in _number_word(doc.rules).finditer(view.text):
        if ordinal_only and not (m.group("army") or m.group("ordinal")):
            continue
        group = m.group("word")
        if group[:2] in words or group in words or group[:2] in cfg.misread_stop:
            continue
        # The longest prefix (3 syllables: 군뷰대, then 2: 데대) one jamo away from a unit word as long.
        for size in (3, 2):
            word = group[:size]
            if len(word) < size:
                continue
            if word not in near:
                wj = jamo(word)
                sk = skeleton(word)
                near[word] = word not in cfg.misread_stop and any(
                    len(u) == size
                    and (
                        Indel.normalized_similarity(wj, uj) >= cfg.misread_similarity
                        or (skeleton(u) == sk and Indel.normalized_similarity(wj, uj) >= _SKELETON_SIMILARITY)
                    )
                    for u, uj in words.items()
                )
            if near[word]:
                # A three-syllable unit word (군부대, 구분대, 훈련소) one jamo off after a number of three
                # digits or more ("6174균부대"), or any unit word after 제 or the army's name and four
                # digits or more ("제23088부댕"): no everyday word has that shape, so it is redacted.
                digits = sum(ch.isdigit() for ch in m.group(0))
                named = bool(m.group("army") or m.group("ordinal"))
                strong = digits >= _STRONG_DIGITS and (size == 3 or (named and digits >= _STRONG_DIGITS + 1))
                confidence = _STRONG_CONFIDENCE if strong else 0.6
                yield doc.finding(
                    Kind.UNIT, m.start(), m.start("word") + size, confidence, "unit.misread", view=view
                )
                break


def _with_service(doc: Doc, found: list[Finding]) -> list[Finding]:
    """A unit runs on over the service named right after it ("제2군단 항공 및 반항공군", "제5군단
    특수작전군"): a service alone identifies no one, but it narrows the unit down."""
    services = _services(doc.rules)
    out: list[Finding] = []
    for f in found:
        start, end = doc.spaced_range(f.start, f.end)
        after = doc.after(end, 12)
        service = next((s for s in services if after.startswith(s)), "")
        if not service and f.rule in _NUMBERED:
            service = next((h for h in _HEADQUARTERS if after.startswith(h)), "")
        if service:
            c = bisect.bisect_left(doc.compact_src, end)
            extended = doc.finding(
                Kind.UNIT,
                start,
                doc.compact_src[c + len(service) - 1] + 1,
                f.confidence,
                f.rule,
                severity=f.severity,
            )
            out.append(extended if extended is not None else f)
        else:
            out.append(f)
    return out


@lru_cache(maxsize=8)
def _forces(rules: Rules) -> tuple[str, ...]:
    """Named units, services and unit words of three syllables or more from ``military.tsv`` (국경경비대,
    정찰총국, 경보병려단), compact, longest first: a force written before a numbered unit names the
    unit it belongs to. Short unit words (부대, 사단) are left out: "사단 27려단" is two units."""
    generic = {key_of(t) for t in rules.config.units.generic_named}
    names = {
        key_of(t)
        for t, kind in rules.gazetteers.military.items()
        if kind in ("named_unit", "service", "unit_word") and len(key_of(t)) >= _FORCE_MIN
    }
    return tuple(sorted(names - generic, key=len, reverse=True))


_FORCE_MIN = 3
# What a numbered unit's command is called ("제9군단 사령부", "제구군단 정치부"): the unit's own office, so it
# goes with the number as the service after it does.
_HEADQUARTERS = ("사령부", "참모부", "정치부", "지휘부")
# Rules of numbered units (a number is what identifies them).
_NUMBERED = (
    "unit.numbered",
    "unit.word_number",
    "unit.kpa_number",
    "unit.misread",
    "unit.glued_spoken",
    "unit.spoken_corps",
    "unit.typed_misread",
    "unit.damaged_type",
    "unit.misread_type",
    "unit.spoken_misread",
    # a number OCR damaged is a number still ("해군보병제팔백싑여단": the force before it goes with it)
    "unit.damaged_spoken",
)


@lru_cache(maxsize=8)
def _prefixes(rules: Rules) -> tuple[str, ...]:
    """The unit type words and bureaus of ``[units]`` (저격, 경보병, 건설국), longest first: written before a
    numbered unit, they are part of its name."""
    cfg = rules.config.units
    return tuple(sorted({*cfg.type_words, *cfg.bureau_words}, key=len, reverse=True))


def _with_force_before(doc: Doc, found: list[Finding]) -> list[Finding]:
    """A numbered unit runs back over the force named right before it ("국경경비대 27려단", "폭풍군단
    10려단", "국 경경비대 27려단" split by OCR): the pair is one unit as written, and the force alone
    would be left legible beside the redacted number. A unit type or a bureau before it goes with it as
    well ("저격 제38여댠", "건설국 제3댄대"): the pattern rules take it with the number, the misread unit
    words found elsewhere would leave it out."""
    forces = _forces_by_last(doc.rules)
    out: list[Finding] = []
    for f in found:
        named = f.rule in ("unit.named", "unit.named_fuzzy")
        # A unit type and word ("제3강습여단") is numbered or named by its type: the army before it goes too.
        if f.rule not in _NUMBERED and not named and f.rule != "unit.typed":
            out.append(f)
            continue
        start, end = doc.spaced_range(f.start, f.end)
        c = bisect.bisect_left(doc.compact_src, start)
        # A named unit takes the service before it ("해병대 연평부대", "육군 백골부대"); a numbered one takes
        # any force.
        before = _services_by_last(doc.rules) if named else forces
        force = _word_ending_at(doc.compact, c, before)
        if not force and not named:
            force = _word_ending_at(doc.compact, c, _prefixes_by_last(doc.rules))
        if not force:
            # A speaker's fillers between the force and its unit ("특수작전군 그 그 저격려단", "국경경비대
            # 어 이십오 여단"): the force still names the unit it runs on to.
            said = _FILLERS_BEFORE.search(doc.text[max(0, start - 12) : start])
            if said is not None:
                c = bisect.bisect_left(doc.compact_src, start - len(said.group()))
                force = _word_ending_at(doc.compact, c, forces)
        begin = doc.compact_src[c - len(force)] if force else start
        if force and begin < start and doc.at_word_start(begin):
            begin = _chain_back(doc, begin)
            g = doc.finding(Kind.UNIT, begin, end, f.confidence, f.rule, severity=f.severity)
            out.append(g if g is not None else f)
        else:
            # No force before it: the army's country may still stand there ("우크라이나 제8연대").
            begin = _chain_back(doc, start)
            g = (
                doc.finding(Kind.UNIT, begin, end, f.confidence, f.rule, severity=f.severity)
                if begin < start
                else None
            )
            out.append(g if g is not None else f)
    return out


_FILLERS_BEFORE = re.compile(r"(?<=[가-힣]) (?:(?:그|어|음|저|아) ){1,3}$")


def _chain_back(doc: Doc, begin: int) -> int:
    """``begin`` moved back over the forces, services and the army's country written right before it,
    each a word of its own ("우크라이나 국토방위군 국제군단 제1대대": the chain names one unit as written)."""
    by_last = _chain_words(doc.rules)
    while True:
        c = bisect.bisect_left(doc.compact_src, begin)
        word = _word_ending_at(doc.compact, c, by_last)
        earlier = doc.compact_src[c - len(word)] if word else _misread_force_before(doc, begin)
        if earlier is None or earlier >= begin or not doc.at_word_start(earlier):
            return begin
        begin = earlier


# The word lists a unit runs back over, indexed by their words' last characters: at a chain's start only
# the words ending in the character before it can end there, a few of a list of hundreds (countries).
ByLast = dict[str, tuple[str, ...]]


def _by_last(words: Iterable[str]) -> ByLast:
    """``words`` grouped by their last character, each group in the order of ``words``. An empty word
    (which no list should hold) would end everywhere and be taken for no word: the words after it could
    never be the first found, and are left out."""
    groups: dict[str, list[str]] = {}
    for word in words:
        if not word:
            break
        groups.setdefault(word[-1], []).append(word)
    return {ch: tuple(ws) for ch, ws in groups.items()}


def _word_ending_at(compact: str, c: int, index: ByLast) -> str:
    """The first word of the indexed list that ends at compact offset ``c`` ("" if none): what a scan of
    the whole list for ``compact[c - len(k) : c] == k`` finds."""
    if c <= 0:
        return ""
    return next(
        (k for k in index.get(compact[c - 1], ()) if c >= len(k) and compact[c - len(k) : c] == k), ""
    )


@lru_cache(maxsize=8)
def _chain_words(rules: Rules) -> ByLast:
    """The forces, services, countries and armies _chain_back moves back over, in that order."""
    return _by_last((*_forces(rules), *_services(rules), *_countries(rules), *_armies(rules)))


@lru_cache(maxsize=8)
def _forces_by_last(rules: Rules) -> ByLast:
    return _by_last(_forces(rules))


@lru_cache(maxsize=8)
def _services_by_last(rules: Rules) -> ByLast:
    return _by_last(_services(rules))


@lru_cache(maxsize=8)
def _prefixes_by_last(rules: Rules) -> ByLast:
    return _by_last(_prefixes(rules))


# A force of this many syllables or more that OCR misread by a jamo ("특수작젠군 제8연대") is still known.
_MISREAD_FORCE_MIN = 4


def _misread_force_before(doc: Doc, begin: int) -> int | None:
    """The start of the word right before ``begin`` when it is a long force or service one jamo off
    (``fuzzy.redact_similarity``), else None."""
    m = re.search(r"(?<![가-힣])([가-힣]{4,10}) ?$", doc.text[max(0, begin - 12) : begin])
    if m is None:
        return None
    word = m.group(1)
    wj = jamo(word)
    floor = doc.rules.config.fuzzy.redact_similarity
    for force in (*_forces(doc.rules), *_services(doc.rules)):
        if (
            len(force) == len(word) >= _MISREAD_FORCE_MIN
            and Indel.normalized_similarity(wj, jamo(force)) >= floor
        ):
            return begin - len(m.group(0))
    return None


@lru_cache(maxsize=8)
def _armies(rules: Rules) -> tuple[str, ...]:
    """The armies of ``units.generic_named`` (조선인민군, 인민군), compact, longest first: alone they name
    no unit, but written at the head of a chain ("조선인민군 공군 제1항공사단") they are part of its name."""
    names = {key_of(t) for t in rules.config.units.generic_named if key_of(t).endswith(("군", "군대"))}
    return tuple(sorted(names, key=len, reverse=True))


@lru_cache(maxsize=8)
def _countries(rules: Rules) -> tuple[str, ...]:
    """``units.army_countries`` and their armies (우크라이나군, 러시아군), compact, longest first."""
    names = {key_of(t) for t in rules.config.units.army_countries}
    return tuple(sorted(names | {n + "군" for n in names}, key=len, reverse=True))


def _linked(doc: Doc, found: list[Finding]) -> list[Finding]:
    """Two units with only a word of subordination between them (``units.link_words``: "제7군단 산하 제21
    려단", "제9군단 직속 통신대대") as one finding: the pair names one unit, and the word between them
    would be left legible in the middle of it."""
    links = doc.rules.config.units.link_words
    if not links:
        return found
    units = sorted(found, key=lambda f: (f.start, f.end))
    out: list[Finding] = []
    for f in units:
        if out:
            prev = out[-1]
            # OCR may split the word of subordination ("산 하").
            between = doc.text[prev.end : f.start].strip().replace(" ", "")
            if prev.end <= f.start and between in links and "\n" not in doc.text[prev.end : f.start]:
                sure = Severity.REDACT in (prev.severity, f.severity)
                confidence = max(prev.confidence, f.confidence)
                severity = Severity.REDACT if sure else Severity.REVIEW
                g = doc.finding(Kind.UNIT, prev.start, f.end, confidence, prev.rule, severity=severity)
                if g is not None:
                    out[-1] = g
                    continue
        out.append(f)
    return out


# A unit's other name in brackets right after it ("제11군단(폭풍군단)", "폭풍군단 (11군단)"): the brackets
# stand inside the one name and would be left legible between two fills. A name in brackets that ends in
# a unit word is the unit's other name even when no list knows it ("제9군단(번개군단)").
_OPEN_BRACKET = re.compile(r" ?[(（\[] ?")
_CLOSE_BRACKET = re.compile(r" ?[)）\]]")


@lru_cache(maxsize=8)
def _bracketed_unit(rules: Rules) -> re.Pattern[str]:
    words = alternation(u for u in rules.config.units.unit_words if len(u) >= 2)
    return re.compile(rf" ?[(（\[] ?[가-힣0-9]{{0,8}} ?(?:{words}) ?[)）\]]")


def _aliased(doc: Doc, found: list[Finding]) -> list[Finding]:
    """A unit and the unit in brackets right after it (see ``_OPEN_BRACKET``) as one finding, brackets
    included."""
    units = sorted(found, key=lambda f: (f.start, f.end))
    out: list[Finding] = []
    for f in units:
        if out:
            prev = out[-1]
            p_start, p_end = doc.spaced_range(prev.start, prev.end)
            f_start, f_end = doc.spaced_range(f.start, f.end)
            opened = _OPEN_BRACKET.fullmatch(doc.text, p_end, f_start) if p_end <= f_start else None
            closed = _CLOSE_BRACKET.match(doc.text, f_end) if opened else None
            if closed is not None:
                sure = Severity.REDACT in (prev.severity, f.severity)
                g = doc.finding(
                    Kind.UNIT,
                    p_start,
                    closed.end(),
                    max(prev.confidence, f.confidence),
                    prev.rule,
                    severity=Severity.REDACT if sure else Severity.REVIEW,
                )
                if g is not None:
                    out[-1] = g
                    continue
        out.append(f)
    widened: list[Finding] = []
    for f in out:
        start, end = doc.spaced_range(f.start, f.end)
        m = _bracketed_unit(doc.rules).match(doc.text, end)
        g = doc.finding(Kind.UNIT, start, m.end(), f.confidence, f.rule, severity=f.severity) if m else None
        widened.append(g if g is not None else f)
    return widened


# A numbered bureau, department or office after a command ("정찰총국 121국", "총참모부 제2처", "보위국
# 10과"): the number names the office. Digits, or a number read aloud of two syllables or more. The office
# may be any word ending in 소 or 국 ("정찰총국 칠십일 련락소", "… 3 초대소"): what the number names.
_BUREAU = re.compile(
    r" ?(?:[제체] ?)?(?:\d{1,4}|[일이삼사오육륙칠팔구십백]{2,5}) ?(?:호 ?)?(?:[가-힣]{0,3}[소국]|처|과|부)"
    r"(?=$|[^가-힣]|에|의|으|로|은|는|이|가|을|를|와|과|도|만|까|부|출)"
)


def _with_bureau(doc: Doc, found: list[Finding]) -> list[Finding]:
    """A named command runs on over the numbered bureau after it (see ``_BUREAU``)."""

    def widen(start: int, end: int) -> tuple[int, int] | None:
        m = _BUREAU.match(doc.text, end)
        return (start, m.end()) if m else None

    return _named_widened(doc, found, widen)


# A numbered formation under a named command ("동해함대사령부 산하 제17전대", "서해함대 제8전대"): the
# navy's and air force's formation words (전대 "flotilla", 편대, 전단, 정대) also mean "former" and
# "formation", so they are units only where a command stands right before them.
_SUBORDINATE = re.compile(
    r" ?(?:(?:산하|소속|예하|직속|휘하)(?:의|에)? ?)?(?:[제체] ?)?"
    r"(?:\d{1,4}|[일이삼사오육륙칠팔구십백]{1,5}) ?"
    # OCR may set the unit word's syllables apart ("서해함대 제8전 대").
    r"(?:전 ?대|편 ?대|전 ?단|정 ?대|함 ?대|비 ?행 ?사 ?단|비 ?행 ?련 ?대|비 ?행 ?연 ?대"
    r"|대 ?대|중 ?대|련 ?대|연 ?대|려 ?단|여 ?단|사 ?단)"
)


def _subordinate(doc: Doc, found: list[Finding]) -> list[Finding]:
    """Numbered formations after a named unit (see ``_SUBORDINATE``), as units of their own."""
    out = list(found)
    for f in found:
        if f.rule not in ("unit.named", "unit.named_fuzzy"):
            continue
        _, end = doc.spaced_range(f.start, f.end)
        m = _SUBORDINATE.match(doc.text, end)
        if m is None:
            continue
        number = re.search(r"[제체]? ?(?:\d|[일이삼사오육륙칠팔구십백])", m.group())
        begin = m.start() + (number.start() if number else 0)
        g = doc.finding(Kind.UNIT, begin, m.end(), f.confidence, "unit.subordinate")
        if g is not None:
            out.append(g)
    return out


def _named_widened(
    doc: Doc,
    found: list[Finding],
    widen: Callable[[int, int], tuple[int, int] | None],
    rules: tuple[str, ...] = ("unit.named", "unit.named_fuzzy"),
) -> list[Finding]:
    """Each named unit's finding (exact or a near miss; findings of ``rules``) replaced by the spaced
    span ``widen`` gives for its own spaced span, when it gives one."""
    out: list[Finding] = []
    for f in found:
        if f.rule not in rules:
            out.append(f)
            continue
        span = widen(*doc.spaced_range(f.start, f.end))
        g = doc.finding(Kind.UNIT, *span, f.confidence, f.rule, severity=f.severity) if span else None
        out.append(g if g is not None else f)
    return out


@lru_cache(maxsize=8)
def _services(rules: Rules) -> tuple[str, ...]:
    """Service names from ``military.tsv``, compact (no spaces), longest first."""
    names = {t.replace(" ", "") for t, kind in rules.gazetteers.military.items() if kind == "service"}
    return tuple(sorted((n for n in names if len(n) >= 2), key=len, reverse=True))


# Services of four syllables or more ("항공및반항공군", "특수작전군", "로농적위군"): a service alone names
# no unit, but it narrows a soldier down far more than 군대 does; a moderator decides.
_SERVICE_MIN = 4


def _services_alone(doc: Doc) -> Iterable[Finding | None]:
    for service in _services(doc.rules):
        if len(service) < _SERVICE_MIN:
            continue
        pos = doc.compact.find(service)
        while pos >= 0:
            start, end = doc.spaced_span(pos, pos + len(service))
            if doc.at_word_start(start) and tail_ok(doc, end):
                yield doc.finding(Kind.UNIT, start, end, 0.6, "unit.service", severity=Severity.REVIEW)
            pos = doc.compact.find(service, pos + 1)


def _typed_misread(doc: Doc) -> Iterable[Finding | None]:
    """A unit type (``type_words``: 저격, 국경경비, 정찰) before a two-syllable word one jamo from a unit
    word, with or without a number before ("11 저격 레단", "국경경비 데대", "정찰 쥰대"): OCR damage
    to the unit word. With a number it names one unit; without, a moderator looks."""
    cfg = doc.rules.config.units
    words = {w: j for w, j in _unit_words(doc.rules).items() if len(w) == _TYPED_WORD}
    view = doc.numbers
    for m in _typed_pattern(doc.rules).finditer(view.text):
        word = m.group("word")
        if word in words or word in cfg.misread_stop:
            continue  # exact unit words are the patterns'; 년대, 세대 are no units
        wj = jamo(word)
        if not any(Indel.normalized_similarity(wj, uj) >= cfg.misread_similarity for uj in words.values()):
            continue
        numbered = m.group("number") is not None
        yield doc.finding(
            Kind.UNIT,
            m.start(),
            m.end(),
            _STRONG_CONFIDENCE if numbered else 0.6,
            "unit.typed_misread",
            view=view,
            severity=None if numbered else Severity.REVIEW,
        )


_TYPED_WORD = 2


@lru_cache(maxsize=8)
def _typed_pattern(rules: Rules) -> re.Pattern[str]:
    types = alternation(rules.config.units.type_words)
    numbered = alternation((*rules.config.units.numbered_type_words, *rules.config.units.type_words))
    return re.compile(
        rf"(?:(?P<number>(?:[제체] ?)?\d{{1,6}} ?)(?:{numbered})|(?<![가-힣])(?:{types}))"
        rf" ?(?P<word>[가-힣]{{2}})"
        r"(?=$|[^가-힣]|에|의|으|로|은|는|이|가|을|를|와|과|도|만|까|부|출|소속)"
    )


# A number glued or spaced before a named unit ("제810해군보병여단", "11 폭풍군단"): the unit's number;
# in a transcript read aloud ("십칠 특수작전대대", "제이십 저격려단"), a word of numeral syllables with a
# place value in it or three syllables long (not 사이 "between", 오이 "cucumber").
_NUMBER_BEFORE = re.compile(
    r"(?:[제체] ?)?\d{1,6} ?$"
    r"|(?<![가-힣])(?:[제체] ?)?(?:[일이삼사오육륙칠팔구]{0,3}[십백천][일이삼사오육륙칠팔구십백천]{0,4}"
    r"|[일이삼사오육륙칠팔구]{3,6}) ?$"
)


def _with_number_before(doc: Doc, found: list[Finding]) -> list[Finding]:
    """A named unit (found exactly or as a near miss), or a unit type and word without a number
    (unit.typed: "특수작전대대", "저격려단"), runs back over the number written before it."""

    def widen(start: int, end: int) -> tuple[int, int] | None:
        m = _NUMBER_BEFORE.search(doc.text, max(0, start - 10), start)
        return (m.start(), end) if m else None

    return _named_widened(doc, found, widen, ("unit.named", "unit.named_fuzzy", "unit.typed"))


def _fuzzy_named_ok(doc: Doc, start: int, end: int, similarity: float) -> bool:
    """A near miss of a named unit Kiwi reads as ordinary words ("정차총국": 정차 + 총국) is still
    believed when it is a word of its own, four syllables or more, and very close (one jamo)."""
    if fuzzy_ok(doc, start, end):
        return True
    text = doc.text[start:end]
    return (
        len(text) >= _FUZZY_UNIT_MIN
        and " " not in text
        and doc.at_word_start(start)
        and similarity >= doc.rules.config.fuzzy.redact_similarity
    )


_FUZZY_UNIT_MIN = 4


# A unit number read aloud that OCR damaged: one syllable a jamo off a place value (칠샙사 for 칠십사),
# or digit by digit with spaces put in ("삼공 일 군부대"). The number view cannot convert either.
# With 제 the number may follow the force it belongs to with no space ("해군보병제팔백싑여단").
_SPOKEN_UNIT = re.compile(
    r"(?:(?<![가-힣])|(?=[제체]))(?P<ordinal>[제체] ?)?(?P<number>[가-힣]{3,5}"
    r"|[일이삼사오육륙칠팔구공영]{1,3}(?: [일이삼사오육륙칠팔구공영]{1,3}){1,2})"
    r" ?(?:군 ?부대|군단|사단|려단|여단|련대|연대|대대|중대)"
)
# Damaged place values are looked for among those below 만 (십, 백, 천), the ones inside a group of four
# digits.
_GROUP = 10_000


@lru_cache(maxsize=8)
def _spoken_syllables(rules: Rules) -> tuple[frozenset[str], tuple[str, ...], frozenset[str]]:
    """From ``numbers.spoken_digits`` and ``numbers.spoken_places``: the syllables of digits 1 to 9
    (일, 이, …, 구), the place values below 만 (십, 백, 천; in the config's order), and the zeros (공, 영,
    빵; ``_SPOKEN_UNIT`` lets only 공 and 영 through)."""
    cfg = rules.config.numbers
    digits = frozenset(ch for ch, d in cfg.spoken_digits.items() if d != "0")
    places = tuple(ch for ch, value in cfg.spoken_places.items() if value < _GROUP)
    zeros = frozenset(ch for ch, d in cfg.spoken_digits.items() if d == "0")
    return digits, places, zeros


def _damaged_spoken(doc: Doc) -> Iterable[Finding | None]:
    """A spoken unit number OCR damaged (see ``_SPOKEN_UNIT``): all its syllables numerals but one a
    jamo off 십/백/천, or digits spelled with a zero (공, 영) and split by spaces. Review."""
    digit_syllables, place_values, zeros = _spoken_syllables(doc.rules)
    for m in _SPOKEN_UNIT.finditer(doc.text):
        number = m.group("number")
        if " " in number:
            digits = number.replace(" ", "")
            ok = len(digits) >= _MIN_SPOKEN and bool(zeros & set(digits))
        else:
            odd = [ch for ch in number if ch not in digit_syllables and ch not in place_values]
            ok = len(odd) == 1 and any(near_syllable(odd[0], p) for p in place_values)
            # 제 and a place value say it is a number, so one syllable a jamo off a digit is that digit
            # ("제삼백아십일연대": 아 for 이).
            ok = ok or (
                bool(m.group("ordinal"))
                and len(odd) == 1
                and any(p in number for p in place_values)
                and any(near_syllable(odd[0], d) for d in digit_syllables)
            )
            odd = [ch for ch in odd if ch not in zeros]
            ok = ok or (
                len(odd) == 1
                and _damaged_digit(odd[0], number, bool(m.group("ordinal")), digit_syllables | zeros)
            )
        if ok:
            yield doc.finding(
                Kind.UNIT, m.start(), m.end(), 0.6, "unit.damaged_spoken", severity=Severity.REVIEW
            )


_MIN_SPOKEN = 3
_MIN_DIGITWISE = 4


def _damaged_digit(odd: str, number: str, ordinal: bool, names: frozenset[str]) -> bool:
    """A unit number read digit by digit with one digit name a jamo off ("제인공사오 군부대": 인 for
    이, "칠사칠삼군 군부대": 군 for 구): a zero among the others says it was read digit by digit (no word
    holds 공 or 영 between numerals so), and 제 before it or four syllables say it is a number. Four digit
    names and more with no place value (십, 백, 천) between them say the same without a zero."""
    zero_read = any(ch in ("공", "영") for ch in number)
    others = [ch for ch in number if ch != odd]
    digitwise = len(others) >= _MIN_DIGITWISE and all(ch in names for ch in others)
    return ((zero_read and (ordinal or len(number) >= _MIN_DIGITWISE)) or digitwise) and any(
        near_syllable(odd, d) for d in names
    )


# After a unit: the end of the word or a particle.
_UNIT_TAIL = r"(?=$|[^가-힣]|에|의|으|로|은|는|이|가|을|를|와|과|도|만|까|부|출|소속)"


@lru_cache(maxsize=8)
def _misread_type_pattern(rules: Rules) -> re.Pattern[str]:
    words = alternation(u for u in rules.config.units.unit_words if len(u) >= _TYPED_WORD)
    return re.compile(
        rf"(?<![0-9])(?P<ordinal>[제체] ?)?\d{{1,6}} ?(?P<type>[가-힣]{{2,4}}) ?(?:{words}){_UNIT_TAIL}"
    )


def _misread_type(doc: Doc) -> Iterable[Finding | None]:
    """A number, a word one jamo from a unit type (``type_words``) and an exact unit word ("제108 긴계화
    여단", "제810핸군보병려단", "95공숴여단"): OCR damaged the type, which the patterns list exactly. With 제
    before the number it is redacted, else a moderator looks."""
    cfg = doc.rules.config.units
    types = {t: jamo(t) for t in (*cfg.type_words, *cfg.numbered_type_words) if len(t) >= _TYPED_WORD}
    view = doc.numbers
    for m in _misread_type_pattern(doc.rules).finditer(view.text):
        word = m.group("type")
        if word in types:
            continue  # exact: the patterns'
        wj = jamo(word)
        if not any(
            len(t) == len(word) and Indel.normalized_similarity(wj, tj) >= cfg.misread_similarity
            for t, tj in types.items()
        ):
            continue
        named = m.group("ordinal") is not None
        yield doc.finding(
            Kind.UNIT,
            m.start(),
            m.end(),
            _STRONG_CONFIDENCE if named else 0.6,
            "unit.misread_type",
            view=view,
            severity=None if named else Severity.REVIEW,
        )


# A unit number read aloud before a three-syllable unit word OCR damaged by a jamo ("구이오 군뵤대",
# "육이사 군부댄"), or before the exact word where OCR glued a determiner to the number ("그육이사 군부대"):
# the number view converts neither. Three numeral syllables at least, so 이사 ("moving") or 오일 ("oil")
# are none.
_SPOKEN_BEFORE_WORD = re.compile(
    r"(?<![가-힣])(?:[그저])?(?P<ordinal>[제체] ?)?"
    r"(?P<number>[일이삼사오육륙칠팔구공영십백천]{3,6}) ?(?P<word>[가-힣]{3})"
)


def _spoken_misread(doc: Doc) -> Iterable[Finding | None]:
    """Spoken numbers before a damaged or glued unit word (see ``_SPOKEN_BEFORE_WORD``). Review."""
    cfg = doc.rules.config.numbers
    words = {w: j for w, j in _unit_words(doc.rules).items() if len(w) == _LONG_UNIT_WORD}
    similarity = doc.rules.config.units.misread_similarity
    for m in _SPOKEN_BEFORE_WORD.finditer(doc.text):
        number, word = m.group("number"), m.group("word")
        if spoken_value(number, cfg) is None or not tail_ok(doc, m.end()):
            continue
        glued = m.start("ordinal" if m.group("ordinal") else "number") > m.start()
        wj = jamo(word)
        if word in words:
            if not glued:
                continue  # the number view and the patterns read it
        elif not any(Indel.normalized_similarity(wj, uj) >= similarity for uj in words.values()):
            continue
        # 제 before the number is the unit's ordinal ("제 사사오칠 균부대"): it goes with it.
        start = m.start("ordinal") if m.group("ordinal") else m.start("number")
        yield doc.finding(Kind.UNIT, start, m.end(), 0.6, "unit.spoken_misread", severity=Severity.REVIEW)


_LONG_UNIT_WORD = 3

# A unit number read aloud before a two-syllable unit word OCR damaged by a jamo ("이공칠삼오 뷰대",
# "제일군딘"): the number view converts neither. Two syllables a jamo off 부대 or 군단 are often everyday
# words, so the number must say it is a unit's: 제 before it and the word glued on, or four digit names at
# least read one by one (no place value between them), which no count or date is read as.
_SPOKEN_BEFORE_SHORT = re.compile(
    r"(?<![가-힣])(?P<ordinal>[제체] ?)?(?P<number>[일이삼사오육륙칠팔구공영십백천]{1,6})"
    r" ?(?P<word>[가-힣]{2})"
)
_SHORT_UNIT_WORD = 2
_PLACE_VALUES = frozenset("십백천")


def _spoken_misread_short(doc: Doc) -> Iterable[Finding | None]:
    """Spoken numbers before a damaged two-syllable unit word (see ``_SPOKEN_BEFORE_SHORT``). Review."""
    cfg = doc.rules.config.numbers
    units = doc.rules.config.units
    words = {w: j for w, j in _unit_words(doc.rules).items() if len(w) == _SHORT_UNIT_WORD}
    for m in _SPOKEN_BEFORE_SHORT.finditer(doc.text):
        number, word = m.group("number"), m.group("word")
        digitwise = len(number) >= _MIN_DIGITWISE and not _PLACE_VALUES & set(number)
        # 제 and a number glued to the word: "제일 여대", "제이 부두" are "the best college", "pier 2".
        glued = m.group("ordinal") is not None and m.end("number") == m.start("word")
        # 제 and a number, then a word Kiwi does not know at all ("제 사 궨단", "제 칠 근단"): set apart it
        # is no everyday word (부두, 여대) but the unit word OCR damaged.
        glued = glued or (m.group("ordinal") is not None and _unknown_word(word))
        if not (glued or digitwise) or word in words or word in units.spoken_misread_stop:
            continue
        if spoken_value(number, cfg) is None or not tail_ok(doc, m.end()):
            continue
        wj = jamo(word)
        if any(Indel.normalized_similarity(wj, uj) >= units.misread_similarity for uj in words.values()):
            yield doc.finding(
                Kind.UNIT, m.start(), m.end(), 0.6, "unit.spoken_misread", severity=Severity.REVIEW
            )


def _unknown_word(word: str) -> bool:
    """Kiwi reads ``word`` as one morpheme it does not know."""
    morphs = analyse(word)
    return len(morphs) == 1 and morphs[0].oov


def _with_split_ordinal(doc: Doc, found: list[Finding]) -> list[Finding]:
    """A unit whose number is read aloud runs back over 제 and the number's first syllables that OCR set
    apart ("제이 삼칠팔 군부대", "제이 십오 보병여단"): the number begins at 제."""
    out: list[Finding] = []
    for f in found:
        start, end = doc.spaced_range(f.start, f.end)
        if f.kind is Kind.UNIT and doc.text[start : start + 1] in _NUMERAL_START:
            m = _SPLIT_ORDINAL.search(doc.text, max(0, start - 6), start)
            g = (
                doc.finding(Kind.UNIT, m.start(), end, f.confidence, f.rule, severity=f.severity)
                if m
                else None
            )
            out.append(g if g is not None else f)
        else:
            out.append(f)
    return out


_NUMERAL_START = frozenset("일이삼사오육륙칠팔구십백천")
_SPLIT_ORDINAL = re.compile(r"(?<![가-힣])[제체] ?[일이삼사오육륙칠팔구십백천]{1,2} $")


def find_units(doc: Doc) -> list[Finding]:
    """Units in ``doc``."""
    found = list(find_patterns(doc, (Kind.UNIT,)))
    found.extend(f for f in _damaged_spoken(doc) if f is not None)
    found.extend(f for f in _typed_misread(doc) if f is not None)
    found.extend(f for f in _services_alone(doc) if f is not None)
    found.extend(f for f in _misread_unit_words(doc) if f is not None)
    found.extend(f for f in _misread_type(doc) if f is not None)
    found.extend(f for f in _spoken_misread(doc) if f is not None)
    found.extend(f for f in _spoken_misread_short(doc) if f is not None)
    fz = doc.rules.config.fuzzy
    conf = doc.rules.config.units.confidence
    unit_ends = tuple(u for u in doc.rules.config.units.unit_words if len(u) >= 2)
    for m in doc.exact_matches:
        if any(e.kind is Kind.UNIT for e in m.entries):
            start, end = doc.spaced_span(m.start, m.end)
            # A named unit glued to the unit before it ("제11군단폭풍군 단"): where a unit word ends a
            # name may start, though OCR split this one.
            starts = doc.at_word_start(start) or doc.text[:start].endswith(unit_ends)
            if " " in doc.text[start:end] and not (starts and tail_ok(doc, end)):
                continue
            f = doc.finding(Kind.UNIT, start, end, conf, "unit.named")
            if f is not None:
                found.append(f)
    for m in doc.fuzzy_matches:
        if any(e.kind is Kind.UNIT for e in m.entries):
            start, end = doc.spaced_span(m.start, m.end)
            if not tail_ok(doc, end) or not _fuzzy_named_ok(doc, start, end, m.similarity):
                continue
            grade = Severity.REDACT if m.similarity >= fz.redact_similarity else Severity.REVIEW
            f = doc.finding(
                Kind.UNIT, start, end, m.similarity * fz.confidence_scale, "unit.named_fuzzy", severity=grade
            )
            if f is not None:
                found.append(f)
    found = _with_split_ordinal(doc, _with_number_before(doc, found))
    found = _with_service(doc, _with_bureau(doc, _with_force_before(doc, found)))
    found = _with_unread_number_after(doc, found)
    found = _with_branch_after(doc, _aliased(doc, _linked(doc, _subordinate(doc, found))))
    return _with_typed_subunit_after(doc, found)


# A battalion, company or platoon named by its type right after the unit it belongs to ("제27사단
# 민경대대", "제11군단 교도대대", "제25려단 정찰중대에서"): alone it is any unit's, after its parent it is
# one unit, and narrows the parent down further. Up to four syllables of type, glued to the unit word.
_SUBUNIT_WORDS = ("대대", "중대", "소대", "련대", "연대", "분대")
_SUBUNIT_AFTER = re.compile(rf" ?[가-힣]{{0,4}}?(?:{'|'.join(_SUBUNIT_WORDS)})")


def _with_typed_subunit_after(doc: Doc, found: list[Finding]) -> list[Finding]:
    out: list[Finding] = []
    for f in found:
        g = None
        if f.kind is Kind.UNIT:
            start, end = doc.spaced_range(f.start, f.end)
            m = _SUBUNIT_AFTER.match(doc.text, end)
            word = doc.word_at(m.end() - 1) if m else None
            # The unit word ends the word, or a particle follows it: not 대대장, 중대원, 연대기.
            if m and word is not None and _tail_is_particle(doc, m.end(), word.end):
                g = doc.finding(Kind.UNIT, start, m.end(), f.confidence, f.rule, severity=f.severity)
        out.append(g if g is not None else f)
    return out


def _tail_is_particle(doc: Doc, end: int, word_end: int) -> bool:
    tail = doc.text[end:word_end]
    return not tail or tail.startswith(doc.rules.particles)


# After a unit, the next formation's number misread as signs ("4대대 ?중대", "2중대 *소대"): one to three
# characters that are no letter, digit or space, then a unit word of two syllables or more (and particles).
_UNREAD_NUMBER = re.compile(r" ([^\w\s]{1,3})([가-힣]{2,6})(?![가-힣])")


def _with_unread_number_after(doc: Doc, found: list[Finding]) -> list[Finding]:
    """The formation after a unit whose number OCR could not read ("제28려단 4대대 ?중대"): the chain
    names one unit, and the smaller formation narrows it down. Its number is on the page all the same,
    so the formation is filled as surely as the unit before it."""
    words = frozenset(w for w in doc.rules.config.units.unit_words if len(w) >= 2)
    out = list(found)
    for f in found:
        _, end = doc.spaced_range(f.start, f.end)
        m = _UNREAD_NUMBER.match(doc.text, end)
        if m is None:
            continue
        word = strip_particles(m.group(2), doc)[0]
        if word not in words:
            continue
        stop = m.start(2) + len(word)
        g = doc.finding(Kind.UNIT, m.start(1), stop, f.confidence, "unit.unread_number", severity=f.severity)
        if g is not None:
            out.append(g)
    return out


# A branch named after a numbered unit, the smaller unit's word left unsaid ("칠 군단 공병", "9사단
# 포병이었어"): the soldier's arm within that unit narrows him down further; it goes with the unit.
_BRANCHES = "경보병|보병|포병|공병|정찰|저격|통신|기계화|땅크|탱크|고사포|방사포"
_BRANCH_AFTER = re.compile(rf" (?:{_BRANCHES})(?![가-힣])")
_BRANCH_PARTICLE_AFTER = re.compile(rf" (?:{_BRANCHES})(?=이었|이야|이다|으로|에서|이고|이라)")


def _with_branch_after(doc: Doc, found: list[Finding]) -> list[Finding]:
    out: list[Finding] = []
    for f in found:
        m = None
        if f.rule in _NUMBERED:
            m = _BRANCH_AFTER.match(doc.text, f.end) or _BRANCH_PARTICLE_AFTER.match(doc.text, f.end)
        g = doc.finding(Kind.UNIT, f.start, m.end(), f.confidence, f.rule, severity=f.severity) if m else None
        out.append(g if g is not None else f)
    return out

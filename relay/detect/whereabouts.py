"""The subject of someone's whereabouts: "평우가 지금도 함북 부령에 있는지 모르겠다", "도원이는 아직
혜산에 산다".

A letter asks after people by where they live or stay. When the subject of such a clause is a word
Kiwi does not know (or calls a proper noun) and every syllable is one that given names use, it is
most likely a name, however much it looks like some everyday word after one OCR confusion (보연 ~
보련): places, houses and schools, the other things that "are somewhere", are everyday words Kiwi
knows. OCR may split the subject into syllables ("도 원 이", "보 연이"); such a split subject is only
reviewed, a whole one is redacted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from relay.detect.document import Doc, hangul_only
from relay.detect.names import known_word
from relay.detect.rules import Rules
from relay.detect.salutation import generic_words
from relay.detect.words import Evidence, alternation, evidence
from relay.model import Finding, Kind, Severity

CONFIDENCE = 0.8
SPLIT_CONFIDENCE = 0.6
# Everyday words are only reviewed in the "X에 사는 Y" slot: that is where a name that is also an
# everyday word (전복, 한결) stands, and where a moderator tells it from one at a glance.
_ANY_NAME_SYLLABLE = 1
# How far (characters) the whereabouts cue may stand after the subject, within its sentence.
_REACH = 30
_NAME_KIWI = (Evidence.PROPER, Evidence.UNKNOWN, Evidence.FRAGMENT)


@lru_cache(maxsize=8)
def _pattern(rules: Rules, wonder: bool = False) -> re.Pattern[str]:
    cfg = rules.config.names
    cues = cfg.whereabouts_wonder_cues if wonder else cfg.whereabouts_cues
    cue = alternation(cues, loose_spaces=True)
    after = rf"(?=(?:(?!\.\s|\.$)[^!?\n]){{0,{_REACH}}}?(?:{cue}))"
    # The subject: two or three syllables (or one syllable, a space, one or two more: split by OCR),
    # then a subject particle that ends the word, possibly written apart ("도 원 이").
    return re.compile(
        r"(?:^|(?<=[\s,.!?\"'(]))(?P<name>[가-힣]{2,3}?|[가-힣] [가-힣]{1,2}?)"
        r" ?(?:이|가|은|는|도|이는|이가|이도)(?![가-힣])" + after
    )


@lru_cache(maxsize=4)
def _resident_pattern(rules: Rules) -> re.Pattern[str]:
    cues = rules.config.names.resident_cues
    cue = alternation(cues, loose_spaces=True)
    # "[place]에 사는 Y도 …": a locative, a verb of living as an adnominal, then the one who lives there.
    return re.compile(
        rf"(?:에|에서)\s*(?:{cue})\s+(?P<name>[가-힣]{{2,3}}?|[가-힣] [가-힣]{{1,2}}?)"
        r"(?:이|가|은|는|도|이도|이는|이가|와|과|이와|을|를|이를|의|이랑|랑)?(?=$|[\s,.!?])"
    )


@lru_cache(maxsize=4)
def _not_names(rules: Rules) -> frozenset[str]:
    cfg = rules.config.names
    return (
        generic_words(rules) | cfg.born_not_names | cfg.stop_words | cfg.role_words | cfg.resident_not_names
    )


def _name_shaped(doc: Doc, word: str, least: int | None = None) -> bool:
    """Every syllable of ``word`` is one given names use at least regularly (the weight that
    kinship slots ask for, unless ``least`` says otherwise), and the word is no generic or everyday
    subject."""
    gaz = doc.rules.gazetteers
    least = doc.rules.config.names.slot_kin_min_weight if least is None else least
    if not hangul_only(word) or word in _not_names(doc.rules) or word[:-1] in _not_names(doc.rules):
        return False
    if word in doc.rules.lexicon.exact:
        return False  # a place or organisation ("경기도에 산다" reads 경기 + 도)
    return all(gaz.given_syllables.get(ch, 0) >= least for ch in word)


def find_whereabouts(doc: Doc) -> list[Finding]:
    """Findings for a name-shaped subject of a clause saying where someone is or lives, and for the
    one who lives somewhere ("광주에 사는 Y도")."""
    return [*_subjects(doc), *_residents(doc)]


def _residents(doc: Doc) -> list[Finding]:
    """After "에 사는" and the like only someone who lives there fits: a name-shaped word Kiwi does
    not know is redacted, any other word of name syllables (전복, 한결: everyday words too) is
    reviewed."""
    found: list[Finding] = []
    for m, word, split, ev in _candidates(doc, _resident_pattern(doc.rules), _ANY_NAME_SYLLABLE):
        start, end = m.span("name")
        if ev is Evidence.PREDICATE or (not split and _bound_or_adverb(doc, start, end)):
            continue  # 서울에 사는 동안, 거기 사는 내내: time words and verb forms, no one living
        whole = not split and ev in (Evidence.PROPER, Evidence.UNKNOWN) and _name_shaped(doc, word)
        found.extend(_graded(doc, start, end, whole, "person.resident"))
    return found


def _candidates(
    doc: Doc, pattern: re.Pattern[str], least: int | None = None
) -> Iterator[tuple[re.Match[str], str, bool, Evidence]]:
    """Matches of ``pattern`` whose ``name`` group is name-shaped (see :func:`_name_shaped`), with the
    word (spaces taken out), whether OCR split it, and what Kiwi makes of it. A split word whose first
    syllable is a determiner or pronoun ("그 애가", "내 딸이") is none."""
    not_first = doc.rules.config.names.born_not_first
    for m in pattern.finditer(doc.text):
        raw = m.group("name")
        split = " " in raw
        if split and raw[0] in not_first:
            continue
        word = raw.replace(" ", "")
        if not _name_shaped(doc, word, least):
            continue
        # Kiwi reads split syllables as anything (가 as the verb 가다): the joined word is judged alone.
        ev = Evidence.FRAGMENT if split and not known_word(word) else evidence(doc, *m.span("name"))
        yield m, word, split, ev


def _graded(doc: Doc, start: int, end: int, whole: bool, rule: str) -> list[Finding]:
    """The finding for a whole name (redacted) or a split or doubtful one (reviewed)."""
    severity = Severity.REDACT if whole else Severity.REVIEW
    f = doc.finding(
        Kind.PERSON, start, end, CONFIDENCE if whole else SPLIT_CONFIDENCE, rule, severity=severity
    )
    return [f] if f is not None else []


def _bound_or_adverb(doc: Doc, start: int, end: int) -> bool:
    """Kiwi reads the word as a bound noun, a pronoun, a numeral or an adverb (동안 is NNG, so the
    time words are listed in ``resident_not_names``)."""
    morphs = doc.morphemes_in(start, end)
    return bool(morphs) and morphs[0].tag in ("NNB", "NP", "NR", "MAG", "MM")


def _wondered_about(doc: Doc, m: re.Match[str], ev: Evidence) -> bool:
    """An everyday noun as the subject of wondering where someone is ("선정이 지금도 … 에 있는지
    모르겠다"): a name that is also a word (선정, 병선) is asked after that way far more often than a
    thing is. Review only (the caller grades it)."""
    return ev is Evidence.COMMON and bool(_pattern(doc.rules, True).match(doc.text, m.start()))


def _subjects(doc: Doc) -> list[Finding]:
    found: list[Finding] = []
    for m, _, split, ev in _candidates(doc, _pattern(doc.rules)):
        if ev not in _NAME_KIWI and not _wondered_about(doc, m, ev):
            continue
        whole = not split and ev in (Evidence.PROPER, Evidence.UNKNOWN)
        found.extend(_graded(doc, *m.span("name"), whole, "person.whereabouts"))
    return found

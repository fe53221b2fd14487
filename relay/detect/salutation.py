"""The person a letter is addressed to: "사랑하는 X에게", "그리운 X야", "보고 싶은 X께".

After an affectionate salutation and before a form of address, only a name or a kinship word fits, so
a word there that is neither is flagged for a moderator whatever Kiwi makes of it: bare given names are
often everyday words too (병용, 청빈, 하늘), which the name scorer rightly doubts elsewhere. Review:
a moderator judges "사랑하는 조카딸에게" and "사랑하는 병용에게" at a glance.

A kinship word may stand between the cue and the name ("보고 싶은 동생 병용에게", "사랑하는 아들 같은
덕범에게"), and OCR may drop every space on the line ("사랑하는아들같은덕범에게"). With a kinship word
there the slot holds two cues for a name, so a word whose syllables all occur in names is redacted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from relay.detect.document import Doc
from relay.detect.names import known_word
from relay.detect.rules import Rules
from relay.detect.words import Evidence, alternation, evidence, has_final
from relay.model import Finding, Kind, Severity

CONFIDENCE = 0.6
STRONG_CONFIDENCE = 0.8


@lru_cache(maxsize=4)
def _pattern(rules: Rules) -> re.Pattern[str]:
    cfg = rules.config.names
    cues = alternation(cfg.salutation_cues, loose_spaces=True)
    endings = alternation(cfg.salutation_endings)
    # OCR may set a particle of two syllables or more apart ("효관 에게"); 야 and 아 alone stay glued.
    apart = alternation(e for e in cfg.salutation_endings if len(e) >= 2)
    kin = alternation(k for k in rules.gazetteers.kinship if " " not in k)
    # The cue, optionally 내/우리, optionally a kinship word (and 같은: "아들 같은"), then two to four
    # syllables glued to the ending, then a break. Spaces may be lost anywhere (OCR).
    return re.compile(
        rf"(?:^|(?<=[\s,.!?]))(?:{cues})\s*(?:(?:내|우리|나의|저의)\s*)?(?:(?P<kin>{kin})\s*(?:같은\s*)?)?"
        rf"(?P<name>[가-힣]{{2,4}}?)(?:{endings}| (?:{apart}))(?=$|[\s,.!?~])"
    )


@lru_cache(maxsize=4)
def generic_words(rules: Rules) -> frozenset[str]:
    """Words that fill a name's slot without being a name: kinship words and generic addressees.
    Not the general stop words: everyday words that are also given names (하늘, 보람) are what these
    slots are for."""
    gaz, cfg = rules.gazetteers, rules.config.names
    return frozenset(gaz.kinship) | frozenset(cfg.salutation_not_names)


def _generic(word: str, not_names: frozenset[str]) -> bool:
    """``word`` (OCR may have split it: "하 늘") is a kinship or generic word, with or without a
    friendly 이, or a plural; so is a split word whose last part is one ("내 딸", "그 아이")."""
    parts = word.split()
    if len(parts) > 1 and _generic(parts[-1], not_names):
        return True
    word = "".join(parts)
    if word.endswith(_TITLES) and any(word[: -len(t)] in not_names for t in _TITLES if word.endswith(t)):
        return True  # 전사동무, 청년동지: a generic addressee with a title glued on
    return word in not_names or word[:-1] in not_names or word.endswith("들")


# Titles glued after a generic addressee ("사랑하는 군인동무에게").
_TITLES = ("동무", "동지", "님", "씨", "전우")


def flag_names(
    doc: Doc, matches: Iterable[re.Match[str]], not_names: frozenset[str], rule: str, group: int | str = 1
) -> list[Finding]:
    """A review finding for each match's ``group``, unless it is one of ``not_names`` (with or
    without a friendly 이: 동생이) or a plural (전사들)."""
    found: list[Finding] = []
    for m in matches:
        if _generic(m.group(group), not_names):
            continue
        if doc.text[m.end(group) : m.end(group) + 1] == "이" and m.group(group) + "이" in not_names:
            continue  # "그를 겁쟁이라고 불렀다": the word is 겁쟁이, cut before the copula's 이
        f = doc.finding(Kind.PERSON, m.start(group), m.end(group), CONFIDENCE, rule, severity=Severity.REVIEW)
        if f is not None:
            found.append(f)
    return found


_EVERYDAY = (Evidence.COMMON, Evidence.INSIDE, Evidence.PREDICATE)


def name_shaped(doc: Doc, m: re.Match[str], group: str = "name") -> bool:
    """The addressee's syllables are all typical of given names, and it is a listed given name or a
    word Kiwi does not read as an everyday one (녀석, 부부 are; 덕범 is not)."""
    gaz, least = doc.rules.gazetteers, doc.rules.config.names.slot_kin_min_weight
    word = m.group(group)
    if any(gaz.given_syllables.get(ch, 0) < least for ch in word):
        return False
    if gaz.listed_name(word):
        return True
    return evidence(doc, m.start(group), m.end(group)) not in _EVERYDAY


def find_salutations(doc: Doc) -> list[Finding]:
    """Findings for the addressee of an affectionate salutation: review, or redact when a kinship word
    stands before a name-shaped addressee."""
    not_names = generic_words(doc.rules)
    strong: list[re.Match[str]] = []
    weak: list[re.Match[str]] = []
    for m in _pattern(doc.rules).finditer(doc.text):
        if m.group("kin") and _generic(m.group("kin") + "".join(m.group("name").split()), not_names):
            continue  # "사랑하는 형제님께": one generic word (형제 + 님), not 형 and a name 제님
        (strong if m.group("kin") and name_shaped(doc, m) else weak).append(m)
    found = flag_names(doc, weak, not_names, "person.salutation", "name")
    for m in strong:
        if _generic(m.group("name"), not_names):
            continue
        f = doc.finding(Kind.PERSON, m.start("name"), m.end("name"), STRONG_CONFIDENCE, "person.salutation")
        if f is not None:
            found.append(f)
    found.extend(find_openings(doc))
    return found


@lru_cache(maxsize=4)
def _opening(rules: Rules) -> re.Pattern[str] | None:
    cfg = rules.config.names
    if not cfg.letter_openings:
        return None
    verbs = alternation(cfg.letter_openings)
    kin = alternation(k for k in rules.gazetteers.kinship if " " not in k)
    # the cues a name may follow there ("우리 경훈이 보아라", "사랑하는 아들 명철 보아라")
    cues = alternation([*cfg.extra_before, *cfg.salutation_cues])
    # At the start of a line or sentence: optionally a cue and a kinship word, two or three syllables (a
    # friendly 이 may follow; a surname may stand apart: "처남 류 성호 보게"), then the imperative, then
    # a break. No particle may stand between ("하늘을 보아라").
    return re.compile(
        rf"(?:^|(?<=[\n.!?]))[ \t]*(?:(?:{cues})[ \t]*)?(?:(?P<kin>{kin})[ \t]*)?"
        rf"(?P<name>[가-힣]{{2,3}}?|[가-힣] [가-힣]{{1,2}}?)(?P<suffix>이)?"
        rf"[ \t]+(?:{verbs})(?=$|[\s,.!?~])",
        re.MULTILINE,
    )


def find_openings(doc: Doc) -> list[Finding]:
    """Findings for the addressee named before an old-style letter's opening "X 보아라": redact when
    the word is name-shaped (all syllables typical of names, not an everyday word); nothing otherwise,
    since "저것 보아라", "하늘 보아라" are the same frame with no one named."""
    pattern = _opening(doc.rules)
    if pattern is None:
        return []
    not_names = generic_words(doc.rules)
    stop = doc.rules.config.names.stop_words
    found: list[Finding] = []
    for m in pattern.finditer(doc.text):
        word = m.group("name")
        if _generic(word, not_names) or word in stop:
            continue
        if " " in word:
            if not _spaced_full_name(doc, word):
                continue
        elif not (name_shaped(doc, m) or (m.group("suffix") and _friendly(doc, word))):
            continue
        f = doc.finding(Kind.PERSON, m.start("name"), m.end("name"), STRONG_CONFIDENCE, "person.opening")
        if f is not None:
            found.append(f)
    return found


def _spaced_full_name(doc: Doc, word: str) -> bool:
    """ "류 성호": a common surname apart from a given name whose syllables are all typical of names,
    making no everyday word together."""
    surname, given = word.split(" ", 1)
    rank = doc.rules.gazetteers.surnames.get(surname)
    if rank is None or rank > doc.rules.config.names.merge_max_rank:
        return False
    if known_word(surname + given):
        return False  # "하 늘 보아라": an everyday word OCR split
    least = doc.rules.config.names.slot_kin_min_weight
    return all(doc.rules.gazetteers.given_syllables.get(ch, 0) >= least for ch in given)


def _friendly(doc: Doc, word: str) -> bool:
    """``word`` ends in a final consonant, so the 이 after it is the friendly suffix of a given name
    (an imperative has no subject to take it), and all its syllables are typical of names."""
    least = doc.rules.config.names.slot_kin_min_weight
    weights = doc.rules.gazetteers.given_syllables
    return has_final(word[-1]) and all(weights.get(ch, 0) >= least for ch in word)

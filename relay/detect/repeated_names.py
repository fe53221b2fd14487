"""A given name said, then said again with the surname in front: how people introduce themselves and
call someone they fear has forgotten them ("나 민혁이 차민혁", "나 소 영 이 야 . 한 소 영", "경훈아 오경훈",
"저 유미 신유미예요", "송화 언니 김송화").

Each mention alone may look like anything: the given name is often an everyday word (태양, 동일, 향미) and a
syllable run set apart by OCR hides where words start. The repetition is what gives it away: the same two
syllables, then within a few characters a common surname and the same two syllables again. So both
mentions are found when

- the two syllables are ones names use (one of them commonly) and the surname is a common one,
- only a friendly 이, a vocative or copula ending (아, 야, 이야, 이다, 예요), punctuation, laughter or a
  word for the one speaking (언니, 누나, 형, 오빠) stands between them, and
- each mention starts a word and the full name ends one (or has an ending after it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from relay.detect.document import Doc
from relay.detect.normalize import is_hangul
from relay.detect.rules import OCR_SURNAME_RANK, Rules
from relay.model import Finding, Kind

RULE = "person.repeated_with_surname"
_CONFIDENCE = 0.8
_GIVEN = 2  # syllables of the given name repeated; one syllable repeats by chance
# What may stand between the given name and its repetition with the surname (compact, lower-cased).
_GAP = re.compile(
    r"이?(?:아|야|다|요|예요|에요|이야|이다|이요|이에요)?[.,!?~…♡^ㅋㅎ\u110f\u1112]*"
    r"(?:(?:언니|누나|오빠|형|이형|동생|삼촌|이모|고모)[.,!?~…♡^]*)?"
)
_WINDOW = 14  # compact characters from the given name's start to the surname: a few words at most
# Endings that may follow the full name inside its word ("차민혁이야", "신유미예요").
_AFTER = re.compile(r"(?:이|이다|이야|이에요|예요|에요|야|다|요|입니다|이오|이요)?(?![가-힣])")


def find_repeated_names(doc: Doc) -> Iterable[Finding]:
    """Person findings for a given name and its repetition with the surname (see above)."""
    rules, compact = doc.rules, doc.compact
    surnames = _ok_surnames(rules)
    for p in range(1, len(compact) - _GIVEN):
        surname, given = compact[p], compact[p + 1 : p + 1 + _GIVEN]
        if surname not in surnames or not _given_ok(rules, given):
            continue
        end = p + 1 + _GIVEN
        spaced_start, spaced_end = doc.spaced_span(p, end)
        if not doc.at_word_start(spaced_start) or not _AFTER.match(doc.text, spaced_end):
            continue
        if surname not in _SPEAKER_SURNAMES and _demonstrative(doc.text[spaced_start:spaced_end]):
            continue
        first = _first_mention(doc, p, given)
        if first is None:
            continue
        for start, stop in (first, (p, end)):
            found = doc.finding(Kind.PERSON, *doc.spaced_span(start, stop), _CONFIDENCE, RULE)
            if found is not None:
                yield found


def _first_mention(doc: Doc, p: int, given: str) -> tuple[int, int] | None:
    """Compact span of ``given`` starting a word shortly before ``p``, only a gap (see ``_GAP``) between."""
    compact = doc.compact
    for q in range(p - _GIVEN, max(-1, p - _WINDOW), -1):
        if compact[q : q + _GIVEN] != given:
            continue
        if not doc.at_word_start(doc.compact_src[q]):
            continue
        if _GAP.fullmatch(compact, q + _GIVEN, p):
            return q, q + _GIVEN
    return None


# Surnames that are also the speaker (전: "I", as in "나 향미. 전 향미"): before the name said again they
# are the surname or the speaker introducing the name once more; the name is one either way.
_SPEAKER_SURNAMES = frozenset({"전", "난", "나"})


# Every character of the page is tried as a surname: the surnames that pass _surname_ok are listed once
# per Rules, and the given syllables' verdicts remembered.
@lru_cache(maxsize=8)
def _ok_surnames(rules: Rules) -> frozenset[str]:
    """The surnames :func:`_surname_ok` lets pass (it passes no text that is not a listed surname)."""
    return frozenset(s for s in rules.gazetteers.surnames if _surname_ok(rules, s))


def _surname_ok(rules: Rules, surname: str) -> bool:
    """A common surname that is no word of its own as often (그, 저, 제), bar the speaker (see above)."""
    rank = rules.gazetteers.surnames.get(surname)
    cfg = rules.config.names
    if rank is None or rank == OCR_SURNAME_RANK or rank > cfg.merge_max_rank:
        return False
    return surname in _SPEAKER_SURNAMES or surname not in cfg.spaced_surname_not


@lru_cache(maxsize=1 << 14)
def _given_ok(rules: Rules, given: str) -> bool:
    """Both syllables Hangul and used in names, one of them commonly."""
    if len(given) != _GIVEN or not all(is_hangul(ch) for ch in given):
        return False
    cfg, weights = rules.config.names, rules.gazetteers.given_syllables
    w = [weights.get(ch, 0) for ch in given]
    return min(w) >= cfg.name_shaped_min_weight and max(w) >= cfg.slot_kin_min_weight


def _demonstrative(full: str) -> bool:
    """The surname's syllable set apart from a word written whole: a word of its own, not a surname
    ("사람 이 사람 을": 이 사람, this person; "한 사람 한 사람", "한 글자 한 글자": one by one). A surname
    is glued to its given name, or OCR set every syllable apart ("한 소 영")."""
    return full[1:2] == " " and " " not in full[2:]

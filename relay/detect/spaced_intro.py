"""A full name typed or read syllable by syllable where only a name fits.

People who type a name they have only heard, and OCR of handwriting, set the syllables of a name apart:
"저는 김 하 윤이에요", "나는황 금 철이다" (the speaker glued on), "사랑하는로 광 수 형제님께", "정명 수님께".
The name rules read each piece alone, and a piece alone is a particle, a determiner or a word ("은",
"이", "수"), so the name is missed. Runs of one-syllable words are common in ordinary writing too ("물 한
잔 마시고", "몸 은 괜 찬 으 냐"), so a run is taken as a name only

- when its first syllable is a listed surname and the given syllables are ones names use, and
- when the sentence leaves room for nothing but a name there: the speaker (저는, 나는) or a clause
  describing someone (에서 온, 사랑하는) before it and a copula closing the sentence after it ("이 에요",
  "라 고 하오", "요"); or a title or honorific right after it ("형제님", "씨", "님께"); or, opening a line,
  a comma and the speaker after it ("정 은 성, 나는 …": the reader addressed, then the writer).

The name may also be split after its second syllable ("이상 훈 목사님", "정명 수님께"): then a title
must follow, as the first two syllables often make a word of their own (이상, 정명).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from relay.detect.document import Doc, Span
from relay.detect.morph import analyse
from relay.detect.names import _adnominal_word, known_word
from relay.detect.rules import OCR_SURNAME_RANK, Rules
from relay.detect.words import last_word
from relay.model import Finding, Kind

RULE = "person.spaced_slot"
_CONFIDENCE = 0.8
# The speaker as a letter writes it, and as OCR misreads 저는 (저눈) or a chat shortens it.
_SPEAKERS = frozenset({"나는", "저는", "저눈", "난", "전", "내가", "제가", "내래", "내는", "나"})
# Words for a person a clause describes before the name ("덕천시 사람 용 석 구 요").
_PERSON_BEFORE = frozenset({"사람", "출신", "태생", "졸업생", "학생", "회원", "부원"})
# The copula split off by the spacing, as it closes an introduction ("이 에요", "라 고 하오").
# Adnominal forms of one syllable, which Kiwi is not asked about alone (온: came, "청진에서 온 …").
_CAME = frozenset({"온", "된"})
# A school year before the name ("4학년 조 아 름이에요"), as students introduce themselves.
_SCHOOL_YEAR = re.compile(r"(?:\d|[일이삼사오육])학년$")
# … and as friends write it ("천 이 슬 이라고 해").
_SAYING = (
    *("라고하오", "라고해요", "라고합니다", "라고한다", "라하오", "라합니다"),
    *("라고해", "라고하지", "라고하네"),
)
_SENTENCE_END = re.compile(r"[.!?,…\n]|$")


@dataclass(frozen=True)
class _Run:
    """A name's syllables set apart: where the name starts and ends, what is glued before its surname
    (``cue``, "" if the surname stands alone) and after its last syllable (``rest``)."""

    start: int
    end: int
    cue: str
    rest: str
    split_after_two: bool


@lru_cache(maxsize=4)
def _endings(rules: Rules) -> frozenset[str]:
    """Copulas closing an introduction, with and without the 이 a final consonant takes."""
    cfg = rules.config.names
    base = set(cfg.slot_intro_endings) | set(cfg.self_endings) - {"라는", "이라는", "이라", "라"}
    base |= {f"이{e}" for e in _SAYING} | set(_SAYING)
    return frozenset(base | {f"이{e}" for e in base if not e.startswith("이")})


@lru_cache(maxsize=4)
def _titles(rules: Rules) -> frozenset[str]:
    """Titles and honorifics that follow a name (name_context.tsv), less those that say what anyone
    is (학생, 부원) rather than which one."""
    cfg = rules.config.names
    skip = set(cfg.widen_titles_not) | set(cfg.surname_title_not_titles) - {"님께", "선생님께"}
    return frozenset(
        c.term
        for c in rules.gazetteers.name_context
        if c.position == "after" and c.kind in ("honorific", "title") and c.term not in skip
    )


def _given_ok(rules: Rules, syllables: str) -> bool:
    """Both given syllables are used in names, one of them commonly."""
    cfg, weights = rules.config.names, rules.gazetteers.given_syllables
    w = [weights.get(ch, 0) for ch in syllables]
    return min(w) >= cfg.name_shaped_min_weight and max(w) >= cfg.slot_kin_min_weight


def _surname_ok(rules: Rules, surname: str, glued: bool) -> bool:
    """A common surname; standing alone, not one that is as often a determiner or pronoun (그, 제)."""
    rank = rules.gazetteers.surnames.get(surname)
    cfg = rules.config.names
    if rank is None or rank == OCR_SURNAME_RANK or rank > cfg.merge_max_rank:
        return False
    return glued or surname not in cfg.spaced_surname_not


# The speaker glued to a surname: only with a particle, as "나도 다 안다" is 나 + 도 (also, a surname).
_GLUED_SPEAKERS = frozenset({"나는", "저는", "저눈", "내가", "제가", "내래", "내는"})


def _glued_cue(prefix: str) -> bool:
    """What is glued before the surname is the speaker or a verb's adnominal form (나는량, 사랑하는로)."""
    return prefix in _GLUED_SPEAKERS or _adnominal_word(prefix)


def _runs(doc: Doc) -> Iterator[_Run]:
    """Candidate names of three syllables set apart (1+1+1, 2+1, or a glued cue and 1+2) among
    ``doc.words``."""
    words = doc.words
    for i in range(len(words) - 1):
        w0, w1 = words[i], words[i + 1]
        if w1.start != w0.end + 1:
            continue
        w2 = words[i + 2] if i + 2 < len(words) and words[i + 2].start == w1.end + 1 else None
        run = _one_by_one(doc, w0, w1, w2) or _two_then_one(doc, w0, w1) or _glued_then_two(doc, w0, w1)
        if run is not None:
            yield run


def _one_by_one(doc: Doc, w0: Span, w1: Span, w2: Span | None) -> _Run | None:
    """ "김 하 윤이", "나는황 금 철이다": the surname ending ``w0``, one syllable, then ``w2``'s first."""
    if len(w1.text) != 1 or w2 is None:
        return None
    prefix = w0.text[:-1]
    if prefix and not _glued_cue(prefix):
        return None
    if not (_surname_ok(doc.rules, w0.text[-1], bool(prefix)) and _given_ok(doc.rules, w1.text + w2.text[0])):
        return None
    return _Run(w0.end - 1, w2.start + 1, prefix, w2.text[1:], False)


def _two_then_one(doc: Doc, w0: Span, w1: Span) -> _Run | None:
    """ "이상 훈 목사님": the surname and a given syllable, then the last syllable apart."""
    if len(w0.text) != 2 or not _surname_ok(doc.rules, w0.text[0], True):
        return None
    if w1.text[0] in doc.rules.particles:
        return None  # "나중 에 간호사": a word and its particle split off, not a name's last syllable
    if not _given_ok(doc.rules, w0.text[1] + w1.text[0]):
        return None
    return _Run(w0.start, w1.start + 1, "", w1.text[1:], True)


def _glued_then_two(doc: Doc, w0: Span, w1: Span) -> _Run | None:
    """ "저는림 성국 이고요": the speaker glued to the surname, the given name apart after it."""
    prefix = w0.text[:-1]
    if len(w1.text) < 2 or prefix not in _GLUED_SPEAKERS:
        return None
    if not (_surname_ok(doc.rules, w0.text[-1], True) and _given_ok(doc.rules, w1.text[:2])):
        return None
    return _Run(w0.end - 1, w1.start + 2, prefix, w1.text[2:], False)


def _word_before(doc: Doc, pos: int) -> str:
    """The word (any characters) before ``pos`` in the spaced text, within its sentence."""
    word = last_word(doc.text, pos)  # its last character ends the text before, stripped
    return "" if not word or word[-1] in ".!?\n," else word


def _described(prev: str) -> bool:
    """``prev`` describes the person named next: a verb's adnominal form or a school year."""
    return _SCHOOL_YEAR.search(prev) is not None or _adnominal_word(prev)


def _introduced(doc: Doc, run: _Run) -> bool:
    """The speaker or a described person before the name, a copula closing the sentence after it."""
    if not run.cue:
        prev = _word_before(doc, run.start)
        if not (prev in _SPEAKERS or prev in _PERSON_BEFORE or prev in _CAME or _described(prev)):
            return False
    tail = doc.text[run.end :]
    m = _SENTENCE_END.search(tail)
    closing = tail[: m.start() if m else len(tail)].replace(" ", "")
    if closing and closing in _endings(doc.rules):
        return True
    going_on = re.match(r"([가-힣]*) ([가-힣]+)", tail)
    return going_on is not None and going_on.group(1) + going_on.group(2) in _GOING_ON


# The copula going on to what the speaker says next ("림 성국 이고요 이쪽은 …").
_GOING_ON = frozenset({"이고요", "고요", "이구요", "구요", "이고", "인데요", "인데"})


# What a glued one-syllable title may carry ("수님께", "훈씨도").
_AFTER_TITLE = ("께", "께서", "도", "이", "은")


def _titled(doc: Doc, run: _Run) -> bool:
    """A title or honorific glued to the last syllable or standing right after it."""
    titles = _titles(doc.rules)
    if run.rest:
        return any(
            run.rest == t or (run.rest.startswith(t) and run.rest[len(t) :] in _AFTER_TITLE)
            for t in titles
            if len(t) <= 2
        )
    m = re.match(r" ([가-힣]+)", doc.text[run.end :])
    if m is None:
        return False
    word = m.group(1)
    particles = doc.rules.particles
    return any(word == t or (word.startswith(t) and word[len(t) :] in particles) for t in titles)


def _addressed(doc: Doc, run: _Run) -> bool:
    """Opening a line, bare, then a comma and the speaker: the reader named before the writer speaks."""
    if run.cue or run.rest or not (run.start == 0 or doc.is_line_start(run.start)):
        return False
    m = re.match(r"\s*,?\s*([가-힣]+)", doc.text[run.end :])  # a transcript drops the comma
    return m is not None and m.group(1) in _SPEAKERS


def _names_someone(doc: Doc, run: _Run) -> bool:
    """The slot around ``run`` fits only a name (see module doc)."""
    if _titled(doc, run):
        return True
    if run.split_after_two:
        return False
    return _introduced(doc, run) or _addressed(doc, run)


_VOCATIVES = frozenset({"아", "야"})
# What follows a name called at the start of a letter or sentence ("청 섭 아, 너는"): a comma or "!".
_CALL_END = re.compile(r"\s?[,!]")


def _opens(doc: Doc, pos: int) -> bool:
    """``pos`` opens the text, a line or a sentence."""
    return pos == 0 or doc.is_line_start(pos) or doc.text[max(0, pos - 2) : pos] in (". ", "! ", "? ")


def _spaced_calls(doc: Doc) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of a given name (perhaps after its surname) set apart syllable by syllable and
    called with 아 or 야 and a comma where a letter or sentence opens ("청 섭 아, 너는 혼자가 아니다",
    "김 청 섭 아!"): both given syllables typical of names, the surname a common one."""
    words, rules = doc.words, doc.rules
    for i in range(len(words) - 2):
        run = [words[i]]
        for w in words[i + 1 : i + 4]:
            if w.start != run[-1].end + 1:
                break
            run.append(w)
            if w.text in _VOCATIVES:
                break
        if len(run) not in (3, 4) or run[-1].text not in _VOCATIVES or any(len(w.text) != 1 for w in run):
            continue
        if not _opens(doc, run[0].start) or _CALL_END.match(doc.text, run[-1].end) is None:
            continue
        name = [w.text for w in run[:-1]]
        if len(name) == 3 and not _surname_ok(rules, name[0], False):
            continue
        given = "".join(name[-2:])
        # Not a word Kiwi knows ("조 카 야,", "동 생 아,", "충 성 아,"), unless a listed given name, nor
        # pieces of grammar (아가: 아 + 가, "아 가 야,").
        if not _given_ok(rules, given) or any(m.tag.startswith(("J", "E", "IC")) for m in analyse(given)):
            continue
        if not known_word(given) or rules.gazetteers.listed_name(given):
            yield run[0].start, run[-2].end


def find_spaced_slot_names(doc: Doc) -> list[Finding]:
    """Person findings for full names set apart syllable by syllable in a slot only a name fits, and for
    given names so set apart and called (see :func:`_spaced_calls`)."""
    found = []
    for run in _runs(doc):
        if _names_someone(doc, run):
            f = doc.finding(Kind.PERSON, run.start, run.end, _CONFIDENCE, RULE)
            if f is not None:
                found.append(f)
    for start, end in _spaced_calls(doc):
        f = doc.finding(Kind.PERSON, start, end, _CONFIDENCE, RULE)
        if f is not None:
            found.append(f)
    return found

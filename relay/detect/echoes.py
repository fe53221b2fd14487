"""A name found once in full is redacted wherever else the letter repeats it.

Letters name the same person several times and usually only once in full: "아버지 우봄비는 평생 일하셨다.
봄비 아버지가 일하던 공장". The full name gives the rules their evidence (a surname, a kinship word
before it); a later mention has none, and given names are often everyday words (봄비, 하늘, 샛별) that
the rules rightly doubt on their own. So every ``redact`` person finding that is a full name (a known
surname and at least two more syllables, particles after it left out) is looked for again in the same
text, both whole and as its given name alone, wherever either starts a word or follows a kinship word
glued to it ("누나초롱이"; OCR spacing inside the name is ignored). Only full names are echoed: a
shorter finding is weaker evidence, and echoing a false one would spread the mistake.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from relay.detect.document import Doc
from relay.detect.lettered import baptismal_names
from relay.detect.names import known_word
from relay.detect.normalize import is_hangul
from relay.detect.rules import Rules
from relay.detect.spaced_names import widen_spaced
from relay.detect.titled import _AFTER_TITLE, loose_syllables, name_titles
from relay.detect.words import alternation, has_final
from relay.model import Finding, Kind, Severity

RULE = "person.echo"
MIN_GIVEN_SYLLABLES = 2


def echo_names(doc: Doc, findings: Iterable[Finding]) -> list[Finding]:
    """``findings`` plus a ``redact`` person finding at every other word-initial mention of a full
    name among them, or of its given name."""
    found = _confirmed_elsewhere(doc, list(findings))
    keys: dict[str, float] = {}
    for f in found:
        if f.kind is Kind.PERSON and f.severity is Severity.REDACT and f.rule not in _NOT_ECHOED:
            for key in name_keys(doc, doc.original[f.start : f.end]):
                keys[key] = max(keys.get(key, 0.0), f.confidence)
    found.extend(_review_echoes(doc, found, keys))
    found = widen_names(doc, found)
    if not keys:
        return found
    found.extend(_surname_titled(doc, found, keys))
    taken = [(f.start, f.end) for f in found if f.kind is Kind.PERSON and f.severity is Severity.REDACT]
    compact = doc.compact
    for key, confidence in keys.items():
        at = compact.find(key)
        while at >= 0:
            start, end = doc.spaced_span(at, at + len(key))
            if doc.at_word_start(start) or _after_kinship(doc, at):
                echo = doc.finding(Kind.PERSON, start, end, confidence, RULE, severity=Severity.REDACT)
                if echo is not None and not any(s <= echo.start and echo.end <= e for s, e in taken):
                    found.append(echo)
                    taken.append((echo.start, echo.end))
            at = compact.find(key, at + 1)
    return found


def _confirmed_elsewhere(doc: Doc, found: list[Finding]) -> list[Finding]:
    """Person findings left to review ("세준 에게" with the particle split off, "단비야" an everyday word)
    made ``redact`` when the same name, particles aside, is a ``redact`` person finding elsewhere in the
    text ("세준아, …"): both mentions stand where a name may, and the letter shows the word is one."""
    sure = {
        _person_core(doc, f)
        for f in found
        if f.kind is Kind.PERSON and f.severity is Severity.REDACT and f.rule not in _NOT_ECHOED
    }
    sure.discard("")
    if not sure:
        return found
    return [
        Finding(f.kind, Severity.REDACT, f.confidence, f.start, f.end, f.rule)
        if f.kind is Kind.PERSON and f.severity is Severity.REVIEW and _person_core(doc, f) in sure
        else f
        for f in found
    ]


def _person_core(doc: Doc, f: Finding) -> str:
    """The Hangul of a person finding without a particle at its end; "" when shorter than two syllables
    (a one-syllable name is too often a word to be confirmed by another)."""
    core = _without_particle(doc, "".join(filter(is_hangul, doc.original[f.start : f.end])), 2)
    return core if len(core) >= 2 else ""


# A bare surname and its title ("장 사장") is no full name: 사장 is no given name to look for again.
_NOT_ECHOED = frozenset({"person.surname_title"})


# A shorter name found (a given name, a nickname) is looked for again too, but only as a whole word
# (with a particle or a vocative after it), only for review, and only when it is no everyday word:
# "꽃님이가 인사한대 꽃님아 인사해".
REVIEW_RULE = "person.echo_review"
REVIEW_CONFIDENCE = 0.6
_CALLED_ENDINGS = ("아", "야", "이", "이가", "이는", "이도", "이랑", "이를", "이야")


def _review_echoes(doc: Doc, found: list[Finding], full: dict[str, float]) -> list[Finding]:
    persons = [f for f in found if f.kind is Kind.PERSON]
    words: set[str] = set()
    # An everyday word a title or a salutation shows to be a name ("진달래 동무에게") is echoed too, but
    # only with a particle or vocative after it ("진달래야, …"): bare, it is the flower again.
    called: set[str] = set()
    for f in persons:
        core = _person_core(doc, f)
        if not 2 <= len(core) <= 3 or core in full:
            continue
        if not _everyday(doc, core):
            words.add(core)
        elif _titled_or_greeted(doc, f):
            called.add(core)
    echoes: list[Finding] = []
    taken = [(f.start, f.end) for f in persons]
    endings = (*doc.rules.particles, *_CALLED_ENDINGS)
    for word in words | called:
        for m in re.finditer(re.escape(word), doc.text):
            start, end = m.span()
            if start > 0 and is_hangul(doc.text[start - 1]):
                continue  # inside another word
            rest = re.match(r"[가-힣]*", doc.text[end:])
            tail = rest.group() if rest else ""
            if tail and tail not in endings:
                continue  # a longer word that starts with the name (보람 in 보람차게)
            if not tail and word in called:
                continue
            if any(s < end and start < e for s, e in taken):
                continue
            echo = doc.finding(
                Kind.PERSON, start, end, REVIEW_CONFIDENCE, REVIEW_RULE, severity=Severity.REVIEW
            )
            if echo is not None:
                echoes.append(echo)
                taken.append((start, end))
    return echoes


# Surnames that are also a determiner or prefix before a title ("이 선생님" this teacher, "전 사장" the
# former boss, "현 위원장", "한 학생"): their bare surname before a title is no echo.
_PREFIX_SURNAMES = frozenset({"이", "전", "현", "한", "부", "주", "총", "원", "구", "신", "제", "그", "저"})


@lru_cache(maxsize=4)
def _titles(rules: Rules) -> str:
    return alternation(
        {
            c.term
            for c in rules.gazetteers.name_context
            if c.position == "after" and c.kind in ("title", "honorific", "rank") and c.term.isalpha()
        }
    )


def _surname_titled(doc: Doc, found: list[Finding], keys: dict[str, float]) -> list[Finding]:
    """The surname of a full name found, alone before a title ("나 량철웅이다 … 그 량 사장"): the same
    person named the way colleagues call them. Review, as another of that surname may be meant."""
    surnames = {key[: len(key) - len(given)] for key, given in _key_pairs(doc, keys)}
    surnames -= _PREFIX_SURNAMES
    if not surnames:
        return []
    # The surname at a word start with a title after it: what the regex "(?<![가-힣])(?:surnames)(?=
    # ?(?:titles)…)" would find, without compiling the long title alternation anew for every page's
    # surnames. Surnames are Hangul syllables, so a match starts a Hangul run, and no two overlap; the
    # longest surname whose title follows wins, as in the alternation (longest first).
    ordered = sorted(surnames, key=len, reverse=True)
    titled = _titled_after(doc.rules)
    text = doc.text
    taken = [(f.start, f.end) for f in found if f.kind is Kind.PERSON]
    echoes = []
    for word in _HANGUL_START.finditer(text):
        at = word.start()
        end = next(
            (at + len(n) for n in ordered if text.startswith(n, at) and titled.match(text, at + len(n))), -1
        )
        if end < 0 or any(s < end and at < e for s, e in taken):
            continue
        echo = doc.finding(Kind.PERSON, at, end, REVIEW_CONFIDENCE, REVIEW_RULE, severity=Severity.REVIEW)
        echoes += [echo] if echo is not None else []
    return echoes


_HANGUL_START = re.compile("(?<![가-힣])[가-힣]")


@lru_cache(maxsize=4)
def _titled_after(rules: Rules) -> re.Pattern[str]:
    """A title (perhaps after a space) ending where a particle or a non-Hangul character follows."""
    return re.compile(rf" ?(?:{_titles(rules)})(?:[^가-힣]|$|[은는이가을를의도께과와])")


_GREETINGS = ("에게", "께", "한테")


def _titled_or_greeted(doc: Doc, f: Finding) -> bool:
    """A title follows the finding ("진달래 동무", "하늘 씨") or it opens a line greeted ("하늘에게,")."""
    after = doc.text[f.end : f.end + 12]
    if re.match(rf" ?(?:{_titles(doc.rules)})", after):
        return True
    greeted = re.match(rf"(?:{'|'.join(_GREETINGS)})\s*(?:[,.!]|$)", after)
    return greeted is not None and doc.is_line_start(f.start)


def _key_pairs(doc: Doc, keys: dict[str, float]) -> list[tuple[str, str]]:
    """(full name, given name) for each full name among ``keys``."""
    pairs = []
    for key in keys:
        split = name_keys(doc, key)
        if split and split[0] == key:
            pairs.append((key, split[1]))
    return pairs


def _everyday(doc: Doc, word: str) -> bool:
    """A word in everyday use (봄비, 하늘, 시간): a guess that it names someone is not spread to its
    other uses ("봄비가 온다")."""
    names = doc.rules.config.names
    return word in doc.rules.gazetteers.everyday_names or word in names.stop_words or known_word(word)


def _after_kinship(doc: Doc, at: int) -> bool:
    """Whether compact offset ``at`` directly follows a kinship word glued to it ("누나초롱이"): OCR
    often loses the space between a kinship word and the name it introduces."""
    return doc.compact.endswith(_kinship_terms(doc.rules), 0, at)


@lru_cache(maxsize=4)
def _kinship_terms(rules: Rules) -> tuple[str, ...]:
    return tuple(t for t in rules.gazetteers.kinship if len(t) >= 2 and t.isalpha())


def name_keys(doc: Doc, text: str) -> list[str]:
    """The full name and the given name in ``text`` (a person finding) when it is a full name: a known
    surname (one or two syllables) and at least ``MIN_GIVEN_SYLLABLES`` more, particles after it
    removed; otherwise nothing."""
    name = _without_particle(doc, "".join(filter(is_hangul, text)), 1 + MIN_GIVEN_SYLLABLES)
    surnames = doc.rules.gazetteers.surnames
    for cut in (2, 1):  # a two-syllable surname (남궁, 독고) before a one-syllable reading of it
        given = name[cut:]
        if name[:cut] in surnames and MIN_GIVEN_SYLLABLES <= len(given) <= 2:
            return [name, given]
    return []


def _without_particle(doc: Doc, name: str, least: int) -> str:
    """``name`` without the (longest) particle it ends in, if at least ``least`` syllables are left."""
    for particle in doc.rules.particles:  # longest first
        if name.endswith(particle) and len(name) - len(particle) >= least:
            return name[: -len(particle)]
    return name


# What may follow the friendly 이 of a consonant-final name for the 이 to belong to the name as it
# was called: a copula or a word of calling ("복돌이라고", "두만이다", "갑순이야"). Before a particle
# (명진이가, 혜령이도) only a two-syllable name takes it (_FRIENDLY_I_PARTICLES).
_FRIENDLY_I_NEXT = frozenset("라란다야였었래")
# The rules whose names may be cut before the friendly 이: a nickname called so, a name scored on its
# shape or its cue words. An introduction's rules read "저는 봄샘이라고 합니다" as 봄샘 and the copula.
_CALLED_RULES = frozenset({"person.called", "person.full_name", "person.context"})


# Rules that find a name in a slot (after 나, before a kinship word): the friendly 이 after the name
# belongs to it before the copula 야 or where the word ends ("나 깜순이야", "말숙이 이모네"); before
# (이)라고 an introduction's name is left as found ("저는 봄샘이라고 합니다").
_SLOT_RULES = frozenset({"person.slot", "person.with_me", "person.context"})


def _friendly_i_said(text: str, end: int) -> bool:
    """The friendly 이 after a consonant-final name ending at ``end``, then a copula or the word's end."""
    if not _friendly_i(text, end):
        return False
    after = text[end + 1 : end + 2]
    return after == "야" or not is_hangul(after or " ")


def _friendly_i(text: str, end: int) -> bool:
    """The friendly 이 stands glued after a consonant-final name ending at ``end``."""
    return text[end : end + 1] == "이" and has_final(text[end - 1]) and is_hangul(text[end - 2])


def _friendly_i_after(text: str, end: int) -> bool:
    """... and a copula or a word of calling comes after it."""
    if not _friendly_i(text, end):
        return False
    return text[end + 1 : end + 2] in _FRIENDLY_I_NEXT


# A particle glued after the friendly 이 of a two-syllable name ("다솜이는", "다솜이도", "백솔이고요"):
# after a consonant-final name the particle would be 은, 과 or 을, so 이 before 는, 도, 가, 랑, 를, 의 or
# the copula's 고 is the name's own 이, and the name is read and redacted with it.
_FRIENDLY_I_PARTICLES = frozenset("는도가랑를의고")


def _friendly_i_particle(text: str, end: int) -> bool:
    """The friendly 이 after a consonant-final name ending at ``end``, then a particle glued on."""
    return _friendly_i(text, end) and text[end + 1 : end + 2] in _FRIENDLY_I_PARTICLES


def widen_names(doc: Doc, found: list[Finding]) -> list[Finding]:
    """Person findings widened over what belongs to the name: the friendly 이 glued after a
    consonant-final name ("다들 복돌이라고 불렀다": the name is 복돌이), and a name taken in baptism
    standing just before a Korean full name ("안드레아 도영철 신부")."""
    text = doc.original
    religious = baptismal_names(doc.rules)
    out = []
    for f in found:
        if f.kind is Kind.PERSON:
            start, end = f.start, f.end
            # a given name of two syllables (a full name takes no friendly 이)
            if end - start == 2 and f.rule in _CALLED_RULES and _friendly_i_after(text, end):
                end += 1
            elif end - start == 2 and f.rule in _SLOT_RULES and _friendly_i_said(text, end):
                end += 1  # "나 깜순이야", "말숙이 이모네": the nickname as it is called, 이 and all
            elif (
                end - start == 2 and f.rule in _CALLED_RULES | _SLOT_RULES and _friendly_i_particle(text, end)
            ):
                end += 1
            m = _EPITHET_BEFORE.search(text[max(0, start - 10) : start])
            if m is not None and _CALLED_AFTER.match(text, end):
                start -= len(m.group(0))  # "나를 약쟁이 명진이라고 불렀소": the epithet is the nickname's
            for pattern in _RELIGIOUS_BEFORE:
                m = pattern.search(text[max(0, start - 12) : start])
                if (
                    m is not None
                    and m.group(1).replace(" ", "") in religious
                    and _full_name_at(doc, text, start)
                ):
                    start -= len(m.group(0))
                    break
            start, end = widen_spaced(doc, start, end)
            start, end = _widen_over_titles(doc, start, end)
            if (start, end) != (f.start, f.end):
                f = Finding(f.kind, f.severity, f.confidence, start, end, f.rule)
        out.append(f)
    return out


@lru_cache(maxsize=4)
def _title_patterns(rules: Rules) -> tuple[re.Pattern[str], re.Pattern[str]]:
    titles = loose_syllables(name_titles(rules, rules.config.names.widen_titles_not), r"\s?")
    return (
        re.compile(rf"\s?(?:{titles})(?:\s?님)?(?={_AFTER_TITLE})"),
        re.compile(rf"(?<![가-힣])(?:{titles})\s?$"),
    )


def _widen_over_titles(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """A person finding widened over a title right after it ("김은지 선생님이", "김 씨 아주머니") and
    over one right before a full name ("전도사 최은혜다"): the title says who the person is as much as
    the name, and a reader of the letter knows both."""
    text = doc.original
    after, _ = _title_patterns(doc.rules)
    # Only a bare surname and 씨 ("김 씨 아주머니"): a name before a title keeps its own span, which
    # other rules and their reviewers read as the name alone.
    if text[start:end].endswith("씨"):
        m = after.match(text, end)
        if m is not None:
            end = m.end()
    return start, end


# A word for what someone is known for, glued to the name they were called by: 약쟁이, 싸움꾼,
# 울보, 먹보 … then the name and (이)라고 or (이)라는.
_EPITHET_BEFORE = re.compile(r"(?<![가-힣])[가-힣]{1,4}(?:쟁이|장이|뱅이|꾸러기|둥이|배기|퉁이|꾼|보) $")
_CALLED_AFTER = re.compile(r"(?:이)?(?:라고|라는|라 |란 |래)")
# (OCR may split the name taken in baptism: "미카 엘 명국")
_RELIGIOUS_BEFORE = (
    re.compile(r"(?<![가-힣])([가-힣]{2,6}) $"),
    re.compile(r"(?<![가-힣])([가-힣]{1,5} [가-힣]{1,5}) $"),
)


def _full_name_at(doc: Doc, text: str, start: int) -> bool:
    """A Korean full name starts at ``start``: a known surname of one syllable, then two more."""
    word = re.match(r"[가-힣]{3,}", text[start:])
    return word is not None and text[start] in doc.rules.gazetteers.surnames

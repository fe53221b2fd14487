"""Foreign personal names: a given name and a surname from outside Korea, in Latin letters or in Hangul.

Foreigners who write to a prisoner (Ukrainian lawyers and interpreters, Polish priests, Japanese and
American supporters) sign and name each other as their own languages do: "John Whitaker.", "prepared by
Taras Hrytsenko", "Megan O'Connor 드림", "토마시 비시니에프스키 신부", "다카하시 미에코 올림". The other
name rules want a Korean surname or a cue beside such a name; this one takes the name's own shape, from
the lists in ``config/detect/foreign_names.toml``:

- Latin letters: two capitalised words, the first a listed given name ("Sarah Lindqvist", OCR may glue
  them: "SarahLindqvist") or the second shaped like a surname no English word is ("-enko", "-czyk",
  "-ski", "-ovych", "-qvist", O'/Mc: "Mykola Shevchuk", "Krzysztof Zieliński"), or the two reversed as
  a form lists them ("Hrytsenko Oksana"). Months, places, institutions and well-known people and brands
  ("Louis Vuitton", "Harry Potter") are left alone.
- Hangul: a listed foreign given name before a surname with a Slavic or other foreign ending ("다리나
  셰우첸코가"); such a surname alone before a title ("비시니에프스키 신부"); a listed Japanese surname
  before a Japanese given name ("야마모토 하루카드림").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from relay.detect.document import Doc
from relay.detect.foreign_script import LOWER, UPPER, WORD, lone_morpheme
from relay.detect.rules import Rules
from relay.detect.words import alternation
from relay.model import Finding, Kind

RULE = "person.foreign"
_CONFIDENCE = 0.85

# A capitalised word, after a lower-case letter too: OCR glues "SarahLindqvist".
_WORD = re.compile(rf"(?<![{UPPER}'’]){WORD}")
_LATIN_LETTER = re.compile(rf"[{UPPER}{LOWER}]")


@dataclass(frozen=True, slots=True)
class _Lists:
    latin_given: frozenset[str]
    latin_endings: tuple[str, ...]
    latin_not_surname: frozenset[str]
    public: frozenset[str]
    hangul_given: tuple[str, ...]
    japanese_given: tuple[str, ...]
    japanese_surnames: tuple[str, ...]
    hangul_endings: tuple[str, ...]


@lru_cache(maxsize=4)
def _lists(rules: Rules) -> _Lists:
    raw = rules.foreign_names
    return _Lists(
        latin_given=frozenset(raw["latin_given"]),
        latin_endings=raw["latin_surname_endings"],
        latin_not_surname=frozenset(w.lower() for w in raw["latin_not_surname"]),
        public=frozenset(n.lower() for n in raw["latin_public_names"]),
        hangul_given=raw["hangul_given"],
        japanese_given=raw["japanese_given"],
        japanese_surnames=raw["japanese_surnames"],
        hangul_endings=raw["hangul_surname_endings"],
    )


@lru_cache(maxsize=4)
def _english(rules: Rules) -> frozenset[str]:
    """English words a letter capitalises that are no surname: greetings, what one is, short words."""
    cfg = rules.config.lettered
    return (
        frozenset(
            w.lower()
            for w in (*cfg.short_english_words, *cfg.greetings, *cfg.what_one_is, *cfg.not_person_last)
        )
        | _lists(rules).latin_not_surname
    )


@lru_cache(maxsize=4)
def _korean_surnames(rules: Rules) -> frozenset[str]:
    """Korean surnames as Latin and Cyrillic letters write them (Kim, Pak, Ким, Пак)."""
    cfg = rules.config.names
    return frozenset(s.capitalize() for s in (*cfg.latin_surnames, *cfg.cyrillic_surnames))


def _shaped(word: str, lists: _Lists) -> bool:
    """``word`` ends like a surname no English word is (-enko, -czyk, -ovych) or opens with O'/Mc."""
    low = word.lower()
    if re.match(r"(?:o['’]|mc)[a-z]", low):
        return True
    return len(word) >= 5 and low.endswith(lists.latin_endings)


def _latin_pair(first: str, second: str, glued: bool, rules: Rules) -> bool:
    """Two capitalised words that are a given name and a surname (see module doc)."""
    lists = _lists(rules)
    english = _english(rules)
    if first.lower() in english or second.lower() in english:
        return False
    if f"{first} {second}".lower() in lists.public:
        return False
    if first in lists.latin_given:
        return len(second) >= 2
    if first in _korean_surnames(rules) and second in lists.latin_given:
        return True  # "Kim Viktor", "ПакИгорь": a Korean surname before a Western given name
    if glued:
        return False  # "YouTube", "PowerPoint": glued words are a name only from a listed given name
    return _shaped(second, lists) or (_shaped(first, lists) and second in lists.latin_given)


def _latin_names(doc: Doc) -> list[tuple[int, int]]:
    """Spans of Latin-letter full names in the spaced text: consecutive capitalised words, one space
    or none between them, checked pair by pair so a word that is no name ("Dear") does not hide the
    name after it."""
    text = doc.text
    words = list(_WORD.finditer(text))
    spans: list[tuple[int, int]] = []
    i = 0
    while i + 1 < len(words):
        a, b = words[i], words[i + 1]
        gap = text[a.end() : b.start()]
        if gap in ("", " ", "\n") and _latin_pair(a.group(), b.group(), gap == "", doc.rules):
            end = b.end()
            spans.append((a.start(), end))
            i += 2
            continue
        i += 1
    return spans


@dataclass(frozen=True, slots=True)
class _Hangul:
    given: frozenset[str]  # Western and other foreign given names in Hangul
    japanese_surnames: frozenset[str]
    shaped: re.Pattern[str]  # a surname with a foreign ending, matched after a given name
    unknown: re.Pattern[str]  # any word (group ``sur``), matched after a given name
    japanese: re.Pattern[str]  # a Japanese given name, matched after a Japanese surname
    titled: re.Pattern[str]  # a surname with a foreign ending before a title or closing


@lru_cache(maxsize=4)
def _hangul(rules: Rules) -> _Hangul:
    lists = _lists(rules)
    cfg = rules.config
    korean_roles = (r for r in cfg.lettered.roles_before_latin if re.fullmatch("[가-힣]+", r))
    titles = alternation([*cfg.lettered.religious_titles, *korean_roles, "씨", "님", "검사", "판사"])
    particles = "이 가 은 는 을 를 의 와 과 도 에게 한테 께 랑 이랑".split()  # noqa: SIM905
    copulas = "하고 입니다 이에요 예요 이다 야 이야 라고 이라고".split()  # noqa: SIM905
    glue = alternation([*cfg.names.closings, *particles, *copulas])
    boundary = rf"(?=[^가-힣]|$|(?:{glue}|{titles}))"
    endings = alternation(lists.hangul_endings)
    closings = alternation(cfg.names.closings)
    japanese = rf"(?:{alternation(lists.japanese_given)}|[가-힣]{{1,2}}코)"
    return _Hangul(
        given=frozenset([*rules.gazetteers.foreign_given["western"], *lists.hangul_given]),
        japanese_surnames=frozenset(lists.japanese_surnames),
        # 다리나 셰우첸코가, 미콜라 보이코 씨
        shaped=re.compile(rf"[가-힣]{{1,6}}?(?:{endings}){boundary}"),
        # 존 휘태커가, 사라 하트웰 씨: a word Kiwi does not know (checked by the caller)
        unknown=re.compile(rf"(?P<sur>[가-힣]{{2,6}}?){boundary}"),
        # 다카하시 미에코 올림, 야마모토 하루카드림
        japanese=re.compile(rf" ?{japanese}{boundary}"),
        # 비시니에프스키 신부, 코발추크 드림: a foreign surname of three syllables or more, then a
        # title or a closing
        titled=re.compile(rf"(?<![가-힣])[가-힣]{{1,6}}(?:{endings})\s?(?=(?:{titles}|{closings}))"),
    )


_WORD_BEFORE = re.compile(r"(?<![가-힣])[가-힣]{2,5} $")


def _unknown_word(doc: Doc, start: int, word: str) -> bool:
    """``word`` at ``start`` is one word Kiwi does not know and no listed place: a foreign surname
    (휘태커, 하트웰) rather than an everyday word (가방, 노래) or a name it knows (잭슨, 포터)."""
    morph = lone_morpheme(word)
    return morph is not None and morph.oov and not doc.places_starting(start)


def _given_before(doc: Doc, start: int) -> int:
    """Where the given name before a foreign surname at ``start`` begins, or ``start``: the word just
    before it when Kiwi knows no such word (레셰크, 야누시, or OCR's 토만시 for 토마시). A word it knows
    (존경하는, 담당) or a place (폴란드, 르비우) is not the name."""
    m = _WORD_BEFORE.search(doc.text, max(0, start - 7), start)
    if m is None:
        return start
    return m.start() if _unknown_word(doc, m.start(), m.group().strip()) else start


def _hangul_names(doc: Doc) -> list[tuple[int, int]]:
    """Spans of foreign full names in Hangul. The given name or Japanese surname is looked up word by
    word, and only then is the rest matched after it: an alternation of hundreds of names tried at
    every position would cost more than the rest of the detector."""
    h = _hangul(doc.rules)
    text = doc.text
    spans = []
    words = doc.words
    for i, w in enumerate(words):
        if len(w.text) == 1 and i + 1 < len(words) and words[i + 1].start == w.end + 1:
            # OCR split the surname after its first syllable ("다 나카 유키예요")
            spans += [
                (w.start, m.end())
                for m in _japanese_split(h, text, w.text, words[i + 1].start, words[i + 1].text)
            ]
        if w.text in h.given and text[w.end : w.end + 1] == " ":
            m = h.shaped.match(text, w.end + 1)
            if m is None:
                m = h.unknown.match(text, w.end + 1)
                if m is not None and not _unknown_word(doc, m.start("sur"), m.group("sur")):
                    m = None
            if m is not None:
                spans.append((w.start, m.end()))
        spans += [(w.start, m.end()) for m in _japanese_after(h, text, w.start, w.text)]
    for m in h.titled.finditer(text):
        # a surname before a title: its given name may stand before it unlisted
        end = m.end() - 1 if text[m.end() - 1].isspace() else m.end()
        spans.append((_given_before(doc, m.start()), end))
    return spans


def _japanese_after(h: _Hangul, text: str, start: int, word: str) -> list[re.Match[str]]:
    """The Japanese given name after a listed Japanese surname opening ``word`` at ``start``."""
    for k in range(2, min(5, len(word)) + 1):
        if word[:k] in h.japanese_surnames:
            m = h.japanese.match(text, start + k)
            if m is not None:
                return [m]
    return []


def _japanese_split(h: _Hangul, text: str, first: str, start: int, word: str) -> list[re.Match[str]]:
    """The Japanese given name after a listed Japanese surname whose first syllable ``first`` OCR set
    apart from the rest, which opens ``word`` at ``start``."""
    for k in range(2, min(5, len(word) + 1) + 1):
        if (first + word)[:k] in h.japanese_surnames:
            m = h.japanese.match(text, start + k - 1)
            if m is not None:
                return [m]
    return []


# "상호へ、", "영희さん": a name in Hangul with a Japanese word of address glued on, as a Korean in Japan
# opens a letter (へ "to", さん, 様, くん, ちゃん, 君).
_JAPANESE_ADDRESS = re.compile(
    r"(?<![가-힣])(?P<name>[가-힣]{1,4})(?:へ|さん|さま|様|くん|君|ちゃん)(?=[、,。.!！\s]|$)"
)


def _japanese_addressed(doc: Doc) -> list[tuple[int, int]]:
    """Names of :data:`_JAPANESE_ADDRESS`, unless a kinship word, a title or a word for anyone."""
    cfg, gaz = doc.rules.config.names, doc.rules.gazetteers
    titles = {c.term for c in gaz.name_context}
    spans = []
    for m in _JAPANESE_ADDRESS.finditer(doc.text):
        name = m.group("name")
        if (
            name in gaz.kinship
            or name in cfg.salutation_not_names
            or name in cfg.stop_words
            or name in titles
        ):
            continue
        spans.append((m.start("name"), m.end("name")))
    return spans


def find_foreign_names(doc: Doc) -> list[Finding]:
    """Person findings for foreign full names in Latin letters or Hangul (see module doc)."""
    spans = _hangul_names(doc)
    if re.search("[へさ様く君ち]", doc.text):
        spans += _japanese_addressed(doc)
    if _LATIN_LETTER.search(doc.text):
        spans += _latin_names(doc)
    found = []
    for start, end in spans:
        f = doc.finding(Kind.PERSON, start, end, _CONFIDENCE, RULE)
        if f is not None:
            found.append(f)
    return found

"""Names known by what surrounds them rather than by their shape.

- **Nicknames**: whatever someone "was called" ("다들 너를 '곰돌이'라고 불렀지", "별님이라 불리던 누나")
  names that person to everyone who knew them at home. Review: it may be a pet's name or a joke,
  which a moderator tells at a glance.
- **A name beside a birth date**: "리 은 철 1999.3.2생", "1998.7.14생 남경화가": a surname and one or
  two syllables next to a date of birth are the person born, even when OCR spaced them apart.
"""

from __future__ import annotations

import re
from functools import lru_cache

from relay.detect.document import Doc
from relay.detect.morph import analyse
from relay.detect.names import known_word
from relay.detect.rules import Rules
from relay.detect.salutation import flag_names, generic_words
from relay.model import Finding, Kind, Severity

# '곰돌이'라고 불렀다, 별님이라 불리던, "꼬마"라고들 부르면: the word before 라고/이라 and a form of 부르다.
_CALLED = re.compile(
    r"""(?:^|(?<=[\s,.!?(]))['"‘“]?([가-힣]{1,5}?)['"’”]?"""
    r"""(?:\s(?:아줌마|아주머니|아저씨|누나|언니|오빠|형|할머니|할아버지|동무|선생|이모|삼촌))?"""
    r"""\s?(?:이)?라(?:고|고들|는)?\s?(?:"""
    r"""불렀|불러|불리|부르|부른|불린|불렸|하는 별명|별명)"""
)
# A date of birth as the detector's date rules write it, with 생 after it.
_DATE = r"(?:\d{2,4}\s?[.\-/년]\s?\d{1,2}\s?[.\-/월]\s?\d{1,2}\s?\.?\s?일?|\d{2,4}\s?년)\s?생"
_NAME = r"([가-힣](?: ?[가-힣]){2,3}?)"
_NAME_THEN_DATE = re.compile(rf"(?:^|(?<=[\s,(]))(?:{_NAME})(?:은|는|이|가|이는)?\s*,?\s*\(?{_DATE}")
_DATE_THEN_NAME = re.compile(
    rf"{_DATE}(?:\)?\s*,\s*|\)?\s+){_NAME}(?:이|가|은|는|이가|이는|이다|입니다)?(?![가-힣])"
)


# "나는 광주에 사는 소금란이야.", "저는 … 담임목사 함요셉입니다.": who the writer says they are, the
# word before the copula that ends a sentence opened by 나는/저는.
_SELF = re.compile(
    r"(?:^|(?<=[\s,.!?]))(?:나는|저는|난|전|본인은)\s(?:[^.!?\n]{0,60}?\s)?"
    r"(?P<name>[가-힣](?: ?[가-힣]){1,3}?)"
    r"(?:입니다|이에요|예요|이야|야|이오|요|이다|다|이라 하오|라 하오|이라고 합니다|라고 합니다)"
    r"(?=\s*(?:[.!?~]|$))",
    re.MULTILINE,
)


def _full_name(doc: Doc, spaced: str) -> bool:
    """A surname and one or two given syllables that all occur in names, not a word Kiwi knows."""
    name = spaced.replace(" ", "")
    gaz = doc.rules.gazetteers
    weights = gaz.given_syllables
    least = doc.rules.config.names.slot_kin_min_weight - 1
    for n in (2, 1):
        surname, given = name[:n], name[n:]
        if (
            surname in gaz.surnames
            and 1 <= len(given) <= 2
            and all(weights.get(c, 0) >= least for c in given)
        ):
            # a verb form ("감사해요": 감 + 사해) or a word and its particle is no name
            verb = any(m.tag.startswith(("V", "E", "XS", "J")) and not m.oov for m in analyse(name))
            return not verb and not known_word(name) and name not in generic_words(doc.rules)
    return False


def _signature(doc: Doc) -> Finding | None:
    """The last line of a text, of at most three words, ending in a full name ("해주사나이 철봉.",
    "통천과부 석금 분.", "농사꾼탄상구."): a letter signed without a closing word. The name is the
    last one to three syllables of the line that make a full name; review, as a line may end in a
    word shaped like one."""
    lines = [line for line in doc.text.split("\n") if line.strip()]
    if not lines:
        return None
    last = lines[-1].strip().rstrip(".!~ ")
    if not last or len(last.split()) > 3 or not re.fullmatch(r"[가-힣 ]+", last):
        return None
    if any(m.tag.startswith(("V", "E", "XSV", "XSA")) for m in analyse(last)):
        return None  # a sentence ("용기를 내라."): a signature line holds no verb
    end = doc.text.rindex(last) + len(last)
    words = last.split()
    if len(words) == 1:  # glued to what says who they are ("농사꾼탄상구"): the last two or three syllables
        names = [words[0][-size:] for size in (3, 2) if len(words[0]) > size]
    elif len(words[-1]) == 1:  # a name split by OCR ("석금 분")
        names = [words[-2][-size:] + " " + words[-1] for size in (2, 1)]
    else:
        names = [words[-1]]
    for name in names:
        if _full_name(doc, name):
            return doc.finding(
                Kind.PERSON, end - len(name), end, 0.6, "person.signature", severity=Severity.REVIEW
            )
    return None


@lru_cache(maxsize=4)
def _known_as(rules: Rules) -> re.Pattern[str]:
    """'변이라는 애', '우리반에옥희라는 동무': a word, (이)라는, and a word for a person. The word may
    follow a locative particle with no space (chat and OCR drop spaces)."""
    nouns = "|".join(sorted(map(re.escape, rules.config.names.known_as_nouns), key=len, reverse=True))
    return re.compile(
        rf"(?:^|(?<=[\s,.!?(])|(?<=[가-힣]에))([가-힣]{{1,4}}?)(?:이)?라는\s?(?:{nouns})(?=$|[^가-힣]|[은는이가을를도랑과와한의]|있|없|였|이었|인데|야|예요)"
    )


def find_called(doc: Doc) -> list[Finding]:
    """Review findings for nicknames and signatures, and findings for names written beside a date of
    birth or given by the writer as who they are."""
    generic = generic_words(doc.rules)
    found = flag_names(doc, _CALLED.finditer(doc.text), generic, "person.called")
    found += flag_names(doc, _known_as(doc.rules).finditer(doc.text), generic, "person.called")
    signed = _signature(doc)
    if signed is not None:
        found.append(signed)
    for m in _SELF.finditer(doc.text):
        if _full_name(doc, m.group("name")):
            f = doc.finding(Kind.PERSON, m.start("name"), m.end("name"), 0.8, "person.self")
            if f is not None:
                found.append(f)
    surnames = doc.rules.gazetteers.surnames
    for pattern in (_NAME_THEN_DATE, _DATE_THEN_NAME):
        for m in pattern.finditer(doc.text):
            name = m.group(1)
            compact = name.replace(" ", "")
            if (
                known_word(compact)
                or compact in generic_words(doc.rules)
                or not any(compact[:n] in surnames and 1 <= len(compact) - n <= 2 for n in (1, 2))
            ):
                continue  # only a surname and a given name: "그 사람은 1999년생" names no one
            f = doc.finding(Kind.PERSON, m.start(1), m.end(1), 0.8, "person.born_date")
            if f is not None:
                found.append(f)
    return found

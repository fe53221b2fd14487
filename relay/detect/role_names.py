"""Full names beside a title, a rank or a role that OCR split apart or glued to the words around them.

Church people and soldiers name each other with a title or a rank on one side of the name or both
("목사님 정대현님", "정치부장 곽태일 소장", "상관 림정호가"). The name scorer (relay/detect/names.py)
reads such a name when it stands as a word of its own; handwriting read by OCR breaks that in two
ways the slots here take back:

- the name split syllable by syllable after the title or role ("상관 림 정 호 가", "중대 장 엄 기 철
  이", "부장 표 승길은"), or glued to it ("목사님정 댄 현님이", "련대장봉 길수 대좌");
- the name glued to the rank or title after it ("리성호중좌였소", "박은 지자매도").

Both need a common surname and given syllables of names (one syllable may be an OCR look-alike of
one when a cue stands on both sides), and neither the name nor its given part a word Kiwi knows.

Two more slots name someone by what is said around the name rather than by a title:

- a correction in speech: "정우 아니 정우진", "황보 그 황보선영", "최 사장 아니 최광수": the first try
  is the same person, so a full name after 아니 or 그 makes the piece before it, when both start with
  the same surname, a name too;
- the writer who names themself by kinship right after calling the reader: "광혁아, 엄마다", "명호야
  누나다 리명순", "어 동철아 외삼촌이다 … 김용범": the vocative is a given name even when OCR damaged
  a syllable, and a full name after the kinship copula is the writer's.
"""

from __future__ import annotations

import re
from functools import lru_cache

from relay.detect.document import Doc
from relay.detect.morph import analyse
from relay.detect.names import known_word
from relay.detect.rules import Rules
from relay.detect.salutation import generic_words
from relay.detect.titled import loose_syllables, name_titles
from relay.detect.words import alternation
from relay.model import Finding, Kind

CONFIDENCE = 0.8
# A name's syllables, a surname and two given ones, with up to two spaces between any two of them.
_NAME3 = r"(?P<s>[가-힣])(?P<g1>\s{0,2}[가-힣])(?P<g2>\s{0,2}[가-힣])"
# What closes a name in a sentence: a particle (split off or glued, then the end of the word, or OCR
# ran it into the next word after a space: "림 정 호 가눈감아"), a comma, the end.
_CLOSE = (
    r"(?=\s{0,2}(?:[이가은는도의와과을를]|에게|한테|께|이랑|랑|이나|나)?(?:[^가-힣]|$)"
    r"|\s{1,2}[이가은는도](?=[가-힣]))"
)


@lru_cache(maxsize=4)
def _not_names(rules: Rules) -> frozenset[str]:
    """Words that are no name where a slot here wants one: kinship and generic words, stop words, roles.
    Built once per rule set: the union copies thousands of stop words."""
    return generic_words(rules) | rules.config.names.stop_words | rules.config.names.role_words


def _given_ok(doc: Doc, given: str, lenient: bool) -> bool:
    """Every given syllable is one names use (weight 2 or more); when ``lenient`` (cues on both sides
    of the name), one of them may be any syllable: OCR misreads a stroke of one in two handwritten
    names (댄 for 대, 몡 for 명, 타 for 태)."""
    weights = doc.rules.gazetteers.given_syllables
    odd = sum(weights.get(ch, 0) < 2 for ch in given)
    return odd == 0 or (lenient and odd == 1 and len(given) >= 2)


def _name_ok(doc: Doc, surname: str, given: str, lenient: bool, apart: bool = False) -> bool:
    """A common surname that is no determiner or pronoun before a title, given syllables of names, and
    neither the whole nor the given part a word (see module doc). When ``lenient``, rarer surnames
    count too (up to ``ocr_surname_max_rank``: 봉, 황보); when ``apart`` (the name split after a title,
    "동무 안 경호도", "중대원 리만 석", or glued between two, "정치부장곽타일 소장"), the given part may
    be a word (경호, 만석, 타일): names are."""
    gaz, cfg = doc.rules.gazetteers, doc.rules.config.names
    rank = gaz.surnames.get(surname, 0)
    max_rank = cfg.ocr_surname_max_rank if lenient else cfg.surname_title_max_rank
    if not 0 < rank <= max_rank or surname in cfg.surname_title_stop_surnames:
        return False
    if not _given_ok(doc, given, lenient):
        return False
    joined = surname + given
    if known_word(joined) or joined in cfg.stop_words:
        return False
    return apart or not (known_word(given) or given in cfg.stop_words)


def _word_pieces(doc: Doc, span: str, after: str = "") -> bool:
    """The span, split at its spaces, holds a word of its own ("지금 공" + 사장, "은 지금"), or its
    last syllable runs on with what follows into a word (공 + 사장: 공사장)."""
    pieces = span.split()
    if any(len(p) >= 2 and known_word(p) for p in pieces):
        return True
    return bool(after) and known_word(pieces[-1][-1] + after)


@lru_cache(maxsize=4)
def _titles(rules: Rules) -> frozenset[str]:
    """Titles, ranks and honorifics of two syllables or more that stand next to a name."""
    cfg = rules.config.names
    return name_titles(rules, cfg.surname_title_not_titles) | frozenset(cfg.split_name_roles)


@lru_cache(maxsize=4)
def _role_before(rules: Rules) -> re.Pattern[str]:
    roles = loose_syllables(_titles(rules))
    return re.compile(rf"(?P<inside>(?<=[가-힣]))?(?P<role>{roles})(?P<gap>\s{{0,2}}){_NAME3}")


@lru_cache(maxsize=4)
def _title_after(rules: Rules) -> re.Pattern[str]:
    titles = loose_syllables(_titles(rules) | frozenset(t for t in rules.config.names.glued_titles))
    return re.compile(rf"\s{{0,2}}(?:{titles})")


def _role_names(doc: Doc) -> list[Finding]:
    """A title or role, then a full name split by spaces or glued to it, then a particle or a title."""
    text = doc.text
    found = []
    for m in _role_before(doc.rules).finditer(text):
        glued = not m.group("gap")
        spaced = " " in m.group("g1") + m.group("g2") or "\n" in m.group("g1") + m.group("g2")
        extra = m.group("role") in doc.rules.config.names.split_name_roles
        if not (glued or spaced or extra):
            continue  # a name standing as its own word after a title: the names module reads it
        titled = _title_after(doc.rules).match(text, m.end()) is not None
        if m.group("inside") is not None and not (glued and titled):
            continue  # the end of a longer word ("정치부장"): only a name glued on and titled after
        if glued and spaced and not titled:
            continue  # "동무손 은 다 나았소": glued and split both, only between two titles
        if glued and m.group("s") in doc.rules.particles:
            continue  # "선생님은 지금": the title's own particle
        given = (m.group("g1") + m.group("g2")).replace(" ", "").replace("\n", "")
        span = text[m.start("s") : m.end("g2")]
        lone_surname = m.group("g1")[:1].isspace()
        if not (spaced and lone_surname) and _word_pieces(doc, span):
            continue
        if spaced and _verbal(given + _rest_of_word(text, m.end("g2"))):
            continue  # "동무 안 보고 싶냐": an adverb and a verb
        if not titled and re.match(_CLOSE, text[m.end() :]) is None:
            continue
        # the name set apart after the title, or glued between two: the given part may be a word
        apart = spaced or (glued and titled)
        if not _name_ok(doc, m.group("s"), given, lenient=titled, apart=apart):
            continue
        f = doc.finding(Kind.PERSON, m.start("s"), m.end("g2"), CONFIDENCE, "person.role_split")
        found += [f] if f is not None else []
    return found


@lru_cache(maxsize=4)
def _glued_rank(rules: Rules) -> re.Pattern[str]:
    """A full name with a rank or title glued on, its given part perhaps split off ("박은 지자매도")."""
    titles = alternation(t for t in _titles(rules) if len(t) >= 2)
    return re.compile(
        rf"(?<![가-힣]){_NAME3}(?P<gap>\s?)(?P<title>{titles})(?=[^가-힣]|$|[이가은는을를의에께도과와랑한였이다])"
    )


def _glued_rank_names(doc: Doc) -> list[Finding]:
    found = []
    for m in _glued_rank(doc.rules).finditer(doc.text):
        given = (m.group("g1") + m.group("g2")).replace(" ", "").replace("\n", "")
        split = any(m.group(g)[:1].isspace() for g in ("g1", "g2"))
        if m.group("gap") and not split and not _unread(m.group("s") + given):
            continue  # "은혜가 형제와": a word Kiwi reads, then the title apart
        if _word_pieces(doc, doc.text[m.start("s") : m.end("g2")], m.group("title")):
            continue  # "지금 공사장", "은 지금"
        # split or damaged ("송 며 철동무", "박옥뷴 권사가"): one syllable may be misread
        if not _name_ok(doc, m.group("s"), given, lenient=True):
            continue
        if known_word(doc.text[m.start() : m.end()].replace(" ", "")):
            continue
        f = doc.finding(Kind.PERSON, m.start("s"), m.end("g2"), CONFIDENCE, "person.glued_rank")
        found += [f] if f is not None else []
    return found


def _rest_of_word(text: str, end: int) -> str:
    rest = re.match(r"[가-힣]*", text[end:])
    return rest.group() if rest else ""


def _verbal(word: str) -> bool:
    """Kiwi reads ``word`` with a verb or an adjective in it."""
    return any(m.tag in ("VV", "VA", "VX", "XSV", "XSA") and not m.oov for m in analyse(word))


def _unread(word: str) -> bool:
    """Kiwi reads ``word`` with an unknown piece or as a proper noun: a name it does not know, or one
    OCR damaged (박옥뷴)."""
    return any(m.oov or m.tag == "NNP" for m in analyse(word))


# "정우 아니 정우진이에요", "황보 그 황보선영", "최 사장아니 최광수": a first try, a word of correction,
# then the full name (perhaps split by OCR).
_CORRECTED = re.compile(
    r"(?<![가-힣])(?P<first>[가-힣]{1,2}(?: ?[가-힣]{1,2})?)\s{0,2}(?:아니(?:\s{0,2}그)?\s{0,2}|그\s{1,2})"
)
_FULL_AFTER = re.compile(
    r"\s{0,2}(?P<name>(?:남궁|황보|제갈|독고|선우|사공|[가-힣])\s{0,2}[가-힣]\s{0,2}[가-힣])"
)


def _corrections(doc: Doc) -> list[Finding]:
    """Both tries of a corrected name (see module doc)."""
    text, surnames = doc.text, doc.rules.gazetteers.surnames
    found = []
    for m in _CORRECTED.finditer(text):
        first = m.group("first")
        nxt = _FULL_AFTER.match(text, m.end())
        if nxt is None:
            continue
        name = nxt.group("name").replace(" ", "").replace("\n", "")
        surname = next((name[:n] for n in (2, 1) if name[:n] in surnames), "")
        if not surname or not first.replace(" ", "").startswith(surname):
            continue
        if not _name_ok(doc, surname, name[len(surname) :], lenient=True) and not (
            len(surname) == 2 and _given_ok(doc, name[2:], True)
        ):
            continue
        for start, end in ((m.start("first"), m.end("first")), (nxt.start("name"), nxt.end("name"))):
            f = doc.finding(Kind.PERSON, start, end, CONFIDENCE, "person.corrected")
            found += [f] if f is not None else []
    return found


@lru_cache(maxsize=4)
def _kin_self(rules: Rules) -> re.Pattern[str]:
    """The writer naming themself by kinship: "엄마다", "외삼촌이다", "누나야" (the kinship words of
    kinship.tsv of two syllables or more, and 형)."""
    kin = alternation(k for k in rules.gazetteers.kinship if (len(k) >= 2 or k == "형") and k.isalpha())
    return re.compile(
        rf"(?:^|(?<=[\s,]))(?P<kin>{kin})(?:이)?(?:다|야|란다|이란다)(?=[\s,.!?~]|$)", re.MULTILINE
    )


# A line opening with a vocative: a hesitation or an affectionate word may come first, the given name
# (one OCR space may split it) and 아 or 야 after it.
_VOCATIVE_OPENING = re.compile(
    r"^[ \t]*(?:(?:어|음|아|야|오)\s)?(?:사랑하는\s)?(?:우리\s|내\s)?"
    r"(?P<name>[가-힣] ?[가-힣])(?:아|야)(?=[\s,.!~]|$)",
    re.MULTILINE,
)
# After the kinship copula, the writer's full name (perhaps split by OCR) closing the clause.
_NAME_AFTER_KIN = re.compile(r"\s{1,2}(?P<name>[가-힣]\s{0,2}[가-힣]\s{0,2}[가-힣])(?=\s*(?:[,.!~]|$))")


def _kin_vocatives(doc: Doc) -> list[Finding]:
    """A given name called at the opening of a line whose writer then names themself by kinship ("광혁아,
    엄마다", "광 남아 보고 싶다, 엄마다"), and a full name right after that kinship copula ("누나다
    리 명 순.")."""
    text, rules = doc.text, doc.rules
    not_names = _not_names(rules)
    found = []
    for m in _kin_self(rules).finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        v = _VOCATIVE_OPENING.match(text, line_start)
        if v is not None and v.end() <= m.start():
            name = v.group("name").replace(" ", "")
            if name not in not_names and not known_word(name) and _given_ok(doc, name, True):
                f = doc.finding(
                    Kind.PERSON, v.start("name"), v.end("name"), CONFIDENCE, "person.kin_vocative"
                )
                found += [f] if f is not None else []
        # only after a statement ("누나다 리명순"), not after a call ("아가야 엄마야")
        after = None if m.group().endswith("야") else _NAME_AFTER_KIN.match(text, m.end())
        if after is not None:
            full = after.group("name").replace(" ", "").replace("\n", "")
            kin_start = any(full.startswith(k) for k in rules.gazetteers.kinship if len(k) >= 2)
            if not kin_start and _name_ok(doc, full[0], full[1:], lenient=True):
                f = doc.finding(
                    Kind.PERSON, after.start("name"), after.end("name"), CONFIDENCE, "person.kin_signed"
                )
                found += [f] if f is not None else []
    return found


# "예린: 저는 직장인이고 …": a speaker's label in a transcript or a group letter, a given name (or a full
# one) and a colon at the start of a line.
_SPEAKER_LABEL = re.compile(r"^[ \t]*(?P<name>[가-힣]{2,3})[ \t]?[:：](?=\s)", re.MULTILINE)


def _label_given(rules: Rules, given: str) -> bool:
    """A speaker's label's given part is one or two syllables, each common in given names: a label
    stands with no cue but its colon or its place, so rarer syllables are more often a word."""
    weights = rules.gazetteers.given_syllables
    return len(given) <= 2 and all(weights.get(ch, 0) >= 2 for ch in given)


def _speaker_labels(doc: Doc) -> list[Finding]:
    """The name in a speaker's label, unless it is a word (질문, 사회자, 기자) or a kinship word."""
    rules = doc.rules
    not_names = _not_names(rules)
    found = []
    for m in _SPEAKER_LABEL.finditer(doc.text):
        name = m.group("name")
        if name in not_names or name in rules.config.names.name_labels or known_word(name):
            continue
        given = name[1:] if len(name) == 3 and name[0] in rules.gazetteers.surnames else name
        if not _label_given(rules, given):
            continue
        f = doc.finding(Kind.PERSON, m.start("name"), m.end("name"), CONFIDENCE, "person.speaker_label")
        found += [f] if f is not None else []
    return found


# "조명훈 군에게", "김은지 양의": a full name, then 군 or 양 (how an elder calls a young man or woman) and
# a particle; the name scorer may read the name as words (조명 + 훈).
_YOUNG_TITLE = re.compile(
    r"(?<![가-힣])(?P<name>[가-힣]{3}) (?:군|양)(?=에게|에게서|께|한테|아|이|은|도|의|과|하고|[,.!\s]|$)"
)


def _young_titled(doc: Doc) -> list[Finding]:
    places = _place_names(doc.rules)
    found = []
    for m in _YOUNG_TITLE.finditer(doc.text):
        name = m.group("name")
        if name in places or not _name_ok(doc, name[0], name[1:], lenient=False):
            continue
        f = doc.finding(Kind.PERSON, m.start("name"), m.end("name"), CONFIDENCE, "person.young_titled")
        found += [f] if f is not None else []
    return found


@lru_cache(maxsize=4)
def _place_names(rules: Rules) -> frozenset[str]:
    return frozenset(n for p in rules.gazetteers.places for n in (p.name, *p.aliases))


# "야 대성아 나야 김혁": the speaker naming themself at the end of a line after "it's me".
_ITS_ME = re.compile(
    r"(?:^|(?<=\s))(?:나야|나다|내다|저예요|저에요|접니다|저야)\s{1,2}(?P<name>[가-힣]\s{0,2}[가-힣](?:\s{0,2}[가-힣])?)"
    r"(?=\s*[.!~]?\s*$)",
    re.MULTILINE,
)


def _its_me(doc: Doc) -> list[Finding]:
    found = []
    for m in _ITS_ME.finditer(doc.text):
        name = re.sub(r"\s", "", m.group("name"))
        if not _name_ok(doc, name[0], name[1:], lenient=False):
            continue
        f = doc.finding(Kind.PERSON, m.start("name"), m.end("name"), CONFIDENCE, "person.its_me")
        found += [f] if f is not None else []
    return found


# "예린 저는 직장인이고 …": a transcript of a group message drops the colon after a speaker's name, which
# then opens the line before the speaker's first words about themself.
_SPOKEN_LABEL = re.compile(r"^[ \t]*(?P<name>[가-힣]{2})\s(?=(?:저는|제가|나는|제|저도)\s)", re.MULTILINE)


def _spoken_labels(doc: Doc) -> list[Finding]:
    rules = doc.rules
    not_names = _not_names(rules)
    found = []
    for m in _SPOKEN_LABEL.finditer(doc.text):
        name = m.group("name")
        if name in not_names or known_word(name) or not _label_given(rules, name):
            continue
        f = doc.finding(Kind.PERSON, m.start("name"), m.end("name"), CONFIDENCE, "person.speaker_label")
        found += [f] if f is not None else []
    return found


@lru_cache(maxsize=4)
def _church_salutation(rules: Rules) -> re.Pattern[str]:
    """ "사랑하는 정남 형제에게": a salutation cue, a given name and the church's brother or sister."""
    cues = alternation(rules.config.names.salutation_cues)
    return re.compile(
        rf"(?:{cues})\s(?P<name>[가-힣]{{2,3}})\s?(?:형제|자매)(?:님)?(?=에게|께|여|한테|[,.!\s]|$)"
    )


def _church_addressed(doc: Doc) -> list[Finding]:
    """Names of :func:`_church_salutation`: a word there is a name even when it is also a word (정남
    "due south"), unless it is a kinship or generic word."""
    not_names = generic_words(doc.rules) | doc.rules.config.names.role_words
    found = []
    for m in _church_salutation(doc.rules).finditer(doc.text):
        if m.group("name") in not_names:
            continue
        f = doc.finding(Kind.PERSON, m.start("name"), m.end("name"), CONFIDENCE, "person.church_address")
        found += [f] if f is not None else []
    return found


def find_role_names(doc: Doc) -> list[Finding]:
    """Redact findings for names split or glued beside a title or role, for corrected names, for the
    vocative and name of a writer who names themself by kinship, and for speakers' labels."""
    return [
        *_role_names(doc),
        *_glued_rank_names(doc),
        *_corrections(doc),
        *_kin_vocatives(doc),
        *_speaker_labels(doc),
        *_spoken_labels(doc),
        *_young_titled(doc),
        *_its_me(doc),
        *_church_addressed(doc),
    ]

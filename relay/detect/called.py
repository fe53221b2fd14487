"""Names known by what surrounds them rather than by their shape.

- **Nicknames**: whatever someone "was called" ("다들 너를 '곰돌이'라고 불렀지", "별님이라 불리던 누나")
  names that person to everyone who knew them at home. Review: it may be a pet's name or a joke,
  which a moderator tells at a glance.
- **A name beside a birth date**: "리 은 철 1999.3.2생", "1998.7.14생 남경화가": a surname and one or
  two syllables next to a date of birth are the person born, even when OCR spaced them apart.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from relay.detect.document import Doc
from relay.detect.morph import analyse
from relay.detect.names import known_tag, known_word
from relay.detect.rules import Rules
from relay.detect.salutation import CONFIDENCE, flag_names, generic_words, name_shaped
from relay.detect.words import alternation, has_final, particle_fits
from relay.model import Finding, Kind, Severity

# '곰돌이'라고 불렀다, 별님이라 불리던, "꼬마"라고들 부르면: the word before 라고/이라 and a form of 부르다.
_CALLED = re.compile(
    r"""(?:^|(?<=[\s,.!?(]))['"‘“]?([가-힣]{1,5}?)['"’”]?"""
    # the word for a woman, a man or a boss the north and the market add (해바라기 아즈마이, 최사장)
    r"""(?:\s(?P<title>아줌마|아주머니|아저씨|누나|언니|오빠|형|할머니|할아버지|동무|선생|이모|삼촌"""
    r"""|아즈마이|아지미|아바이|아매|할매|할배|아재|사장)['"’”]?)?"""
    # 라구: 라고 as the north and old people say it; 라고만: "only ever called him X"
    r"""\s?(?:이)?라(?:고|고만|고들|구|구들|는)?\s?(?:"""
    r"""불렀|불러|불리|부르|부른|불린|불렸|하는 별명|별명)"""
)
# "다들 나를 Мина라고 불러", "여기서는 Sam이라고 불러": a name in Latin or Cyrillic letters (a capital,
# then small letters; an acronym like SNS is no one's name) before 라고/이라 and a form of 부르다.
_CALLED_LETTERED = re.compile(
    r"""(?:^|(?<=[\s,.!?(]))['"‘“]?"""
    r"""([A-ZА-ЯЁ][a-zа-яё]{1,8}(?:-[A-Za-zА-Яа-яЁё][a-zа-яё]{1,8})?)['"’”]?"""
    r"""\s?(?:이)?라(?:고|고들|구|는)?\s?(?:불렀|불러|불리|부르|부른|불린|불렸)"""
)
# The object of 부르다 before a lettered name, when there is one, is a person ("나를 Мина라고"), not a
# thing named in another language ("빵을 Хлеб라고").
_THING_OBJECT = re.compile(
    r"(?<![가-힣])(?!(?:나|저|너|그|그녀|걔|얘|우리|저희|자네|당신|절|날|널)(?:을|를))[가-힣]+(?:을|를)\s$"
)


def _called_titled(doc: Doc, generic: frozenset[str]) -> list[Finding]:
    """Findings for :data:`_CALLED`; a word for a woman, a man or a boss said with the nickname
    ("해바라기 아즈마이", "곰돌이 아저씨") is part of what the person was called, and found with it."""
    found: list[Finding] = []
    for m in _CALLED.finditer(doc.text):
        named = flag_names(doc, [m], generic, "person.called")
        found += named
        if named and m.group("title") and _noun_like(m.group(1)):
            f = named[0]
            # one finding over both: the word for a woman alone (아즈마이) is dropped as no name
            titled = doc.finding(
                Kind.PERSON, m.start(1), m.end("title"), f.confidence, f.rule, severity=f.severity
            )
            found += [titled] if titled is not None else []
    return found


def _noun_like(word: str) -> bool:
    """Kiwi reads ``word`` as nouns only (해바라기, 곰돌이), no verb form ("많으니까 오빠라고")."""
    return all(x.oov or x.tag.startswith(("NN", "XSN")) for x in analyse(word))


def _called_person(doc: Doc, m: re.Match[str]) -> bool:
    return _THING_OBJECT.search(doc.text[max(0, m.start(1) - 12) : m.start(1)]) is None


# "큰별이, 작은별이라고 불렀지": the names listed before the last one that was called so.
_CALLED_LIST = re.compile(
    r"""(?:^|(?<=[\s,.!?(]))['"‘“]?(?P<name>[가-힣]{1,4}?)['"’”]?(?:이)?,\s?"""
    # the last may be split by OCR ("작은 별이라고")
    r"""(?=(?:['"‘“]?[가-힣]{1,5}?['"’”]?(?:이)?,\s?)*['"‘“]?[가-힣]{1,4}?(?: [가-힣]{1,3}?)?['"’”]?"""
    r"""(?:이)?라(?:고|고들)?\s?(?:불렀|불러|부르))"""
)
# "나 … 꽃제비 '깡통'이다", "너 그때 '쥐돌이'였지": a quoted word the writer or the reader was, said with
# a copula in a sentence about 나 or 너: what that one was called.
_QUOTED_WAS = re.compile(
    r"(?:^|(?<=[\s,.!?]))(?:나|너|난|넌|나는|너는|내가|네가|니가)\s[^.!?\n]{0,60}?"
    r"['\"‘“](?P<name>[가-힣]{2,4})['\"’”]\s?"
    r"(?:이었지|였지|이었어|였어|이었잖아|였잖아|이었다|였다|이었고|였고|이다|다|이야|야)(?![가-힣])",
    re.MULTILINE,
)
# A date of birth as the detector's date rules write it, with 생 after it.
_DATE = r"(?:\d{2,4}\s?[.\-/년]\s?\d{1,2}\s?[.\-/월]\s?\d{1,2}\s?\.?\s?일?|\d{2,4}\s?년)\s?생"
_NAME = r"([가-힣](?: ?[가-힣]){2,3}?)"
_NAME_THEN_DATE = re.compile(rf"(?:^|(?<=[\s,(]))(?:{_NAME})(?:은|는|이|가|이는)?\s*,?\s*\(?{_DATE}")
_DATE_THEN_NAME = re.compile(
    rf"{_DATE}(?:\)?\s*,\s*|\)?\s+){_NAME}(?:이|가|은|는|이가|이는|이다|입니다)?(?![가-힣])"
)


# "나는 광주에 사는 소금란이야.", "저는 … 담임목사 함요셉입니다.": who the writer says they are, the
# word before the copula that ends a sentence opened by 나는/저는 (OCR may break its line anywhere).
_SELF = re.compile(
    r"(?:^|(?<=[\s,.!?]))(?:나는|저는|난|전|본인은)\s(?:[^.!?]{0,60}?\s)?"
    r"(?P<name>[가-힣](?: ?[가-힣]){1,3}?)"
    # the plain, the polite and the old-fashioned ways of saying one is called so
    # (and the cute spellings of the polite ending young writers use: 이에여, 예여, 이에용, 예용)
    r"(?:입니다|이에요|예요|이에여|예여|이에용|예용|이야|야|이오|요|이다|다|이올시다|이옵니다|이외다|입네다|이라오|라오"
    r"|(?:이라|라)고? ?(?:합니다|하옵니다|하오|해요|하외다|합네다|하지요|한다))"
    r"(?=\s*(?:[.!?~]|$))",
    re.MULTILINE,
)


def _split_verb_closes(m: re.Match[str]) -> bool:
    """The last word of a spaced "name" and the ending after it read as one verb form ("가게 문
    엽니다": 열 + ㅂ니다, "창 닫습니다"): a noun and its verb closing the sentence, not a split name and its
    copula ("김 철수입니다" is 철수 + 이 + ㅂ니다)."""
    name = m.group("name")
    ending = m.string[m.end("name") : m.end()]
    if " " not in name or ending not in ("다", "요", "오", "야"):
        return False  # a copula written out (예요, 입니다, 이다) follows a noun: "감선 희예요" is 희 + 예요
    last = name.rsplit(" ", 1)[1] + ending
    morphs = analyse(last)
    return bool(morphs) and morphs[0].tag.startswith(("VV", "VA", "VX")) and not morphs[0].oov


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
    """'변이라는 애', '우리반에옥희라는 동무', "'털보'라는 브로커": a word (perhaps quoted), (이)라는, and a
    word for a person. The word may follow a locative particle with no space (chat and OCR drop
    spaces), or be a name OCR split into single syllables ("박 종 혁이라는 늙은이"); the quotative may
    be the long or the dialect form ("김철수라고 하는 사람", "박성태라 카는 사람": 카는 is 하는 in
    Gyeongsang speech)."""
    cfg = rules.config.names
    nouns = alternation({*cfg.known_as_nouns, *cfg.foreign_known_as_nouns})
    quoted = "|".join(cfg.known_as_quotatives)
    nations = alternation(cfg.known_as_nations) if cfg.known_as_nations else "(?!)"
    return re.compile(
        rf"(?:^|(?<=[\s,.!?(])|(?<=[가-힣]에))['\"‘“]?([가-힣]{{1,4}}?|[가-힣](?: [가-힣]){{2,3}})['\"’”]?"
        rf"(?:이)?(?P<quote>{quoted})\s?(?:(?:{nations})\s?)?(?:{nouns})(?=$|[^가-힣]|[은는이가을를도랑과와한의]|있|없|였|이었|인데|야|예요|요|으로|로|입니|인)"
    )


def _with_vowel_i(doc: Doc, f: Finding) -> Finding:
    """ "솜차이라는 아저씨", "세르게이라는 사람": after a syllable with no final consonant the copula
    takes no 이 (철수라는), so an 이 there ends the name itself, as foreign names often do."""
    text = doc.text
    if (
        f.end - f.start >= 2
        and " " not in text[f.start : f.end]  # "림 옥 벼이라는": a Korean name OCR spaced, its 별 damaged
        and not has_final(text[f.end - 1])
        and text[f.end : f.end + 1] == "이"
        and text[f.end + 1 : f.end + 3] in ("라는", "라고", "라 ")
    ):
        return replace(f, end=f.end + 1)
    return f


def _known_as_matches(doc: Doc) -> list[re.Match[str]]:
    """The matches of :func:`_known_as`. With a long or dialect quotative ("라고 하는", "라 카는"),
    which also says what someone is ("의사라 카는 양반", "학생이라고 하는 사람"), or before a copula
    ("희망이라는 사람입니다"), the word must be one Kiwi does not know as an everyday word."""
    out = []
    for m in _known_as(doc.rules).finditer(doc.text):
        cfg = doc.rules.config.names
        late = m.group(0).endswith(cfg.known_as_checked) or any(n in m.group(0) for n in cfg.known_as_nations)
        if late or m.group("quote") != "라는" or doc.text[m.end() : m.end() + 1] in ("입", "인"):
            word = "".join(m.group(1).split())
            if known_word(word) or (word.endswith("이") and known_word(word[:-1])):
                continue
        out.append(m)
    return out


# Where a chat or a video names its speaker or addressee without the cues a letter uses; each takes a
# word shaped like a given name (name_shaped) or a full name, and goes to review:
# - "나 윤아ㅠㅠ", "나 김책공대 같이 다니던 현우.": 나, perhaps an adnominal clause, the name, the end
#   (or a copula, which ends the sentence where a chat has no punctuation: "나 하늘이야 엄마가 …"); the
#   name right after 나 is tried first, so a transcript's run-on ("나 탁은결이야 회령에 살던 은결이")
#   names the first, full name;
# - "어이 동수,", "야 성혁,": an interjection calling out the bare name;
# - "…법진이라 합니다", "변태호라 하오": what one is called, in the old-fashioned form;
# - "누나 향미야.": a kinship word, then the speaker's name (_kin_me).
_JAMO = "ㄱ-ㅣ\u1100-\u11ff"
_END = rf"(?=\s*(?:[.!?~,]|[{_JAMO}]|$))"  # laughter and tears in jamo (ㅋㅋ, ㅠㅠ) end it too
# A name as written, or a full name OCR split into its syllables ("편 세 훈", "장 일 국"): only three
# syllables are taken apart, as two split ones are as often a word and a particle.
_NAME_OR_SPLIT = r"[가-힣]{2,3}?|[가-힣] [가-힣] ?[가-힣]|[가-힣]{2} [가-힣]"
# The copula closing "나 … X다": plain and polite, and the old-style and dialect forms letters use
# (하게체 일세, 하오체 이오/이라오, 전라도 이여).
_COPULA = "이야|야|이다|다|예요|이에요|임|일세|이오|이라오|라오|이여"
_ME = re.compile(
    rf"(?:^|(?<=[\s,.!?{_JAMO}]))나\s(?:[^.!?\n]{{0,60}}?(?:던|는|은|인)\s)??"
    rf"(?P<name>{_NAME_OR_SPLIT})(?:(?:{_COPULA})(?=\s)|(?:{_COPULA})?{_END})",
    re.MULTILINE,
)
# "ㅎㅇ 나다 덕팔이 ㅋㅋ", "저예요 순희": it's me, then the name.
_ITS_ME = re.compile(
    rf"(?:^|(?<=[\s,.!?{_JAMO}]))(?:나다|나야|나요|저예요|저에요|접니다)\s"
    rf"(?P<name>[가-힣]{{2,3}}?)(?:이)?{_END}",
    re.MULTILINE,
)
# "Hey 진우, …", "Привет 상철,": a greeting in Latin or Cyrillic letters calls a name just the same.
_HEY = re.compile(
    rf"(?:^|(?<=[\s,.!?]))(?:어이|야|얘|이봐|여보게|여봐|[Hh]ey|[Hh]i|[Hh]ello|[Dd]ear|[Пп]ривет|[Зз]дравствуй)"
    rf",?\s(?P<name>[가-힣]{{2,3}}){_END}",
    re.MULTILINE,
)
_CALLED_SO = re.compile(
    r"(?:^|(?<=[\s,]))(?P<name>[가-힣]{2,3}?)(?:이)?라\s?(?:합니다|하오|해요|한다|하네|하옵니다)(?![가-힣])"
)


# A letter opening with the reader called and the writer saying who they are: "야 짱구야, 나 곰이다",
# "성룡아 나 두꺼비다". Between friends both are often nicknames, everyday words any other rule doubts;
# here the one called and the one the writer says they are can only be people, so each goes to review
# (a name the other rules find is redacted by them). The call opens a line or sentence, perhaps after
# 야/어; its vocative fits the word (아 after a final consonant, 야 after a vowel), as the copula does.
_CALL_THEN_ME = re.compile(
    r"(?:^|(?<=[\n.!?)]))[ \t]*(?:(?:야|어|얘)[,!]?[ \t]+)?"
    r"(?P<name>[가-힣]{1,4}?)(?P<voc>아|야)[,!]?[ \t]+나[ \t]+"
    r"(?:(?P<me>[가-힣]{1,4}?)(?P<cop>이다|다|이야|야)(?=$|[\s,.!?~ㅋㅎ]))?",
    re.MULTILINE,
)
_CALL_NOT_NAMES = frozenset({"NP", "IC", "MAG", "MM"})


def _called_then_me(doc: Doc, generic: frozenset[str]) -> list[Finding]:
    """Review findings for the one called and the writer's own name in :data:`_CALL_THEN_ME`."""
    calls: list[re.Match[str]] = []
    selves: list[re.Match[str]] = []
    for m in _CALL_THEN_ME.finditer(doc.text):
        name = m.group("name")
        if not particle_fits(name, m.group("voc"), doc) or analyse(name)[0].tag in _CALL_NOT_NAMES:
            continue  # "얘야": a pronoun; "세상에나": no vocative
        calls.append(m)
        me, copula = m.group("me"), m.group("cop")
        if me and particle_fits(me, copula, doc) and _noun_and_copula(me + copula):
            selves.append(m)
    return [
        *flag_names(doc, calls, generic, "person.called", "name"),
        *flag_names(doc, selves, generic | _ALONE, "person.called", "me"),
    ]


# "나 혼자다": how the writer is, no name.
_ALONE = frozenset({"혼자", "홀몸", "외톨이"})


def _noun_and_copula(word: str) -> bool:
    """Kiwi reads ``word`` as a noun (or a word it does not know) and the copula: "곰이다", "두꺼비다";
    not a verb ("간다", "좋다") or a pronoun ("여기다")."""
    morphs = analyse(word)
    head = morphs[0]
    if head.oov:
        return True
    return head.tag in ("NNG", "NNP") and any(m.tag == "VCP" for m in morphs[1:])


@lru_cache(maxsize=4)
def _kin_me(rules: Rules) -> re.Pattern[str]:
    """ "누나 향미야.", "형 철수다": a kinship word, then the speaker's own name and a copula ending the
    sentence: the speaker saying who they are."""
    kin = alternation(k for k in rules.gazetteers.kinship if " " not in k)
    start = r"(?:^|(?<=[\s,.!?]))"
    # Or the other way round, the kinship word taking the copula: "니 조카다 설희", "이모야 순옥이".
    return re.compile(
        rf"{start}(?:{kin})\s(?P<name>{_NAME_OR_SPLIT})(?:이야|야|이다|다|예요|이에요|입니다){_END}"
        rf"|{start}(?:{kin})(?:다|야|이다|이야|예요|이에요)\s(?P<after>[가-힣]{{2,3}}?)(?:이)?{_END}",
        re.MULTILINE,
    )


def _named_so(doc: Doc, generic: frozenset[str]) -> list[Finding]:
    found: list[Finding] = []
    for pattern in (_ME, _ITS_ME, _HEY, _CALLED_SO, _kin_me(doc.rules)):
        for m in pattern.finditer(doc.text):
            group = "name" if m.group("name") else "after"
            name = m.group(group)
            if name in generic or name in doc.rules.config.names.role_words:
                continue
            if pattern is _CALLED_SO and name in doc.rules.config.names.stop_words:
                continue  # "이것을 사랑이라 합니다": what a thing is called
            if analyse(name)[0].tag == "NP":
                continue  # "야 나다": a pronoun and its copula
            if " " in name and (not _full_name(doc, name) or _split_verb_closes(m)):
                continue  # split syllables that are no full name: words OCR spaced apart
            if len(name) > 2 and _full_name(doc, name):
                # a full name the writer gives as theirs ("나 탁은결이야") is as sure as "나는 … 탁은결이야"
                f = doc.finding(Kind.PERSON, m.start(group), m.end(group), 0.8, "person.self")
                found += [f] if f is not None else []
            elif name_shaped(doc, m, group) or (pattern is _CALLED_SO and _said_of_self(doc, m)):
                found += flag_names(doc, [m], generic, "person.called", group)
                end = _with_friendly_i(doc, name, m.end(group))
                if end > m.end(group) and found and found[-1].end == m.end(group):
                    found[-1] = replace(found[-1], end=end)
    return found


def _with_friendly_i(doc: Doc, name: str, end: int) -> int:
    """The end of a two-syllable name and the 이 after it when the copula could begin there or after
    it ("한송이라고 합니다": 한송 or 한송이; "나 왕눈이다": 왕눈 or the nickname 왕눈이). The 이 is taken
    too: a name is never cut short, and redacting the 이 of a copula hides nothing the reader needs."""
    compact = name.replace(" ", "")
    if len(compact) == 2 and has_final(compact[-1]) and doc.text[end : end + 1] == "이":
        return end + 1
    return end


# The writer as the subject, humble forms included: "소승은 … 법운이라 합니다".
_SELF_SUBJECT = re.compile(r"(?:^|[\s,.!?])(?:저는|나는|난|전|본인은|소승은|소생은|빈도는|이 몸은|저희는)\s")


def _said_of_self(doc: Doc, m: re.Match[str]) -> bool:
    """ "소승은 … 법운이라 합니다": in a sentence whose subject is the writer, what the writer says they
    are called is a name however rare its syllables (a dharma name, a baptismal one), unless it is a
    word Kiwi knows."""
    start = m.start("name")
    opening = max(doc.text.rfind(c, 0, start) for c in ".!?\n") + 1
    name = m.group("name")
    weights = doc.rules.gazetteers.given_syllables
    return (
        _SELF_SUBJECT.search(doc.text, opening, start) is not None
        and all(c in weights for c in name)
        and not known_word(name)
    )


# "혹시 제8군단에 있던오명선을아니?", "같이 일하던 한문운을 기억하니": someone the writer was with, then
# asked about. After a verb's 던-form and before 을/를 and a verb of knowing, only a person fits; OCR
# may glue the whole run.
_KNOWN_FROM = re.compile(
    r"(?:있던|살던|일하던|다니던|지내던|근무하던|복무하던|있었던|알던|만났던|같이하던)\s?"
    r"(?P<name>[가-힣](?: ?[가-힣]){1,3}?)(?:을|를)\s?"
    r"(?:아니|알아|아나|아오|아시오|아십니까|아세요|아시나요|알지|알고|알았"
    r"|기억하|기억나|기억해|본 적|봤니|만난 적)"
)
# "성민아, 엄마다.": a name called at the start of a line, then the writer saying who they are (a kinship
# word and a copula).
_CALLED_THEN_ME = (
    r"(?:^|(?<=[.!?]\s))(?P<name>[가-힣]{{2,3}}?)(?:아|야|이)"
    r"\s?,?\s?(?:{kin})(?:다|야|이다|이야|란다)(?![가-힣])"
)
# "나래의 본명은 라경희": whose real name is given is a person known by another name.
_ALIAS_OF = re.compile(
    r"(?:^|(?<=[\s,.!?]))(?P<name>[가-힣]{2,3}?)(?:이)?의\s?"
    r"(?:본명|실명|진짜\s?이름|원래\s?이름|본\s?이름|한국\s?이름|옛\s?이름)(?:은|는|이|도)"
)
# "우리하은이벌써세살됐어", "우리아들광일아보고십다": a chat with no spaces, 우리 (and a kinship word), a
# given name with its friendly 이 or a vocative, then a word that only follows a subject or a call.
_GLUED_OURS = (
    r"(?:^|(?<=[\s,.!?]))우리(?:{kin})?(?P<name>[가-힣]{{2}})(?:이가|이는|이도|이|아|야)"
    r"(?=벌써|이제|요즘|오늘|어제|지금|잘|많이|너무|정말|진짜|보고|사랑|곧|또|키가|말을)"
)
# "옥이 아줌마 통해서": a one-syllable given name with its friendly 이 before a title; only syllables
# typical of names, not those that are also nouns taking 이 ("일이", "성이").
_FRIENDLY_TITLED = re.compile(
    r"(?<![가-힣])(?P<name>[가-힣]이)\s(?:아줌마|아주머니|아저씨|할머니|할아버지|언니|누나|오빠|이모|삼촌|고모)"
    r"(?=$|[^가-힣]|[은는이가을를의도와과께한]|네|랑)"
)
_NOUN_SYLLABLES = frozenset({"일", "성", "자"})
# "같은 감방 림석.", "같은 소대 리광": a full name right after the group the writer shared with that person
# (a cell, a unit, a class, a work team); a one-syllable given name is common in the North.
_SAME_GROUP = re.compile(
    r"같은\s?(?:감방|방|감옥|교화소|단련대|구류장|수용소|부대|중대|소대|분대|대대|련대|연대|초소|반|학급|교실"
    r"|직장|작업반|분조|공장|인민반|병실|기숙사)\s(?P<name>[가-힣]{2,3})(?=$|[^가-힣]|[은는이가을를의도와과])"
)
# "야 깜장콩아,": an interjection, then a word called with a vocative ending its phrase. A nickname Kiwi
# does not know is all that fits; a word it knows, whole or in pieces (야 진짜야?), is left alone.
_HEY_CALLED = re.compile(
    r"(?:^|(?<=[\s,.!?]))(?:어이|야|얘|이봐|여보게)\s(?P<name>[가-힣]{2,3}?)(?:아|야)"
    # ... or the speaker going on in a transcript with no punctuation ("야 깜장콩아 나 왕눈이다")
    r"(?=\s*[,.!?~]|\s*$|\s(?:나|내가|나야|나다)\s)",
    re.MULTILINE,
)


@lru_cache(maxsize=4)
def _kin_frames(rules: Rules) -> tuple[re.Pattern[str], re.Pattern[str]]:
    kin = alternation(k for k in rules.gazetteers.kinship if " " not in k and k.isalpha())
    return (
        re.compile(_CALLED_THEN_ME.format(kin=kin), re.MULTILINE),
        re.compile(_GLUED_OURS.format(kin=kin), re.MULTILINE),
    )


def _framed(doc: Doc, generic: frozenset[str]) -> list[Finding]:
    """Names in frames where only a person fits: a full name is redacted, a word shaped like a given
    name goes to review."""
    found: list[Finding] = []
    weights = doc.rules.gazetteers.given_syllables
    called_then_me = _kin_frames(doc.rules)[0]
    least = doc.rules.config.names.slot_kin_min_weight
    for pattern in (_KNOWN_FROM, _ALIAS_OF, *_kin_frames(doc.rules)):
        for m in pattern.finditer(doc.text):
            name = m.group("name").replace(" ", "")
            if (
                name in generic
                or name in doc.rules.config.names.stop_words
                or name in doc.rules.lexicon.exact
            ):
                continue  # "살던 평양을 기억하니": a place
            tag = known_tag(name)
            if (
                pattern is called_then_me
                and tag in ("", "NNG")
                and all(weights.get(c, 0) >= least for c in name)
            ):
                # called, then "엄마다": a name even when it is also a word (성미 "temper")
                found += flag_names(doc, [m], generic, "person.framed", "name")
                continue
            if known_word(name):
                continue
            if " " in name and (not _full_name(doc, name) or _split_verb_closes(m)):
                continue  # split syllables that are no full name: words OCR spaced apart
            if len(name) > 2 and _full_name(doc, name):
                f = doc.finding(Kind.PERSON, m.start("name"), m.end("name"), 0.8, "person.framed")
                found += [f] if f is not None else []
            elif " " not in m.group("name") and name_shaped(doc, m):
                found += flag_names(doc, [m], generic, "person.framed", "name")
    return found + _same_group(doc) + _hey_called(doc, generic) + _friendly_titled(doc, generic)


def _same_group(doc: Doc) -> list[Finding]:
    """A full name after the group the writer shared with that person: redacted with two given
    syllables, reviewed with one (which may be an everyday word)."""
    found: list[Finding] = []
    for m in _SAME_GROUP.finditer(doc.text):
        name = m.group("name")
        if _full_name(doc, name):
            sure = len(name) == 3
            f = doc.finding(
                Kind.PERSON,
                m.start("name"),
                m.end("name"),
                0.8 if sure else 0.6,
                "person.framed",
                severity=None if sure else Severity.REVIEW,
            )
            found += [f] if f is not None else []
    return found


def _hey_called(doc: Doc, generic: frozenset[str]) -> list[Finding]:
    """Review findings for a word Kiwi does not know, called after an interjection."""
    found: list[Finding] = []
    for m in _HEY_CALLED.finditer(doc.text):
        name = m.group("name")
        if name in generic or name in doc.rules.config.names.stop_words or known_tag(name):
            continue
        if not any(piece.oov for piece in analyse(name)):
            continue  # everyday words Kiwi reads whole or in known pieces (나무꾼)
        found += flag_names(doc, [m], generic, "person.framed", "name")
    return found


def _friendly_titled(doc: Doc, generic: frozenset[str]) -> list[Finding]:
    """Review findings for a one-syllable given name typical of names, with its 이, before a title."""
    found: list[Finding] = []
    weights = doc.rules.gazetteers.given_syllables
    least = doc.rules.config.names.slot_kin_min_weight
    for m in _FRIENDLY_TITLED.finditer(doc.text):
        first = m.group("name")[0]
        if first in _NOUN_SYLLABLES or weights.get(first, 0) <= least or known_word(m.group("name")):
            continue
        found += flag_names(doc, [m], generic, "person.framed", "name")
    return found


@lru_cache(maxsize=4)
def _quoted_nicknames(rules: Rules) -> re.Pattern[str]:
    """A word in quotes standing where a person is named: before a word for a person ("'곰돌이'
    중대장", "'큰손' 아저씨가"), or after a verb's 던-form at the end of a sentence, the writer saying
    who they are ("같이 공 차던 '깜돌이'."). Quotes single out what someone was called; elsewhere
    (a song, a shop) the word is left to the other rules. The word for a person may be inside the
    quotes, part of the nickname ("'곰보아재'한테")."""
    nouns = alternation(rules.config.names.known_as_nouns)
    return re.compile(
        rf"['\"‘“](?P<before>[가-힣](?: ?[가-힣]){{0,3}})['\"’”]\s?(?:{nouns})"
        r"(?=$|[^가-힣]|[은는이가을를도께의]|님|씨)"
        # "'곰보아재'한테": the word for a person inside the quotes, a particle after them
        rf"|['\"‘“](?P<glued>[가-힣]{{1,4}}(?:{nouns}))['\"’”]"
        r"(?=한테|에게|께|[은는이가을를도의와과랑]|하고)"
        rf"|(?<=던 )['\"‘“](?P<after>[가-힣]{{1,4}})['\"’”]"
        r"(?:이야|야|이다|다|예요|이에요|입니다)?\s*[.!?~]*\s*$",
        re.MULTILINE,
    )


@lru_cache(maxsize=4)
def _foreign_known_as(rules: Rules) -> re.Pattern[str]:
    """A name from another language, then (이)라는, (이)란 or (이)라(고), then a word for a person or a
    verb of calling within two words: "Mr. Faisal이라는 현장 supervisor가", "Ahmed 란 이집트 사람",
    "나타샤라는 러시아 할매가", "러시아 애들은 빠샤라 했다", "중국 애들은 날 老卢라 불렀지". The name is
    a capitalised Latin or Cyrillic word (after Mr./Mrs./Ms. perhaps), one to three Chinese characters, or
    a listed foreign given name in Hangul (foreign_given_names.tsv, western)."""
    nouns = alternation({*rules.config.names.known_as_nouns, *rules.config.names.foreign_known_as_nouns})
    western = alternation(rules.gazetteers.foreign_given["western"])
    name = (
        r"(?:(?:Mr|Mrs|Ms|Dr)\.?\s)?[A-ZА-ЯЁ][a-zа-яё]{1,12}(?:\s[A-ZА-ЯЁ][a-zа-яё]{1,12})?"
        rf"|[\u4e00-\u9fff]{{1,3}}|{western}"
    )
    return re.compile(
        rf"(?:^|(?<=[\s,.!?(]))['\"‘“]?(?P<glued>{name})['\"’”]?"
        rf"(?=\s?(?:이)?(?:라는|란|라고|라)\s(?:[^\s]+\s){{0,2}}?(?:(?:{nouns})(?![가-힣])|(?:{nouns})[은는이가을를도의와과한]"
        r"|했|하더|하던|불렀|불러|부르|불리|불린)"
        # "Michelle로 이름 바꿨어": the new name one took
        r"|\s?(?:으)?로\s?(?:이름을?\s?바꿨|이름을?\s?바꾼|개명))"
    )


# ... said so ("빠샤라 했다"), which of words in Latin letters is what was said, not who.
_SAID_SO = re.compile(r"['\"’”]?\s?(?:이)?(?:라는|란|라고|라)\s(?:[^\s]+\s){0,2}?(?:했|하더|하던)")


_CALLED_SO_VERB = re.compile(
    r"['\"’”]?\s?(?:이)?(?:라는|란|라고|라)\s(?:[^\s]+\s){0,2}?(?:불렀|불러|부르|불리|불린)"
)


def _foreign_known_as_findings(doc: Doc) -> list[Finding]:
    lettered = doc.rules.config.lettered
    found = []
    for m in _foreign_known_as(doc.rules).finditer(doc.text):
        name = m.group("glued")
        if name.split()[-1].lower() in lettered.what_one_is or name.lower() in lettered.not_person_last:
            continue  # "Korean이라는 사람", "Christian이라는": what someone is, not who
        if name in doc.rules.config.names.hanja_not_names or name.lower() in lettered.greetings:
            continue
        said = _SAID_SO.match(doc.text, m.end("glued"))
        if re.search(r"[A-Za-zА-Яа-яЁё]", name) and (
            said is not None or _CALLED_SO_VERB.match(doc.text, m.end())
        ):
            continue  # "Hello라고 했다", "Rose라고 불러": a word said or a thing named, not who

        f = doc.finding(Kind.PERSON, m.start("glued"), m.end("glued"), 0.8, "person.called")
        if f is not None:
            found.append(f)
    return found


@lru_cache(maxsize=4)
def _place_handle(rules: Rules) -> re.Pattern[str]:
    """The speaker named by home town, a word or two they were known by and a given name: "나 김책 쪼꼬
    민 수", "형 갑산 승 호다", "누나다 청진 간호원 수 경이", "형이다. 라진 바다 상철." After 나 or a
    kinship word (perhaps with a copula: 나다, 형이다), a North Korean or border town, up to three words,
    and a name (OCR may split it) that ends the sentence, a copula perhaps after it."""
    stop = rules.config.places.stem_stop
    towns = {
        w
        for p in rules.gazetteers.places
        if p.source in ("nk_places", "foreign_places") and p.level not in ("country", "province", "region")
        for w in (p.name, *p.aliases)
        if len(w) >= 2 and w.isalpha() and w not in stop
    }
    kin = alternation(t for t in rules.gazetteers.kinship if t.isalpha() and len(t) <= 3)
    return re.compile(
        rf"(?:^|(?<=[\s,.!?]))(?:나|(?:{kin}))(?:이다|다)?[.,!]?\s+"
        rf"(?P<handle>(?:{alternation(towns)})(?P<words>(?:\s[가-힣]{{1,4}}){{0,3}}?)"
        r"\s(?P<name>[가-힣](?: ?[가-힣]){0,2}?))"
        rf"(?:이다|이야|이요|이오|이|다|야|요|입니다)?(?=\s*(?:[.,!?~]|[{_JAMO}]|$))",
        re.MULTILINE,
    )


def _place_handles(doc: Doc) -> list[Finding]:
    """Review findings for the handles of :func:`_place_handle`: the name must be made of given-name
    syllables and be no everyday word, and no word between a verb ("나 회령 가는 길이야")."""
    gaz = doc.rules.gazetteers
    found = []
    for m in _place_handle(doc.rules).finditer(doc.text):
        name = m.group("name").replace(" ", "")
        if not all(gaz.given_syllables.get(ch, 0) > 0 for ch in name) or known_word(name):
            continue
        if name in generic_words(doc.rules) or name in doc.rules.config.names.stop_words:
            continue
        words = m.group("words").split()
        if any(
            piece.tag.startswith(("V", "E", "J")) and not piece.oov for w in words for piece in analyse(w)
        ):
            continue
        f = doc.finding(Kind.PERSON, m.start("handle"), m.end("handle"), 0.6, "person.handle")
        if f is not None:
            found.append(f)
    return found


# The same nicknames in a letter OCR or a transcript spaced syllable by syllable ("너 를 멍 멍 이 라 고 불
# 렀 지", "별 명 이 깜 돌 이 였 다"), read with the spaces taken out: spaced so, the name has no word
# boundary before it to start from, so it must follow a person as the object of 부르다 (너를, 동생을,
# 날) or 별명 as the subject of a copula.
_SPACED_CALLED = re.compile(
    r"(?:(?:너|나|저|그|걔|얘|우리|저희|동생|아들|딸|손자|손녀|조카|형|오빠|누나|언니)(?:를|을)|널|날|절)"
    r"(?P<name>[가-힣]{1,4}?)(?:이)?라(?:고|구)?(?:들)?(?:불렀|불러|불리|부르|부른|불린|불렸)"
)
# Its own rule: the respacing veto (relay/detect/respaced.py) would read the nickname as the everyday
# words it is made of (깜 + 돌 + 이), which the cue already overrules.
_SPACED_RULE = "person.called_spaced"
_SPACED_NICKNAME_WAS = re.compile(r"별명(?:은|이)(?P<name>[가-힣]{1,4}?)(?:이었|였|이야|야|이다|이고|이라)")


def _spaced_called(doc: Doc, generic: frozenset[str]) -> list[Finding]:
    """Review findings for :data:`_SPACED_CALLED` and :data:`_SPACED_NICKNAME_WAS` in the compact view,
    where the name was written with its syllables apart."""
    found: list[Finding] = []
    compact = doc.compact
    for pattern in (_SPACED_CALLED, _SPACED_NICKNAME_WAS):
        for m in pattern.finditer(compact):
            end = m.end("name")
            # "멍 멍 이 라 고": the 이 before 라고 may be the name's own last syllable; found with it
            if compact[end : end + 1] == "이" and pattern is _SPACED_CALLED:
                end += 1
            name = compact[m.start("name") : end]
            start, stop = doc.spaced_span(m.start("name"), end)
            pieces = doc.text[start:stop].split(" ")
            if len(pieces) < 2 or any(len(p) > 1 for p in pieces):
                continue  # written as words ("그를 그냥 겁쟁이라고"): the rules above read them
            if name in generic or name.rstrip("이") in generic:
                continue
            f = doc.finding(Kind.PERSON, start, stop, CONFIDENCE, _SPACED_RULE, severity=Severity.REVIEW)
            if f is not None:
                found.append(f)
    return found


def find_called(doc: Doc) -> list[Finding]:
    """Review findings for nicknames and signatures, and findings for names written beside a date of
    birth or given by the writer as who they are."""
    generic = generic_words(doc.rules)
    found = _called_titled(doc, generic)
    found += [
        _with_vowel_i(doc, f) for f in flag_names(doc, _known_as_matches(doc), generic, "person.called")
    ]
    found += flag_names(
        doc,
        [m for m in _CALLED_LETTERED.finditer(doc.text) if _called_person(doc, m)],
        generic,
        "person.called",
    )
    for m in _quoted_nicknames(doc.rules).finditer(doc.text):
        group = next(g for g in ("before", "glued", "after") if m.group(g))
        found += flag_names(doc, [m], generic, "person.called", group)
    found += _named_so(doc, generic)
    found += _called_then_me(doc, generic)
    found += _spaced_called(doc, generic)
    found += _framed(doc, generic)
    found += _foreign_known_as_findings(doc)
    found += _place_handles(doc)
    # praise in quotes ("너 그때 '최고'였어") is among the stop words
    generic_or_stop = generic | doc.rules.config.names.stop_words
    for pattern in (_CALLED_LIST, _QUOTED_WAS):
        found += flag_names(doc, pattern.finditer(doc.text), generic_or_stop, "person.called", "name")
    signed = _signature(doc)
    if signed is not None:
        found.append(signed)
    for m in _SELF.finditer(doc.text):
        if _full_name(doc, m.group("name")) and not _split_verb_closes(m):
            end = _with_friendly_i(doc, m.group("name"), m.end("name"))
            f = doc.finding(Kind.PERSON, m.start("name"), end, 0.8, "person.self")
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

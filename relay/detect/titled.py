"""Names the name scorer cannot take whole, in slots where only a name fits.

The scorer (relay/detect/names.py) takes a surname and a given name of one or two syllables. Two
things fall outside that: native Korean given names of three syllables (진달래, 한아름, 이슬비), and a
name glued into a run of words whose spaces OCR lost, where no word boundary marks it. In three slots
only a name fits, so there the surname, one to three given-name syllables and the slot make a name:

- before a title, with a two-syllable surname (남궁, 황보, 동방), which stands out even in a glued
  run: "황보한아름 선생님", "…만난선우다솜아주머니께";
- after a name label: "이름: 하 은빛나.", "성명은 라 하늘별이다";
- what one says one is called: "저는 보리라고 합니다" (no surname needed; an everyday word too);
- before a closing that ends the letter: "조 은 달래 드림" (where Kiwi's reading is not believed:
  names made of everyday words read as verbs there, 달래다).

Each needs every given syllable to be one that names use, and Kiwi not to read the span as one
everyday word or a verb form ("이름은 모른다", "공손하게 선생님께": 모 and 공손 are surnames too).
"""

from __future__ import annotations

import re
from functools import lru_cache

from relay.detect.confusables import ocr_variants
from relay.detect.document import Doc
from relay.detect.morph import analyse
from relay.detect.names import known_tag, known_word
from relay.detect.rules import Rules
from relay.detect.salutation import generic_words
from relay.detect.words import Evidence, alternation, evidence, strip_particles, trie_alternation
from relay.model import Finding, Kind, Severity

CONFIDENCE = 0.8
REVIEW_CONFIDENCE = 0.6
_EVERYDAY = (Evidence.COMMON, Evidence.INSIDE, Evidence.PREDICATE)
# The end of a clause after a name: punctuation, laughter in jamo (ㅋㅋ, ㅎㅎ), the line's end; also read
# by relay/detect/nicknames.py.
CLAUSE_END = r"(?=\s*(?:[,.)!?~]|[ㄱ-ㅣ\u1100-\u11ff]|$))"
# A name of two to five syllables that OCR may have split with single spaces.
_SPACED_NAME = r"[가-힣](?: ?[가-힣]){1,4}?"


@lru_cache(maxsize=4)
def _titled(rules: Rules) -> re.Pattern[str]:
    cfg = rules.config.names
    doubles = alternation(s for s in rules.gazetteers.surnames if len(s) == 2)
    titles = alternation({*cfg.slot_titles, *cfg.glued_titles})
    return re.compile(rf"(?P<name>(?:{doubles}) ?[가-힣]{{1,3}}?) ?(?:{titles})")


@lru_cache(maxsize=4)
def _labelled(rules: Rules) -> re.Pattern[str]:
    labels = alternation(rules.config.names.name_labels)
    endings = alternation(rules.config.names.slot_intro_endings)
    # After the name: the end of the clause (punctuation, laughter in jamo such as ㅎㅎ, the line's end),
    # a copula that ends the sentence where a transcript has no punctuation ("이름은 링링이야 거기…"),
    # or the copula going on into more ("별명이 멧돼지였는데 …", "가명은 하늘이고").
    return re.compile(
        rf"(?:^|(?<=[\s(]))(?:{labels}) ?(?:은|는|이|:|：|=)? ?(?!{_NOT_AFTER_LABEL}){_QUOTE_OPEN}?"
        rf"(?P<name>{_SPACED_NAME}){_QUOTE_CLOSE}?"
        rf"(?:(?: ?(?:{endings}))?{CLAUSE_END}"
        rf"| ?(?:{_FINAL})(?=\s|[,.!?~]|$)| ?(?:{_LINKING})(?![가-힣])"
        # "너 별명 깡통 기억하니?", "내 이름 철수 알지?": the name, then asked whether it is remembered
        r"| (?=기억|알지|알아|알겠|모르겠|모르니|모르냐)"
        # "너 이름 탁 영 철 석 자": the three letters of a name, said so
        r"|(?<=[가-힣] [가-힣] [가-힣])(?= 석 ?자(?![가-힣])))",
        re.MULTILINE,
    )


# Particles a label takes when it is only a word in the sentence ("이름을 붙였어요", "이름도 몰라",
# "신청인에게 연락": the person the label names, spoken to, not a field filled in).
_NOT_AFTER_LABEL = "(?:을|를|에|에게|에게서|한테|한테서|께|께서|의|도|으로|로|과|와|만)(?:\\s|$)"
# A nickname is often quoted: 별명 '메뚜기'였잖아.
_QUOTE_OPEN = "['\"‘“]"
_QUOTE_CLOSE = "['\"’”]"

# Copulas that end a sentence: in a transcript the next word starts the next sentence.
_FINAL = "이야|야|이다|입니다|이에요|예요|이래|이라오|이오|이었다|였다|이었어요|였어요|이었습니다|였습니다"


_LINKING = (
    "이었는데|였는데|인데|이었고|였고|이고|이구|이었어|였어|이었지|였지|이라서|라서"
    "|이었잖아|였잖아|이잖아|잖아|이었던|였던|이었다며|였다며|이라며|라며|이었대|였대|이래서|래서"
    # the northeastern (함경도) forms of the same: "이름이 똘똘이 였지비"
    "|이었지비|였지비|이지비|이었슴둥|였슴둥|임둥"
    # told on from someone else: "별명이 깜장이였다더라", "이름이 순돌이라던데"
    "|이었다고|였다고|이었다는|였다는|이었다더라|였다더라|이었다던데|였다던데|이었다네|였다네|이었다지|였다지|이었대요|였대요"
    "|이라더라|라더라|이라던데|라던데|이래요|래요"
)


@lru_cache(maxsize=4)
def _glued_label(rules: Rules) -> re.Pattern[str]:
    """ "매형이름탁경민이고삼성전자다녀": a kinship word, the label and a full name glued in a chat, then
    a copula; the name cannot be told by its word boundaries, so it must be a surname and two given
    syllables."""
    kin = alternation(k for k in rules.gazetteers.kinship if len(k) > 1 and k.isalpha())
    return re.compile(
        rf"(?:{kin})(?:의|네)?(?:이름|본명|성함)(?:은|는|이)?(?P<name>[가-힣]{{3}})"
        rf"(?=이고|이야|이다|이에요|입니다|이래|이구|[\s,.!?~]|$)"
    )


# "일본 이름은 다카야마 준코", "러시아 이름은 올레그": a name in another language is no Korean name, so
# the scorer and the labelled slot (one to five syllables, a Korean name's shape) pass it by; after such a
# label one or two words up to the end of the clause are the name.
_FOREIGN_LABEL = re.compile(
    r"(?:일본|러시아|영어|영문|미국|중국|외국|서양|세례|우크라이나|우즈베크|카자흐|독일|프랑스)\s?"
    # the name in Hangul or in the characters it is written in ("일본 이름은 高山 順子라오")
    r"(?:이름|성함|명)(?:은|는|이)?\s?['\"‘“]?(?P<name>[가-힣]{2,6}?(?: [가-힣]{1,6}?)?"
    r"|[\u4e00-\u9fff]{1,3}(?: ?[\u4e00-\u9fff]{1,3})?)['\"’”]?"
    r"(?:이에요|예요|입니다|이야|야|이고|이다|다|이래|이었다|였다|이었|였|이라오|라오|이오|이옵니다)?(?=\s*(?:[,.!?~)]|$))",
    re.MULTILINE,
)


def _foreign_label_finding(doc: Doc, m: re.Match[str]) -> Finding | None:
    """The name after a label in another language, unless it is an everyday word or a verb."""
    name = m.group("name")
    if any(known_word(w) or w in generic_words(doc.rules) for w in name.split(" ")):
        return None  # "영어 이름은 비밀": a word, no name
    if any(piece.tag.startswith(("V", "E")) and not piece.oov for piece in analyse(name)):
        return None  # "영어 이름은 없어요": a verb
    return doc.finding(Kind.PERSON, m.start("name"), m.end("name"), CONFIDENCE, "person.labelled")


# "통번역사남궁소연이고", "활동하는 황보은챈예요": the two-syllable surnames that are part of no everyday
# word mark a name wherever they stand, glued to the word before or misread by OCR, when one or two
# syllables and a copula or particle follow; the particle may have the next words glued on as well
# ("아빠남궁태석은아직"), which only decides between one given syllable and two. (A copula starting with 이,
# 이다 or 이에요, is a particle 이 with more glued on, so the class covers it.)
_RARE_DOUBLE = re.compile(
    r"(?:남궁|황보|제갈|독고)[가-힣]{1,2}?(?=입니다|예요|였|씨|님|[은는이가을를의도와과께]|[\s,.!?~]|$)"
)


def _glued_label_finding(doc: Doc, m: re.Match[str]) -> Finding | None:
    """The glued full name, when it is a real surname and given syllables used in names."""
    name = m.group("name")
    split = _split(doc, name, False)
    if split is None or split[1] or name in doc.rules.config.names.stop_words or known_word(name):
        return None
    return doc.finding(Kind.PERSON, m.start("name"), m.end("name"), CONFIDENCE, "person.labelled")


@lru_cache(maxsize=4)
def _copulas(rules: Rules) -> tuple[str, ...]:
    """The copula endings a labelled name may run into, longest first."""
    endings = {*_LINKING.split("|"), *_FINAL.split("|"), *rules.config.names.slot_intro_endings}
    return tuple(sorted(endings, key=len, reverse=True))


@lru_cache(maxsize=4)
def _closing(rules: Rules) -> re.Pattern[str]:
    closings = alternation(rules.config.names.closings)
    return re.compile(rf"(?:^|(?<=[\s,.]))(?P<name>{_SPACED_NAME}) ?(?:{closings})[.!]?[ \t]*$", re.MULTILINE)


@lru_cache(maxsize=4)
def _introduced(rules: Rules) -> re.Pattern[str]:
    cfg = rules.config.names
    before = alternation(cfg.intro_before)
    said = alternation(cfg.intro_called)
    return re.compile(rf"(?:^|(?<=[\s,.]))(?:{before}) ?(?P<name>{_SPACED_NAME})(?:이)?라고 ?(?:{said})")


def _introduced_finding(doc: Doc, m: re.Match[str]) -> Finding | None:
    """ "저는 다솜이라고 합니다": what one says one is called is a name (the stop words are not asked),
    unless it is a kinship, generic or role word, an adverb or pronoun (먼저, 그것) or a verb form.
    A noun Kiwi knows (보리, 학생) may be a name or what one is, so it is reviewed."""
    start, end = m.start("name"), m.end("name")
    name = m.group("name").replace(" ", "")
    cfg, gaz = doc.rules.config.names, doc.rules.gazetteers
    not_names = generic_words(doc.rules) | cfg.role_words | cfg.born_not_names
    if name in not_names or not all(gaz.given_syllables.get(ch, 0) > 0 for ch in name):
        return None
    # Split by OCR ("하 늘이라고"), the syllables are read as anything: the joined word is judged alone.
    tag = known_tag(name)
    if tag and tag != "NNG":
        return None
    if " " not in m.group("name") and evidence(doc, start, end) is Evidence.PREDICATE:
        return None
    severity = Severity.REVIEW if tag == "NNG" else None
    confidence = REVIEW_CONFIDENCE if tag == "NNG" else CONFIDENCE
    return doc.finding(Kind.PERSON, start, end, confidence, "person.introduced", severity=severity)


def _split(doc: Doc, name: str, double_only: bool) -> tuple[str, bool] | None:
    """(given name, whether the surname is only an OCR look-alike of a common one) if ``name`` is a
    surname (two syllables when ``double_only``) and one to three given syllables all used in names.
    In a slot only a name fits, a look-alike counts (패 for 배, 체 for 채): OCR damages surnames too."""
    gaz, cfg = doc.rules.gazetteers, doc.rules.config.names
    for n in (2,) if double_only else (2, 1):
        surname, given = name[:n], name[n:]
        if not (1 <= len(given) <= 3 and all(gaz.given_syllables.get(ch, 0) > 0 for ch in given)):
            continue
        if surname in gaz.surnames:
            return given, False
        common = (gaz.surnames.get(v, 10**6) <= cfg.ocr_surname_max_rank for v in ocr_variants(surname))
        if n == 1 and not double_only and any(common):
            return given, True
    return None


def _finding(
    doc: Doc, m: re.Match[str], double_only: bool, rule: str, believe_kiwi: bool = True
) -> Finding | None:
    start, end = m.start("name"), m.end("name")
    name = m.group("name").replace(" ", "")
    split = _split(doc, name, double_only)
    if split is None or name in doc.rules.config.names.stop_words:
        return None
    given, lookalike = split
    if len(given) < 3 and not (double_only or lookalike) and " " not in m.group("name"):
        return None  # a short whole name with a real surname is the name scorer's, with all its evidence
    # Split by OCR ("하 은빛나"), the pieces are read as anything (하 as 하다): only the joined word
    # is judged, below.
    if believe_kiwi and " " not in m.group("name") and evidence(doc, start, end) in _EVERYDAY:
        return None
    if known_word(name) or _everyday_start(doc, m.group("name")):
        return None  # one everyday word (정성껏 씀), whatever the slot
    return doc.finding(Kind.PERSON, start, end, CONFIDENCE, rule)


def _everyday_start(doc: Doc, spaced: str) -> bool:
    """The span starts with a word that is no name's beginning: an everyday word ("마음 담아 보냄"), a
    place (서울), or a word with a particle ("서울에서 씀")."""
    first = spaced.split(" ")[0]
    if len(first) < 2:
        return False
    core, ending = strip_particles(first, doc)
    return bool(ending) or known_word(core) or core in doc.rules.lexicon.exact


def _labelled_finding(doc: Doc, m: re.Match[str]) -> Finding | None:
    """What follows a name label ("가명 감별)", "본명은 하늘이다.") is a name: a full name is redacted as
    :func:`_finding` judges it; any other word there, an everyday one included, goes to review (an alias
    or a nickname is often an everyday word, but "이름은 비밀이다." is not one)."""
    start, end = m.start("name"), m.end("name")
    # "별명이 꼬맹이야": the word is 꼬맹이 and 야 the copula; judged as the everyday word it is.
    whole = doc.text[end : end + 1] == "이" and known_word(doc.text[start : end + 1].replace(" ", ""))
    found = None if whole else _finding(doc, m, False, "person.labelled")
    if found is not None:
        return found
    end += whole
    pieces = doc.text[start:end].split(" ")
    if any(len(piece) > 1 for piece in pieces[1:]):
        return None  # "모두 바꿨다": words, not a name split by OCR into syllables
    if len(pieces) > 1 and pieces[0] in ("이", "은", "는"):
        return None  # "이름이 뭐였는데": the label's particle, then a word
    for ending in _copulas(doc.rules):
        if not whole and m.group("name").endswith(ending) and end - start > len(ending):
            end -= len(ending)  # "별명은 곰이었지": a one-syllable nickname and its copula
            break
    name = doc.text[start:end].replace(" ", "")
    cfg = doc.rules.config.names
    if len(name) > 4 and not _surname_and_foreign_given(doc, name):
        return None
    if name in generic_words(doc.rules) or name in cfg.role_words or name in cfg.stop_words:
        return None
    if known_tag(name) in ("MAG", "NP", "NR"):
        return None  # 모두, 그것, 하나: no name
    morphs = analyse(name)
    if morphs and (morphs[0].tag in ("NP", "IC") or any(m.tag.startswith("V") and not m.oov for m in morphs)):
        return None  # "이름 뭐게", "이름이 뭐였어?" (뭐 alone reads as an interjection), "이름 불러": no name
    return doc.finding(Kind.PERSON, start, end, 0.6, "person.labelled", severity=Severity.REVIEW)


def _surname_and_foreign_given(doc: Doc, name: str) -> bool:
    """A Korean surname and a given name of three or four syllables Kiwi does not know, after a name
    label: a Western given name in Hangul ("한국말 이름 박빅또리아", "김알렉세이")."""
    surnames = doc.rules.gazetteers.surnames
    return len(name) <= 6 and any(
        name[:n] in surnames and 3 <= len(name) - n <= 4 and not known_word(name[n:]) for n in (1, 2)
    )


def find_slot_names(doc: Doc) -> list[Finding]:
    """Redact findings for long or glued names before a title, after a name label and before a
    closing at the end of a line."""
    found = [
        *(
            _finding(doc, m, True, "person.titled_double_surname")
            for m in _titled(doc.rules).finditer(doc.text)
        ),
        *(_labelled_finding(doc, m) for m in _labelled(doc.rules).finditer(doc.text)),
        *(_glued_label_finding(doc, m) for m in _glued_label(doc.rules).finditer(doc.text)),
        *(_foreign_label_finding(doc, m) for m in _FOREIGN_LABEL.finditer(doc.text)),
        *(
            doc.finding(Kind.PERSON, m.start(), m.end(), CONFIDENCE, "person.double_surname")
            for m in _RARE_DOUBLE.finditer(doc.text)
        ),
        *(_introduced_finding(doc, m) for m in _introduced(doc.rules).finditer(doc.text)),
        # Before a closing at the end of the letter Kiwi's reading is not believed: names made of
        # everyday words are read as verbs ("조은달래 드림": 달래다).
        *(_finding(doc, m, False, "person.closing", False) for m in _closing(doc.rules).finditer(doc.text)),
        *_surname_title_findings(doc),
        *_spaced_full_names(doc),
        *_split_self_names(doc),
        *_kin_topic_names(doc),
        *_spaced_names_glued_title(doc),
    ]
    return [f for f in found if f is not None]


def name_titles(rules: Rules, leave_out: frozenset[str]) -> frozenset[str]:
    """The titles of name_context.tsv that follow a name (titles, ranks, honorifics of two syllables
    or more), less ``leave_out``."""
    return frozenset(
        c.term
        for c in rules.gazetteers.name_context
        if c.position == "after"
        and c.kind in ("title", "rank", "honorific")
        and len(c.term) >= 2
        and c.term.isalpha()
        and c.term not in leave_out
    )


_SPACE_GAPS = (" ?", r"\s?")  # gaps that match only what no syllable is (words.trie_alternation)
_SYLLABLES = re.compile("[가-힣]+")


def loose_syllables(words: frozenset[str], gap: str = " ?") -> str:
    """An alternation of ``words`` (longest first) that OCR may have split between any two syllables
    (``gap`` between them)."""
    if gap in _SPACE_GAPS and words and all(_SYLLABLES.fullmatch(w) for w in words):
        return trie_alternation(words, gap)  # the same matches, found faster (see there)
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(gap.join(re.escape(ch) for ch in w) for w in ordered)


# What follows a title: a particle or copula opening (이셨지요, 라는, 한테), or no more Hangul.
_AFTER_TITLE = r"(?:[^가-힣]|$|[이가은는을를의에께도과와요랑만한하더처까다야라네입였으로인])"


def _title_surnames(rules: Rules) -> str:
    """The alternation of the one-syllable surnames a title may follow apart or glued: common enough
    (rank up to ``surname_title_max_rank``) and not an everyday word before a title (이, 전, 한)."""
    cfg = rules.config.names
    return alternation(
        s
        for s, rank in rules.gazetteers.surnames.items()
        if len(s) == 1 and 0 < rank <= cfg.surname_title_max_rank and s not in cfg.surname_title_stop_surnames
    )


@lru_cache(maxsize=4)
def _surname_titles(rules: Rules) -> tuple[re.Pattern[str], ...]:
    """ "최 권사님", "정 대위라는": a bare surname, a space and a title; "곽쌤이", "윤 쌤한테": a surname
    with a one-syllable title glued on or spaced off."""
    cfg = rules.config.names
    if cfg.surname_title_max_rank <= 0:
        return ()
    surnames = _title_surnames(rules)
    titles = loose_syllables(name_titles(rules, cfg.surname_title_not_titles))
    patterns = [re.compile(rf"(?<![가-힣])(?:{surnames}) (?:{titles})(?: ?님)?(?={_AFTER_TITLE})")]
    if cfg.surname_glued_titles:
        glued = alternation(cfg.surname_glued_titles)
        patterns.append(re.compile(rf"(?<![가-힣])(?:{surnames}) ?(?:{glued})(?={_AFTER_TITLE})"))
    return tuple(patterns)


def _surname_title_findings(doc: Doc) -> list[Finding]:
    """ "그때 형제를 데려온 분이 최 권사님이셨지요", "정 대위라는 사람", "장 사장 마누라", "우리 담임
    곽쌤이": a bare surname and a title name one person as those around them call them; the title goes
    with the surname."""
    not_pairs = doc.rules.config.names.surname_title_not_pairs
    found = (
        doc.finding(Kind.PERSON, m.start(), m.end(), CONFIDENCE, "person.surname_title")
        for pattern in _surname_titles(doc.rules)
        for m in pattern.finditer(doc.text)
        if not any(m.group().startswith(pair) for pair in not_pairs)
    )
    return [f for f in found if f is not None]


# "나는 … 출신 윤 철 호 임니다.", "김 성 국 이 다.", "배  정  환  교원 한테": a full name whose three
# syllables OCR or a typist set apart (one or two spaces each), then a copula that ends the sentence
# (split too), a title, or — after the speaker ("나 고 은 찬이") — a particle.
# (a lookahead, so that "나 최 은 혁이" is tried at 최 as well as at 나)
_SPACED_FULL = re.compile(
    r"(?<![가-힣])(?=([가-힣])( {1,2})([가-힣])\2([가-힣])"
    r"(?:(?P<particle>[이가은는])?(?![가-힣])|(?=이다|입니다|이야|이오|이요|일세|이올시다|입네다)))"
)
_SPACED_COPULA = re.compile(
    r"\s{0,2}(?:이\s?다|임\s?니\s?다|입\s?니\s?다|이\s?야|이\s?오|이\s?요|일\s?세|이\s?올\s?시\s?다|입\s?네\s?다)"
    r"(?:\s*(?:[.!?,]|$)|\s+(?=[가-힣]))"
)
_SPACED_SPEAKER = re.compile(
    r"(?:^|(?<=[\s,.]))(?:나|저|나\s{1,2}는|저\s{1,2}는|나는|저는|본인은|출신)\s{1,2}$"
)


@lru_cache(maxsize=4)
def _spaced_titles(rules: Rules) -> re.Pattern[str]:
    titles = loose_syllables(name_titles(rules, rules.config.names.surname_title_not_titles), r"\s?")
    return re.compile(rf"\s{{1,2}}(?:{titles})(?:\s?님)?(?={_AFTER_TITLE}|\s)")


_SPACED_PARTICLE = re.compile(r"\s{0,2}(?:[이가은는도의와과]|이\s?랑|랑)?\s*(?:[.!?,]|$|\s)")


def _kin_or_resident_before(doc: Doc, start: int, end: int) -> bool:
    """ "아버지 전 만 복 은 건강하시냐", "도쿄에 사는 량 미 향, …": a kinship word or a word saying
    where someone lives (resident_cues) just before the spaced name, and a particle (split off or
    not), a comma or the end after it."""
    before = doc.text[max(0, start - 12) : start].split()
    if not before:
        return False
    prev = before[-1]
    cues = frozenset(doc.rules.gazetteers.kinship) | frozenset(doc.rules.config.names.resident_cues)
    if prev not in cues:
        return False
    # "형님 민 문 은 …": a last syllable that is a particle itself is the particle of a shorter name
    particle_after = re.match(r"\s{0,2}[이가은는도의와과]", doc.text[end:]) is not None
    if doc.text[end - 1] in "이가은는도의와과" and not particle_after:
        return False
    return _SPACED_PARTICLE.match(doc.text, end) is not None


def _name_like(
    doc: Doc,
    surname: str,
    given: str,
    *,
    min_weight: int = 2,
    stop_surnames: bool = True,
    given_stop: bool = True,
) -> bool:
    """A common surname (rank within ``surname_title_max_rank``, not a stop surname unless
    ``stop_surnames`` is off), given syllables of at least ``min_weight`` as name syllables, and neither
    the whole nor the given part a word Kiwi knows or a stop word (the given part alone only when
    ``given_stop``): the checks every split-name slot below makes before it believes the syllables
    are a name."""
    gaz, cfg = doc.rules.gazetteers, doc.rules.config.names
    rank = gaz.surnames.get(surname, 0)
    if not 0 < rank <= cfg.surname_title_max_rank:
        return False
    if stop_surnames and surname in cfg.surname_title_stop_surnames:
        return False
    if not all(gaz.given_syllables.get(ch, 0) >= min_weight for ch in given):
        return False
    joined = surname + given
    stopped = joined in cfg.stop_words or (given_stop and given in cfg.stop_words)
    return not (known_word(joined) or known_word(given) or stopped)


@lru_cache(maxsize=4)
def _spaced_glued_title(rules: Rules) -> re.Pattern[str]:
    """ "우리 학교 리 은 별누나도": a full name spaced syllable by syllable with a form of address
    (slot_titles, two syllables or more) glued to its last syllable."""
    titles = alternation(t for t in rules.config.names.slot_titles if len(t) >= 2)
    return re.compile(
        rf"(?<![가-힣])([가-힣])( {{1,2}})([가-힣])\2([가-힣])(?:{titles})"
        r"(?=[^가-힣]|$|[이가은는을를의에께도과와랑한])"
    )


def _spaced_names_glued_title(doc: Doc) -> list[Finding]:
    """Full names of :func:`_spaced_glued_title` whose syllables are those of names."""
    found = []
    for m in _spaced_glued_title(doc.rules).finditer(doc.text):
        # this slot never held the given part alone against the stop words; it still does not
        if not _name_like(doc, m.group(1), m.group(3) + m.group(4), given_stop=False):
            continue
        f = doc.finding(Kind.PERSON, m.start(1), m.end(4), CONFIDENCE, "person.spaced_full_name")
        found += [f] if f is not None else []
    return found


# "나는 양강도 … 온 류병 식이다", "저는 김나 래에요", "… 태어난 손 병 호다": the speaker names
# themself at the end of the sentence with a full name OCR or a typist split at one or both syllable
# boundaries, then a copula (glued or spaced). Unspaced names are the names module's.
_SPLIT_SELF_NAME = re.compile(
    r"(?<![가-힣])([가-힣])(\s{0,2})([가-힣])(\s{0,2})([가-힣])"
    r"(?=\s{0,2}(?:이\s?다|다|이\s?오|오|이\s?에\s?요|에\s?요|예\s?요|입\s?니\s?다|이\s?야|야|이\s?라\s?네|라\s?네"
    r"|이\s?올\s?시\s?다|일\s?세|이\s?라\s?고|라\s?고)(?:\s*[.!?,~]|\s*$|\s))"
)
# The speaker earlier in the same sentence ("나는", "저 는", "본인은", "내는").
_SELF_SPEAKER = re.compile(
    r"(?:^|(?<=[\s,]))(?:나\s{0,2}는|저\s{0,2}는|난|전|내\s{0,2}는|본인은|本人은|소생은)(?=\s)"
)


def _split_self_names(doc: Doc) -> list[Finding]:
    """A full name split by spaces closing the speaker's sentence (see above): a common surname, given
    syllables typical of names, neither the whole nor the given part a word Kiwi knows."""
    text = doc.text
    found = []
    for m in _SPLIT_SELF_NAME.finditer(text):
        if not (m.group(2) or m.group(4)):
            continue  # unspaced: the names module reads it
        joined = m.group(1) + m.group(3) + m.group(5)
        if not _name_like(doc, m.group(1), joined[1:]):
            continue
        if _everyday_reading(joined, text, m.end(5)):
            continue  # "나는 … 잘 안 보인다": a verb split by OCR
        sentence = max(text.rfind(ch, 0, m.start()) for ch in ".!?\n") + 1
        if _SELF_SPEAKER.search(text, sentence, m.start()) is None:
            continue
        f = doc.finding(Kind.PERSON, m.start(1), m.end(5), CONFIDENCE, "person.split_self_name")
        found += [f] if f is not None else []
    return found


# "증조부는 이병목, 조부는 이상렬로 올라 있다", "딸은 조은 하, 사위는 석철 진이다": a kinship word as
# the topic, then a full name (perhaps split by OCR) closing its clause with a comma, the copula or 로.
_KIN_TOPIC_NAME = re.compile(
    r"(?<![가-힣])(?P<kin>[가-힣]{1,4})\s{0,2}[은는]\s{1,2}([가-힣])(\s{0,2})([가-힣])(\s{0,2})([가-힣])"
    r"(?=\s{0,2}(?:,|이\s?다|다|이\s?고|이\s?며|입\s?니\s?다|이\s?에\s?요|예\s?요|으?로|이\s?오|요)"
    r"(?![가-힣]))"
)


_VERBAL_TAGS = frozenset({"VV", "VA", "VX", "XSV", "XSA", "XR"})
_EVERYDAY_FIRST = frozenset({"NNG", "NNB", "NP", "MAG", "MM"})


def _everyday_reading(joined: str, text: str, end: int) -> bool:
    """Kiwi reads the joined syllables with the rest of their word (``text`` from ``end``) as a verb
    or an adjective ("안보인다", "조용하다"), or as a known everyday word of two syllables or more and
    its ending ("주말마다"): no name."""
    tail = re.match(r"[가-힣]*", text[end:])
    morphs = analyse(joined + (tail.group() if tail else ""))
    if any(mo.tag in _VERBAL_TAGS for mo in morphs):
        return True
    first = morphs[0] if morphs else None
    return first is not None and not first.oov and first.tag in _EVERYDAY_FIRST and len(first.form) >= 2


@lru_cache(maxsize=4)
def _place_names(rules: Rules) -> frozenset[str]:
    """The names and aliases of the gazetteers' places."""
    return frozenset(n for p in rules.gazetteers.places for n in (p.name, *p.aliases))


def _kin_topic_names(doc: Doc) -> list[Finding]:
    """A full name after a kinship word as the topic (see above): a common surname, given syllables
    typical of names (at least ``slot_kin_min_weight``), neither the whole nor the given part a word."""
    text, gaz = doc.text, doc.rules.gazetteers
    cfg = doc.rules.config.names
    found = []
    for m in _KIN_TOPIC_NAME.finditer(text):
        if m.group("kin") not in gaz.kinship:
            continue
        joined = m.group(2) + m.group(4) + m.group(6)
        if not _name_like(
            doc, m.group(2), joined[1:], min_weight=cfg.slot_kin_min_weight, stop_surnames=False
        ):
            continue
        if joined in _place_names(doc.rules):
            continue  # "언니는 강원도로 갔다"
        if _everyday_reading(joined, text, m.end(6)):
            continue  # "아버지는 조용하다", "남편은 주말마다": an adjective, a noun and a particle
        f = doc.finding(Kind.PERSON, m.start(2), m.end(6), CONFIDENCE, "person.kin_topic_name")
        found += [f] if f is not None else []
    return found


def _spaced_full_names(doc: Doc) -> list[Finding]:
    """Full names spaced syllable by syllable, in a slot that says they are one (see above)."""
    text, gaz = doc.text, doc.rules.gazetteers
    max_rank = doc.rules.config.names.surname_title_max_rank
    found = []
    for m in _SPACED_FULL.finditer(text):
        surname, given = m.group(1), m.group(3) + m.group(4)
        rank = gaz.surnames.get(surname, 0)
        if not 0 < rank <= max_rank or not all(gaz.given_syllables.get(ch, 0) >= 2 for ch in given):
            continue
        joined = surname + given
        if known_word(joined) or known_word(given) or joined in doc.rules.config.names.stop_words:
            continue
        end = m.end(4)
        if m.group("particle"):
            cued = _SPACED_SPEAKER.search(text[max(0, m.start() - 8) : m.start()]) is not None
        else:
            cued = (
                _SPACED_COPULA.match(text, end) is not None
                or _spaced_titles(doc.rules).match(text, end) is not None
                or (
                    _SPACED_SPEAKER.search(text[max(0, m.start() - 8) : m.start()]) is not None
                    and re.match(r"\s{0,2}[이가은는](?![가-힣])", text[end:]) is not None
                )
            )
        cued = cued or _kin_or_resident_before(doc, m.start(), end)
        if cued:
            f = doc.finding(Kind.PERSON, m.start(1), end, CONFIDENCE, "person.spaced_full_name")
            found += [f] if f is not None else []
    return found

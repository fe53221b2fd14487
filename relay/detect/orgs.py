"""Organisations: schools, workplaces, state bodies and churches, named in ``orgs_named.tsv`` or made of a
stem and a suffix from ``orgs.tsv`` (회령제1고급중학교, 무산광산, 혜산시인민위원회).

A suffix alone is an everyday word ("대학 생활", "공장에서 일했다"), and so is a stem that is an
everyday noun (신발공장, 기차역): neither identifies anyone. The stem has to be a place, a proper noun,
a word Kiwi does not know, or carry a number (제1).

An organisation runs on over what names it with it: the town before it ("함흥 2.8비날론련합기업소",
"서울 목동 사랑의교회"), a branch or site after it ("삼성전자 기흥사업장"), and, when OCR damaged its
ending ("회령제1고급중학굔"), the name before the damaged ending.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from itertools import pairwise

from relay.detect.damaged import (
    VILLAGE,
    SuffixIndex,
    everyday_damaged,
    everyday_with_grammar,
    locality_stems,
    suffix_index,
    titles,
)
from relay.detect.document import Doc, Span, hangul_only
from relay.detect.hanja import initial_sound
from relay.detect.lexicon import key_of
from relay.detect.morph import Morpheme, analyse, may_read_alone_as
from relay.detect.patterns import find_patterns
from relay.detect.places import aligned, tail_ok
from relay.detect.rules import Rules
from relay.detect.spaced_orgs import LETTER_SPACED, find_letter_spaced_orgs
from relay.detect.spelled_orgs import find_spelled_orgs
from relay.detect.words import Evidence, TermSet, alternation, evidence, fuzzy_ok, strip_particles
from relay.model import Finding, Kind, Severity

_WORD = re.compile("[가-힣0-9]+")


@lru_cache(maxsize=8)
def _copula_endings(rules: Rules) -> tuple[str, ...]:
    """``orgs.copula_endings``, longest first (이라서 before 라서)."""
    return tuple(sorted(rules.config.orgs.copula_endings, key=len, reverse=True))


# Pure in the word and the rules, and asked for the same words by several rules of a page (some seven
# hundred calls a page for a few hundred words): remembered. Bounded.
@lru_cache(maxsize=1 << 14)
def _without_copula(core: str, rules: Rules) -> str:
    """``core`` without the copula's ending strip_particles leaves on a name given as a predicate
    ("달빛다방인데", "한빛물류라서", "새날식품이고") when what is left ends in an organisation's ending;
    else ``core`` unchanged."""
    for ending in _copula_endings(rules):
        if core.endswith(ending) and _suffix_of(core[: -len(ending)], rules):
            return core[: -len(ending)]
    return core


_STRONG = (Evidence.PROPER, Evidence.UNKNOWN, Evidence.FRAGMENT)


@lru_cache(maxsize=8)
def _suffixes(rules: Rules) -> tuple[frozenset[str], tuple[int, ...]]:
    suffixes = frozenset(s for s in rules.gazetteers.org_suffixes if s)
    return suffixes, tuple(sorted({len(s) for s in suffixes}, reverse=True))


@lru_cache(maxsize=8)
def _any_of(words: tuple[str, ...]) -> re.Pattern[str]:
    """A regex finding any of ``words``: a quick test before the loops that try them one by one."""
    return re.compile(alternation(words))


@lru_cache(maxsize=1 << 14)  # as _without_copula
def _without_glued_verb(core: str, rules: Rules) -> str:
    """``core`` without a verb glued on by a lost space ("한누리학교다녀요" -> 한누리학교), when what is
    left ends in an organisation's ending; else ``core`` unchanged."""
    if _any_of(rules.config.orgs.glued_verbs).search(core, 3) is None:
        # Or any word glued after the ending and 에서 ("교회에서목사", "學校에서三十年"): the space OCR lost
        # after the particle; what is before 에서 is read as if the space were there.
        at = core.rfind("에서", 3)
        if 0 < at < len(core) - 2 and _suffix_of(core[:at], rules):
            return core[:at]
        return core  # most words hold no verb of attending at all
    for verb in rules.config.orgs.glued_verbs:
        at = core.find(verb, 3)
        if at > 0 and _suffix_of(core[:at], rules):
            return core[:at]
        # "유리공장에서일했어요": a particle between the ending and the verb, the spaces lost.
        head = core[:at] if at > 0 else ""
        particle = next((p for p in _WORKPLACE_PARTICLES if head.endswith(p)), "")
        if particle and _suffix_of(head[: -len(particle)], rules):
            return head[: -len(particle)]
    return core


@lru_cache(maxsize=1 << 14)  # as _without_copula
def _before_glued_verb(word: str, rules: Rules) -> str:
    """``word`` before a verb of attending or working glued on with its particle ("학교에다녀" -> 학교),
    whatever is left; else ``word`` unchanged. For a piece of a suffix OCR split off ("한국해양대
    학교에다녀"), which is no organisation's name on its own."""
    for verb in rules.config.orgs.glued_verbs:
        at = word.find(verb, 1)
        if at > 0:
            head = word[:at]
            particle = next((p for p in _WORKPLACE_PARTICLES if head.endswith(p) and len(head) > len(p)), "")
            return head[: len(head) - len(particle)]
    return word


# Particles of place that come between a workplace and a verb of working or attending (에서, 에).
_WORKPLACE_PARTICLES = ("에서", "에", "을", "를")


# "서울대 정치외교학과", "이화여대 북한학과": a university by its short name (X대) and a department or
# school of it. The department alone ("북한학과") is a subject many universities teach; with the
# university it is one small class of people.
_DEPARTMENT = re.compile(r"(?<![가-힣])([가-힣]{1,5}대) ?([가-힣]{1,8}?(?:학과|학부|대학원))")


def _departments(doc: Doc) -> Iterable[Finding | None]:
    """A university's short name then one of its departments. The short name must not be an everyday
    word ending in 대 (시대, 세대, 군대, 반대): Kiwi does not read it as one common noun."""
    cfg = doc.rules.config.orgs
    for m in _DEPARTMENT.finditer(doc.text):
        everyday = evidence(doc, m.start(1), m.end(1)) in (Evidence.COMMON, Evidence.PREDICATE)
        if len(m.group(1)) < 2 or everyday:
            continue
        yield doc.finding(Kind.ORG, m.start(1), m.end(2), cfg.confidence_proper_stem, "org.department")


# 카는 is the south-eastern (Gyeongsang) 라는 ("동출조선 카는 회사").
_CALLED = re.compile(r"([가-힣A-Za-z]{2,12}?)(?: ?이| )?(?:라|카)는 ?([가-힣]{1,6})")
# A name a family's shop goes by: the owner's name and 네 ("꽃님이네", "영희네"), which Kiwi reads as a
# copula and an ending.
_FAMILY_SHOP = re.compile(r"[가-힣]{1,4}(?:이)?네")


def _called(doc: Doc) -> Iterable[Finding | None]:
    """ "넥스플로우라는 회사에서", "미나미 불고기라는 고깃집": a word Kiwi does not know or reads as a proper
    noun, introduced as the name of a firm, shop, school or church (``orgs.called_nouns``; a noun ending
    in one of them too: 옷가게 in 가게). A name made of an everyday word (불고기) takes the proper noun
    written right before it ("미나미 불고기"); a family's shop is called by a name and 네 ("꽃님이네").
    Everyday words alone ("좋은 곳이라는 회사", "무역이라는 일") are left alone."""
    cfg = doc.rules.config.orgs
    for m in _CALLED.finditer(doc.text):
        noun, _ = strip_particles(m.group(2), doc)
        between = not _called_noun(noun, cfg.called_nouns, _copula_endings(doc.rules))
        if between and not _called_noun_after(doc, m, noun):
            continue
        if not doc.at_word_start(m.start(1)):
            continue
        name = m.group(1)
        if name in doc.rules.config.names.stop_words or name in cfg.company_stem_stop:
            continue
        if name in cfg.called_nouns or name in doc.rules.config.places.unknown_stem_stop:
            continue  # "회사라는 회사": the noun itself
        ev = evidence(doc, m.start(1), m.end(1))
        start = m.start(1)
        prev = doc.word_at(start - 2) if start >= 2 and doc.text[start - 1] == " " else None
        prev_named = (
            prev is not None
            and prev.end == start - 1
            and evidence(doc, prev.start, prev.end) in (Evidence.PROPER, Evidence.UNKNOWN)
            and not strip_particles(prev.text, doc)[1]
            and prev.text not in doc.rules.config.names.stop_words
        )
        if ev not in (Evidence.PROPER, Evidence.UNKNOWN) and _place_named(doc, start, m.end(1)):
            ev = Evidence.PROPER  # "연변양꼬치라는 식당": a town and what the shop sells
        if between and len(name) >= _MIN_BETWEEN_NAME and hangul_only(name) and not _one_common_noun(name):
            ev = Evidence.PROPER  # "별빛모바일이라는 휴대폰 가게": words glued into one name
        if ev not in (Evidence.PROPER, Evidence.UNKNOWN):
            family = _FAMILY_SHOP.fullmatch(name) is not None and len(name) >= 3
            if prev_named and prev is not None and ev is Evidence.COMMON:
                start = prev.start  # "미나미 불고기라는": a proper noun and an everyday one
            elif not family:
                continue
        elif prev_named and prev is not None:
            start = prev.start  # "사쿠라 라멘이라는": two words of a name
        yield doc.finding(Kind.ORG, start, m.end(1), cfg.confidence_workplace, "org.called")


# Words between 라는 and the noun for a shop or firm that say what it sells or how big it is ("X라는
# 휴대폰 가게", "X이라는 작은 식당"): the noun after them says what the name names.
_MIN_BETWEEN_NAME = 4  # syllables of a glued name before "라는 휴대폰 가게"
_CALLED_BETWEEN = frozenset(
    (
        "작은",
        "조그만",
        "조그마한",
        "자그마한",
        "큰",
        "새",
        "동네",
        "휴대폰",
        "핸드폰",
        "폰",
        "옷",
        "반찬",
        "과일",
        "채소",
        "야채",
        "정육",
        "생선",
        "중고",
        "전자",
        "건설",
        "물류",
        "무역",
        "용접",
        "인테리어",
        "청소",
        "배달",
        "택배",
        "운송",
        "식품",
        "수산",
        "부동산",
        "인력",
        "컴퓨터",
        "통신",
        "꽃",
        "빵",
        "떡",
        "한식",
        "중국",
        "냉면",
        "국수",
        "순대",
        "치킨",
        "분식",
        "고기",
        "작은작은",
        "하청",
        "협력",
        "협력업체",
        "중소",
    )
)


def _called_noun_after(doc: Doc, m: re.Match[str], noun: str) -> bool:
    """``noun`` right after 라는 is one of :data:`_CALLED_BETWEEN` and the next word, one space away, is a
    noun for a firm or shop (``orgs.called_nouns``): "별빛폰이라는 휴대폰 가게를"."""
    if m.group(2) not in _CALLED_BETWEEN and (noun not in _CALLED_BETWEEN or m.group(2) != noun):
        return False
    nxt = doc.word_at(m.end(2) + 1) if doc.text[m.end(2) : m.end(2) + 1] == " " else None
    if nxt is None or nxt.start != m.end(2) + 1:
        return False
    after, _ = strip_particles(nxt.text, doc)
    return _called_noun(after, doc.rules.config.orgs.called_nouns, _copula_endings(doc.rules))


# The copula after the noun in the north's and older writers' speech ("X라는 식당이오", "X라는 회사요"),
# which strip_particles leaves on.
_NOUN_COPULAS = ("이오", "이요", "이우", "요", "오")


def _called_noun(noun: str, nouns: tuple[str, ...], copulas: tuple[str, ...] = ()) -> bool:
    """``noun`` ends in one of ``nouns``, or does before a copula of :data:`_NOUN_COPULAS` or
    ``copulas`` ("통일나래라는 동아리인데")."""
    if noun.endswith(nouns):
        return True
    return any(noun.endswith(c) and noun[: -len(c)].endswith(nouns) for c in (*_NOUN_COPULAS, *copulas))


_MIN_AFTER_PLACE = 2  # syllables of the word glued after the town


def _place_named(doc: Doc, start: int, end: int) -> bool:
    """The word ``[start, end)`` is a listed place glued to an everyday word of two syllables or more
    ("청진순대", "연변양꼬치"): introduced as a shop's or firm's name, the town makes it one shop, where
    the everyday word alone (순대라는 식당) would not."""
    return any(start + 2 <= e <= end - _MIN_AFTER_PLACE for e in doc.places_starting(start))


# A group whose name is a phrase, introduced as one ("통일을 여는 청년들이라는 동아리", "평화를 잇는
# 다리라는 단체"): a word, a verb's adnominal form (여는, 꿈꾸는, 잇는) and a noun, then 이라는 and a word
# for a group.
_CALLED_PHRASE = re.compile(
    r"(?<![가-힣])([가-힣]{1,6} [가-힣]{1,4}(?:는|던|은|할) [가-힣]{1,6}?)(?:이)?라는 ?"
    r"(?:동아리|단체|시민단체|모임|봉사단|봉사모임|선교회|협회|재단|센터|기관|비영리단체|연대|네트워크|NGO)"
)


def _called_phrases(doc: Doc) -> Iterable[Finding | None]:
    """See ``_CALLED_PHRASE``: the middle word must be a verb's adnominal form to Kiwi, the last a noun;
    review, as a phrase name is made of everyday words."""
    for m in _CALLED_PHRASE.finditer(doc.text):
        words = m.group(1).split(" ")
        verb, noun = words[-2], words[-1]
        if strip_particles(noun, doc)[1] and not noun.endswith("들"):
            continue
        v_start = m.start(1) + len(words[0]) + 1
        parts = doc.morphemes_in(v_start, v_start + len(verb))
        # An object before it makes the word a verb even where Kiwi reads a pronoun (여는: 여 + 는).
        if not (parts and parts[-1].tag.startswith("ETM")) and not words[0].endswith(("을", "를")):
            continue
        tail = analyse(noun)
        if not tail or not tail[0].tag.startswith("NN"):
            continue
        yield doc.finding(
            Kind.ORG,
            m.start(1),
            m.end(1),
            doc.rules.config.orgs.confidence_compound_stem,
            "org.called_phrase",
            severity=Severity.REVIEW,
        )


# A school by its short name and attendance ("새솔고 다니는데", "한국외대 다녀", "햇빛중 졸업"): the name
# is not an everyday word (군대, 시대, 최고), and Kiwi calls what stands before the ending a proper noun or
# does not know it.
_SHORT_SCHOOL = re.compile(
    r"(?<![가-힣])([가-힣]{2,8}?(?:외대|여대|교대|공대|의대|여고|여중|고|대|중|초))"
    r"(?:에|를|을|에서)? ?(?=다니|다녀|다녔|다닌|졸업|입학|합격|학생|나왔|나온|다닐|[0-9일이삼사오육] ?학 ?년"
    # Its teacher, named or not ("한국외대 이나래 교수", "부경대 교수님").
    r"|(?:[가-힣]{2,4} )?(?:교수|강사|총장|학장|조교)(?![가-힣]*(?:법|진|실))"
    # Its club or team ("진접중 축구부야", "X고 방송부에서") and a department the writer attends ("한국외대
    # 러시아어과 다니는").
    r"|[가-힣]{2,3}부(?=야|원|예요|이에요|입니다|이고|에서|\s|$|[.,!?])"
    r"|[가-힣]{1,6}(?:어과|학과|학부|교육과) (?:다니|다녀|다녔|다닌|졸업|입학|학생|[0-9일이삼사] ?학년)"
    # Its hospital, under its own name or none ("가천대 길병원", "고려대 안암병원", "경희대 병원"): taken
    # in by ``_suffix_word_after``.
    r"|[가-힣]{0,6}(?:병원|의료원)(?=[^가-힣]|[가-힣]{0,3}(?:[^가-힣]|$)))"
)
_SHORT_SCHOOL_ENDS = ("외대", "여대", "교대", "공대", "의대", "여고", "여중", "고", "대", "중", "초")


def _stem_stops(doc: Doc) -> tuple[frozenset[str], ...]:
    """The everyday words that are no organisation's name stem (companies, places, spaced names)."""
    cfg = doc.rules.config
    return (cfg.orgs.company_stem_stop, cfg.places.unknown_stem_stop, cfg.orgs.spaced_stem_stop)


def _short_schools(doc: Doc) -> Iterable[Finding | None]:
    """See ``_SHORT_SCHOOL``."""
    cfg = doc.rules.config
    stops = (cfg.names.stop_words, *_stem_stops(doc))
    for m in _SHORT_SCHOOL.finditer(doc.text):
        name = m.group(1)
        if not doc.at_word_start(m.start(1)) or any(name in stop for stop in stops):
            continue
        whole = evidence(doc, m.start(1), m.end(1))
        if whole is Evidence.COMMON:
            continue
        if whole is Evidence.PROPER:
            yield doc.finding(
                Kind.ORG, m.start(1), m.end(1), cfg.orgs.confidence_workplace, "org.short_school"
            )
            continue
        ending = next(e for e in _SHORT_SCHOOL_ENDS if name.endswith(e))
        stem = name[: -len(ending)]
        if len(stem) < 2 or any(stem in stop for stop in stops):
            continue
        stem_ev = evidence(doc, m.start(1), m.start(1) + len(stem))
        if stem_ev not in _STRONG and not _is_place(doc, m.start(1), m.start(1) + len(stem)):
            continue
        yield doc.finding(Kind.ORG, m.start(1), m.end(1), cfg.orgs.confidence_workplace, "org.short_school")


# Shops and restaurants named before what they sell ("향남손칼국수", "두만강순대국", "대동강면옥"): the
# dish alone is an everyday word and a dish after a place is a kind of food (평양냉면), so the name counts
# only with a word after it that says it is a business (see ``_SHOP_CUES``). Endings: orgs.shop_endings.
_SHOP_CUES = re.compile(
    r"(?:을|를|이|가|에서|에|은|는)? ?(?:하[는고며시신셨십세셔면니던오우누]|한다|한단|합니다|해요|했|운영|"
    r"한 지|차렸|차린|개업|주방|사장|직원|종업원|주인|일하|일해|일했|일을|알바|설거지|서빙|다녀|다니|"
    r"이라고|라고|이라는|라는|이란|란|"
    # Delivering for it, opening it ("X떡볶이에서 배달을 한다", "X닭갈비를 열었다").
    r"배달(?:을|일|하|해|한|도|만| 일| 알바)|열었|열어|문을 열|"
    # A post held there ("X랭면관에서 요리사로", "X식당에서 봉사원으로", "X에서 복무원"): after 에서
    # only, as a dish before the word for a cook ("평양냉면 요리사") is what he cooks.
    r"(?:(?<=에서 )|(?<=에서))(?:요리사|조리사|봉사원|복무원|접대원|종업원|계산원|지배인|주방장|매니저))"
)
# After a restaurant named by an everyday word (진달래식당): the writer ran it or holds a post in it ("X식당
# 하던", "X식당을 했다", "X식당 주방장", the old "X식당을 하오"). Not 하고 ("and"), nor a job there,
# which any canteen gives.
_RAN_CUES = re.compile(
    r"(?:을|를|은|는)? ?(?:하[는던며셨신시십세셔오우누]|하고 있|한다|한단|합니다|해요|했|운영|차렸|차린|개업|"
    r"한 지|주방|사장|주인)"
)


@lru_cache(maxsize=8)
def _shop_endings(rules: Rules) -> tuple[str, ...]:
    """``orgs.shop_endings``, longest first (순대국밥 before 국밥)."""
    return tuple(sorted(rules.config.orgs.shop_endings, key=len, reverse=True))


def _shop_words(doc: Doc) -> Iterable[tuple[int, str, int]]:
    """Each word (its start, text and the length of its own part) and, where OCR split a shop's ending
    ("대동강면 옥주방장"), the word with the next one glued on: only endings across the space count there."""
    words = list(_WORD.finditer(doc.text))
    for i, w in enumerate(words):
        yield w.start(), w.group(), len(w.group())
        if i + 1 < len(words) and words[i + 1].start() == w.end() + 1:
            yield w.start(), w.group() + words[i + 1].group(), len(w.group())


# A shop's branch named in Latin letters after it, where it is ("서울가든 Sukhumvit", "고향식당 Myeongdong"):
# one capitalised word, then the cue that the writer works or ran it there.
_LATIN_BRANCH = re.compile(r" [A-Z][a-z]{2,15}(?![A-Za-z])")


def _shops(doc: Doc) -> Iterable[Finding | None]:
    """See ``_SHOP_CUES``."""
    cfg = doc.rules.config
    # Not the names' stop words: a shop is named after 고향 ("home town") as readily as after a person.
    stops = _stem_stops(doc)
    endings = _shop_endings(doc.rules)
    for start, word, own in _shop_words(doc):
        if _any_of(endings).search(word, 2) is None:
            continue  # no shop's ending anywhere in the word
        for ending in endings:
            at = word.find(ending, 2)
            # Across the space: an ending OCR split, or a whole ending written after its name
            # ("금달래 냉면관에서 주방장", "마루킨 반찬가게에서 일해").
            spaced = own < len(word) and at == own
            if at < 2 or (own < len(word) and not at < own < at + len(ending) and not spaced):
                continue
            stem = word[:at]
            kind_stem = stem in doc.rules.config.orgs.shop_kind_stems
            if spaced and (kind_stem or not _shop_name_word(doc, start, at)):
                break  # "중국 식당에서", "동네 국수집": what kind of shop, not which
            # A space OCR put inside the ending shifts the end by one.
            end = start + at + len(ending) + (1 if own < len(word) else 0)
            if len(stem) > 6 or any(stem in stop for stop in stops) or stem.isdigit():
                break
            named = not spaced and _shop_named_before(doc, start)
            branch = _LATIN_BRANCH.match(doc.text, end)
            if branch is not None and _SHOP_CUES.match(doc.text, branch.end()):
                end = branch.end()  # "서울가든 Sukhumvit에서 주방 일": the branch in Latin letters
            elif not _SHOP_CUES.match(doc.text, end) and not named:
                break
            ev = evidence(doc, start, start + at)
            place = _is_place(doc, start, start + at)
            everyday_name = named and ending in cfg.orgs.named_shop_endings and not kind_stem
            named_here = _named_shop(doc, stem, ending, end) or (everyday_name and _one_common_noun(stem))
            # "맑은물세탁소를 하고 있다": the writer runs it, so a stem of two syllables or more that is no
            # kind of shop is its name, whatever Kiwi reads it as.
            ran = (
                not spaced
                and not kind_stem
                and len(stem) >= 2
                and ending.endswith(cfg.orgs.shop_place_endings)
                and _RAN_CUES.match(doc.text, end) is not None
            )
            if ev not in _STRONG and not place and not named_here and not ran:
                break
            yield doc.finding(Kind.ORG, start, end, cfg.orgs.confidence_workplace, "org.shop")
            break


def _shop_named_before(doc: Doc, start: int) -> bool:
    """The word before ``start`` is the word for a shop as the topic or subject ("가게는 아리랑랭면관이다",
    "식당이 고향면옥이에요"): the word at ``start`` is that shop's name."""
    word = _word_before(doc, start)
    if word is None:
        return False
    core, ending = strip_particles(word.text, doc)
    cfg = doc.rules.config.orgs
    return ending in ("은", "는", "이", "가") and core.endswith((*cfg.called_nouns, *cfg.name_before_nouns))


# Kinds of landmark North Korea's restaurants at home and abroad are named after (금강산식당, 대동강식당).
_NAMING_FEATURES = frozenset({"mountain", "river", "lake", "waterfall", "island", "plateau"})


def _landmark_shops(doc: Doc) -> Iterable[Finding | None]:
    """A restaurant named after a mountain or river, its ending written apart ("금강산 식당", OCR's "금강
    산 식당", "대동강 랭면관"): a landmark of those kinds ending one space before a word of
    ``orgs.named_shop_endings``."""
    cfg = doc.rules.config.orgs
    for w in doc.words:
        core, _ = strip_particles(w.text, doc)
        if core not in cfg.named_shop_endings or w.start < 2 or doc.text[w.start - 1] != " ":
            continue
        for m in doc.exact_matches:
            s, e = doc.spaced_span(m.start, m.end)
            if e != w.start - 1:
                continue
            if any(x.kind is Kind.PLACE and x.level in _NAMING_FEATURES for x in m.entries):
                yield doc.finding(Kind.ORG, s, w.start + len(core), cfg.confidence_workplace, "org.shop")
                break


def _shop_name_word(doc: Doc, start: int, length: int) -> bool:
    """The word before a shop's ending written apart names the shop: Kiwi calls it a proper noun or
    does not know it (금달래, 마루킨), or it is a family's shop (성룡이네); never a word with a particle."""
    if _FAMILY_SHOP.fullmatch(doc.text, start, start + length):
        return True
    if strip_particles(doc.text[start : start + length], doc)[1]:
        # "코리아나 마트": Kiwi reads the whole word as one proper noun; its end only looks like a particle.
        return _proper_or_unknown_alone(doc.text[start : start + length])
    return evidence(doc, start, start + length) in _STRONG


def _named_shop(doc: Doc, stem: str, ending: str, end: int) -> bool:
    """An everyday word of two syllables or more names a restaurant (진달래식당, 고향면옥) when the writer
    ran it or works there (``_RAN_CUES``) and the word is no kind of restaurant (orgs.shop_kind_stems:
    기사식당, 구내식당)."""
    orgs = doc.rules.config.orgs
    return (
        ending in orgs.named_shop_endings
        and stem not in orgs.shop_kind_stems
        and _one_common_noun(stem)
        and _RAN_CUES.match(doc.text, end) is not None
    )


# An organisation's name in Latin letters, glued to a Korean particle ("Liberty Bridge Korea에서"): two
# capitalised words or more, the last one a word organisations end with or the city or country they
# work in.
_LATIN_ORG = re.compile(
    # After its first capitalised word, the lower-case words that join a name's words in English, German
    # and French ("Stimme für Nordkorea e.V.", "Friends of Korea", "Maison de la Corée").
    r"(?<![A-Za-z])((?:[A-Z][A-Za-zÀ-ÿ&'.-]*\s)"
    r"(?:(?:[A-Z][A-Za-zÀ-ÿ&'.-]*|&|für|fur|of|and|the|for|de|du|des|la|le|der|die|das|von|van|et)\s){0,4}"
    r"(?:Korea|Nordkorea|Foundation|Center|Centre|Church|Mission|Network|"
    r"Society|Association|Alliance|Union|Institute|Fund|Project|Group|Bridge|Hope|Ministry|Ministries|"
    r"Company|Corporation|Inc|Ltd|University|College|School|Academy|Coalition|Council|Committee|Watch|"
    r"International|Initiative|Partners|Agency|Service|Services|Bank|Market|Restaurant|Cafe|Farm|Factory|"
    # Hospitals, labs, ensembles and firms by their trade ("Emory University Hospital", "Hanbit Logistics").
    r"Hospital|Clinic|Hospice|Laboratory|Laboratories|Lab|Labs|Orchestra|Choir|Logistics|Motors|"
    r"Electronics|Systems|Solutions|Technologies|Industries|"
    # Law firms and German associations ("Lee & Moon Immigration Law", "Korea Verband", "X e.V.").
    r"Law|LLP|LLC|Associates|Verband|Verein|Stiftung|GmbH|e\.V|"
    # The association's mark glued to its last word by a lost space ("Nordkoreae.V.").
    r"[A-Z][A-Za-zÀ-ÿ]*e\.V|"
    # Groups named for the city they work in ("Korean Hearts Kyiv", "Liberty Seoul").
    r"Kyiv|Kiev|Seoul|Ukraine|USA|Japan|Tokyo|"
    # Hotels and inns, where a worker abroad is found ("Al Noor Grand Hotel 주방에서 일한다").
    r"Hotel|Hotels|Inn|Resort|Motel|Hostel|"
    # Grocers and shops a migrant works at ("Korean Food Mart", "Seoul Plaza Supermarket"), and a
    # veterans' or legion's post by its number ("VFW Post 8541", "American Legion Post 45").
    r"Mart|Supermarket|Grocery|Store|Foods|Post\s[0-9lIO][0-9lIO]{0,4})"
    r"\.?)(?=에서|에게|의|와|과|을|를|에|은|는|이|가|로|으로|라는|이라는|인|입|\s|$)"
)


# A café, restaurant or hotel named after its kind in English ("Café Namsan Steps", "Hotel Arirang"): the
# capitalised words after the kind are its name, where the writer meets or works.
_LATIN_SHOP = re.compile(
    r"(?<![A-Za-z])((?:Café|Cafe|Caffe|Coffee|Restaurant|Hotel|Bakery|Bistro|Studio|Salon|"
    # The same in German, French and Russian romanised: a hospital, clinic, school or church and its
    # name after it ("Krankenhaus Westend", "Klinikum Neukölln", "Hôpital Saint-Louis").
    r"Krankenhaus|Klinikum|Klinik|Universität|Hochschule|Gymnasium|Grundschule|Kirche|Gemeinde|"
    r"Hôpital|Hopital|Clinique|Université|Lycée|École|Ecole|Église|Eglise|"
    # A state university system and its campus ("UC Irvine", "SUNY Albany").
    r"UC|CSU|SUNY|CUNY)"
    r"(?:\s[A-Z][A-Za-zÀ-ÿ&'.-]*){1,4})(?![A-Za-z])"
)


# An institution named "X of Y" ("University of Manchester", "Bank of America", "Church of the Nazarene"):
# the word for the institution, of, and capitalised words after it.
_LATIN_OF = re.compile(
    r"(?<![A-Za-z])((?:[A-Z][A-Za-z&'.-]*\s){0,3}(?:University|College|Institute|School|Academy|Bank|"
    r"Church|Ministry|Department|Museum|Hospital|Council|Society|Association|Federation|Conservatory)"
    r"\sof\s(?:the\s)?[A-Z][A-Za-z&'.-]*(?:\s[A-Z][A-Za-z&'.-]*){0,3})(?![A-Za-z])"
)


# Capitalised Latin words introduced as an organisation's name ("Liberty BridgeKorea라는 NGO", "Open
# Doors라는 단체"): whatever the last word, the noun after 라는 says what they name.
_LATIN_CALLED = re.compile(
    r"(?<![A-Za-z])([A-Z][A-Za-z&'.-]*(?:\s[A-Z][A-Za-z&'.-]*){0,5})\s?(?:이)?라는\s?"
    r"(?:NGO|NPO|단체|기관|회사|재단|교회|센터|학교|선교회|모임|협회|시민단체|비영리|정비소|공장|식당|가게|병원|업체)"
)


# Sports clubs: a town's football club ("구리FC", "수원 FC") and the North Korean clubs named after a
# date ("4.25체육단", OCR-split "4.25체 육단"), with the youth team after them ("구리FC 유소년팀"): a
# coach's or a young player's club names a small circle.
_CLUB = re.compile(
    r"(?<![가-힣A-Za-z0-9.])((?:[가-힣]{2,6} ?(?:FC|에프씨)|\d{1,2}\.\d{1,2} ?체 ?육 ?단)"
    r"(?: ?(?:유소년 ?팀|유소년부|유스 ?팀|U-?\d{2}))?)(?![A-Za-z])"
)


def _clubs(doc: Doc) -> Iterable[Finding | None]:
    """See ``_CLUB``; a Hangul stem must not be a word saying whose or which (우리, 그), nor a word with
    a particle before the club's name."""
    stops = doc.rules.config.places.unknown_stem_stop
    for m in _CLUB.finditer(doc.text):
        stem = re.split(r" ?(?:FC|에프씨)", m.group(1), maxsplit=1)[0]
        spaced = m.group(1)[len(stem) : len(stem) + 1] == " "
        if stem in stops or stem in doc.rules.config.names.stop_words:
            continue
        if spaced and strip_particles(stem, doc)[1]:
            continue  # "손흥민이 FC서울": a subject before another club's name
        yield doc.finding(
            Kind.ORG, m.start(1), m.end(1), doc.rules.config.orgs.confidence_proper_stem, "org.club"
        )


# Firms and bodies written in Chinese or Japanese characters: a name and a legal or trade ending
# ("威海盛海水产有限公司", "東京韓国学校"), or a legal form and the name after it ("NPO法人 虹の架け橋",
# "株式会社 ミライ").
_CJK = "\u4e00-\u9fff\u3040-\u30ff"
_CJK_ORG = re.compile(
    f"((?:(?:[{_CJK}]{{2,10}} [{_CJK}]{{0,20}}|[{_CJK}]{{1,20}})"
    f"(?:股份有限公司|有限公司|公司|集团|集團|株式会社|有限会社|协会|協会|學校|学校|大学|大學|病院|医院|醫院|銀行|银行|工厂|工場|教会|教會|教堂|研究所|"
    # Schools, shops, restaurants and workshops in China ("延边第二中学", "华侨商行", "金达莱 修理部").
    f"中学|中學|小学|小學|高中|初中|商行|商店|商场|商贸|贸易|修理部|门市部|服务部|批发部|经销部|饭店|饭馆|餐厅|酒店|"
    f"酒家|宾馆|旅馆|"
    # Halls, canteens, classes and associations of Koreans in Japan ("東成コリア交流会館", "生野韓国語教室").
    f"会館|會館|会馆|食堂|教室|商会|商會|組合|センター|"
    f"超市|农场|煤矿|矿业|办事处|分公司)"
    # A shop or hall by the one character ("高山キムチ店", "大成館"): a name of two characters or more before
    # it, so that 書店 or 本店 alone, the kind of shop, is not one.
    f"|[{_CJK}]{{2,20}}(?:店|館|馆))"
    f"|(?:(?:NPO|一般社団|一般財団|公益社団|公益財団|社会福祉|学校|宗教|医療)?法人"
    f"|株式会社|有限会社) ?[{_CJK}]{{2,20}})"
)
# Firms written in Cyrillic: a legal form before the name ("ООО Восток"), or a capitalised name before a
# Korean word for a firm ("Восток-Строй 건설회사로").
_CYRILLIC_ORG = re.compile(
    # Russian, Kazakh (ТОО) and Kyrgyz (ОсОО) legal forms, the name up to four words ("ТОО Кореан Трейд").
    r"((?:ООО|ОАО|ЗАО|ПАО|АО|ИП|ТОО|ОсОО|ЧП|ЧТУП|ТОВ) ?[«\"]?[А-ЯЁ][А-ЯЁа-яё-]{1,20}"
    r"(?: [А-ЯЁ][А-ЯЁа-яё-]{1,20}){0,3}[»\"]?"
    r"|[А-ЯЁ][А-ЯЁа-яё]{1,20}(?:[- ][А-ЯЁ][А-ЯЁа-яё]{1,20}){0,2}"
    r"(?= (?:[가-힣]{0,4}(?:회사|기업|업체|공장|농장))))"
)


# A newspaper abroad by its name in Latin or Cyrillic letters, the word for a paper among capitalised
# words ("Gazeta Wyborcza", "Новая газета Европа", "Frankfurter Allgemeine Zeitung"): where a journalist
# writer works or read the story. A capitalised word must stand with the paper's word: "газета" alone is
# any paper, and so is "The Gazette".
_PAPER = r"(?:Gazeta|Gazette|Zeitung|Tribune|Herald|Газета|газета|Газеты|газеты|Ведомости|Известия|Правда)"
_CAP = r"[A-ZА-ЯЁ][A-Za-zÀ-ÿА-ЯЁа-яё-]{1,20}"
_FOREIGN_PAPER = re.compile(
    rf"(?<![A-Za-zА-яЁё])(?!The |A |An )"
    rf"((?:{_CAP} ){{1,2}}{_PAPER}(?: {_CAP}){{0,2}}|{_PAPER}(?: {_CAP}){{1,2}})"
    r"(?![A-Za-zА-яЁё])"
)


# Latin letters OCR reads for one another inside a word ("GIass" for Glass, "MirrOr", "AutO", "Strathfie1d").
_LATIN_LOOKALIKES = {"l": "[lI1]", "I": "[Il1]", "i": "[il1]", "o": "[oO0]", "O": "[Oo0]"}


def _ocr_tolerant(word: str) -> str:
    """A regex for ``word`` that also takes the look-alike letters OCR reads after its first letter."""
    return re.escape(word[:1]) + "".join(_LATIN_LOOKALIKES.get(ch, re.escape(ch)) for ch in word[1:])


@lru_cache(maxsize=8)
def _latin_trade(rules: Rules) -> re.Pattern[str]:
    """Capitalised words ending in one of ``orgs.latin_trade_words`` ("H Mart", "Malden Naengmyeon"), and
    one capitalised word after it for the branch when Korean follows ("H Mart Wilshire 정육 코너"). The
    name's words may be joined by & ("Finch Auto Body & Paint"), and OCR may read l as I or o as O
    in the trade word ("Dufferin GIass & MirrOr")."""
    words = "|".join(
        _ocr_tolerant(w) for w in sorted(rules.config.orgs.latin_trade_words, key=len, reverse=True)
    )
    return re.compile(
        rf"(?<![A-Za-z])((?:(?:[A-Z][A-Za-z0-9&'.-]*|&)\s){{1,4}}(?:{words})"
        r"(?:\s[A-Z][a-z]{2,15}(?=에서|에|의|점|지점|\s[가-힣]))?)"
        r"(?=에서|에게|의|와|과|을|를|에|은|는|이|가|로|으로|라는|이라는|\s|$)"
    )


@lru_cache(maxsize=8)
def _cyrillic_firm(rules: Rules) -> re.Pattern[str]:
    """A capitalised Cyrillic word ending in one of ``orgs.cyrillic_firm_endings`` (Мосинжстрой), or
    capitalised Cyrillic words before one of ``orgs.cyrillic_workplace_nouns`` ("Восток 사무실")."""
    cfg = rules.config.orgs
    spellings = {w for e in cfg.cyrillic_firm_endings for w in (e, e[:1].upper() + e[1:])}
    ends = alternation(spellings)
    nouns = alternation(cfg.cyrillic_workplace_nouns)
    return re.compile(
        rf"(?<![А-ЯЁа-яё-])([А-ЯЁ][А-ЯЁа-яё-]{{1,24}}(?:{ends})(?![А-ЯЁа-яё])"
        rf"|[А-ЯЁ][А-ЯЁа-яё]{{1,20}}(?:[- ][А-ЯЁ][А-ЯЁа-яё]{{1,20}}){{0,2}}(?= [가-힣]{{0,4}}(?:{nouns})))"
    )


@lru_cache(maxsize=8)
def _foreign_institution(rules: Rules) -> re.Pattern[str]:
    """Capitalised Latin words right before one of ``orgs.institution_nouns`` with a particle ("Charité
    병원에서", "Lakeside 교회에"), and Cyrillic words ending in one of ``orgs.cyrillic_institution_words``
    ("Сахалинский государственный университет")."""
    cfg = rules.config.orgs
    # OCR splits the noun by a space ("세탁 소"), as it does any word.
    nouns = "|".join(
        " ?".join(map(re.escape, n)) for n in sorted(cfg.institution_nouns, key=len, reverse=True)
    )
    words = alternation(cfg.cyrillic_institution_words)
    # OCR reads l as 1 and o as 0 inside a word ("Strathfie1d").
    latin = r"[A-Z][A-Za-z01À-ÖØ-öø-ÿ'&.-]+"
    # The community it serves may stand between ("Strathfield 코리안 마트"), and the noun may end a longer
    # word ("Malden Manor 노인돌봄센터"); the copula may follow ("Wilshire Hanbit 세탁소입니다").
    between = alternation(cfg.institution_between) if cfg.institution_between else "(?!)"
    return re.compile(
        rf"(?<![A-Za-zÀ-ÿ])((?:{latin} ){{0,3}}{latin}(?: (?:{between})(?= ))? ?"
        rf"[가-힣]{{0,4}}?(?:{nouns}))(?=에서|에|을|를|의|은|는|이|가|으로|로|입|이에|이었|였|\s|$)"
        rf"|(?<![А-ЯЁа-яё-])([А-ЯЁ][а-яё-]+(?: [А-ЯЁа-яё-]+){{0,3}} (?:{words}))(?![А-ЯЁа-яё])"
    )


def _foreign_institutions(doc: Doc) -> Iterable[Finding | None]:
    """See ``_foreign_institution``: not a Latin acronym or generic word of no one's name (TV, The)."""
    cfg = doc.rules.config.orgs
    for m in _foreign_institution(doc.rules).finditer(doc.text):
        group = 1 if m.group(1) is not None else 2
        words = re.findall(r"[^\s가-힣]+", m.group(group)) if group == 1 else m.group(group).split()
        if group == 1 and (
            not words or words[-1] in cfg.acronym_stop or all(w in cfg.latin_generic_words for w in words)
        ):
            continue
        yield doc.finding(Kind.ORG, m.start(group), m.end(group), cfg.confidence_proper_stem, "org.latin")


def _latin_orgs(doc: Doc) -> Iterable[Finding | None]:
    """See ``_LATIN_ORG``, ``_LATIN_CALLED``, ``_CJK_ORG``, ``_CYRILLIC_ORG``, ``_latin_trade`` and
    ``_cyrillic_firm``."""
    conf = doc.rules.config.orgs.confidence_proper_stem
    for m in (
        *_LATIN_ORG.finditer(doc.text),
        *_LATIN_CALLED.finditer(doc.text),
        *_LATIN_SHOP.finditer(doc.text),
        *_LATIN_OF.finditer(doc.text),
        *_CJK_ORG.finditer(doc.unread_text),  # Hanja as written, not read as Hangul
        *_CYRILLIC_ORG.finditer(doc.text),
        *_cyrillic_firm(doc.rules).finditer(doc.text),
        *_FOREIGN_PAPER.finditer(doc.text),
    ):
        yield doc.finding(Kind.ORG, m.start(1), m.end(1), conf, "org.latin")
    generic = doc.rules.config.orgs.latin_generic_words
    trades = _latin_trades(doc.rules)
    for m in _latin_trade(doc.rules).finditer(doc.text):
        words = [_latin_key(w) for w in m.group(1).split() if w != "&"]
        last = next((i for i, w in enumerate(words) if w in trades), len(words))
        if last == 0 or words[last - 1] in generic:
            continue  # "East Asia", "Korean Food", "Fried Chicken": a region or a kind, not a name
        yield doc.finding(Kind.ORG, m.start(1), m.end(1), conf, "org.latin")


@lru_cache(maxsize=8)
def _latin_trades(rules: Rules) -> frozenset[str]:
    """``orgs.latin_trade_words`` as :func:`_latin_key` compares them: made once, not on every page."""
    return frozenset(_latin_key(w) for w in rules.config.orgs.latin_trade_words)


def _latin_key(word: str) -> str:
    """``word`` with the look-alike letters OCR read after its first letter put back ("MirrOr" -> Mirror,
    "GIass" -> Glass), to be compared with the word lists."""
    return word[:1] + word[1:].replace("I", "l").replace("O", "o").replace("0", "o").replace("1", "l")


# A school or firm by its Latin acronym, then the writer went or works there ("UCLA 졸업하고", "KAIST에
# 다니는", "LG에서 일해"): capitals only, not one of ``orgs.acronym_stop`` (TV, PC, UN).
_ACRONYM_ATTENDED = re.compile(
    r"(?<![A-Za-z0-9&.А-яЁё-])([A-ZА-ЯЁ]{2,6})(?: ?(?:을|를|에서|에|은|는))? ?"
    r"(?=졸업|다니|다녀|다녔|다닌|입학|재학|출신|나왔|나온|합격|일하|일해|일했|일한|근무|입사|취직|공부하|공부해|공부했"
    # What the writer studies there, a few words between ("SOAS 에서 Korean Studies 석사 과정", "МГУ 러시아
    # 문학과에 다니고").
    r"|(?:[A-Za-z]+ ){0,3}(?:석사|박사|학사|학위|교환학생)"
    r"|(?:[가-힣]+ )?[가-힣]*(?:학과|어과|학부)(?:에|를)? ?(?:다니|다녀|다녔|다닌|졸업|입학))"
)


def _acronyms(doc: Doc) -> Iterable[Finding | None]:
    """See ``_ACRONYM_ATTENDED``."""
    cfg = doc.rules.config.orgs
    for m in _ACRONYM_ATTENDED.finditer(doc.text):
        if m.group(1) not in cfg.acronym_stop:
            yield doc.finding(Kind.ORG, m.start(1), m.end(1), cfg.confidence_workplace, "org.acronym")


# A chain's branch named in Latin letters by its place ("Tesco New Malden에서 일하면서", "Aldi Sydney
# 지점"): capitalised words of the brand, a gazetteer place abroad, then a branch word or work there.
# Up to three words: "Korean Food Mart New Malden" (a generic word may open the brand, not end it).
_LATIN_BRAND_BEFORE = re.compile(r"(?<![A-Za-z])((?:[A-Z][A-Za-z&'.-]+ ){1,3})$")
_BRANCH_WORK = re.compile(
    # The job may stand between ("에서 cashier로 일해", "에서 매니저로 근무").
    r" ?(?:점|지점|매장)|(?:에서|에)(?: ?[A-Za-z가-힣]{1,12}(?:으로|로))?"
    r" ?(?:일하|일해|일했|일한|근무|알바|아르바이트|파트타임|출근|캐셔|계산)"
)


_SHORT_BRAND = 2  # words


def _generic_brand(words: list[str], generic: tuple[str, ...] | frozenset[str]) -> bool:
    """The brand's words say only a kind or a direction: any of a brand of two words ("East Asia",
    "Korean Food"), or the last of a longer one ("Korean Food Mart" is a shop's name)."""
    if len(words) <= _SHORT_BRAND:
        return any(w in generic for w in words)
    return words[-1] in generic or all(w in generic for w in words)


def _latin_branches(doc: Doc) -> Iterable[Finding | None]:
    """See ``_LATIN_BRAND_BEFORE``; the brand's words must not be generic ones (New, East, Korean)."""
    generic = doc.rules.config.orgs.latin_generic_words
    for m in doc.exact_matches:
        if not any(e.kind is Kind.PLACE for e in m.entries):
            continue
        s, e = doc.spaced_span(m.start, m.end)
        if not doc.text[s:e].isascii() or _BRANCH_WORK.match(doc.text, e) is None:
            continue
        before = _LATIN_BRAND_BEFORE.search(doc.text, max(0, s - 40), s)
        if before is None or _generic_brand(before.group(1).split(), generic):
            continue
        yield doc.finding(
            Kind.ORG, before.start(1), e, doc.rules.config.orgs.confidence_proper_stem, "org.latin"
        )


@lru_cache(maxsize=8)
def _media_cue(rules: Rules) -> re.Pattern[str]:
    cues = alternation(rules.config.orgs.media_cues)
    work = alternation(rules.config.orgs.media_work_cues)
    # The desk may stand between the outlet and the post ("한빛일보 통일외교부 기자", "X방송 보도국 PD").
    desk = r"(?: ?[가-힣]{1,6}(?:부|팀|국|과|데스크))?"
    return re.compile(rf"{desk} ?(?:{cues})|(?:에서|의) ?(?:{work})")


def _media(doc: Doc) -> Iterable[Finding | None]:
    """A broadcaster's or paper's name before a journalist's post ("자유조선방송 기자", "동해일보
    특파원") or the writer's work there ("새벽라디오에서 방송을 한다"): a word ending in one of
    ``orgs.media_endings`` whose stem is no kind of outlet (``orgs.media_stem_stop``: 지역방송,
    인터넷신문), then one of ``orgs.media_cues``, or 에서 and one of ``orgs.media_work_cues``."""
    cfg = doc.rules.config.orgs
    if not cfg.media_endings:
        return
    endings = sorted(cfg.media_endings, key=len, reverse=True)
    any_ending = _any_of(tuple(endings))
    if any_ending.search(doc.text) is None:
        return
    cue = _media_cue(doc.rules)
    for m in re.finditer(r"(?<![가-힣A-Za-z0-9])[가-힣]{2,14}(?:TV|티비)?[가-힣]{0,2}", doc.text):
        if any_ending.search(m.group(), 2) is None:
            continue
        word = strip_particles(m.group(), doc)[0]
        ending = next((e for e in endings if word.endswith(e) and len(word) - len(e) >= 2), None)
        end = m.start() + len(word)
        if ending is None or cue.match(doc.text, end) is None:
            continue
        stem = word[: -len(ending)]
        if stem in cfg.media_stem_stop:
            continue
        yield doc.finding(Kind.ORG, m.start(), end, cfg.confidence_workplace, "org.media")
    yield from _spaced_media(doc, endings, cue)


def _spaced_media(doc: Doc, endings: list[str], cue: re.Pattern[str]) -> Iterable[Finding | None]:
    """ "자유의소리 방송 진행자", "새벽별 라디오 기자": the outlet's name written apart from its ending, then
    a post there. The name is a word with no particle that is not an everyday noun (인기 방송, 그
    신문) nor a verb form (유명한 방송), nor a kind of outlet (``orgs.media_stem_stop``)."""
    cfg = doc.rules.config
    bare = "|".join(re.escape(e) for e in endings)
    for m in re.finditer(rf"(?<![가-힣A-Za-z0-9])([가-힣]{{2,10}}) (?:{bare})(?![가-힣A-Za-z])", doc.text):
        if cue.match(doc.text, m.end()) is None:
            continue
        stem, particle = strip_particles(m.group(1), doc)
        if particle or stem != m.group(1) or stem in cfg.orgs.media_stem_stop or stem in cfg.names.stop_words:
            continue
        if evidence(doc, m.start(1), m.end(1)) is Evidence.COMMON:
            continue
        # A particle inside is fine (자유의소리); an ending or a verb's or adjective's stem is not.
        if any(p.tag.startswith(("V", "XSA", "XSV", "E", "MA", "MM")) for p in analyse(stem)):
            continue
        yield doc.finding(
            Kind.ORG,
            m.start(1),
            m.end(),
            cfg.orgs.confidence_compound_stem,
            "org.media_spaced",
            severity=Severity.REVIEW,
        )


def _org_core(doc: Doc, word: str) -> str:
    """``word`` without its particles, unless the word is an organisation's ending whose last syllable
    only looks like one (지 of 칼리지): then the word as written."""
    core, ending = strip_particles(word, doc)
    if ending and word in _suffixes(doc.rules)[0]:
        return word
    return core


# Pure in the word and the rules, and asked for the same few thousand words over and over (every rule
# and every spacing of a page, a hundred thousand calls for ten thousand words): remembered. Bounded.
@lru_cache(maxsize=1 << 14)
def _suffix_of(core: str, rules: Rules) -> str:
    suffixes, lengths = _suffixes(rules)
    for n in lengths:
        if len(core) > n and core[-n:] in suffixes:
            return core[-n:]
    return ""


def _is_place(doc: Doc, start: int, end: int) -> bool:
    """True if a gazetteer place begins at spaced ``start`` and ends inside ``[start, end]``."""
    return any(e <= end for e in doc.places_starting(start))


_LOCALITY_KINDS = frozenset({"workplace", "school"})


@lru_cache(maxsize=4096)
def _two_everyday_nouns(stem: str, suffix: str) -> bool:
    """Kiwi, given ``stem`` and ``suffix`` glued, reads them as the two everyday nouns they are
    (대학 + 병원), not as one name it does not know (유선탄광) or pieces (궁 + 심 + 탄광)."""
    morphs = analyse(stem + suffix)
    return (
        len(morphs) == 2 and morphs[0].end == len(stem) and all(m.tag == "NNG" and not m.oov for m in morphs)
    )


def _locality_stem(doc: Doc, stem: str, suffix: str) -> bool:
    """``stem`` is the bare stem of a listed Korean place (its name or an alias without the
    administrative suffix: 유선 of 유선동) and ``suffix`` a workplace's or school's ending."""
    kind = doc.rules.gazetteers.org_suffixes.get(suffix)
    return kind in _LOCALITY_KINDS and stem in locality_stems(doc.rules)


# A boat by its name and number ("충성11호", "대흥 12호"): a fishing boat or a drifting wooden boat names
# its crew, a few families. Only where the sentence speaks of a boat: 광명성3호 is a satellite.
# OCR reads 1 as l or I in the number ("충성1l호"). Fishing boats of the North carry four digits and a
# hyphen now and then ("노영어 3417호", "신창-36호").
_SHIP = re.compile(
    r"(?<![가-힣0-9])([가-힣]{2,4}) ?-? ?(?=[lI]?\d)[\dlI]{1,4}호(?![가-힣]*(?:실|동|선|기|차|관))"
)
# Words for buildings and rooms, whose numbers end in 호 too ("아파트 302호", "빌라 201호").
_ROOMS = ("아파트", "빌라", "맨션", "오피스텔", "주택", "건물", "호텔", "병실", "기숙사", "원룸", "상가")
_BOAT_WORDS = re.compile(
    r"(?:^|[^가-힣])배(?:는|가|를|의|에서|에|로|(?![가-힣]))|어선|목선|선박|선장|선원|고깃배|화물선|뱃사람"
)


# A numbered fishing boat, 제, the number (in digits or Hangul) and its name before 호 ("제7대성호",
# "제칠대성호"): the shape names a boat without any word of boats near it; 호텔 and 호실 are not 호.
_NUMBERED_SHIP = re.compile(
    r"(?<![가-힣0-9])(제 ?(?:[0-9lI]{1,3}|[일이삼사오육륙칠팔구십]{1,3}) ?[가-힣]{2,4}호)"
    r"(?=(?:에서|에|를|을|가|이|는|은|의|로|으로|도|와|과|였다|였어|였지|였는데|야|다)?(?![가-힣]))"
)


def _ships(doc: Doc) -> Iterable[Finding | None]:
    """See ``_SHIP``; the name must be no word saying whose or which (우리, 그), nor a building's."""
    for m in _NUMBERED_SHIP.finditer(doc.text):
        boat = re.search("[가-힣]{2,4}호$", m.group(1))
        if boat is not None and _verb_form(doc, m.start(1) + boat.start(), m.end(1)):
            continue  # "제일 좋은호": "the best", then a phrase
        yield doc.finding(
            Kind.ORG, m.start(1), m.end(1), doc.rules.config.orgs.confidence_proper_stem, "org.ship"
        )
    if _BOAT_WORDS.search(doc.text) is None:
        return
    stops = doc.rules.config.places.unknown_stem_stop
    for m in _SHIP.finditer(doc.text):
        name = m.group(1)
        if name in stops or name in doc.rules.config.names.stop_words or name.endswith(_ROOMS):
            continue
        if _verb_form(doc, m.start(1), m.end(1)):
            continue  # "가다가 120호": a verb's connective form before a room's number, no boat's name
        yield doc.finding(
            Kind.ORG, m.start(), m.end(), doc.rules.config.orgs.confidence_proper_stem, "org.ship"
        )


# A country's embassy or consulate after the city it is in is one building, whatever everyday word the
# country's name is elsewhere (한국, 중국); without the city it is one of the channels every letter names.
_MISSIONS = frozenset({"대사관", "영사관", "총영사관"})


def _country(doc: Doc, stem: str) -> bool:
    """``stem`` names a country (a gazetteer country or one of ``places.generic_countries``)."""
    if stem in doc.rules.config.places.generic_countries:
        return True  # 한국, 북한: the home countries, in no gazetteer of places abroad
    entries = doc.rules.lexicon.exact.get(key_of(stem), ())
    return any(e.kind is Kind.PLACE and e.level == "country" for e in entries)


def _stem_grade(doc: Doc, start: int, end: int, suffix: str) -> float | None:
    """Confidence that text ``[start, end)`` before ``suffix`` names one organisation."""
    cfg = doc.rules.config.orgs
    stem = doc.text[start:end].replace(" ", "")
    if " " not in doc.text[start:end] and _clause_glued(stem):
        return None  # "끝나고편의점에서": a verb and its connective ending glued on, no firm's name
    if suffix in _MISSIONS and _country(doc, stem) and _place_ending_at(doc, start - 1) is not None:
        return cfg.confidence_place_stem  # 울란바토르 한국대사관: a country's one mission in that city
    if suffix in cfg.country_services and _country(doc, stem):
        return cfg.confidence_place_stem  # 우크라이나 보안국: the country's one service
    if doc.text[end : end + 1].isspace() and (
        stem in doc.rules.config.places.generic_countries or _plural(doc, start, end)
    ):
        # "중국 공장에는", "한국 회사", "아이들 학교", "친구들 회사": a country or people in the plural,
        # then a workplace's word apart, say where or whose, never which.
        return None
    if (
        not stem
        or stem in doc.rules.config.places.unknown_stem_stop
        or stem in doc.rules.config.names.stop_words
        or stem in cfg.spaced_stem_stop
    ):
        return None  # 요즘자동차: a word saying when, glued on, is no name
    if _is_place(doc, start, end):
        return cfg.confidence_place_stem
    ev = evidence(doc, start, end)
    if _locality_stem(doc, stem, suffix) and not _two_everyday_nouns(stem, suffix):
        # 유선탄광 (유선동, 유선로동자구): North Korean mines, works and schools are named after their
        # locality, written by its bare stem. Not where Kiwi knows the pair as two everyday words
        # (대학병원: 대학 + 병원; 유선방송국: "cable" + "broadcaster").
        return cfg.confidence_place_stem
    if ev in _STRONG:
        return cfg.confidence_proper_stem
    glued_to_suffix = doc.text[end : end + 1] != " "
    if ev is Evidence.PREDICATE and glued_to_suffix and _noun_tags(doc, start, end) in _NAMED_STEMS:
        # 우리말배움학원, 나눔교회: a verb nominalised by -ㅁ (배움, 나눔) is a noun in a glued name.
        ev = Evidence.OTHER
    if (
        ev is Evidence.PREDICATE
        and not glued_to_suffix
        and len(suffix) >= cfg.long_suffix
        and _noun_tags(doc, start, end) == "NGN"
    ):
        return cfg.confidence_compound_stem  # "평화의손 통일연대": a name of a noun, 의 and a noun
    if ev is Evidence.PREDICATE and glued_to_suffix and _adnominal_name(doc, start, end):
        return cfg.confidence_glued_stem  # 한꿈학교, 큰빛교회: a name Kiwi reads as 하+ㄴ and a noun
    if any(ch.isdigit() for ch in stem) and len(stem) >= 2:
        return cfg.confidence_numbered_stem
    glued = len(stem) >= 2 and doc.text[end : end + 1] != " "
    if ev is Evidence.PREDICATE and glued and _ends_in_clause(doc, start, end):
        return None  # "학교 끝나고편의점에서": a clause whose space was lost, not 하탄기계공장
    if ev is Evidence.PREDICATE and len(suffix) >= cfg.long_suffix and glued:
        return cfg.confidence_glued_stem  # 하탄기계공장: no space between, so not "먹은 기계공장"
    if ev is Evidence.PREDICATE and glued and _read_as_my(doc, start, end):
        return cfg.confidence_compound_stem  # 제남탄광: Kiwi reads 제 as 저 + 의 ("my") and a noun
    if (
        ev is Evidence.PREDICATE
        and not glued_to_suffix
        and len(suffix) >= cfg.long_suffix
        and _my_read_name(doc, start, end)
    ):
        return cfg.confidence_compound_stem  # "제남 소학교": the same name written apart from the ending
    if ev is Evidence.PREDICATE or len(suffix) == 1:
        return None
    if len(suffix) >= cfg.long_suffix and ev in (Evidence.COMMON, Evidence.OTHER):
        return cfg.confidence_word_stem
    if (
        ev is Evidence.INSIDE
        and len(suffix) >= cfg.long_suffix
        and doc.rules.gazetteers.org_suffixes.get(suffix) == "other"
        and len(stem) >= 2
    ):
        # 고려인협회, 탈북민협회: a community's association, its ending taking the people's last syllable
        # (인협회, 민협회), so Kiwi reads the stem as the inside of the people's word (고려인).
        return cfg.confidence_word_stem
    if (
        suffix in cfg.site_suffixes
        and len(stem) >= 2
        and stem not in cfg.site_stem_stop
        and ev is Evidence.COMMON
    ):
        return cfg.confidence_compound_stem  # 포장탄광: one mine, named by a word that is also a noun
    return cfg.confidence_compound_stem if ev is Evidence.OTHER else None


# Connective endings that close a clause ("끝나고", "가서", "끝나면", "먹다가"): glued to an ending they
# end a phrase, never a name.
_CLAUSE_ENDINGS = frozenset(
    {"고", "서", "아서", "어서", "면", "으면", "니까", "으니까", "는데", "지만", "면서", "다가"}
)


def _ends_in_clause(doc: Doc, start: int, end: int) -> bool:
    """Kiwi reads ``[start, end)`` as ending in a known verb or adjective and a connective ending."""
    morphs = [m for m in doc.morphemes_in(start, end) if m.start >= start and m.end <= end]
    return (
        len(morphs) >= 2
        and morphs[-1].tag == "EC"
        and morphs[-1].form in _CLAUSE_ENDINGS
        and morphs[-2].tag.startswith(("VV", "VA"))
        and not morphs[-2].oov
    )


def _read_as_my(doc: Doc, start: int, end: int) -> bool:
    """Kiwi reads the word starting at ``start`` as 저 + 의 ("my") glued to nouns up to ``end`` (제남 of
    제남탄광): a name beginning with 제, which "my" would leave apart ("제 회사")."""
    if not doc.at_word_start(start) or doc.text[start : start + 1] != "제":
        return False
    morphs = [m for m in doc.morphemes_in(start, end) if m.start >= start and m.end <= end]
    return (
        len(morphs) >= 3
        and (morphs[0].form, morphs[0].tag, morphs[1].form, morphs[1].tag) == ("저", "NP", "의", "JKG")
        and morphs[1].end == start + 1
        and morphs[-1].end == end
        and all(m.tag in ("NNG", "NNP") for m in morphs[2:])
    )


# A name of two syllables Kiwi reads as 저 + 의 ("my") and a one-syllable noun (제남, 제동): "my" and a
# longer word would be written apart ("제 남편"), so a word of two syllables is a name.
_MY_READ_NAME = 2


def _my_read_word_before(doc: Doc, words: list[re.Match[str]], i: int) -> bool:
    """The word before ``words[i]``, one space away, is a name of two syllables Kiwi reads as "my" and a
    noun ("제남 소학교")."""
    if i == 0 or doc.text[words[i - 1].end() : words[i].start()] != " ":
        return False
    return _my_read_name(doc, words[i - 1].start(), words[i - 1].end())


def _my_read_name(doc: Doc, start: int, end: int) -> bool:
    """``[start, end)`` is a word of two syllables Kiwi reads as "my" and a noun that is no kinship or
    stop word (제남, not 제딸: "my daughter", the space after 제 lost)."""
    if end - start != _MY_READ_NAME or not doc.at_word_start(start):
        return False
    noun = doc.text[start + 1 : end]
    if noun in doc.rules.gazetteers.kinship or noun in doc.rules.config.names.stop_words:
        return False
    return _read_as_my(doc, start, end)


def _plural(doc: Doc, start: int, end: int) -> bool:
    """Kiwi reads ``[start, end)`` as a noun with the plural suffix 들 at its end (아이들, 친구들)."""
    morphs = [m for m in doc.morphemes_in(start, end) if m.start >= start and m.end <= end]
    return len(morphs) >= 2 and morphs[-1].end == end and morphs[-1].tag == "XSN" and morphs[-1].form == "들"


def _adnominal_name(doc: Doc, start: int, end: int) -> bool:
    """Kiwi reads ``[start, end)`` as a one-syllable verb with its adnominal ending and nouns after it
    (한꿈: 하+ㄴ+꿈): a name of the kind schools and churches take (한꿈학교, 한빛교회), not a phrase,
    which would leave the adnominal's verb longer or the noun out."""
    morphs = [m for m in doc.morphemes_in(start, end) if m.start >= start and m.end <= end]
    k = next((i for i, m in enumerate(morphs) if m.tag == "ETM"), -1)
    if k < 0 or morphs[k].end != start + 1 or len(morphs) == k + 1:
        return False
    nouns = morphs[k + 1 :]
    return nouns[-1].end == end and all(m.tag in ("NNG", "NNP") for m in nouns)


# Stems made of nouns only, by _noun_tags: what a glued name may be when Kiwi sees a verb in it.
_NAMED_STEMS = frozenset({"NN", "NNN", "NNNN", "NGN", "NNGN", "NGNN"})


def _by_suffix(doc: Doc) -> Iterable[Finding | None]:
    rules = doc.rules
    words = list(_WORD.finditer(doc.text))
    for i, w in enumerate(words):
        core = _org_core(doc, w.group())
        suffix = _suffix_of(core, rules)
        if not suffix:
            core = _without_glued_verb(core, rules)
            suffix = _suffix_of(core, rules)
        if not suffix:
            # "달빛다방인데", "한빛물류라서": the copula's endings, which strip_particles leaves on.
            bare = _without_copula(core, rules)
            if bare != core:
                core, suffix = bare, _suffix_of(bare, rules)
        if core in _suffixes(rules)[0] and (
            not suffix
            or (
                len(core) >= rules.config.orgs.long_suffix
                and (
                    _place_word_before(doc, words, i)
                    or _proper_word_before(doc, words, i)
                    or _my_read_word_before(doc, words, i)
                )
            )
        ):
            # The whole word is an ending of its own (축산기지, not 축산 + 기지) after a place or a name
            # Kiwi calls a proper noun or does not know: it names it ("세포등판 축산기지", OCR's
            # "순천세멘트 련합기업소"). After an everyday word ("새 고급 중학교") it names nothing.
            suffix = core
        if not suffix:
            continue
        company = rules.gazetteers.org_suffixes.get(suffix) == "company"
        if suffix != core and not company and _suffix_inside_word(core, suffix):
            # 사회복지사: Kiwi knows 복지사 ("welfare worker"), so 지사 is no branch office here. Not a firm's
            # ending, which takes the trade it ends as well (교통개인택시: 개인택시).
            continue
        end = w.start() + len(core)
        stem_start, stem_end = w.start(), end - len(suffix)
        if rules.gazetteers.org_suffixes.get(suffix) == "company" and stem_end > stem_start:
            stem = core[: -len(suffix)]
            # "아주머니가반찬을": a subject and its particle glued to the next word by lost spaces, as for
            # churches (religious_stem_endings); a stem of two syllables may end so by chance (미가).
            glued_phrase = len(stem) >= 3 and any(
                stem.endswith(e) for e in rules.config.orgs.religious_stem_endings
            )
            when = stem in rules.config.orgs.spaced_stem_stop  # 요즘자동차: "these days" and a car
            if stem in rules.config.orgs.company_stem_stop and len(suffix) >= rules.config.orgs.long_suffix:
                continue  # 떡방앗간, 고추방앗간: what the trade handles, the kind of firm, not which
            if (
                stem not in rules.config.orgs.company_stem_stop
                and not stem.isdigit()
                and not glued_phrase
                and not when
            ):
                # 푸른식품, 새봄전자: a firm's name is often an everyday word or an adjective.
                yield doc.finding(
                    Kind.ORG, stem_start, end, rules.config.orgs.confidence_company, "org.company"
                )
                continue
        if (
            rules.gazetteers.org_suffixes.get(suffix) == "company"
            and stem_end == stem_start
            and i > 0
            and doc.text[words[i - 1].end() : w.start()] == " "
        ):
            # "태양 산업", "(대앙 산업)": a firm's ending split off its name by a space. The word before
            # may be any word (firms are named with everyday words), so a moderator decides.
            if _runs_on(doc, w.group(), w.end()) or (
                words[i - 1].group() in _FILLERS
                and (
                    i < 2
                    or doc.text[words[i - 2].end() : words[i - 1].start()] != " "
                    or _clause_closed(doc, words[i - 2].group(), words[i - 2].start(), words[i - 2].end())
                )
            ):
                # "오토 바이": the ending is the start of a word OCR split; "음 반찬": a filler opening
                # the sentence, or a clause after a verb's final ending or another filler ("공장 다닌다
                # 어 자동차", "음 그 피시방"); after a name, "대성에이치엔티 어 자동차", the name is
                # judged on
                continue
            prev, prev_ending = strip_particles(words[i - 1].group(), doc)
            if prev_ending and _one_noun_word(doc, words[i - 1].start(), words[i - 1].end()):
                prev, prev_ending = words[i - 1].group(), ""  # 아리랑: one noun, not 아리 + 랑 ("and")
            if (
                len(prev) == 1
                and i > 1
                and doc.text[words[i - 2].end() : words[i - 1].start()] == " "
                and len(words[i - 2].group()) == 1
            ):
                prev = words[i - 2].group() + prev  # "요 즘 반찬": a word OCR split, judged whole
            if (
                prev in rules.config.orgs.company_stem_stop
                or prev in rules.config.orgs.spaced_stem_stop
                or prev in rules.config.places.unknown_stem_stop
                or any(m.tag == "NP" for m in analyse(words[i - 1].group()))
            ):
                # "근처 철물점", "요즘 식품", "내 택시", "여기선 연탄": where, when or whose (a pronoun and
                # its particles), not which firm
                continue
            if (
                not prev_ending
                and not prev.isdigit()
                and prev not in rules.config.orgs.company_stem_stop
                and prev not in rules.config.orgs.spaced_stem_stop
                and prev not in rules.config.names.stop_words
                and not _verb_form(doc, words[i - 1].start(), words[i - 1].end())
                and not _adverb(doc, words[i - 1].start(), words[i - 1].end())
            ):
                yield doc.finding(
                    Kind.ORG,
                    words[i - 1].start(),
                    end,
                    rules.config.orgs.confidence_company,
                    "org.company_spaced",
                    severity=Severity.REVIEW,
                )
                continue
        if suffix != core and rules.gazetteers.org_suffixes.get(core) == "religious":
            continue  # 장로교회, 감리교회: a denomination's church, an ending of its own, names none
        if stem_end > stem_start and _glued_religious(doc, core, suffix):
            # 사랑교회, 하나로교회: an everyday stem, but glued to a church's ending it names one. Followed
            # by a workplace or attendance cue ("누리교회에 다니며", "하나로교회 사장님") the writer is
            # saying which church they go to: redact; otherwise a moderator decides.
            attended = _cue_follows(doc, end)
            cfg = rules.config.orgs
            if stem_start == w.start() and _name_word_before(doc, words, i, suffix):
                stem_start = words[i - 1].start()  # "한밭 중앙교회": the name before an everyday church's
            yield doc.finding(
                Kind.ORG,
                stem_start,
                end,
                cfg.confidence_workplace if attended else cfg.confidence_compound_stem,
                "org.religious",
                severity=None if attended else Severity.REVIEW,
            )
            continue
        stem_start = _after_glued_phrase(doc, stem_start, stem_end)
        if stem_end > stem_start == w.start() and doc.text[stem_start:end] in rules.gazetteers.org_suffixes:
            continue  # 중고등학교: a listed ending on its own, the kind of school, not one school
        whole = evidence(doc, stem_start, end)
        if whole is Evidence.COMMON and stem_end > stem_start:
            if not _place_word_before(doc, words, i):
                if _name_word_before(doc, words, i, suffix):
                    # "노민 봉제공장", "뜨락또르 부속품공장": a name before an everyday workplace word.
                    yield _named_workplace(doc, words[i - 1].start(), end)
                continue  # 대학교, 기차역: one everyday word
            # "삼지연 감자농장", "무산 기차역": an everyday workplace word after a town names that town's
            # one; the town is its stem.
            stem_start, stem_end = words[i - 1].start(), words[i - 1].end()
        if stem_end == stem_start and i > 0 and doc.text[words[i - 1].end() : w.start()] == " ":
            stem_start, stem_end = words[i - 1].start(), words[i - 1].end()  # "회령 제1고급중학교"
            whole_place = words[i - 1].end() in doc.places_starting(words[i - 1].start())
            # "서울가든 식당": a word opening with a town that Kiwi takes whole for a name it does not know;
            # 든 is its last syllable, no particle.
            place_led = bool(doc.places_starting(words[i - 1].start())) and _guessed_whole(
                doc, words[i - 1].start(), words[i - 1].end()
            )
            if strip_particles(words[i - 1].group(), doc)[1] and not whole_place and not place_led:
                # "좋은 대학", "학교에 대학": the word before is not a stem. A place that only ends like a
                # particle is one ("우크라이나 보안국": 나).
                continue
            if _verb_form(doc, stem_start, stem_end) and not place_led:
                continue  # "상해서 치과": a verb form that starts like a place (상해) is no stem
            if words[i - 1].group() in rules.config.orgs.spaced_stem_stop:
                continue  # "운전 학원": what is taught there (운전 is also a county's stem)
        conf = _stem_grade(doc, stem_start, stem_end, suffix) if stem_end > stem_start else None
        if (
            conf is None
            and stem_end > stem_start
            and stem_start == w.start()
            and evidence(doc, stem_start, stem_end) is Evidence.COMMON
            and _place_word_before(doc, words, i)
        ):
            # "삼지연 감자농장": an everyday stem glued to the ending, after a town: the town's one.
            stem_start = words[i - 1].start()
            conf = _stem_grade(doc, stem_start, words[i - 1].end(), suffix)
        if (
            conf is None
            and stem_end > stem_start == w.start()
            and evidence(doc, stem_start, stem_end) in (Evidence.COMMON, Evidence.OTHER)
            and _name_word_before(doc, words, i, suffix)
        ):
            yield _named_workplace(doc, words[i - 1].start(), end)
            continue
        if conf is None or (len(suffix) == 1 and conf < doc.rules.config.orgs.confidence_place_stem):
            continue  # one-syllable suffixes (역, 항, 절) need a place before them
        if (
            len(suffix) >= 2
            and _cue_follows(doc, end)
            and evidence(doc, stem_start, stem_end) is not Evidence.PREDICATE
        ):
            # "새별종합상점에 다녔다": a named workplace or school the writer went to; a doubtful stem
            # (an everyday word, several words) is redacted all the same, as for churches. Not a stem
            # Kiwi reads as a verb form: "그는큰기계공장에서 일했다" is a phrase whose spaces were lost.
            conf = max(conf, doc.rules.config.orgs.confidence_workplace)
        if (
            stem_start == w.start()
            and stem_end > stem_start
            and _one_common_noun(doc.text[stem_start:stem_end])
            and _name_word_before(doc, words, i, suffix)
        ):
            stem_start = words[i - 1].start()  # "하나로 의료봉사단": the name before an everyday stem
        yield doc.finding(Kind.ORG, stem_start, end, conf, "org.suffix")


@lru_cache(maxsize=8)
def _suffix_tails(rules: Rules) -> frozenset[str]:
    """Every ending of an organisation's suffix (교, 학교, 대학교 of 대학교): the pieces that
    :func:`_spaced_suffix` joins leftwards can only still make a suffix while they are one of these."""
    return frozenset(s[i:] for s in _suffixes(rules)[0] for i in range(len(s)))


def _spaced_suffix(doc: Doc) -> Iterable[Finding | None]:
    """A suffix OCR split by spaces ("연세 대 학교", "문전 방 직 공 장", "회령 고급 중학교"): the short
    pieces joined form a suffix of three or more syllables from ``orgs.tsv``; the stem is the start of
    the word the suffix begins in, or the whole word before it, and is graded like any other."""
    rules = doc.rules
    cfg = rules.config.orgs
    suffixes, lengths = _suffixes(rules)
    tails = _suffix_tails(rules)
    words = list(_WORD.finditer(doc.text))
    for j in range(1, len(words)):
        last = _before_glued_verb(_org_core(doc, words[j].group()), rules)
        if len(last) > 2 and last.endswith("일") and last[:-1] in suffixes:
            last = last[:-1]  # "신도시 요양원일을 한다": the work there (일), its space lost
        if not last or len(last) > 3:
            continue
        end = words[j].start() + len(last)
        joined = last
        for i in range(j - 1, max(-1, j - 6), -1):
            if joined not in tails:
                break  # every ending tried from here on ends in ``joined``, and none does
            if doc.text[words[i].end() : words[i + 1].start()] != " ":
                break
            piece = words[i].group()
            if i < j - 1 and len(piece) > 3 and joined not in suffixes:
                break  # a long word is a stem only right before a whole suffix ("성모꽃마을 쉼 터")
            joined = piece + joined
            best: tuple[int, int, str] | None = None
            # The suffix starts inside word i (stem = its beginning) or at word i+1 (stem = word i).
            # No ending is longer than the longest, so the windows that start before that are skipped.
            for k in range(max(0, len(joined) - lengths[0]) if lengths else len(piece) + 1, len(piece) + 1):
                cand = joined[k:]
                if cand not in suffixes:
                    continue  # the same test as below, made first: most windows are no ending
                # Two syllables only when OCR split them one and one ("쉼 터", "공 장").
                split_pair = len(cand) == 2 and k == len(piece) and i + 1 < j and len(last) == 1
                # Or across the one space, its last syllable split off ("검덕광 산"): a name must be
                # before it (checked below).
                split_last = (
                    len(cand) == 2 and k == len(piece) - 1 >= _MIN_NAME and i + 1 == j and len(last) == 1
                )
                if len(cand) >= 3 or split_pair or split_last:
                    best = (k, len(cand), cand)
                    break
            if best is None:
                continue
            k, _, suffix = best
            if k == 0:
                continue  # no stem in this window; a longer one may have it
            stem_start = words[i].start()
            stem_end = stem_start + k
            if k == len(piece):
                if (
                    strip_particles(piece, doc)[1]
                    and (
                        not _ends_in_noun(doc, words[i].start(), words[i].end())
                        or _guessed_whole(doc, words[i].start(), words[i].end())
                    )
                    and not _named_in_ui(doc, words, i)
                ):
                    break  # "좋은 대 학교", "학교에 대 학": not a stem (성모꽃마을 ends in a noun, not 을)
                if len(piece) < 2:
                    continue
                if piece in cfg.spaced_stem_stop:
                    break  # "3년 동안 야간 학교": a word saying when or how long, as for the unsplit ending
                company = rules.gazetteers.org_suffixes.get(suffix) == "company"
                if company and piece in cfg.company_stem_stop:
                    break  # "근처 철물점": where the shop is, not which
            conf = _stem_grade(doc, stem_start, stem_end, suffix)
            if (
                conf is None
                and k == len(piece)
                and evidence(doc, stem_start, stem_end) is Evidence.COMMON
                and _place_word_before(doc, words, i)
            ):
                # "목동 에이스 학 원": an everyday word after a town names that town's one, as when glued.
                stem_start = words[i - 1].start()
                conf = _stem_grade(doc, stem_start, stem_end, suffix)
            if conf is None and k == len(piece) and _named_in_ui(doc, words, i):
                stem_start = words[i - 1].start()  # the town with its school's name: "춘천 봉의 중학교"
                conf = cfg.confidence_word_stem
            split_church = (
                len(suffix) == 2
                and k == len(piece) - 1
                and stem_start == words[i].start()
                and _glued_religious(doc, piece[:k] + suffix, suffix)
            )
            if split_church:
                # "삼산소망교 회": a church's name, its ending's last syllable split off; glued, an everyday
                # stem names a church too (_glued_religious). Review.
                conf = cfg.confidence_compound_stem
            if conf is None:
                break
            if (
                len(suffix) == 2
                and k == len(piece) - 1
                and conf < cfg.confidence_proper_stem
                and not split_church
            ):
                break  # "X광 산": only a proper noun or a place before a split two-syllable ending
            if conf < cfg.confidence_proper_stem:
                conf = min(conf, cfg.confidence_compound_stem)  # an everyday stem: review only
            yield doc.finding(Kind.ORG, stem_start, end, conf, "org.spaced_suffix")
            break


# An institution named by its town and one or two everyday nouns before its ending, each written apart
# ("경성 도자기 공장", "풍서 감자 가루 공장", "첨단 하나로 복지관", OCR's "행복 요양 원"): the town says
# which one, the nouns what it makes or its name. The town must be a gazetteer place narrower than a
# province, and the words between it and the ending bare nouns (no particle, no verb, no word saying
# when, where or whose). Reviewed, not redacted, unless the nouns are a proper name.
_TOWN_NOUNS = 2  # words between the town and the ending
_TOWN_NOUN_TAGS = frozenset({"NNG", "NNP"})
# People between the town and the ending say whose, not which ("부산 친구 회사", "평양 사람 병원").
_TOWN_NOUN_PEOPLE = frozenset(
    [
        "사람",
        "친구",
        "동무",
        "가족",
        "식구",
        "이웃",
        "동생",
        "언니",
        "누나",
        "오빠",
        "아들",
        "딸",
        "남편",
        "아내",
        "엄마",
        "아빠",
        "어머니",
        "아버지",
        "할머니",
        "할아버지",
        "삼촌",
        "이모",
        "고모",
        "동포",
        "주민",
        "시민",
        "사람들",
        "친구들",
        "애들",
        "아이들",
        "형님",
        "선배",
        "후배",
        "동료",
        "손님",
        "환자",
    ]
)


# A church is named with a phrase as often as with nouns ("참 좋은 교회", "새 생명 교회"): before a
# religious ending, adverbs, adjectives and determiners count too.
_CHURCH_WORD_TAGS = frozenset({"NNG", "NNP", "MAG", "VA", "ETM", "MM"})


def _bare_noun_word(
    doc: Doc, word: re.Match[str], stops: tuple[frozenset[str], ...], *, church: bool = False
) -> bool:
    text = word.group()
    shortest = 1 if church else 2
    if not shortest <= len(text) <= 4 or text in _TOWN_NOUN_PEOPLE or any(text in stop for stop in stops):
        return False
    morphs = doc.morphemes_in(word.start(), word.end())
    if church:
        return bool(morphs) and all(m.tag in _CHURCH_WORD_TAGS for m in morphs)
    if strip_particles(text, doc)[1] and not _ends_in_noun(doc, word.start(), word.end()):
        return False
    return bool(morphs) and all(m.tag in _TOWN_NOUN_TAGS for m in morphs)


def _spaced_place_before(doc: Doc, words: list[re.Match[str]], i: int) -> bool:
    """The two words before ``words[i]``, one space apart each, are one gazetteer place ("신월 동")."""
    if i < 2 or any(doc.text[words[k].end() : words[k + 1].start()] != " " for k in (i - 2, i - 1)):
        return False
    return words[i - 1].end() in doc.places_starting(words[i - 2].start())


def _town_nouns_suffix(doc: Doc) -> Iterable[Finding | None]:
    """See ``_TOWN_NOUNS``."""
    rules = doc.rules
    cfg = rules.config.orgs
    suffixes, _ = _suffixes(rules)
    stops = (cfg.company_stem_stop, cfg.spaced_stem_stop, cfg.religious_stem_stop)
    words = list(_WORD.finditer(doc.text))
    for j in range(2, len(words)):
        last = _org_core(doc, words[j].group())
        end = words[j].start() + len(last)
        first = j
        if last not in suffixes or len(last) < 2:
            # OCR split the ending's last syllable off ("요양 원", "공 장"): join the two.
            prev = words[j - 1]
            joined = prev.group() + last
            if (
                len(last) != 1
                or doc.text[prev.end() : words[j].start()] != " "
                or joined not in suffixes
                or len(prev.group()) > 3
            ):
                continue
            first = j - 1
        between_end = first
        church = (
            rules.gazetteers.org_suffixes.get(doc.text[words[first].start() : end].replace(" ", ""))
            == "religious"
        )
        for n in range(1, _TOWN_NOUNS + 1):
            i = between_end - n
            if i < 1:
                break
            if any(
                doc.text[words[k].end() : words[k + 1].start()] not in (" ", "\n")
                for k in range(i - 1, first)
            ):
                break
            if not all(_bare_noun_word(doc, words[k], stops, church=church) for k in range(i, first)):
                break
            if _place_word_before(doc, words, i):
                start = words[i - 1].start()
            elif _spaced_place_before(doc, words, i):
                start = words[i - 2].start()  # "신월 동 행복 요양 원": the town split by OCR
            else:
                continue
            yield doc.finding(Kind.ORG, start, end, cfg.confidence_compound_stem, "orginst.town_nouns_suffix")
            break


# A shelter, welfare centre or volunteers' group named with everyday words glued to its ending or one
# word apart ("들꽃쉼터 대표", "북향 나눔센터로 보내 주세요"): alone the words could be a kind of place
# ("노인쉼터"), but its head, its office or letters sent to it make it one group. Reviewed.
_HEADED_INSTITUTION = re.compile(
    r"(?<![가-힣])([가-힣]{2,5})( ?)"
    r"(쉼터|동행|나눔|나눔터|나눔센터|복지관|복지센터|요양원|공부방|선교회|의집)"
    r"(?:의|에서|으로|로|에)? ?"
    r"(?=대표|원장|관장|센터장|소장|사무실|사무국|회장|총무|간사|목사|활동가|보내|연락|문의)"
)


# Whom a shelter or centre serves says what kind it is, not which ("노숙인쉼터", "청소년 복지관").
_SERVED = frozenset(
    [
        "노숙인",
        "노숙자",
        "노인",
        "어르신",
        "청소년",
        "여성",
        "아동",
        "어린이",
        "장애인",
        "이주민",
        "이주여성",
        "외국인",
        "탈북민",
        "새터민",
        "탈북자",
        "다문화",
        "주민",
        "지역",
        "가정폭력",
        "한부모",
        "미혼모",
        "무료",
        "임시",
        "공공",
        "국립",
        "시립",
        "구립",
        "도립",
        "군립",
        "종합",
        "사회",
        "지역사회",
    ]
)


def _headed_institutions(doc: Doc) -> Iterable[Finding | None]:
    """See ``_HEADED_INSTITUTION``."""
    cfg = doc.rules.config.orgs
    stops = (
        cfg.company_stem_stop,
        cfg.spaced_stem_stop,
        cfg.religious_stem_stop,
        _TOWN_NOUN_PEOPLE,
        _SERVED,
    )
    for m in _HEADED_INSTITUTION.finditer(doc.text):
        stem = m.group(1)
        if any(stem in stop for stop in stops) or not doc.at_word_start(m.start(1)):
            continue
        if m.group(2):
            word = doc.word_at(m.start(1))
            if word is None or not _bare_noun_word(doc, _WORD.match(doc.text, word.start) or m, stops):
                continue
        yield doc.finding(Kind.ORG, m.start(1), m.end(3), cfg.confidence_compound_stem, "orginst.headed")


# First syllables of a word in 의 that is a genitive, not a school's name in 의 (숭의, 봉의, 정의): a
# division of the town before it ("춘천 시의 중학교") or a pronoun ("내의", "그의").
_NOT_UI_NAME = frozenset("시도군구읍면동리내제네그이저우너나")


def _named_in_ui(doc: Doc, words: list[re.Match[str]], i: int) -> bool:
    """Word ``i`` is two syllables ending in 의 right after a town ("춘천 봉의 중학교", "서울 숭의
    여자중학교"): many schools and works are named so, and the town before says this is one."""
    piece = words[i].group()
    return (
        len(piece) == 2
        and piece[1] == "의"
        and piece[0] not in _NOT_UI_NAME
        and _place_word_before(doc, words, i)
    )


def _inner_suffix(doc: Doc) -> Iterable[Finding | None]:
    """A long suffix, or a short one of a single site (``orgs.site_suffixes``), inside a word whose
    following spaces OCR lost ("갑산협동농장굴뚝이", "중촌탄광굴뚝이"): the stem before it in the same word
    is graded like any other; the rest of the word is left alone."""
    rules = doc.rules
    cfg = rules.config.orgs
    suffixes, lengths = _suffixes(rules)
    # Long suffixes, and the short ones of a single site (탄광: "일하던중촌탄광굴뚝이").
    long_lengths = sorted({n for n in lengths if n >= cfg.long_suffix} | {len(x) for x in cfg.site_suffixes})
    shortest = min(long_lengths, default=cfg.long_suffix)
    for w in _WORD.finditer(doc.text):
        text = w.group()
        if len(text) < shortest + 3:
            continue  # no room for a stem of two syllables, a long suffix and a syllable after it
        for n in long_lengths:
            for i in range(2, len(text) - n):
                suffix = text[i : i + n]
                if suffix not in suffixes or (n < cfg.long_suffix and suffix not in cfg.site_suffixes):
                    continue
                start, stem_end, end = w.start(), w.start() + i, w.start() + i + n
                start = _after_glued_phrase(doc, start, stem_end)
                conf = _stem_grade(doc, start, stem_end, suffix)
                if conf is not None:
                    # Only a place stem is sure enough, or a short proper or unknown one before a long
                    # suffix of four syllables or more (장포협동농장마을): a stem that long would hold
                    # words of the phrase before it, a suffix that short may end an everyday word.
                    short_name = (
                        conf >= cfg.confidence_proper_stem
                        and stem_end - start <= _INNER_STEM_MAX
                        and n >= _INNER_SUFFIX_MIN
                    )
                    if conf < cfg.confidence_place_stem and not short_name:
                        conf = min(conf, cfg.confidence_glued_stem)
                    yield doc.finding(Kind.ORG, start, end, conf, "org.inner_suffix")


_INNER_STEM_MAX = 3
_INNER_SUFFIX_MIN = 4


def _place_then_named(doc: Doc) -> Iterable[Finding | None]:
    """An institution named after the place written apart before it ("청주 성모병원", "수광 직업학교"):
    a word that ends in an organisation's ending after a stem of its own (성모, 직업), right after a
    word that is a listed place. Alone the word may be an everyday kind (직업학교, 강철공장), but with its
    town it is that town's one, and the place is a detail already. Not a stem that says when, how or
    what kind (the stop lists of spaced and company stems), nor a second place."""
    rules = doc.rules
    cfg = rules.config.orgs
    suffixes, lengths = _suffixes(rules)
    words = doc.words
    for w0, w1 in pairwise(words):
        # The place is the whole word: no particle after it ("호주는 계절이").
        if w1.start != w0.end + 1 or w0.end not in doc.places_starting(w0.start):
            continue
        core, _ = strip_particles(w1.text, doc)
        # An ending of two syllables or more after a stem of two or more: one syllable is as often the
        # end of an everyday word (계절: 계 + 절, "temple").
        suffix = next(
            (core[-n:] for n in lengths if n >= 2 and len(core) >= n + 2 and core[-n:] in suffixes), ""
        )
        stem = core[: -len(suffix)] if suffix else ""
        if not stem or stem in cfg.spaced_stem_stop or stem in cfg.company_stem_stop:
            continue
        if _is_place(doc, w1.start, w1.start + len(stem)):
            continue  # a second place ("청진 수남 시장"), read by the place rules
        yield doc.finding(
            Kind.ORG, w0.start, w1.start + len(core), cfg.confidence_place_stem, "org.place_named"
        )


def _inner_company(doc: Doc) -> Iterable[Finding | None]:
    """A firm's name and ending at the start of a word that goes on after a particle, the spaces
    lost ("새날테크에서요양보호사로"): stem, company ending, then a particle and more text."""
    rules = doc.rules
    cfg = rules.config.orgs
    companies, lengths = _companies(rules)
    particles = doc.rules.particles
    for w in _WORD.finditer(doc.text):
        found = _glued_company(w.group(), companies, lengths, particles, rules)
        if found:
            yield doc.finding(Kind.ORG, w.start(), w.start() + found, cfg.confidence_company, "org.company")


def _glued_company(
    text: str, companies: frozenset[str], lengths: tuple[int, ...], particles: tuple[str, ...], rules: Rules
) -> int:
    """Length of the stem and company ending at the start of ``text`` (0 if none): the ending starts
    at syllable 2 to 5, and a particle and more text follow it."""
    cfg = rules.config.orgs
    for at in range(2, min(6, len(text))):
        for n in lengths:
            suffix = text[at : at + n]
            if len(suffix) != n or suffix not in companies:
                continue
            stem, rest = text[:at], text[at + n :]
            if not any(rest.startswith(p) and len(rest) > len(p) for p in particles):
                continue  # a word ending at the suffix (or its particle) is _by_suffix's
            if stem in cfg.company_stem_stop or stem in rules.config.names.stop_words or stem.isdigit():
                continue
            if stem in cfg.spaced_stem_stop:
                continue
            return at + n
    return 0


@lru_cache(maxsize=8)
def _companies(rules: Rules) -> tuple[frozenset[str], tuple[int, ...]]:
    """Company endings from ``orgs.tsv`` and their lengths, longest first."""
    names = frozenset(s for s, kind in rules.gazetteers.org_suffixes.items() if kind == "company" and s)
    return names, tuple(sorted({len(s) for s in names}, reverse=True))


_LONG_NAMED = 6  # syllables


def _named(doc: Doc) -> Iterable[Finding | None]:
    fz = doc.rules.config.fuzzy
    for m in doc.exact_matches:
        if any(e.kind is Kind.ORG for e in m.entries):
            start, end = doc.spaced_span(m.start, m.end)
            if " " in doc.text[start:end] and not (
                doc.at_word_start(start) and (tail_ok(doc, end) or len(m.key) >= _LONG_NAMED)
            ):
                # A short name across words is a chance meeting of two; a long one ("국제적십자 위원회직원",
                # a space OCR put in and a noun glued after) is the name whatever follows it.
                continue
            if _temple_in_word(doc, m.key, start, end) or _inside_latin_word(doc, start, end):
                continue
            yield doc.finding(Kind.ORG, start, end, 0.95, "org.named")
    for m in doc.fuzzy_matches:
        if any(e.kind is Kind.ORG for e in m.entries):
            start, end = doc.spaced_span(m.start, m.end)
            if not fuzzy_ok(doc, start, end):
                continue
            if doc.at_word_start(start) and any(_alone_everyday(w) for w in _spellings(doc.text[start:end])):
                continue  # "로동자로": an everyday word one jamo from 로동당, read as that word in place
            first = doc.text[start:end].split()[0]
            head, particle = strip_particles(first, doc) if first != doc.text[start:end] else ("", "")
            if particle and len(head) >= 2 and not m.key.startswith(head) and _alone_everyday(head):
                continue  # "한국말이 어려워요": a noun with its particle, then the next word: no 한국타이어
            grade = Severity.REDACT if m.similarity >= fz.redact_similarity else Severity.REVIEW
            yield doc.finding(
                Kind.ORG, start, end, m.similarity * fz.confidence_scale, "org.named_fuzzy", severity=grade
            )


def _inside_latin_word(doc: Doc, start: int, end: int) -> bool:
    """A Latin acronym (SBU, KAIST) met inside a longer Latin word ("USBUX", "unistyle"): another word."""
    text = doc.text
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return text[start:end].isascii() and any(c.isascii() and c.isalpha() for c in (before, after))


def _ends_in_noun(doc: Doc, start: int, end: int) -> bool:
    """Kiwi reads the word at ``[start, end)`` as ending in a noun of two syllables or more (마을 in
    성모꽃마을): what looks like a particle at its end (을) is the noun's."""
    last = next((m for m in reversed(doc.morphemes_in(start, end)) if m.end == end), None)
    return last is not None and last.tag in ("NNG", "NNP") and last.end - last.start >= 2


def _guessed_whole(doc: Doc, start: int, end: int) -> bool:
    """Kiwi took the whole word ``[start, end)`` for one noun it does not know ("아바지랑나랑": 아바지 +
    랑 + 나 + 랑, dialect it could not split): a noun it guessed says nothing against the particle the
    word seems to end in."""
    morphs = doc.morphemes_in(start, end)
    return len(morphs) == 1 and morphs[0].oov and morphs[0].start == start and morphs[0].end == end


def _adverb(doc: Doc, start: int, end: int) -> bool:
    """Kiwi reads the word at ``[start, end)`` as one adverb ("아주 전기가", "너무 식품을"): it says how,
    not which firm, so it names none before a company ending."""
    morphs = [m for m in doc.morphemes_in(start, end) if m.start >= start]
    return len(morphs) == 1 and morphs[0].end == end and morphs[0].tag in ("MAG", "MAJ")


def _one_noun_word(doc: Doc, start: int, end: int) -> bool:
    """Kiwi reads the word at ``[start, end)`` in the sentence as one noun it knows, ending and all
    (아리랑, 사랑): what looks like a particle at its end (랑, 도) is part of the word."""
    morphs = [m for m in doc.morphemes_in(start, end) if m.start >= start]
    return (
        len(morphs) == 1
        and morphs[0].start == start
        and morphs[0].end == end
        and morphs[0].tag.startswith("NN")
    )


_COMMON_NOUN = frozenset({"NNG"})


# The hesitations of speech before a word ("음 반찬 가게 하면"), no firm's name.
_FILLERS = frozenset({"음", "어", "아", "으음", "흠", "에", "그", "저", "뭐", "막", "이제", "좀"})


def _clause_closed(doc: Doc, word: str, start: int, end: int) -> bool:
    """The word before a filler is a filler too, or Kiwi reads it as closing a sentence or a clause
    (다닌다: 다니 + ㄴ다): what follows the filler opens a new one, as at the start of a text."""
    if word in _FILLERS:
        return True
    morphs = [m for m in doc.morphemes_in(start, end) if m.start >= start]
    return bool(morphs) and morphs[-1].tag in ("EF", "EC") and morphs[-1].end >= end


def _runs_on(doc: Doc, word: str, end: int) -> bool:
    """The word ending at ``end`` and the next word after one space are one everyday noun Kiwi knows
    ("오토 바이" of 오토바이): the pieces of a word OCR or typing split, not a firm's ending."""
    text = doc.text
    if text[end : end + 1] != " ":
        return False
    j = end + 1
    while j < len(text) and "가" <= text[j] <= "힣":
        j += 1
    nxt = text[end + 1 : j]
    if not nxt:
        return False
    morphs = analyse(word + nxt)
    return bool(morphs) and morphs[0].tag == "NNG" and not morphs[0].oov and morphs[0].end > len(word)


@lru_cache(maxsize=4096)
def _one_common_noun(word: str) -> bool:
    """Kiwi reads ``word`` alone as one everyday noun it knows (간호사, 유방암), not a proper noun."""
    if not may_read_alone_as(word, _COMMON_NOUN):
        return False  # not in Kiwi's dictionary as one: no need to ask Kiwi
    morphs = analyse(word)
    return len(morphs) == 1 and morphs[0].tag == "NNG" and not morphs[0].oov and morphs[0].end == len(word)


def _temple_in_word(doc: Doc, key: str, start: int, end: int) -> bool:
    """A temple's name (three syllables ending in 사 or 암: 고운사, 동학사) met as the start of a longer
    word ("고운사람", "동학사상"): the word goes on past it with no particle, so it is another word."""
    endings = doc.rules.config.orgs.temple_endings
    return len(key) <= _MIN_TEMPLE and key.endswith(endings) and not tail_ok(doc, end)


def _after_place_word(doc: Doc, start: int) -> bool:
    """The word before the one at ``start`` is a gazetteer place, one space between ("남포 X공장")."""
    if start < 2 or doc.text[start - 1] != " ":
        return False
    prev = doc.word_at(start - 2)
    return prev is not None and any(e == prev.end for e in doc.places_starting(prev.start))


def _after_glued_phrase(doc: Doc, start: int, end: int) -> int:
    """Where the name before an organisation's ending starts when OCR glued the words before it on
    ("지금은성균관대학교", "사람들은다룡호기업소", "일하던평성림산사업소"): after the last particle or
    adnominal ending Kiwi reads inside the stem (and an adverb of one syllable right after it), if two
    syllables or more are left. A name holds neither, so the phrase before one is not part of it."""
    cut = start
    morphs = [m for m in doc.morphemes_in(start, end) if m.start >= start and m.end <= end]
    after_place = _after_place_word(doc, start)
    for k, m in enumerate(morphs):
        # A particle, or a verb's adnominal ending ("일하던평성림산사업소"), ends the phrase before.
        if not (m.tag.startswith("J") or m.tag == "ETM") or m.start == start or end - m.end < _MIN_NAME:
            continue
        if after_place and m.tag == "ETM" and len(m.form) == 1 and not "가" <= m.form <= "힣":
            continue  # "남포 대안친선…공장": Kiwi's 안치 + ㄴ inside a name after its town is no phrase
        at = m.end
        nxt = morphs[k + 1] if k + 1 < len(morphs) else None
        one_adverb = nxt is not None and nxt.start == at and nxt.tag == "MAG" and nxt.end - nxt.start == 1
        if nxt is not None and one_adverb and end - nxt.end >= _MIN_NAME:
            at = nxt.end
        cut = at
    return cut


_MIN_NAME = 2


def _place_word_before(doc: Doc, words: list[re.Match[str]], i: int) -> bool:
    """The word before ``words[i]``, one space away and without a particle, is a gazetteer place."""
    if i == 0 or doc.text[words[i - 1].end() : words[i].start()] not in (" ", "\n"):
        return False
    prev = words[i - 1]
    if prev.end() not in doc.places_starting(prev.start()):
        return False
    # A country or province holds too many of them: "한국 병원", "함경북도 협동농장" name none.
    entries = doc.rules.lexicon.exact.get(key_of(prev.group()), ())
    return any(e.kind is Kind.PLACE and e.level not in _WIDE_LEVELS for e in entries)


_WIDE_LEVELS = frozenset({"country", "province"})


def _named_workplace(doc: Doc, start: int, end: int) -> Finding | None:
    """ "노민 봉제공장", "뜨락또르 부속품공장": a name before an everyday workplace word, for a moderator."""
    confidence = doc.rules.config.orgs.confidence_compound_stem
    return doc.finding(Kind.ORG, start, end, confidence, "org.suffix", severity=Severity.REVIEW)


def _proper_word_before(doc: Doc, words: list[re.Match[str]], i: int) -> bool:
    """The word before ``words[i]``, one space away, is two syllables or more with no particle that Kiwi
    calls a proper noun or does not know (순천세멘트 of "순천세멘트 련합기업소")."""
    if i == 0 or doc.text[words[i - 1].end() : words[i].start()] != " ":
        return False
    prev = words[i - 1]
    name, ending = strip_particles(prev.group(), doc)
    if ending or len(name) < _MIN_NAME or name in doc.rules.config.names.stop_words or name.isdigit():
        return False
    if any(name in stop for stop in _stem_stops(doc)):
        return False
    return evidence(doc, prev.start(), prev.end()) in (Evidence.PROPER, Evidence.UNKNOWN)


def _name_word_before(doc: Doc, words: list[re.Match[str]], i: int, suffix: str) -> bool:
    """The word before ``words[i]`` (an everyday word ending in an organisation's ending: 봉제공장,
    중앙교회, 새벽시장, 의료봉사단), one space away, is a name: a noun with no particle and no word saying
    where or which (근처, 우리), and either a gazetteer town right before it or, for any kind but a firm's,
    a word Kiwi calls a proper noun or does not know ("한밭 중앙교회", "복대 새벽시장")."""
    if i == 0 or doc.text[words[i - 1].end() : words[i].start()] != " ":
        return False
    kind = doc.rules.gazetteers.org_suffixes.get(suffix)
    if kind is None or kind == "company" or len(suffix) < 2:
        return False
    prev = words[i - 1]
    name, ending = strip_particles(prev.group(), doc)
    if ending or len(name) < 2 or any(name in s for s in _stem_stops(doc)) or prev.group().isdigit():
        return False
    grade = evidence(doc, prev.start(), prev.end())
    # The town before the name ("울란바토르 노민 봉제공장", "만포 뜨락또르 부속품공장": what the works makes
    # names it as well): a lone everyday word could be a person's given name ("영희 봉제공장에서").
    if (
        kind in _LOCALITY_KINDS
        and grade in (Evidence.PROPER, Evidence.UNKNOWN, Evidence.COMMON)
        and _place_word_before(doc, words, i - 1)
    ):
        return True
    # Everyday compounds (중앙교회, 동행센터) are what many bodies are called: the word before them that
    # Kiwi cannot read as an everyday word is the one that says which. Not a country or province, which
    # holds too many of them ("한국 중앙교회").
    return (
        grade in _STRONG
        and not doc.rules.gazetteers.listed_name(name)  # "영희 봉제공장에서": a person, where she worked
        and not _wide_place(doc, prev)
        and not _verb_form(doc, prev.start(), prev.end())
        and not _says_how_or_which(name)
    )


_HOW_OR_WHICH = ("MM", "NNB", "MAG", "MAJ", "NR")


def _says_how_or_which(word: str) -> bool:
    """Kiwi reads ``word`` alone with a determiner, a bound noun, an adverb or a numeral ("한번", "이번",
    "오늘"): it says when, how often or which one, and names nothing."""
    return any(m.tag in _HOW_OR_WHICH for m in analyse(word))


def _wide_place(doc: Doc, word: re.Match[str]) -> bool:
    """``word`` is a gazetteer country or province, or one of the home countries (한국, 북한)."""
    entries = doc.rules.lexicon.exact.get(key_of(word.group()), ())
    wide = any(e.kind is Kind.PLACE and e.level in _WIDE_LEVELS for e in entries)
    return wide or _country(doc, word.group())


def _clause_glued(stem: str) -> bool:
    """Kiwi reads the whole stem alone as a verb Kiwi knows and a connective ending, end to end ("끝나고",
    "퇴근하고", "마치고"): the clause before a word whose space OCR lost, which no name is."""
    morphs = analyse(stem)
    return (
        len(morphs) >= 2
        and not any(m.oov for m in morphs)
        and morphs[0].start == 0
        and morphs[0].tag.startswith(("VV", "VA"))
        and morphs[-1].tag == "EC"
        and morphs[-1].end == len(stem)
        and "가" <= morphs[-1].form[0] <= "힣"
    )


def _verb_form(doc: Doc, start: int, end: int) -> bool:
    """Kiwi reads spaced ``[start, end)`` as a verb or adjective with its ending ("상해서 치과",
    "가서 식품"): a clause before the ending word, not a firm's name. Only known verbs count: a name
    Kiwi does not know is left to the caller."""
    morphs = analyse(doc.text[start:end])  # alone: contracted forms (가서 = 가 + 아서) share a start
    return any(m.tag.startswith(("VV", "VA", "VX")) and not m.oov for m in morphs) and any(
        m.tag.startswith("E") for m in morphs
    )


def _cue_follows(doc: Doc, end: int) -> bool:
    """One of the workplace cues (``workplace_cues``: "에 다니", " 사장님", "에서 일하") follows spaced
    ``end``."""
    after = doc.after(end, 12)
    return any(after.startswith(key) for key in _cue_keys(doc.rules))


@lru_cache(maxsize=8)
def _cue_keys(rules: Rules) -> tuple[str, ...]:
    return tuple(key_of(cue) for cue in rules.config.orgs.workplace_cues)


def _glued_religious(doc: Doc, core: str, suffix: str) -> bool:
    """``core`` is a stem of two to five syllables glued to a religious ending, the stem neither a
    stop word nor a phrase whose space OCR lost ("일요일마다교회": ``religious_stem_endings``)."""
    rules = doc.rules
    if rules.gazetteers.org_suffixes.get(suffix) != "religious":
        return False
    stem = core[: -len(suffix)]
    if not 2 <= len(stem) <= 5 or not hangul_only(stem):
        return False
    if stem in rules.config.orgs.religious_stem_stop or stem in rules.config.orgs.company_stem_stop:
        return False
    parts = analyse(stem)
    if not parts:
        return False
    if _adnominal_church_name(doc, parts):
        return not _suffix_inside_word(core, suffix)  # 는 of 빛나는 is the verb's ending, no particle
    if any(stem.endswith(e) for e in rules.config.orgs.religious_stem_endings):
        return False
    # Not an adverb, determiner or verb form ("매주교회", "열심히교회", "좋은교회"): names of
    # congregations are nouns. (Particles are judged by the list above: Kiwi reads 하나로 as 하나 + 로.)
    if parts[-1].tag.startswith(("MA", "MM", "V", "E", "X")):
        return False
    return not _suffix_inside_word(core, suffix)


_MIN_ADNOMINAL_NAME = 4  # syllables of the stem: a town's two and a verb's two (십정빛나는, 첨단늘푸른)
_MIN_NAME_NOUN = 2


def _adnominal_church_name(doc: Doc, parts: tuple[Morpheme, ...]) -> bool:
    """The stem is a noun (the town or quarter: 십정, 첨단), perhaps an adverb, and a verb or adjective of
    two syllables or more in its adnominal form (빛나는, 늘푸른, 새로운): congregations are named so
    ("십정빛나는교회", "첨단늘푸른교회"). A phrase whose space was lost has a particle in it or no noun
    before the verb ("우리가다니는교회", "매주가는교회"), or says where (근처좋은교회: stop words)."""
    if parts[-1].tag != "ETM" or parts[-1].end < _MIN_ADNOMINAL_NAME:
        return False
    verbs = [p for p in parts if p.tag.startswith(("VV", "VA"))]
    if len(verbs) != 1 or not parts[0].tag.startswith(("NN", "NR")):
        return False  # "매주가는교회": an adverb first, no name
    verb_start = verbs[0].start
    before = [p for p in parts if p.start < verb_start]
    if not all(p.tag.startswith(("NN", "NR", "MAG")) for p in before):
        return False  # a particle or an ending: "우리가다니는교회"
    # Kiwi may read the town alone as a numeral and a bound noun (십정: 십 + 정).
    nominal = [p for p in before if not p.tag.startswith("MAG")]
    if nominal[-1].end - nominal[0].start < _MIN_NAME_NOUN:
        return False
    name = "".join(p.form for p in nominal)
    cfg = doc.rules.config
    if verbs[0].form in cfg.orgs.adnominal_name_verb_stop:
        return False  # "평소다니는교회", "고향같은교회": which church by going there or likeness, no name
    stops = (cfg.places.unknown_stem_stop, cfg.orgs.spaced_stem_stop, cfg.orgs.religious_stem_stop)
    if any(name in stop for stop in stops):
        return False
    # The verb with its ending spans two syllables or more: 빛나는, 푸른 (not 큰, 준, 간).
    return parts[-1].end - verb_start >= _MIN_NAME_NOUN


def _suffix_inside_word(core: str, suffix: str) -> bool:
    """Kiwi reads the ending as the end of a longer everyday word it knows (사계절, 큰명절, 예절, 계절;
    사회복지사): 절 "temple" and 지사 "branch office" also end common nouns, which name no place of
    worship or office. A real name keeps its ending as a word of its own (사랑+교회) or is a proper noun
    (소망교회)."""
    cut = len(core) - len(suffix)
    last = analyse(core)
    return any(
        m.start < cut < m.end
        and m.end >= len(core)
        and m.tag.startswith("NN")
        and m.tag != "NNP"
        and not m.oov
        for m in last
    )


def _workplaces(doc: Doc) -> Iterable[Finding | None]:
    """ "X에 취직했다", "X을 졸업했다": X names a workplace or school when Kiwi cannot call it an
    everyday word."""
    compact = doc.compact
    present = set(compact)
    for key in _workplace_keys(doc.rules):
        if key and key[0] not in present:
            continue  # the search below would find nothing: most cues are not on the page at all
        pos = compact.find(key)
        while pos >= 0:
            start, _ = doc.spaced_span(pos, pos + len(key))
            yield from _workplace_before(doc, start)
            pos = compact.find(key, pos + 1)


@lru_cache(maxsize=8)
def _workplace_keys(rules: Rules) -> tuple[str, ...]:
    """The compact keys of ``orgs.workplace_cues`` and :func:`_job_cues`, in that order (hundreds of
    cues: made once, not on every page)."""
    return tuple(key_of(cue) for cue in (*rules.config.orgs.workplace_cues, *_job_cues(rules)))


@lru_cache(maxsize=8)
def _job_cues(rules: Rules) -> tuple[str, ...]:
    """ "X에서 청소 일 한다", "X에서 용접 일을 했다": the work done there (``orgs.job_words``) between
    에서 and 일 and a verb of doing it; the compact match ignores the spaces."""
    return tuple(
        f"에서 {job} 일{verb}"
        for job in rules.config.orgs.job_words
        for verb in ("하", "했", "한", "해", "을")
    )


def _workplace_before(doc: Doc, start: int) -> Iterable[Finding | None]:
    """The organisation before a workplace cue at spaced ``start``, if any (see :func:`_workplaces`)."""
    cfg = doc.rules.config.orgs
    word = doc.word_at(start)
    if word is None:
        return
    spaced = _spaced_stem(doc, word.start, start) if word.start < start else None
    if (
        word.start < start
        and evidence(doc, word.start, start) in _STRONG
        and not everyday_damaged(doc, doc.text[word.start : start])
    ):
        # "무지개 물류에서 일한다": an ending alone takes the name written apart before it.
        begin = word.start if spaced is None else spaced
        yield doc.finding(Kind.ORG, begin, start, cfg.confidence_workplace, "org.workplace")
    elif spaced is not None:
        # "은하수 학원에서 일한다": an organisation's ending alone before the cue, its name the word
        # before it (OCR or the writer put a space between). Review: the name may be an everyday word
        # ("기계 공장").
        yield doc.finding(
            Kind.ORG,
            spaced,
            start,
            cfg.confidence_compound_stem,
            "org.workplace_spaced",
            severity=Severity.REVIEW,
        )
    elif word.start == start and start >= 2 and doc.text[start - 1] == " ":
        # 태양학원 다니는, 새봄학원 졸업장: an everyday stem glued to a school or workplace ending, then a
        # cue word of its own (not a particle: "기계공장에서 일했다" names no firm). Review.
        prev = doc.word_at(start - 2)
        if prev is not None and prev.end == start - 1 and _suffixed_name(doc, prev.start, prev.end):
            yield doc.finding(
                Kind.ORG, prev.start, prev.end, cfg.confidence_compound_stem, "org.workplace_suffix"
            )


def _spaced_stem(doc: Doc, start: int, end: int) -> int | None:
    """Where the name starts when ``[start, end)`` is an organisation ending of two syllables or more
    on its own and the word before it, one space away, could name one: no particle or adnominal
    ending on it (좋은 학원, 학교의 식당), not a stop word (우리 공장, 동네 식당)."""
    suffixes, _ = _suffixes(doc.rules)
    if doc.text[start:end] not in suffixes or end - start < 2 or start < 2 or doc.text[start - 1] != " ":
        return None
    prev = doc.word_at(start - 2)
    if prev is None or prev.end != start - 1 or prev.end - prev.start < 2:
        return None
    stem, ending = strip_particles(prev.text, doc)
    orgs, names = doc.rules.config.orgs, doc.rules.config.names
    stops = (
        names.stop_words,
        orgs.company_stem_stop,
        orgs.religious_stem_stop,
        orgs.spaced_stem_stop,
        doc.rules.config.places.unknown_stem_stop,
    )
    if ending or any(stem in stop for stop in stops):
        return None
    if evidence(doc, prev.start, prev.end) is Evidence.PREDICATE:
        return None  # 큰 공장, 다니던 식당: a verb form before the ending
    return prev.start


def _suffixed_name(doc: Doc, start: int, end: int) -> bool:
    """``[start, end)`` is a stem of two syllables or more glued to an ending of organisation names,
    and not one everyday word (대학교) nor an everyday stem on the stop lists."""
    core = doc.text[start:end]
    suffix = _suffix_of(core, doc.rules)
    stem = core[: -len(suffix)] if suffix else ""
    if len(stem) < 2 or len(suffix) < 2 or not stem.isalpha():
        return False
    if stem in doc.rules.config.names.stop_words or stem in doc.rules.config.orgs.company_stem_stop:
        return False
    return evidence(doc, start, end) is not Evidence.COMMON and evidence(doc, start, start + len(stem)) in (
        *_STRONG,
        Evidence.COMMON,
    )


_LATIN_BRAND = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2,4}(?:[0-9]{1,3} ?)?[가-힣]{2,10}")
# A Hangul name glued to the Latin mark of a firm's trade or form ("태광ENG", "대성E&C", "한빛C&T",
# "새날INC"), OCR's space inside the mark or before it ("동진EN G", "동진 ENG"): builders, engineering
# subcontractors of shipyards and works go by such names.
_HANGUL_LATIN_FIRM = re.compile(
    r"(?<![가-힣A-Za-z0-9])[가-힣]{2,6}"
    r"(?: ?(?:E ?N ?G|E ?& ?C|E ?& ?T|E ?& ?A|C ?& ?T|I ?& ?C|S ?& ?T|T ?& ?C|S ?& ?C)"
    r"|ENC|INC|CORP|Corp|LTD|Ltd)"
    r"(?![A-Za-z])"
)
# Legal forms written before a name: a firm's (주식회사, (주)) and a non-profit's (사단법인, 재단법인,
# (사), (재)), which NGOs that carry letters use ("사단법인 물망초"). The form is part of the name.
# OCR may put a space between any two syllables of a form ("사 단법인", "주식 회사"), so each is matched
# with an optional space after every syllable.
# 도서출판 ("book publishing") opens a small publisher's name the same way ("도서출판 새벽강").
_FIRM_FORMS = ("주식회사", "유한회사", "도서출판")
_CORPORATION_KINDS = (
    "사단",
    "재단",
    "사회복지",
    "학교",
    "의료",
    "비영리",
    "법무",
    "세무",
    "회계",
    "특허",
    "노무",
)


def _spaced(word: str) -> str:
    """A pattern for ``word`` with an optional space between its syllables."""
    return " ?".join(word)


_FORMS = (
    r"(?:\(주\)|\(유\)|㈜|"
    + "|".join(_spaced(w) for w in _FIRM_FORMS)
    + "|(?:"
    + "|".join(_spaced(w) for w in _CORPORATION_KINDS)
    + ") ?"
    + _spaced("법인")
    + r"|\((?:사|재|사단|재단)\))"
)
_CORP = re.compile(_FORMS + r" ?[가-힣A-Za-z0-9]{2,15}")


@lru_cache(maxsize=8)
def _form_not_names(rules: Rules) -> tuple[frozenset[str], tuple[str, ...]]:
    """Words that follow 사단법인 without naming one (``orgs.form_not_names``), as a set and a tuple."""
    words = rules.config.orgs.form_not_names
    return words, tuple(sorted(words))


def _brands(doc: Doc) -> Iterable[Finding | None]:
    """ "SK하이닉스", "(주)새날": Latin initials glued to a Hangul name, and names marked as companies."""
    cfg = doc.rules.config.orgs
    not_names, not_name_ends = _form_not_names(doc.rules)
    for rx in (_LATIN_BRAND, _CORP, _HANGUL_LATIN_FIRM):
        for m in rx.finditer(doc.text):
            core, _ = strip_particles(m.group(), doc)
            if len(core) < 3 or core.split()[-1] in not_names or core.endswith(not_name_ends):
                continue
            if rx is _HANGUL_LATIN_FIRM and _everyday_firm_stem(doc, m.group()):
                continue
            yield doc.finding(Kind.ORG, m.start(), m.start() + len(core), cfg.confidence_company, "org.brand")


def _everyday_firm_stem(doc: Doc, found: str) -> bool:
    """The Hangul before a firm's Latin mark written apart ("우리 E&C", "이비인후과 ENG") says which kind
    or whose, not which firm: a stop word, an everyday stem or a word with a particle."""
    stem = re.match(r"[가-힣]+", found)
    if stem is None or found[stem.end() : stem.end() + 1] != " ":
        return False
    word = stem.group()
    cfg = doc.rules.config
    return (
        word in cfg.names.stop_words
        or word in cfg.orgs.company_stem_stop
        or word in cfg.orgs.spaced_stem_stop
        or bool(strip_particles(word, doc)[1])
        or _one_common_noun(word)
    )


_BRANCH = re.compile(
    r" ?(?:(?:\(주\)|㈜)?[가-힣]{1,6}?"
    r"(?:점|지점|분점|본점|지사|지부|지회|분회|공장|건설장|본원|분원|분교|캠퍼스|학과|학부)"
    # The branch's town and its word, which OCR set apart ("재향군인회 춘천시 지회").
    r"|[가-힣]{2,6} (?:지점|분점|본점|지사|지부|지회|분회|본원|분원|분교)"
    # A room of a centre, school or hospital with its own staff ("하나원 의무실", "X학교 교무실"): the few
    # people who work there.
    r"|(?:의무|교무|행정|상담|보건|진료|교원|연구)실"
    # A bureau, office, department or team of a ministry, committee or firm ("철도성 화물국", "X건설
    # 기획처", "X전자 영업팀", "도당위원회 선전선동부"; a department of three syllables or more: a
    # church's 청년부 is its youth group, not a body of its own).
    r"|[가-힣]{2,5}?(?:국|처|팀|과)|[가-힣]{3,5}?부"
    # A church's or school's own group, named for whom it gathers or what it does ("X교회 청년부", "X대
    # 축구부", "X고 밴드부"): one congregation's youth or one team is a small circle. Listed, as 전부, 일부
    # and 간부 are 부 words too.
    r"|(?:청년|학생|중고등|청소년|대학|장년|유년|아동|주일학교|여전도|남전도|선교|찬양|성가|축구|야구|농구"
    r"|배구|수영|육상|태권도|유도|검도|씨름|탁구|배드민턴|핸드볼|럭비|하키|합창|밴드|댄스|응원|연극|미술"
    r"|사진|봉사)(?:부|회|대|팀)"
    # A language department, named for the language ("X외대 우크라이나어과", "X대 노어학과").
    r"|[가-힣]{2,8}?어(?:학)?과"
    # A ministry's division is often named for its whole task ("통일부 북한이탈주민지원과", "X부
    # 인도협력국"): longer, but the same word right after the body.
    r"|[가-힣]{6,10}?(?:지원과|정책과|협력과|관리과|지원국|협력국|정책국|관리국)"
    # A university's graduate programme or major, after a word for its subject ("X대학교 통일학
    # 협동과정", "X대학 북한학 전공"): a small class of people, like a department.
    r"|[가-힣]{1,6}학 ?(?:협동과정|[가-힣]{0,4}?전공|[가-힣]{0,4}?학과)"
    # A hospital's ward, by its floor or number ("X의료원 7층 통합치료병동", "X병원 71병동").
    r"|(?:[0-9][0-9lIO]{0,2}층 ?)?(?:[0-9][0-9lIO]{0,2} ?|[가-힣]{0,8}?)병동"
    r"|마을|건설장"
    # A subcontractor of a named firm ("삼성디스플레이 협력업체", "현대중공업 1차 하청업체"): one of
    # the few firms around that works.
    r"|(?:[0-9]차 ?)?(?:협력업체|하청업체|협력회사|하청회사|협력사)"
    # A branch spelled out syllable by syllable as the line around it ("올 리 브 영 충 장 로 점"), its
    # first syllable no particle of the word before.
    r"|(?![에은는이가을를도의와과로서] )(?:[가-힣] ){2,6}점(?![가-힣])"
    # A numbered pit, shaft or work team of a mine or farm ("아오지탄광 2갱", "X농장 3작업반").
    r"|[0-9]{1,3} ?(?:호 ?)?(?:갱|작업반|분조|직장))(?P<rest>[가-힣]*)"
)


def _branch(doc: Doc, end: int) -> int | None:
    """End of a branch or department right after an organisation ending at spaced ``end``
    ("태양치과 석사동점", "가톨릭대학교 간호학과에서"): what follows it in its word must be a particle."""
    m = _BRANCH.match(doc.text, end)
    rest = (m.groupdict().get("rest") or "") if m is not None else ""
    if m is not None and (not rest or rest in doc.rules.particles):
        return m.end() - len(rest)
    village = VILLAGE.match(doc.text, end)  # "X협동농장 마을이었지": the copula is no particle
    return village.end() if village is not None else None


# An organisation's Latin acronym in brackets right after its name.
_ACRONYM_AFTER = re.compile(r" ?\([A-Z][A-Za-z&.]{1,9}\)")
_FRAGMENT_BEFORE = re.compile(r"(?:^|(?<=[\s,.]))([가-힣]) $")
_CORP_BEFORE = re.compile(_FORMS + r" ?$")
# Latin letters and digits glued on before a name, from the start of its word: a group's initials
# ("LG디스플레이", "SK하이닉스"), which OCR may misread into digits ("L6디스플레이") so that the rules
# find the name only from the digit or the Hangul on.
_LATIN_HEAD = re.compile(r"(?<![0-9A-Za-z&])[0-9A-Za-z&]*[A-Za-z][0-9A-Za-z&]*$")


def _latin_head_before(doc: Doc, start: int) -> int:
    """``start`` moved back over Latin initials glued to it (see _LATIN_HEAD)."""
    head = _LATIN_HEAD.search(doc.text, max(0, start - 8), start)
    return head.start() if head is not None else start


def _suffix_word_after(doc: Doc, end: int) -> int:
    """ "쿠팡 물류센터에서", "X건설 동남구점": a word after an organisation that is itself an ending of
    organisation names (a unit of the same body) is part of it."""
    if doc.text[end : end + 1] != " ":
        return end
    word = doc.word_at(end + 1)
    if word is None or word.start != end + 1:
        return end
    core, _ = strip_particles(word.text, doc)
    suffixes, _ = _suffixes(doc.rules)
    if len(core) >= 2 and (core in suffixes or _suffix_of(core, doc.rules)):
        return word.start + len(core)
    if len(core) >= 2 and core.endswith(doc.rules.config.orgs.sub_body_endings):
        return word.start + len(core)  # "X교구 민족화해위원회", "X수협 공판장": a body inside it
    glued = _ending_before_particle(doc, word.text)
    return word.start + glued if glued else end


def _ending_before_particle(doc: Doc, text: str) -> int:
    """Length of the start of ``text`` that ends in an organisation ending of two syllables or more
    followed by a particle and more text, the spaces after it lost ("인천캠퍼스에서용접을"); 0 if none."""
    suffixes, lengths = _suffixes(doc.rules)
    for at in range(len(text) - 1, 1, -1):
        rest = text[at:]
        if not any(rest.startswith(p) and len(rest) > len(p) for p in doc.rules.particles):
            continue
        if any(n >= 2 and at >= n and text[at - n : at] in suffixes for n in lengths):
            return at
    return 0


def _suffix_word_before(doc: Doc, start: int) -> int:
    """ "산곡역 화물작업반": a word right before an organisation, with no particle, that ends in an
    ending of organisation names after a stem of two syllables or more, is the body it belongs to."""
    if start < 2 or doc.text[start - 1] != " ":
        return start
    word = doc.word_at(start - 2)
    if word is None or word.end != start - 1:
        return start
    core, ending = strip_particles(word.text, doc)
    suffix = _suffix_of(core, doc.rules)
    stem = core[: -len(suffix)] if suffix else ""
    if ending or len(stem) < 2 or stem in doc.rules.config.names.stop_words:
        return start
    if evidence(doc, word.start, word.start + len(stem)) in (Evidence.PREDICATE, Evidence.INSIDE):
        return start
    return word.start


# Churches and orders name the body above a diocese, parish or temple first ("천주교 의정부교구",
# "대한불교조계종 화계사"): the denomination is part of the name the letter gives.
_DENOMINATIONS = frozenset(
    {
        "천주교",
        "개신교",
        "기독교",
        "불교",
        "원불교",
        "성공회",
        "대한성공회",
        "조계종",
        "대한불교조계종",
        "천태종",
        "대한불교천태종",
        "태고종",
        "정교회",
        "구세군",
        "감리교",
        "장로교",
        "침례교",
        "성결교",
        "순복음",
        "기독교대한감리회",
        "대한예수교장로회",
        "기독교대한성결교회",
        "천주교회",
        # The same churches as foreign and younger writers name them ("가톨릭 한일 평화 연대", "러시아
        # 정교회 X성당"), and the other faiths of letters from abroad.
        "가톨릭",
        "카톨릭",
        "로마가톨릭",
        "러시아정교회",
        "우크라이나정교회",
        "루터교",
        "감리회",
        "장로회",
        "성결교회",
        "침례교회",
        "오순절",
        "여의도순복음",
        "이슬람",
        "유대교",
        "힌두교",
    }
)


def _denomination_before(doc: Doc, start: int) -> int:
    """Start of the denomination right before an organisation, one space away, else ``start``."""
    if start < 2 or doc.text[start - 1] not in " \n":
        return start
    word = doc.word_at(start - 2)
    if word is None or word.end != start - 1 or word.text not in _DENOMINATIONS:
        return start
    return word.start


_MAX_FRAGMENTS = 2
# A name of a date a factory or school is named after, right before the rest of its name ("2.8비날론",
# "4.25"), that the word pattern cut off at the dot.
# The dot may be a middle dot ("5·18기념재단", "4·3평화재단", "6ㆍ15 공동선언").
_DATE_NAME_BEFORE = re.compile(r"(?<![\d.·ㆍ])\d{1,2}[.·ㆍ]$")
# A works named after a month and day written apart before it ("2.8 직동청년탄광", "4.25 X공장"); OCR of
# handwriting reads the day's 8 as B, 0 as O and 1 as l or I ("2.B 직동 청년 탄광").
# Glued to the name, the misread day still marks one ("2.B비날론련합기업소"): a letter after "2." is no
# decimal.
_DATE_MARK_BEFORE = re.compile(
    r"(?:^|(?<=[\s(]))[0-9]{1,2}[.·ㆍ](?:(?:[0-9]{1,2}|[0-9]?[BOlI])\s{1,2}|[0-9]?[BOlI])$"
)


def _name_before(doc: Doc, start: int) -> int:
    """Where an organisation starts when the place it is in, or the date it is named after, stands
    right before it ("함흥 2.8비날론련합기업소", "서울 목동 사랑의교회", "세포등판 축산기지"): a
    gazetteer place ending its word (no particle after it) one space or nothing before, and a
    "2." before a number. Repeated, for "평안남도 순천 X공장"."""
    for _ in range(4):
        d = _DATE_NAME_BEFORE.search(doc.text, max(0, start - 3), start)
        if d is not None and start < len(doc.text) and doc.text[start].isdigit():
            start = d.start()
            continue
        mark = _DATE_MARK_BEFORE.search(doc.text, max(0, start - 8), start)
        if mark is not None:
            start = mark.start()
            continue
        public = _public_before(doc, start)
        if public != start:
            start = public
            continue
        end = start - 1 if start >= 1 and doc.text[start - 1] in " \n" else start
        begin = _place_ending_at(doc, end)
        if begin is None or begin == start:
            break
        start = begin
    return start


def _word_before(doc: Doc, start: int) -> Span | None:
    """The word ending one space or line break before ``start``, if any."""
    if start < 2 or doc.text[start - 1] not in " \n":
        return None
    word = doc.word_at(start - 2)
    return word if word is not None and word.end == start - 1 else None


def _public_only(doc: Doc, f: Finding) -> bool:
    """``f`` is only a word of ``orgs.public_prefixes`` and an organisation's ending (국립대학교, 시립
    어린이집), nothing naming which."""
    text = doc.text[f.start : f.end].replace(" ", "")
    suffix = _suffix_of(text, doc.rules)
    return bool(suffix) and text[: -len(suffix)] in doc.rules.config.orgs.public_prefixes


def _public_before(doc: Doc, start: int) -> int:
    """Start of what says who runs the organisation at ``start`` and of the name it is called after
    (``orgs.public_prefixes``: "키이우 국립 언어대학교", "오데사 메치니코프 국립대학교"): a prefix word one
    space before is taken in; before an organisation that starts with a prefix, so is a word without a
    particle Kiwi calls a proper noun or does not know (메치니코프). Else ``start``."""
    prefixes = doc.rules.config.orgs.public_prefixes
    word = _word_before(doc, start)
    if word is not None and word.text in prefixes:
        return word.start
    if not any(doc.text.startswith(p, start) for p in prefixes) or word is None:
        return start
    if strip_particles(word.text, doc)[1] or word.text in doc.rules.config.names.stop_words:
        return start
    if evidence(doc, word.start, word.end) in (Evidence.PROPER, Evidence.UNKNOWN):
        return word.start
    return start


_MAX_EPONYM_WORDS = 2  # "타라스 셰우첸코": a given name and a surname


def _eponym_before(doc: Doc, start: int) -> int:
    """Start of the person a state university is named after, before its city ("카라진 하르키우
    국립대학교", "타라스 셰우첸코 키이우 국립대"), as universities of the former Soviet Union are: up to
    two words without a particle that Kiwi calls proper nouns or does not know, right before an
    organisation that is a listed place, a space and ``orgs.public_prefixes`` (국립 …). Else ``start``."""
    head = doc.word_at(start)
    if head is None or head.start != start or not _is_place(doc, head.start, head.end):
        return start
    after = doc.word_at(head.end + 1)
    prefixes = doc.rules.config.orgs.public_prefixes
    if after is None or after.start != head.end + 1 or not after.text.startswith(tuple(prefixes)):
        return start
    for _ in range(_MAX_EPONYM_WORDS):
        word = _word_before(doc, start)
        if word is None or strip_particles(word.text, doc)[1]:
            break
        if word.text in doc.rules.config.names.stop_words:
            break
        if evidence(doc, word.start, word.end) not in _STRONG:
            break
        start = word.start
    return start


_MISSION_ENDS = tuple(_MISSIONS)


def _mission_country_before(doc: Doc, start: int, end: int) -> int:
    """ "주베트남 대한민국대사관", "주몽골 한국대사관": an embassy or consulate ending at ``end`` takes in
    the word before it that is 주 ("resident in") glued to the host country; that country says where
    the writer went for help."""
    if not doc.text.endswith(_MISSION_ENDS, 0, end) or start < 2 or doc.text[start - 1] != " ":
        return start
    word = doc.word_at(start - 2)
    if word is None or word.end != start - 1:
        return start
    core, _ = strip_particles(word.text, doc)
    if core.startswith("주") and len(core) >= 3 and _country(doc, core[1:]):
        return word.start
    return start


_MAX_BRANCHES = 3


def _firm_before_branch(doc: Doc, start: int, end: int) -> int:
    """ "동해화물 포항지점", "현대제철 당진공장": an organisation that is a place and a branch ending
    (``orgs.branch_endings``) is a branch of the firm named one space before it, a word with no
    particle that Kiwi calls a proper noun or does not know, or a compound of nouns; else ``start``."""
    cfg = doc.rules.config
    own = doc.word_at(start)
    if own is None or own.start != start:
        return start
    core = strip_particles(own.text, doc)[0]
    ending = next((e for e in cfg.orgs.branch_endings if core.endswith(e) and len(core) > len(e)), "")
    if not ending or not _place_branch(doc, core[: -len(ending)]):
        return start
    word = _word_before(doc, start)
    if word is None or doc.text[start - 1] != " ":
        return start
    stem, particle = strip_particles(word.text, doc)
    if particle or len(stem) < 2 or stem in cfg.names.stop_words or any(stem in s for s in _stem_stops(doc)):
        return start
    if _is_place(doc, word.start, word.end) and not _noun_compound(doc, word.start, word.end):
        return start
    if evidence(doc, word.start, word.end) in _STRONG or _noun_compound(doc, word.start, word.end):
        return word.start
    return start


def _stray_stem_before(doc: Doc, start: int) -> int:
    """ "삼지 강협동농장", "청주한 빛요양병원", "고려인문 화센터": an organisation whose own word holds a
    single syllable before its ending had the space of its name put one syllable too late (삼지강, 한빛,
    고려인 문화); the word one space before, with no particle, is the rest of its name. Not a word of
    one syllable (fragment logic takes those), a stop word or a verb form (좋은 새병원)."""
    own = doc.word_at(start)
    if own is None or own.start != start or start < 2 or doc.text[start - 1] != " ":
        return start
    core = strip_particles(own.text, doc)[0]
    suffix = _suffix_of(core, doc.rules)
    if not suffix or len(core) - len(suffix) != 1 or core[0] in doc.rules.config.orgs.fragment_stop:
        return start
    word = _word_before(doc, start)
    if word is None or word.end - word.start < 2:
        return start
    stem, particle = strip_particles(word.text, doc)
    if particle or stem in doc.rules.config.names.stop_words or any(stem in s for s in _stem_stops(doc)):
        return start
    if evidence(doc, word.start, word.end) is Evidence.PREDICATE and _verb_form(doc, word.start, word.end):
        return start
    return word.start


_UNKNOWN = (Evidence.UNKNOWN, Evidence.FRAGMENT)


def _unknown_before(doc: Doc, start: int) -> int:
    """ "메치니 코프 병원": an organisation named by a foreign word OCR or the writer split (메치니코프,
    Mechnikov): its first word and the word one space before are both words Kiwi does not know, the one
    before without a particle; that word is the start of the name."""
    own = doc.word_at(start)
    if own is None or own.start != start:
        return start
    word = _word_before(doc, start)
    if word is None or word.end - word.start < 2 or doc.text[start - 1] != " ":
        return start
    stem, particle = strip_particles(word.text, doc)
    if particle or stem in doc.rules.config.names.stop_words:
        return start
    core = strip_particles(own.text, doc)[0]
    suffix = _suffix_of(core, doc.rules)
    own_end = own.start + len(core) - len(suffix) if suffix else own.end
    if own_end <= own.start:
        return start
    own_ev = evidence(doc, own.start, own_end)
    # Or a farm's or a works' product word apart from its ending ("감귤 작목반", "딸기 영농조합"), after a
    # village's name Kiwi does not know ("하귀 감귤 작목반"): the village is which group it is.
    product = own_ev is Evidence.COMMON and not suffix and _group_of_village(doc, own.end)
    if own_ev not in _UNKNOWN and not product:
        return start
    return word.start if evidence(doc, word.start, word.end) in _UNKNOWN else start


def _group_of_village(doc: Doc, end: int) -> bool:
    """The word one space after spaced ``end`` is a co-operative's or a workplace's ending alone."""
    if doc.text[end : end + 1] != " ":
        return False
    nxt = doc.word_at(end + 1)
    if nxt is None or nxt.start != end + 1:
        return False
    core = strip_particles(nxt.text, doc)[0]
    return doc.rules.gazetteers.org_suffixes.get(core) == "workplace"


_TOWN_ENDINGS = ("동", "읍", "면", "리", "구", "군", "시")


def _place_stem_before(doc: Doc, start: int) -> int:
    """ "세류동에 살고 세류 손맛반찬", "노형동에 살아 노형 해오름 카페", "포승읍에서 포승 물류센터": a
    shop or works named after its quarter or town by the town's name without 동 or 읍, when the letter
    names that quarter or town: the word one space before, with no particle, is taken in."""
    word = _word_before(doc, start)
    if word is None or word.end - word.start < 2 or strip_particles(word.text, doc)[1]:
        return start
    # The whole word, or its end when OCR glued the phrase before on ("살아노형 해오름 카페").
    for at in range(word.end - word.start - 1):
        stem = word.text[at:]
        if stem in doc.rules.config.names.stop_words:
            continue
        for m in re.finditer(re.escape(stem), doc.text):
            after = doc.text[m.end() : m.end() + 1]
            if after in _TOWN_ENDINGS and (m.start() == 0 or not doc.text[m.start() - 1].isalpha()):
                return word.start + at
    return start


def _place_ending_at(doc: Doc, end: int) -> int | None:
    """Start of a gazetteer place that ends at spaced ``end``, where its word ends too, and starts its
    word or a morpheme of Kiwi's ("어머니는함흥": OCR glued the phrase before on)."""
    word = doc.word_at(end - 1) if end >= 1 else None
    if word is None or word.end != end:
        return None
    for m in doc.exact_matches_ending(end):
        if not any(e.kind is Kind.PLACE for e in m.entries):
            continue
        s, _ = doc.spaced_span(m.start, m.end)
        if s >= word.start and (s == word.start or aligned(doc, s, end)):
            return s
    return None


def _extend(doc: Doc, found: list[Finding]) -> list[Finding]:
    """An organisation runs on over its branch ("태양치과 석사동점", "X발전소 건설장") and back over
    "(주)"."""
    out: list[Finding] = []
    for f in found:
        start, end = doc.spaced_range(f.start, f.end)
        for _ in range(_MAX_BRANCHES):  # "통일부 인도협력국 이산가족과": a bureau, then its division
            branch_end = _branch(doc, end)
            if branch_end is None or branch_end <= end:
                break
            end = branch_end
        start = _place_stem_before(doc, _unknown_before(doc, _stray_stem_before(doc, start)))
        start = _mission_country_before(doc, _firm_before_branch(doc, _name_before(doc, start), end), end)
        for _ in range(_MAX_FRAGMENTS):
            f_ = _FRAGMENT_BEFORE.search(doc.text, max(0, start - 3), start)
            if f_ is None or f_.group(1) in doc.rules.config.orgs.fragment_stop:
                break
            start = f_.start(1)  # "림 탄인민학교", "서 울 목동 교회": OCR split syllables of the name off
        b = _CORP_BEFORE.search(doc.text, max(0, start - 6), start)
        if b is not None:
            start = b.start()
        start = _latin_head_before(doc, start)
        end = _latin_name_after(doc, _quoted_name_after(doc, _suffix_word_after(doc, end)))
        if f.rule == "org.named":
            end = _hub_after(doc, end)
        acronym = _ACRONYM_AFTER.match(doc.text, end)
        if acronym is not None:
            end = acronym.end()  # "우크라이나 보안국(SBU)", "국가정보원(NIS)": its acronym in brackets
        start = _denomination_before(doc, _suffix_word_before(doc, start))
        start = _eponym_before(doc, _owner_before(doc, start))
        if f.rule == LETTER_SPACED:
            # Spaced syllable by syllable, every syllable before is a word of its own to the rules that
            # read a name back; the place that opens the finding is where its name starts.
            start = doc.spaced_range(f.start, f.end)[0]
        if start == f.start and _public_only(doc, f):
            continue  # "국립대학교 등록금": who runs it and the kind of school, no name
        g = doc.finding(Kind.ORG, start, end, f.confidence, f.rule, severity=f.severity)
        out.append(g if g is not None else f)
    return out


_NUMERALS = "일이삼사오육륙칠팔구십"
# A listed firm's hub or depot by its town and number ("쿠팡 시흥2캠프", spoken "쿠팡 시흥 이 캠프",
# "CJ대한통운 김해 터미널"): where the writer sorts or drives, so where the writer lives.
_HUB_AFTER = re.compile(
    r" ([가-힣]{2,4})(?: ?(?:[0-9]{1,2}|[일이삼사오육칠팔구십]{1,2}))? ?"
    r"(?:캠프|물류센터|센터|허브|터미 ?널|풀필먼트 ?센터|HUB|서브|캠)(?P<rest>[가-힣]*)"
)


def _hub_after(doc: Doc, end: int) -> int:
    """End of a hub or depot named by a town right after a listed firm ending at spaced ``end``
    (:data:`_HUB_AFTER`): the word after the firm must begin with a listed place, and only a particle
    may follow the hub's word."""
    m = _HUB_AFTER.match(doc.text, end)
    if m is None or (m.group("rest") and m.group("rest") not in doc.rules.particles):
        return end
    if not doc.places_starting(m.start(1)):
        return end
    return m.end() - len(m.group("rest"))


# What stands before an organisation and belongs to its name, one or two spaces away (spaced typing puts
# two): "제" before its number ("평양 제 1 백화점"), and the date a North Korean works is named after
# ("이월팔일 기계공장", "청진 칠일 수산사업소"; see ``_date_named``).
_NUMBER_MARK_BEFORE = re.compile(r"(?:^|(?<=\s))제\s{1,2}$")
_DATE_NAME = (
    f"(?:(?:[0-9]{{1,2}}|[{_NUMERALS}]{{1,3}})월(?: ?(?:[0-9]{{1,2}}|[{_NUMERALS}]{{1,3}})일)?"
    f"|[{_NUMERALS}]{{1,3}}일|[0-9]{{1,2}}\\.[0-9]{{1,2}})"
)
_DATE_WORD_BEFORE = re.compile(f"(?:^|(?<=[\\s(]))({_DATE_NAME})\\s{{1,2}}$")
_GAP_BEFORE = re.compile(r"\s{1,2}$")
_DATE_NAMED = re.compile(f"(?<![가-힣0-9.])({_DATE_NAME})\\s{{1,2}}([가-힣]{{2,14}})")
_MONTH_DAY = re.compile("월 ?[0-9일이삼사오육륙칠팔구십]|[0-9]\\.[0-9]")


def _date_named(doc: Doc) -> Iterable[Finding | None]:
    """North Korean works named after a date, written apart from it ("이월팔일 기계공장", "2.8 비날론공장",
    "청진 칠일 수산사업소"): a date's name, then a word that is an everyday stem and an organisation's
    ending. A month and day is a name enough; a month or a day alone only after the town or the state
    (조선) the works belongs to."""
    cfg = doc.rules.config.orgs
    for m in _DATE_NAMED.finditer(doc.text):
        core = _without_glued_verb(strip_particles(m.group(2), doc)[0], doc.rules)
        suffix = _suffix_of(core, doc.rules)
        if not suffix or doc.rules.gazetteers.org_suffixes.get(suffix) == "religious":
            continue
        if _MONTH_DAY.search(m.group(1)) is None:
            head = doc.text[max(0, m.start() - 12) : m.start()]
            gap = _GAP_BEFORE.search(head)
            word = doc.word_at(m.start() - len(gap.group()) - 1) if gap is not None else None
            owned = word is not None and word.end == m.start() - len(gap.group() if gap else "")
            if not owned or word is None:
                continue
            if word.text not in cfg.owner_prefixes and _place_ending_at(doc, word.end) is None:
                continue
        yield doc.finding(
            Kind.ORG, m.start(1), m.start(2) + len(core), cfg.confidence_word_stem, "org.date_named"
        )


# A school or works by its number alone, the number written apart ("제삼 초급중학교", "제2 고급중학교"):
# 제 and a number in digits or Hangul, then a word that is a listed ending of three syllables or more.
_NUMBER_WORD = re.compile(
    f"(?<![가-힣0-9])(제(?: ?[0-9lIO]{{1,3}}|[{_NUMERALS}]{{1,3}}))\\s{{1,2}}([가-힣]{{3,12}})"
)


def _numbered_bare(doc: Doc) -> Iterable[Finding | None]:
    """See ``_NUMBER_WORD``; not 제일, which is also "most"."""
    cfg = doc.rules.config.orgs
    suffixes, _ = _suffixes(doc.rules)
    for m in _NUMBER_WORD.finditer(doc.text):
        core = _without_glued_verb(strip_particles(m.group(2), doc)[0], doc.rules)
        if core not in suffixes or doc.rules.gazetteers.org_suffixes.get(core) not in _LOCALITY_KINDS:
            continue
        if m.group(1) == "제일" and _place_ending_at(doc, m.start(1) - 1) is None:
            # "제일 중학교 때가 좋았다": "most", not number one; "회령 제일 중학교": the town's first
            continue
        yield doc.finding(
            Kind.ORG, m.start(1), m.start(2) + len(core), cfg.confidence_numbered_stem, "org.numbered"
        )


def _belonging(doc: Doc) -> Iterable[Finding | None]:
    """A workplace or school glued to a word for its housing or grounds, the spaces lost
    ("회령유선탄광사택이였고", "X광산마을에서"): an ending of two syllables or more right before one of
    ``orgs.belonging_words`` inside the word, its stem graded like any other (탄광사택, 기계공장합숙
    name none)."""
    rules = doc.rules
    words = rules.config.orgs.belonging_words
    if not words:
        return
    for w in _WORD.finditer(doc.text):
        text = w.group()
        for word in words:
            at = text.find(word, 3)
            if at < 0:
                continue
            head = text[:at]
            suffix = _suffix_of(head, rules)
            if len(suffix) < 2 or rules.gazetteers.org_suffixes.get(suffix) not in _LOCALITY_KINDS:
                continue
            stem_end = w.start() + at - len(suffix)
            start = _after_glued_phrase(doc, w.start(), stem_end)
            conf = _stem_grade(doc, start, stem_end, suffix)
            if conf is not None and conf >= rules.config.orgs.confidence_proper_stem:
                yield doc.finding(Kind.ORG, start, w.start() + at, conf, "org.belonging")
            break


def _owner_before(doc: Doc, start: int) -> int:
    """Start of what names an organisation before ``start`` (repeated, for "평양 제 1 백화점", "칭다오 한인
    새생명교회"): the number mark 제, a word of ``orgs.owner_prefixes`` (조선 for the
    state's firms, 한인 or 고려인 for a community's church abroad), the name before an organisation
    whose own words hold none (a bare ending or a number: "조선엑스포 합영회사", "아무르 제12림산사업소"),
    and the place before them all."""
    cfg = doc.rules.config.orgs
    for _ in range(4):
        head = doc.text[max(0, start - 12) : start]
        mark = _NUMBER_MARK_BEFORE.search(head) if doc.text[start : start + 1].isdigit() else None
        gap = _GAP_BEFORE.search(head)
        width = len(gap.group()) if gap is not None else 0
        word = doc.word_at(start - width - 1) if width and start > width else None
        if word is not None and word.end != start - width:
            word = None
        if mark is not None:
            start -= len(head) - mark.start()
        elif word is not None and (word.text in cfg.owner_prefixes or _names_nameless(doc, word, start)):
            start = word.start
        else:
            break
        start = _name_before(doc, start)
    return start


def _names_nameless(doc: Doc, word: Span, start: int) -> bool:
    """``word`` is the name of the organisation at ``start``, which has none of its own words: it starts
    with a number (제12림산사업소) or is a listed ending alone (합영회사, 통일연대), and ``word`` is a
    proper noun, a word Kiwi does not know or a place, with no particle."""
    own = doc.word_at(start)
    core = strip_particles(own.text, doc)[0] if own is not None and own.start == start else ""
    numbered = re.match(r"제? ?[0-9lIO]", doc.text[start : start + 4]) is not None
    if not numbered and core not in _suffixes(doc.rules)[0]:
        return False
    stem, ending = strip_particles(word.text, doc)
    cfg = doc.rules.config
    if ending or len(stem) < 2 or stem in cfg.names.stop_words or any(stem in s for s in _stem_stops(doc)):
        return False
    return evidence(doc, word.start, word.end) in _STRONG or _is_place(doc, word.start, word.end)


# A name in quotes right after the word for a shelter, club or church ("쉼터 '새날의집'").
_QUOTED_AFTER = re.compile(r" ?['‘\"“][^'’\"”\n]{2,16}['’\"”]")


# A centre's or club's own name in Latin letters right after it, a particle glued to the name ("르비우
# 재활센터 Unbroken에서", "안산 청소년센터 Hope Hill의"): the name is the organisation's.
# Only after a word for a place people gather or are cared for: after a firm or an app ("카카오톡 ID는")
# a Latin word is a product or an account, not the body's name.
_LATIN_NAME_AFTER = re.compile(
    r" ([A-Z][a-z][A-Za-z&'.-]{0,19}(?: [A-Z][A-Za-z&'.-]{1,20}){0,2})"
    r"(?=에서|에게|에|의|은|는|이|가|을|를|와|과|로|으로|라는|이라는)"
)
_NAMED_AFTER_ENDINGS = (
    "센터",
    "클럽",
    "교회",
    "동아리",
    "모임",
    "쉼터",
    "재단",
    "협회",
    "학교",
    "학원",
    "단체",
    "공동체",
)


def _latin_name_after(doc: Doc, end: int) -> int:
    """End of a Latin name right after an organisation ending at ``end`` (see ``_LATIN_NAME_AFTER``)."""
    if not doc.text[:end].endswith(_NAMED_AFTER_ENDINGS):
        return end
    m = _LATIN_NAME_AFTER.match(doc.text, end)
    return m.end(1) if m is not None else end


def _quoted_name_after(doc: Doc, end: int) -> int:
    """End of a quoted name right after an organisation ending at ``end``, else ``end``."""
    m = _QUOTED_AFTER.match(doc.text, end)
    return m.end() if m is not None else end


@lru_cache(maxsize=8)
def _company_index(rules: Rules) -> SuffixIndex:
    """Company endings (orgs.tsv kind company) for OCR-damaged copies."""
    return SuffixIndex((s, Kind.ORG) for s, k in rules.gazetteers.org_suffixes.items() if k == "company")


def _damaged_company(doc: Doc) -> Iterable[Finding | None]:
    """A firm whose ending OCR damaged by one jamo ("새날무혁", "우리전쟈", "푸른칭과"): a stem of two
    syllables or more (any word: firms take everyday names) glued to a near copy of a company ending
    that is no word itself, the whole word unknown to Kiwi. Review."""
    rules = doc.rules
    cfg = rules.config
    index = _company_index(rules)
    for i, word in enumerate(doc.words):
        core, _ = strip_particles(word.text, doc)
        if i > 0:
            yield _damaged_spaced_company(doc, doc.words[i - 1], word, core)
        for size in index.lengths:
            if not _damaged_tail(doc, core, size, index):
                continue
            end = word.start + len(core)
            if evidence(doc, word.start, end) in (Evidence.COMMON, Evidence.PREDICATE):
                continue
            yield doc.finding(
                Kind.ORG,
                word.start,
                end,
                cfg.orgs.confidence_compound_stem,
                "org.damaged_company",
                severity=Severity.REVIEW,
            )
            break


def _damaged_tail(doc: Doc, core: str, size: int, index: SuffixIndex) -> bool:
    """The last ``size`` syllables of ``core`` are a near copy of one of ``index``'s endings and no word
    alone (한마음산업 is found exactly; "…가지과" reads a real word at the end), after a stem of two
    syllables or more that is no word of where or when and no stop word."""
    if len(core) < size + 2:
        return False
    stem, piece = core[:-size], core[-size:]
    cfg = doc.rules.config
    if not index.near(piece) or stem in cfg.orgs.company_stem_stop or stem in cfg.names.stop_words:
        return False
    return not _alone_everyday(piece)


@lru_cache(maxsize=8)
def _short_index(rules: Rules) -> SuffixIndex:
    """Institution endings of two syllables (병원, 학교, 교회, 광산): the long ones are _damaged_named's."""
    index = suffix_index(rules)
    return SuffixIndex((s, k) for s, k in index.kinds.items() if len(s) == 2 and k is Kind.ORG)


def _damaged_short_ending(doc: Doc) -> Iterable[Finding | None]:
    """A school, hospital, church or mine whose two-syllable ending OCR damaged by a jamo, glued to its
    name ("한강중앙볭원", "여명학괴", "새하늘교횐", "동점굉산에서"): as for firms (_damaged_tail), the
    damaged ending is no word alone and the whole word no everyday one; Kiwi cannot read the ending,
    and the word is not a place's name ending in an administrative suffix. Review."""
    rules = doc.rules
    cfg = rules.config
    index = _short_index(rules)
    for word in doc.words:
        core, _ = strip_particles(word.text, doc)
        if not hangul_only(core) or not _damaged_tail(doc, core, 2, index):
            continue
        end = word.start + len(core)
        if evidence(doc, word.start, end) is Evidence.COMMON:
            continue
        if not _unread_piece(doc, end - 2, end):
            continue  # 해바라기씨, 조기축구회, 나오고: words Kiwi reads (기씨 is no damaged 기지)
        if _place_ending(doc, word.start, end):
            continue  # 신정동, 사하구: a place's name one jamo from an ending (정공, 항구)
        yield doc.finding(
            Kind.ORG,
            word.start,
            end,
            cfg.orgs.confidence_compound_stem,
            "org.damaged_ending",
            severity=Severity.REVIEW,
        )


def _unread_piece(doc: Doc, start: int, end: int) -> bool:
    """Kiwi could not read ``[start, end)``: every morpheme over it is one it does not know or a noun of
    one syllable (교 + 효 for 교회 damaged), not part of a word it knows."""
    morphs = doc.morphemes_in(start, end)
    return bool(morphs) and all(m.oov or (m.tag.startswith("NN") and m.end - m.start == 1) for m in morphs)


def _place_ending(doc: Doc, start: int, end: int) -> bool:
    """``[start, end)`` is a place's name, or ends in an administrative suffix of one syllable."""
    if end in doc.places_starting(start):
        return True
    return doc.text[end - 1 : end] in doc.rules.config.places.admin_suffixes


_MIN_SPACED_ENDING = 3  # syllables: 시품점 for 식품점; shorter near copies are everyday words too often


def _damaged_spaced_company(doc: Doc, before: Span, word: Span, core: str) -> Finding | None:
    """A shop's ending OCR damaged, written apart from its name ("아리랑 시품점에서"): the word is a near
    copy of a company ending of three syllables or more and no word itself, the word before one noun
    that is not a word of where or when (orgs.company_stem_stop). Review."""
    cfg = doc.rules.config.orgs
    if len(core) < _MIN_SPACED_ENDING or doc.text[before.end : word.start] != " ":
        return None
    suffix = _company_index(doc.rules).near(core)
    if not suffix or suffix == core or _alone_everyday(core):
        return None
    if before.text in cfg.company_stem_stop or before.text in cfg.spaced_stem_stop:
        return None
    if not _one_noun_word(doc, before.start, before.end) or before.text in doc.rules.config.names.stop_words:
        return None
    end = word.start + len(core)
    return doc.finding(
        Kind.ORG,
        before.start,
        end,
        cfg.confidence_compound_stem,
        "org.damaged_company",
        severity=Severity.REVIEW,
    )


def _damaged_named(doc: Doc) -> Iterable[Finding | None]:
    """A long ending OCR damaged by a jamo or two ("고급중학굔", "련합기어소", "춱산기지") after a stem
    that names one, in a word that may hold digits ("회령제1고급중학굔를", "8비날론련합기어소에"):
    relay.detect.damaged finds the Hangul run of the ending; here the stem before it, with its
    number, is taken too, so the school's or works' name is not left legible. Review."""
    rules = doc.rules
    for w in _WORD.finditer(doc.text):
        text = w.group()
        if len(text) > _MAX_DAMAGED_WORD:
            continue
        # The near copies first: most words end in none, and for those Kiwi's reading is not needed.
        near = _near_long_endings(rules, text)
        if not near or everyday_with_grammar(text):
            continue  # "고등학생인데": an everyday noun and the copula, not a damaged 고등학교
        for e, size, suffix in near:
            if _one_common_noun(text[e - size : e]):
                continue  # 요양보호사: a word of its own (보호사, a carer), not a damaged 보호소
            stem_end = w.start() + e - size
            conf = _stem_grade(doc, w.start(), stem_end, suffix)
            if conf is None:
                continue
            yield doc.finding(
                Kind.ORG, w.start(), w.start() + e, conf, "org.damaged_named", severity=Severity.REVIEW
            )
            break


def _near_long_endings(rules: Rules, text: str) -> list[tuple[int, int, str]]:
    """``(end, size, suffix)`` of each near copy of a long organisation ending in ``text`` that ends at
    ``end`` before particles only (not an exact unit word or a title), in the order they are judged:
    the longest word first, then the longest ending."""
    index = suffix_index(rules)
    cfg = rules.config.orgs
    particles = rules.particles
    units = _long_unit_words(rules)
    out: list[tuple[int, int, str]] = []
    for e in range(len(text), cfg.long_suffix + 1, -1):
        rest = text[e:]
        if rest and not rest.startswith(particles):
            continue
        if text[:e].endswith(units):
            continue  # 경보병사단: an exact unit word, not a damaged 봉사단
        if text[:e] in titles(rules):
            continue  # 정치지도원, 보위지도원: a rank or title, not a damaged 지도국
        for size in (n for n in index.lengths if n >= cfg.long_suffix and n <= e - 2):
            suffix = index.near(text[e - size : e])
            if suffix and index.kinds[suffix] is Kind.ORG:
                out.append((e, size, suffix))
    return out


@lru_cache(maxsize=8)
def _long_unit_words(rules: Rules) -> tuple[str, ...]:
    return tuple(u for u in rules.config.units.unit_words if len(u) >= 2)


_MAX_DAMAGED_WORD = 24


# North Korean spelling keeps a word-initial ㄹ or ㄴ the South drops (로동자, 녀자, 리용): the South's
# spelling by the initial-sound rule, as the Hanja reading applies it (relay.detect.hanja.initial_sound).
def _spellings(word: str) -> tuple[str, ...]:
    """``word`` and, if it starts with ㄹ or ㄴ before a vowel that drops it, its South Korean spelling."""
    if not word or not "가" <= word[0] <= "힣":
        return (word,)
    first = initial_sound(word[0])
    return (word,) if first == word[0] else (word, first + word[1:])


def _alone_everyday(piece: str) -> bool:
    morphs = analyse(piece)
    return len(morphs) == 1 and not morphs[0].oov and morphs[0].end - morphs[0].start == len(piece)


_NGO_NAME_MIN = 3
_NGO_NAME_MAX = 12


@lru_cache(maxsize=8)
def _ngo_cue_keys(rules: Rules) -> tuple[str, ...]:
    """After a name an NGO goes by, words that say it is one (``orgs.ngo_cues``: "X라는 단체", "X를 통해
    전달될"), compact: the name of a group that carries letters names the family's contact as surely
    as a church's does."""
    return tuple(key for key in map(key_of, rules.config.orgs.ngo_cues) if key)


@lru_cache(maxsize=8)
def _group_words(rules: Rules) -> tuple[str, ...]:
    """Words for a group ("단체", "인권단체", "재단"; orgs.tsv kind other) that, written before a name
    ("저희 단체 통일울타리는"), introduce it."""
    return tuple(s for s, k in rules.gazetteers.org_suffixes.items() if k == "other" and len(s) >= 2)


def _ngo_names(doc: Doc) -> Iterable[Finding | None]:
    """An NGO's name, which is made of everyday words (통일울타리, 희망의징검다리): one word after a
    group word ("저희 단체 X는") or before "라는 단체" / "를 통해 전달". The word must be a proper
    noun, unknown to Kiwi, or a compound of nouns (an "A의B" too), not one everyday word: "단체 사진",
    "가족을 통해" name nothing. Review unless Kiwi calls it a proper noun or does not know it."""
    cfg = doc.rules.config
    groups = _group_words(doc.rules)
    cues = _ngo_cue_keys(doc.rules)
    channels = cfg.orgs.channels
    words = doc.words
    for i, w in enumerate(words):
        core, _ = strip_particles(w.text, doc)
        if not _NGO_NAME_MIN <= len(core) <= _NGO_NAME_MAX or not hangul_only(core):
            continue
        if core in cfg.names.stop_words or core in groups or _suffix_of(core, doc.rules):
            continue  # an organisation with an ending of its own is _by_suffix's
        if any(c in core for c in channels) or _ends_in_person(doc, core):
            continue  # 대한적십자사; 교회언니, 고향친구: a person, not a group
        before = strip_particles(words[i - 1].text, doc)[0] if i > 0 else ""
        after = doc.after(w.start + len(core), 10).startswith(cues)
        # After a cue that any word takes ("를 통해 전달"), a short word is too often the Red Cross or
        # an embassy: the name must be long.
        if not ((before in groups and words[i - 1].end + 1 == w.start) or (after and len(core) > 3)):
            continue
        ev = evidence(doc, w.start, w.start + len(core))
        if ev in _STRONG:
            conf, grade = cfg.orgs.confidence_proper_stem, None
        elif _noun_compound(doc, w.start, w.start + len(core)):
            conf, grade = cfg.orgs.confidence_compound_stem, Severity.REVIEW
        else:
            continue
        yield doc.finding(Kind.ORG, w.start, w.start + len(core), conf, "org.ngo", severity=grade)


def _ends_in_person(doc: Doc, core: str) -> bool:
    """``core`` ends in a word for a person: a kinship or address term, a role or a title (교회언니,
    동네친구, 하나원선생님)."""
    return any(len(core) > len(p) for p in _person_words(doc.rules).suffixes(core))


@lru_cache(maxsize=8)
def _person_words(rules: Rules) -> TermSet:
    """Kinship and address terms, roles and titles of two syllables or more (_ends_in_person)."""
    people = (*rules.gazetteers.kinship, *rules.config.names.role_words, *titles(rules))
    return TermSet(p for p in people if len(p) >= 2)


def _noun_compound(doc: Doc, start: int, end: int) -> bool:
    """Kiwi reads spaced ``[start, end)`` as two nouns or more, or nouns joined by the genitive 의
    (통일+울타리, 희망+의+징검다리), and nothing else."""
    tags = _noun_tags(doc, start, end)
    return tags is not None and tags.count("N") >= 2 and set(tags) <= {"N", "G"}


def _noun_tags(doc: Doc, start: int, end: int) -> str | None:
    """Kiwi's morphemes of spaced ``[start, end)`` as a string of classes, a verb nominalised by -ㅁ/-기
    (배움, 나눔, 달리기) counting as a noun: N noun, G the genitive 의, X anything else; None if Kiwi's
    morphemes do not start and end there."""
    morphs = doc.morphemes_in(start, end)
    if not morphs or morphs[0].start != start or morphs[-1].end != end:
        return None
    out: list[str] = []
    for k, m in enumerate(morphs):
        if m.tag == "ETN" and k > 0 and morphs[k - 1].tag.startswith(("VV", "VA")):
            out[-1] = "N"  # 배우 + ㅁ: the verb and its nominal ending are one noun
        elif m.tag in ("NNG", "NNP") or m.oov or (k == 0 and m.tag == "MM"):
            out.append("N")  # a determiner starting a name joins the noun after it (새+날, 새+희망)
        else:
            out.append("G" if m.tag == "JKG" else "X")
    return "".join(out)


def _spaced_denomination(doc: Doc) -> Iterable[Finding | None]:
    """A church's name set apart from its denomination and ending ("새빛 감리교회", "한빛 장로교회"): a
    religious ending of four syllables or more is a word of its own, and the word before it, when no
    particle ends it and it says nothing of which church (``religious_stem_stop``: 우리, 동네), is the
    church's name. Review: a moderator decides."""
    rules = doc.rules
    cfg = rules.config.orgs
    words = list(_WORD.finditer(doc.text))
    for i, w in enumerate(words[1:], start=1):
        core, _ = strip_particles(w.group(), doc)
        if rules.gazetteers.org_suffixes.get(core) != "religious":
            continue
        # A short ending (교회, 성당) only after a name that follows the town it is in ("천안 하나로 교회"):
        # the town says which church; such names end in 로 or 의 as often as not (하나로, 사랑의).
        in_town = len(core) < _DENOMINATION_MIN and _place_word_before(doc, words, i - 1)
        if len(core) < _DENOMINATION_MIN and not in_town:
            continue
        prev = words[i - 1]
        if doc.text[prev.end() : w.start()] != " " or prev.group().isdigit() or len(prev.group()) < 2:
            continue
        name, ending = strip_particles(prev.group(), doc)
        if in_town and ending in _NAME_ENDINGS and not _verb_form(doc, prev.start(), prev.end()):
            name, ending = prev.group(), ""
        elif in_town:
            continue
        if (
            ending
            or name in cfg.religious_stem_stop
            or name in cfg.spaced_stem_stop
            or name in rules.config.names.stop_words
            or name.endswith(tuple(cfg.religious_stem_endings))
            or _verb_form(doc, prev.start(), prev.end())
            or (evidence(doc, prev.start(), prev.end()) is Evidence.PREDICATE and not in_town)
        ):
            continue
        yield doc.finding(
            Kind.ORG,
            prev.start(),
            w.start() + len(core),
            cfg.confidence_compound_stem,
            "org.religious_spaced",
            severity=Severity.REVIEW,
        )


_DENOMINATION_MIN = 4
_NAME_ENDINGS = ("", "로", "의")


def find_orgs(doc: Doc) -> list[Finding]:
    """Organisations in ``doc``."""
    found = [
        f
        for f in (
            *_by_suffix(doc),
            *_spaced_suffix(doc),
            *find_letter_spaced_orgs(doc),
            *_town_nouns_suffix(doc),
            *_headed_institutions(doc),
            *_inner_suffix(doc),
            *_place_then_named(doc),
            *_inner_company(doc),
            *_named(doc),
            *_workplaces(doc),
            *_brands(doc),
            *_damaged_company(doc),
            *_damaged_short_ending(doc),
            *_damaged_named(doc),
            *_ngo_names(doc),
            *_called(doc),
            *_called_phrases(doc),
            *_departments(doc),
            *_short_schools(doc),
            *_shops(doc),
            *_landmark_shops(doc),
            *_latin_orgs(doc),
            *_acronyms(doc),
            *_latin_branches(doc),
            *_media(doc),
            *_clubs(doc),
            *_ships(doc),
            *_spaced_denomination(doc),
            *_temples(doc),
            *_introduced_names(doc),
            *_quoted_firms(doc),
            *_shop_nicknames(doc),
            *_lettered_numbers(doc),
            *_numbered_bare(doc),
            *_belonging(doc),
            *_date_named(doc),
            *_branches(doc),
            *_missions_abroad(doc),
            *_place_trade_works(doc),
            *_bureaus(doc),
            *_foreign_institutions(doc),
            *_community_churches(doc),
            *_spaced_churches(doc),
            *_public_spaced(doc),
            *_branch_offices(doc),
            *_split_stems(doc),
            *_ministry_bureaus(doc),
            # rules.toml patterns of kind org (numbered camps and factories, a Hanawon class).
            *find_patterns(doc, (Kind.ORG,)),
        )
        if f is not None
    ]
    # A spelled-out stretch's name is bounded by its own reading (spelled_orgs.py): not run on over the
    # syllables before it, which are the rest of the sentence ("지 금 은 …").
    spelled = [f for f in find_spelled_orgs(doc) if f is not None]
    extended = _joined(doc, _extend(doc, [*found, *_shop_echoes(doc, found)]))
    return [*extended, *_respaced_echoes(doc, extended), *spelled]


# Rules whose shops and firms are named by the writer's own word (a name, not a listed one): the name said
# again alone later in the letter is the same shop ("연변냉면을 해요. 연변냉면 손님이").
_ECHOED_SHOP_RULES = frozenset(("org.shop", "org.called", "org.introduced", "org.brand"))
_MIN_ECHO = 3  # syllables


def _shop_echoes(doc: Doc, found: list[Finding]) -> Iterable[Finding]:
    """Each other word-initial mention of a shop's or firm's name found once in one word (three syllables
    or more, no space), as an organisation of the same confidence."""
    names: dict[str, Finding] = {}
    for f in found:
        if f.rule not in _ECHOED_SHOP_RULES or f.severity is not Severity.REDACT:
            continue
        start, end = doc.spaced_range(f.start, f.end)
        name = doc.text[start:end]
        if len(name) >= _MIN_ECHO and hangul_only(name):
            names.setdefault(name, f)
    for name, f in names.items():
        for m in re.finditer(re.escape(name), doc.text):
            if not doc.at_word_start(m.start()):
                continue
            g = doc.finding(Kind.ORG, m.start(), m.end(), f.confidence, f.rule)
            if g is not None:
                yield g


_MIN_RESPACED_ECHO = 5  # syllables: a name this long written again is the same name, however spaced


def _respaced_echoes(doc: Doc, found: list[Finding]) -> Iterable[Finding]:
    """Each other mention of a long organisation's name redacted once, spaced differently or not at all
    ("한마음치과 봉담읍점" … "(한마음치과봉담읍점)"), as an organisation of the same confidence: OCR spaces
    each line its own way, and the other mention may be too glued or too split for any rule."""
    names: dict[str, Finding] = {}
    for f in found:
        if f.severity is not Severity.REDACT:
            continue
        start, end = doc.spaced_range(f.start, f.end)
        name = doc.text[start:end].replace(" ", "")
        if len(name) >= _MIN_RESPACED_ECHO and hangul_only(name):
            names.setdefault(name, f)
    for name, f in names.items():
        for m in re.finditer(re.escape(name), doc.compact):
            start, end = doc.spaced_span(m.start(), m.end())
            if doc.at_word_start(start):
                g = doc.finding(Kind.ORG, start, end, f.confidence, f.rule)
                if g is not None:
                    yield g


# A ministry, general staff or security force of the North (military.tsv named units ending in 성, 부 or
# 총국: 인민무력성, 국가보위성, 총참모부), then a bureau or department of it written apart ("인민무력성
# 작전국", "국가보위성 반탐국"): the bureau an officer served in. The ministry alone is public knowledge.
_MINISTRY_ENDINGS = ("성", "부", "총국")
_MIN_BUREAU = 3  # syllables
_DEPARTMENT_WORD = re.compile(r" ([가-힣]{1,6}(?:총국|국|처))[가-힣]{0,3}(?![가-힣])")


@lru_cache(maxsize=8)
def _ministries(rules: Rules) -> frozenset[str]:
    return frozenset(
        t
        for t, k in rules.gazetteers.military.items()
        if k == "named_unit" and " " not in t and len(t) >= 3 and t.endswith(_MINISTRY_ENDINGS)
    )


def _ministry_bureaus(doc: Doc) -> Iterable[Finding | None]:
    """See ``_MINISTRY_ENDINGS``: the bureau's word ends in 국, 총국 or 처, three syllables or more (결국,
    전국 and 약국 are words of their own), with no pronoun, adverb or determiner in it (우리국)."""
    ministries = _ministries(doc.rules)
    for w in doc.words:
        core = strip_particles(w.text, doc)[0]
        if core not in ministries or core != w.text:
            continue
        m = _DEPARTMENT_WORD.match(doc.text, w.end)
        if m is None:
            continue
        bureau = m.group(1)
        rest = doc.text[m.end(1) : m.end()]
        if rest and rest not in doc.rules.particles:
            continue  # "인민무력성 작전국장": a post, not the bureau
        if len(bureau) < _MIN_BUREAU or _says_how_or_which(bureau):
            continue
        if any(p.tag in ("NP", "MM") for p in analyse(bureau)):
            continue
        yield doc.finding(
            Kind.ORG,
            w.start,
            m.start(1) + len(bureau),
            doc.rules.config.orgs.confidence_proper_stem,
            "org.ministry_bureau",
        )


def _split_stems(doc: Doc) -> Iterable[Finding | None]:
    """An ending with one syllable of its name glued on, the rest of the name a word before it that OCR
    or the writer split off ("대구동 산병원", "좌동새 빛교회", "광안 새생 명교회"): one syllable names no
    body, so the name is the word before (two syllables at least, or a syllable and the word before
    that) and the syllable. The word before must be no everyday word, verb form or word saying which
    (Kiwi calls it a proper noun or does not know it); the syllable no determiner (새교회, 큰병원). Review."""
    rules = doc.rules
    words = list(_WORD.finditer(doc.text))
    for i in range(1, len(words)):
        w = words[i]
        core, _ = strip_particles(w.group(), doc)
        suffix = _suffix_of(core, rules)
        kind = rules.gazetteers.org_suffixes.get(suffix)
        if len(suffix) < 2 or len(core) != len(suffix) + 1 or kind == "company":
            continue
        if _says_how_or_which(core[0]) or _one_common_noun(core):
            continue
        first = i - 1
        if len(words[first].group()) == 1 and first > 0 and _one_space(doc, words, first):
            first -= 1  # "대구 동 산병원": the name split twice
        if not all(_one_space(doc, words, j + 1) for j in range(first, i)):
            continue
        start, stop = words[first].start(), words[i - 1].end()
        name = doc.text[start:stop].replace(" ", "")
        if len(name) < _MIN_NAME or strip_particles(words[i - 1].group(), doc)[1]:
            continue
        if _says_how_or_which(name) or _verb_form(doc, start, stop) or _one_common_noun(name):
            continue
        if evidence(doc, words[first].start(), words[first].end()) not in _STRONG and not (
            kind == "religious" and _glued_religious(doc, name + core, suffix)
        ):
            # A church takes everyday words for its name ("한인 소 망교회": 소망), as when glued.
            continue
        yield doc.finding(
            Kind.ORG,
            start,
            w.start() + len(core),
            rules.config.orgs.confidence_compound_stem,
            "org.split_stem",
            severity=Severity.REVIEW,
        )


def _one_space(doc: Doc, words: list[re.Match[str]], i: int) -> bool:
    """Word ``i`` is one space after word ``i - 1``."""
    return doc.text[words[i - 1].end() : words[i].start()] == " "


def _joined(doc: Doc, found: list[Finding]) -> list[Finding]:
    """ "국가정보원 산하 대성공사", "X공사 직속 Y연구소": two organisations joined by a word of
    ``orgs.joiners`` ("under", "attached to") are one name as well; the joined finding is added."""
    joiners = doc.rules.config.orgs.joiners
    if not joiners or len(found) < 2:
        return found
    out = list(found)
    ordered = sorted(found, key=lambda f: (f.start, f.end))
    for a in ordered:
        _, a_end = doc.spaced_range(a.start, a.end)
        for b in ordered:
            b_start, b_end = doc.spaced_range(b.start, b.end)
            between = doc.text[a_end:b_start]
            if b_start > a_end and between.strip() in joiners and between[:1] == " " == between[-1:]:
                a_start, _ = doc.spaced_range(a.start, a.end)
                review = Severity.REVIEW in (a.severity, b.severity)
                g = doc.finding(
                    Kind.ORG,
                    a_start,
                    b_end,
                    min(a.confidence, b.confidence),
                    b.rule,
                    severity=Severity.REVIEW if review else None,
                )
                if g is not None:
                    out.append(g)
    return out


# A chain's branch named after where it is ("더페이스샵 광복점", "네일앤모어 인계점", "X PC방 수원역점"): a
# word, then a place or station and 점. The brand may be Latin, a word Kiwi does not know, or a shop's
# everyday name after its trade ("헤어살롱 미소 신림점").
_BRANCH_WORD = re.compile(r"(?<![^\s])([가-힣]{2,6})점")
# A brand word ending where the search window ends (``endpos``).
_BRAND_WORD = re.compile(r"[가-힣A-Za-z0-9&]{2,20}$")
_BRANCH_PLACE_SUFFIXES = ("동", "구", "시", "군", "읍", "면")


def _branch_place(doc: Doc, stem: str, start: int) -> bool:
    """``stem`` (at spaced ``start``) names where a branch is: a station (수원역), a gazetteer place,
    the stem of a 동 or 구 (광복 of 광복동), or a proper noun or unknown word to Kiwi."""
    exact = doc.rules.lexicon.exact
    if stem.endswith("역") or any(
        e.kind is Kind.PLACE
        for k in (stem, *(stem + x for x in _BRANCH_PLACE_SUFFIXES))
        for e in exact.get(k, ())
    ):
        return True
    return evidence(doc, start, start + len(stem)) in (Evidence.PROPER, Evidence.UNKNOWN)


def _brand_start(doc: Doc, end: int) -> int | None:
    """Start of the brand whose last word ends at spaced ``end`` (a space before the branch)."""
    cfg = doc.rules.config
    stops = (
        cfg.places.unknown_stem_stop,
        cfg.names.stop_words,
        cfg.orgs.company_stem_stop,
        cfg.orgs.spaced_stem_stop,
    )
    words = []
    pos = end
    for _ in range(2):
        m = _BRAND_WORD.search(doc.text, max(0, pos - 20), pos)
        if m is None or (m.start() > 0 and not doc.text[m.start() - 1].isspace()):
            break
        words.append(m)
        pos = m.start() - 1
        if pos <= 0 or doc.text[pos] != " ":
            break
    if not words:
        return None
    last = words[0]
    if _is_place(doc, last.start(), last.end()) or _country(doc, last.group()):
        return None
    trade = words[1].group() if len(words) == 2 else ""
    if trade and (trade in _suffixes(doc.rules)[0] or _suffix_of(trade, doc.rules)):
        return words[1].start()  # "헤어살롱 미소 신림점": the trade, then the shop's everyday name
    if any(last.group() in stop for stop in stops):
        return None
    whole = last.group() in _suffixes(doc.rules)[0]
    suffix = last.group() if whole else _suffix_of(last.group(), doc.rules)
    stem = last.group()[: -len(suffix)] if suffix else ""
    if len(words) == 2 and suffix and len(stem) != 1 and _brand_word(doc, words[1], stops):
        return words[1].start()  # "레드포스 PC방 인계점": the brand, then its trade, then the branch
    if (
        len(stem) >= 2
        and not any(stem in stop for stop in stops)
        and not _is_place(doc, last.start(), last.end())
    ):
        return last.start()  # "더나은영어학원 백석점": a school or shop's whole name, then the branch
    if re.search("[A-Za-z]", last.group()) or evidence(doc, last.start(), last.end()) in _STRONG:
        return last.start()
    return None


def _brand_word(doc: Doc, word: re.Match[str], stops: tuple[frozenset[str], ...]) -> bool:
    """``word`` before a trade and a branch is the brand: Latin, or a proper noun or unknown word to Kiwi
    with no particle and none of the everyday stems ``stops``."""
    text = word.group()
    if any(text in stop for stop in stops) or strip_particles(text, doc)[1]:
        return False
    if _is_place(doc, word.start(), word.end()):
        return False
    if re.search("[A-Za-z]", text) or _noun_compound(doc, word.start(), word.end()):
        return True
    return evidence(doc, word.start(), word.end()) in (*_STRONG, Evidence.OTHER)


def _branches(doc: Doc) -> Iterable[Finding | None]:
    """See ``_BRANCH_WORD``: the brand and its branch as one organisation."""
    for m in _BRANCH_WORD.finditer(doc.text):
        word = doc.word_at(m.start())
        if word is None or word.start != m.start():
            continue
        rest = doc.text[m.end() : word.end]
        if rest and rest not in doc.rules.particles:
            continue
        if m.start() < 2 or doc.text[m.start() - 1] != " " or not _branch_place(doc, m.group(1), m.start()):
            continue
        start = _brand_start(doc, m.start() - 1)
        if start is not None:
            yield doc.finding(
                Kind.ORG, start, m.end(), doc.rules.config.orgs.confidence_proper_stem, "org.branch"
            )
        elif _place_branch(doc, m.group(1)):
            yield _compound_brand(doc, m.start() - 1, m.end())


def _branch_offices(doc: Doc) -> Iterable[Finding | None]:
    """ "네오플랜 판교 오피스", "X물산 강남 사옥": a brand, the place of its office and a word for the office
    (``orgs.branch_office_words``) written apart: the brand's office there."""
    rules = doc.rules
    offices = rules.config.orgs.branch_office_words
    words = list(_WORD.finditer(doc.text))
    for i in range(2, len(words)):
        core = _without_glued_verb(strip_particles(words[i].group(), doc)[0], rules)
        place = words[i - 1]
        if core not in offices or doc.text[place.end() : words[i].start()] != " ":
            continue
        if not _place_branch(doc, place.group()) or doc.text[place.start() - 1 : place.start()] != " ":
            continue
        start = _brand_start(doc, place.start() - 1)
        if start is not None:
            end = words[i].start() + len(core)
            yield doc.finding(Kind.ORG, start, end, rules.config.orgs.confidence_proper_stem, "org.branch")


def _place_branch(doc: Doc, stem: str) -> bool:
    """``stem`` of a branch is a gazetteer place or a 동's or 구's stem (선부 of 선부동)."""
    exact = doc.rules.lexicon.exact
    return any(
        e.kind is Kind.PLACE
        for k in (stem, *(stem + x for x in _BRANCH_PLACE_SUFFIXES))
        for e in exact.get(k, ())
    )


def _compound_brand(doc: Doc, end: int, branch_end: int) -> Finding | None:
    """ "폰닥터 선부점": a chain named by everyday nouns glued into one word (폰 + 닥터) before a branch named
    after a place: review, a moderator decides."""
    word = doc.word_at(end - 1) if end >= 1 else None
    if word is None or word.end != end or not _noun_compound(doc, word.start, word.end):
        return None
    cfg = doc.rules.config
    if strip_particles(word.text, doc)[1] or any(word.text in stop for stop in _stem_stops(doc)):
        return None
    if word.text in cfg.names.stop_words or _is_place(doc, word.start, word.end):
        return None
    return doc.finding(
        Kind.ORG,
        word.start,
        branch_end,
        cfg.orgs.confidence_compound_stem,
        "org.branch",
        severity=Severity.REVIEW,
    )


_MAX_TRADE_WORDS = 2
_PORT_ENDINGS = ("항", "역")  # 감천항, 수색역: a port or station a works is named after, like a town
# "에서 (25년) 일했다", "에서 일 했다" (spaced typing), "에서 근무": the writer worked there.
_WORKED_THERE = re.compile(r" ?에서 (?:[^\s.,]{1,6} ){0,2}(?:일 ?[하했한해]|근무|일을)")


def _place_trade_works(doc: Doc) -> Iterable[Finding | None]:
    """ "원산 구두 공장에서 일했다", "감천항 수산물 냉동창고에서 일한다", "통진 수산물 도매 센터에서": a
    town (or port or station), one or two everyday nouns saying what is made or sold there, and a
    works noun (``orgs.trade_works_endings``) written apart, then a workplace cue: a state works or a
    market named after its town and trade. Countries and provinces are too wide to name one."""
    cfg = doc.rules.config
    endings = cfg.orgs.trade_works_endings
    if not endings:
        return
    words = list(_WORD.finditer(doc.text))
    for i, first in enumerate(words):
        if not _trade_town(doc, first):
            continue
        for n in range(1, _MAX_TRADE_WORDS + 1):
            j = i + n + 1
            if j >= len(words) or any(
                doc.text[words[k].end() : words[k + 1].start()] != " " for k in range(i, j)
            ):
                break
            middle = words[i + 1 : j]
            if not all(_trade_noun(doc, w) for w in middle):
                break
            core = _without_glued_verb(strip_particles(words[j].group(), doc)[0], doc.rules)
            if not core.endswith(endings) or not _trade_noun(doc, words[j], core):
                continue
            end = words[j].start() + len(core)
            glued = len(core) < len(strip_particles(words[j].group(), doc)[0])
            if not glued and not _cue_follows(doc, end) and _WORKED_THERE.match(doc.text, end) is None:
                continue
            yield doc.finding(Kind.ORG, first.start(), end, cfg.orgs.confidence_word_stem, "org.trade_works")
            break


def _trade_town(doc: Doc, word: re.Match[str]) -> bool:
    """``word`` is a town, county, port or station with no particle: not a country or province."""
    text = word.group()
    if strip_particles(text, doc)[1] or _country(doc, text) or text in doc.rules.config.names.stop_words:
        return False
    if len(text) >= 3 and text.endswith(_PORT_ENDINGS) and evidence(doc, word.start(), word.end()) in _STRONG:
        return True
    if _place_ending_at(doc, word.end()) != word.start():
        return False
    entries = doc.rules.lexicon.exact.get(key_of(text), ())
    return not any(e.kind is Kind.PLACE and e.level in ("country", "province") for e in entries)


def _trade_noun(doc: Doc, word: re.Match[str], core: str | None = None) -> bool:
    """``word`` (or its start ``core``) is everyday nouns only, with no particle (구두, 수산물, 기계종합)."""
    text = core if core is not None else word.group()
    if core is None and strip_particles(text, doc)[1]:
        return False
    stops = (doc.rules.config.names.stop_words, doc.rules.config.orgs.spaced_stem_stop)
    if len(text) < 2 or (core is None and any(text in stop for stop in stops)):
        return False
    tags = _noun_tags(doc, word.start(), word.start() + len(text))
    return tags is not None and set(tags) == {"N"}


# A ministry or society and one of its bureaus, written apart ("외교부 재외동포국", "대한적십자사 남북교류국
# 이산가족팀"): a word ending in 부 or 사, then a compound ending in 국, 실 or 본부 that Kiwi does not read
# as one everyday word (방송국, 사무실); its divisions after it are taken in by ``_branch``.
_BUREAU = re.compile(
    r"(?<![가-힣])([가-힣]{2,9}[부사]) ([가-힣]{2,8}(?:국|실|본부))(?=[^가-힣]|[가-힣]{0,2}(?:[^가-힣]|$)|$)"
)


def _bureaus(doc: Doc) -> Iterable[Finding | None]:
    """See ``_BUREAU``: the bureau's name must be a compound (인도협력 + 국), not a country (중국) or
    an everyday word; the body before it a word of three syllables or more with no particle (일부, 간부:
    "some", "a cadre")."""
    for m in _BUREAU.finditer(doc.text):
        body, bureau = m.group(1), m.group(2)
        stem = bureau[:-2] if bureau.endswith("본부") else bureau[:-1]
        if len(stem) < 2 or len(body) < 3 or _country(doc, stem) or strip_particles(body, doc)[1]:
            continue
        b_start = m.start(2)
        if evidence(doc, b_start, b_start + len(bureau)) in (Evidence.COMMON, Evidence.PREDICATE):
            continue
        if (
            evidence(doc, m.start(1), m.end(1)) is Evidence.PREDICATE
            or body in doc.rules.config.names.stop_words
        ):
            continue
        yield doc.finding(
            Kind.ORG, m.start(1), m.end(2), doc.rules.config.orgs.confidence_proper_stem, "org.bureau"
        )


# A church written apart from its name, then its pastor or member ("은혜 교회 목사 아무개", "소망 교회
# 집사"): the word before the ending is the congregation's name.
_SPACED_CHURCH = re.compile(
    r"(?<![가-힣])([가-힣]{2,5}) (교회|성당|선교회|교당) ?"
    r"(?=(?:담임|부)?목사|전도사|장로|집사|권사|신부|주임신부|수녀|교인|성도|신도|청년부|교우|사모)"
)


def _spaced_churches(doc: Doc) -> Iterable[Finding | None]:
    """See ``_SPACED_CHURCH``: the name has no particle, is nouns only (not 큰 교회, 다니는 교회) and no
    word saying which church without naming one (우리 교회, 동네 교회)."""
    cfg = doc.rules.config
    for m in _SPACED_CHURCH.finditer(doc.text):
        name = m.group(1)
        stem, particle = strip_particles(name, doc)
        # Not names.stop_words: congregations take the everyday words kept out of people's names (은혜,
        # 소망, 사랑).
        if particle or stem in cfg.orgs.religious_stem_stop or any(stem in s for s in _stem_stops(doc)):
            continue
        tags = _noun_tags(doc, m.start(1), m.end(1))
        if tags is None or set(tags) != {"N"}:
            continue  # 다니는 교회, 그런 교회: a clause or a determiner, not a name
        yield doc.finding(
            Kind.ORG,
            m.start(1),
            m.end(2),
            cfg.orgs.confidence_compound_stem,
            "org.spaced_church",
            severity=Severity.REVIEW,
        )


def _public_spaced(doc: Doc) -> Iterable[Finding | None]:
    """ "사할린 국립 대학", "하바롭스크 주립 병원": a place or a name, then who runs it
    (``orgs.public_prefixes``) and a bare ending of organisation names, each a word of its own: the
    state's one school or hospital of that place. (Glued, "사할린 국립대학", ``_public_before`` takes
    the place in.)"""
    cfg = doc.rules.config
    prefixes = cfg.orgs.public_prefixes
    if not prefixes:
        return
    suffixes, _ = _suffixes(doc.rules)
    words = doc.words
    for i in range(len(words) - 2):
        first, mid, last = words[i], words[i + 1], words[i + 2]
        if mid.text not in prefixes or mid.start != first.end + 1 or last.start != mid.end + 1:
            continue
        core = _without_glued_verb(strip_particles(last.text, doc)[0], doc.rules)
        if core not in suffixes or len(core) < 2:
            continue
        stem, particle = strip_particles(first.text, doc)
        if particle or len(stem) < 2 or stem in cfg.names.stop_words:
            continue
        if (
            not _is_place(doc, first.start, first.end)
            and evidence(doc, first.start, first.end) not in _STRONG
        ):
            continue
        yield doc.finding(
            Kind.ORG,
            first.start,
            last.start + len(core),
            cfg.orgs.confidence_proper_stem,
            "org.public_spaced",
        )


# Where a community gathers besides its church: its shelter, centre, hall or school ("땟골 고려인 쉼터",
# "안산 이주민 센터"): a town, the community and one of these is one place there.
_COMMUNITY_PLACES = frozenset(
    {
        "쉼터",
        "센터",
        "문화센터",
        "지원센터",
        "복지센터",
        "복지관",
        "회관",
        "문화회관",
        "협회",
        "야학",
        "배움터",
        "학교",
    }
)


def _community_ending(rules: Rules, core: str) -> bool:
    """``core`` is a bare religious ending, a denomination or a community's place."""
    kind = rules.gazetteers.org_suffixes.get(core)
    return kind == "religious" or core in _DENOMINATIONS or core in _COMMUNITY_PLACES


def _community_town(doc: Doc, town: re.Match[str]) -> bool:
    """``town`` is a listed place, or a word without a particle Kiwi calls a proper noun or does not
    know: a neighbourhood's own name the gazetteer lacks (땟골, 선부동 마을 names)."""
    if _place_ending_at(doc, town.end()) == town.start():
        return True
    word = town.group()
    if strip_particles(word, doc)[1] or word in doc.rules.config.names.stop_words or len(word) < 2:
        return False
    return evidence(doc, town.start(), town.end()) in _STRONG


def _community_churches(doc: Doc) -> Iterable[Finding | None]:
    """A city, the community it serves (``orgs.owner_prefixes``) and a bare religious ending (orgs.tsv
    kind religious): "베를린 한인 천주교회", "알마티 고려인 교회", the one church of that community there."""
    rules = doc.rules
    owners = rules.config.orgs.owner_prefixes
    words = list(_WORD.finditer(doc.text))
    for i in range(2, len(words)):
        core = _without_glued_verb(strip_particles(words[i].group(), doc)[0], rules)
        if not _community_ending(rules, core):
            continue
        owner, town = words[i - 1], words[i - 2]
        if owner.group() not in owners or any(
            doc.text[a.end() : b.start()] != " " for a, b in ((town, owner), (owner, words[i]))
        ):
            continue
        if not _community_town(doc, town) or _country(doc, town.group()):
            continue
        yield doc.finding(
            Kind.ORG,
            town.start(),
            words[i].start() + len(core),
            rules.config.orgs.confidence_place_stem,
            "org.community",
        )


# An embassy, consulate or mission abroad by the city or country it is in ("주블라디보스토크 총영사관",
# "주스웨덴 조선대사관"): where the writer's family served or sought help.
_MISSION_ABROAD = re.compile(
    r"(?<![가-힣])주([가-힣]{2,10}) ?((?:[가-힣]{2,8} )?[가-힣]{0,6}?(?:총영사관|영사관|대사관|대표부))"
)


def _missions_abroad(doc: Doc) -> Iterable[Finding | None]:
    """See ``_MISSION_ABROAD``: the host must be a country or a city abroad in the gazetteer."""
    for m in _MISSION_ABROAD.finditer(doc.text):
        host = m.group(1)
        entries = doc.rules.lexicon.exact.get(key_of(host), ())
        if _country(doc, host) or any(
            e.kind is Kind.PLACE and e.level in ("city", "region") for e in entries
        ):
            yield doc.finding(
                Kind.ORG, m.start(), m.end(), doc.rules.config.orgs.confidence_place_stem, "org.mission"
            )


# How far (characters) from a temple word a cue such as 암자 or 스님 may stand.
_TEMPLE_REACH = 40
_MIN_TEMPLE = 3  # syllables: 연화암, 보광사 (two-syllable words in 사/암 are everyday: 감사, 회사, 위암)
_MAX_TEMPLE = 8


def _cue_near(doc: Doc, start: int, end: int, cues: tuple[str, ...]) -> bool:
    """One of ``cues`` (``orgs.temple_cues``, ``orgs.order_cues``) stands within reach of ``[start,
    end)``, outside it: a cue of one syllable (절) as a whole word, a longer one starting one."""
    for w in doc.words:
        if (
            (w.start >= start and w.end <= end)
            or w.end < start - _TEMPLE_REACH
            or w.start > end + _TEMPLE_REACH
        ):
            continue
        core, _ = strip_particles(w.text, doc)
        if any(core == c if len(c) == 1 else w.text.startswith(c) for c in cues):
            return True
    return False


def _temples(doc: Doc) -> Iterable[Finding | None]:
    """A word ending like a temple's name (``orgs.temple_endings``: 연화암, 보광사) near a temple cue
    ("작은 암자 연화암에", "스님이 계신 보광사"), or like a religious order's (``orgs.order_endings``:
    성가소비녀회) near a nun: a temple or order, unless Kiwi knows the word as an everyday noun (간호사,
    여행사, 유방암, 동창회) or the word is a cue itself (사찰, 수도회)."""
    oc = doc.rules.config.orgs
    kinds = (
        (oc.temple_endings, oc.temple_cues, "org.temple"),
        (oc.order_endings, oc.order_cues, "org.order"),
    )
    for start, core, end in _temple_words(doc):
        if not _MIN_TEMPLE <= len(core) <= _MAX_TEMPLE or not hangul_only(core) or _one_common_noun(core):
            continue
        for endings, cues, rule in kinds:
            if not core.endswith(endings) or core in cues or core in endings:
                continue
            mountain = _mountain_before(doc, start) if rule == "org.temple" else None
            if mountain is not None:
                yield doc.finding(Kind.ORG, mountain, end, oc.confidence_proper_stem, rule)
                break
            if _cue_near(doc, start, end, cues):
                yield doc.finding(Kind.ORG, start, end, oc.confidence_proper_stem, rule)
                break


_MOUNTAIN = re.compile(r"(?<![가-힣])([가-힣]{1,4}산) $")


def _mountain_before(doc: Doc, start: int) -> int | None:
    """Start of the mountain written right before a temple's name, which temples are known by ("가야산
    해인사", "봉황산 운하사"): a word ending in 산, no particle, that Kiwi does not know as an everyday
    noun (재산, 생산) unless a gazetteer place or landmark."""
    m = _MOUNTAIN.search(doc.text, max(0, start - 6), start)
    if m is None:
        return None
    word = m.group(1)
    listed = m.end(1) in doc.places_starting(m.start(1))
    return m.start(1) if listed or not _one_common_noun(word) else None


def _temple_words(doc: Doc) -> Iterable[tuple[int, str, int]]:
    """(start, name, end) of each word without its particles, and of a word with the one-syllable
    ending OCR split off it as the next word ("설화 사 아래": 설화사)."""
    short = tuple(e for e in doc.rules.config.orgs.temple_endings if len(e) == 1)
    words = doc.words
    for i, w in enumerate(words):
        core, ending = strip_particles(w.text, doc)
        yield w.start, core, w.start + len(core)
        nxt = words[i + 1] if i + 1 < len(words) else None
        if nxt is None or ending or doc.text[w.end : nxt.start] != " ":
            continue
        piece = strip_particles(nxt.text, doc)[0]
        if piece in short:
            yield w.start, core + piece, nxt.start + len(piece)


# A quoted name right after a word for a club or channel ("채널 '탈북언니 TV'").
_QUOTED = re.compile(r"\s?['‘\"“]([^'’\"”]{2,24})['’\"”]")
# A name in Latin letters after the word for a club: capitalised words, OCR's line break between them.
_LATIN_NAME = re.compile(r"\s((?:[A-Z][A-Za-z0-9&'.-]*)(?:\s[A-Z][A-Za-z0-9&'.-]*){0,4})(?![A-Za-z])")
# Latin words that go on a name ("탈북언니 TV", "한울림 TV").
_LATIN_TAIL = re.compile(r"(?:\s[A-Za-z][A-Za-z0-9]{0,11}){1,2}(?![A-Za-z])")
# A copula and its endings after a name given as a predicate ("순네일이야", "한울림입니다").
_NAME_COPULA = re.compile("(?:이에요|예요|이야|입니다|인데요|인데|이고|이다|이라고|라고|이요|야|다|요)$")
_MIN_GIVEN_NAME = 2
_MIN_SLOT_NAME = 3
_MAX_GIVEN_NAME = 10


def _introduced_names(doc: Doc) -> Iterable[Finding | None]:
    """A name given right after the word for a club or channel (``orgs.name_before_nouns``: "통일동아리
    한울림의", "채널 '탈북언니 TV'") or after a shop's "이름은" (``orgs.name_words``: "샵 이름은
    순네일이야"). A quoted name is taken as written; an unquoted one must be a word Kiwi does not know,
    a proper noun, or a compound of nouns (review): "봉사 동아리에서 편지", "가게 이름은 몰라" stay."""
    cfg = doc.rules.config.orgs
    words = doc.words
    owner_nouns = (*cfg.called_nouns, *cfg.name_before_nouns)
    # A word is a moved name word and one syllable only when all but its last syllable is one.
    moved_words = frozenset(_moved_name_words(doc.rules))
    for i, w in enumerate(words[:-1]):
        core, ending = strip_particles(w.text, doc)
        owner = strip_particles(words[i - 1].text, doc)[0] if i > 0 else ""
        owned = owner.endswith(owner_nouns)
        shop = w.text in cfg.name_words and owned
        venue = not ending and core.endswith(cfg.venue_nouns)
        group = venue or (not ending and core.endswith(cfg.name_before_nouns))
        moved = w.text[:-1] if w.text and w.text[:-1] in moved_words else ""
        if moved and owned and words[i + 1].start == w.end + 1:
            # "이름은순 네일이야": OCR moved the space into the name; its first syllable is glued on.
            yield _introduced_word(doc, w.start + len(moved), words[i + 1].end, named=True)
            continue
        if not (shop or group):
            if ending in ("은", "는") and core in _TOPIC_SHOPS and i + 2 < len(words):
                yield _topic_shop(doc, words[i + 1], words[i + 2])
            continue
        latin = _LATIN_NAME.match(doc.text, w.end) if group else None
        if latin is not None and latin.group(1) not in cfg.acronym_stop:
            # "동아리 HGU Peace Link에서": a club's name in Latin letters.
            yield doc.finding(
                Kind.ORG, latin.start(1), latin.end(1), cfg.confidence_workplace, "org.introduced"
            )
            continue
        quoted = _QUOTED.match(doc.text, w.end)
        if quoted is not None:
            yield doc.finding(
                Kind.ORG, quoted.start(1), quoted.end(1), cfg.confidence_workplace, "org.introduced"
            )
            continue
        nxt = words[i + 1]
        if nxt.start != w.end + 1:
            continue
        if shop and nxt.text in _SPLIT_PARTICLES and i + 2 < len(words) and words[i + 2].start == nxt.end + 1:
            i += 1  # "가게 이름 은 새별 아바이순대": the particle written apart
            nxt = words[i + 1]
        end = nxt.end
        if len(nxt.text) == 1 and i + 2 < len(words) and words[i + 2].start == nxt.end + 1:
            end = words[i + 2].end  # "이름은 달 빛다방인데": a syllable OCR split off the name
        found = _introduced_word(doc, nxt.start, end, named=shop, group=group)
        if found is None and shop and i + 2 < len(words):
            # "이름은 정방산 냉면이야": a town's or mountain's name and what the shop sells.
            tail = _shop_tail(doc, words[i + 2])
            if (
                tail is not None
                and words[i + 2].start == nxt.end + 1
                and hangul_only(nxt.text)
                and len(nxt.text) >= _MIN_GIVEN_NAME
                and not strip_particles(nxt.text, doc)[1]
                and nxt.text not in doc.rules.config.names.stop_words
                and nxt.text not in cfg.spaced_stem_stop
                and nxt.text not in cfg.company_stem_stop
                and not _verb_form(doc, nxt.start, nxt.end)
            ):
                conf = cfg.confidence_workplace
                yield doc.finding(Kind.ORG, nxt.start, tail, conf, "org.introduced")
            continue
        yield _with_venue(doc, w, found) if venue else found
        if found is not None and found.end == nxt.end and i + 2 < len(words):
            yield _ending_word_after(doc, found, words[i + 2])


def _with_venue(doc: Doc, venue: Span, name: Finding | None) -> Finding | None:
    """The name found after the word for a game room or centre, run back over that word ("피씨방
    쓰리팝"): the word alone is any such place, with the name one of them."""
    if name is None:
        return None
    grown = doc.finding(Kind.ORG, venue.start, name.end, name.confidence, name.rule, severity=name.severity)
    return grown if grown is not None else name


# A name in quotes, then the kind of firm or body written apart ("'능라' 건설회사", "'고려' 건설",
# "'릉라도' 건설 합영회사", spaced "'만 수 대' 건 설 회 사") or "라는" and the word for one ("'은철이네
# 손만두'라는 가게"): the quoted name and its kind are one organisation.
_QUOTED_NAME = re.compile(r"['‘\"“]([^'’\"”\n]{1,16})['’\"”]")
_CALLED_AFTER_QUOTE = re.compile(r"(?:이)?라는 ?([가-힣]{1,6})")
_FIRM_KINDS = frozenset(("workplace", "company", "religious", "other"))
_MAX_KIND_WORDS = 8  # words after the quote read as the kind: eight when OCR spaced it syllable by syllable
_MAX_KIND_PARTS = 2  # "건설" + "합영회사"


def _quoted_firms(doc: Doc) -> Iterable[Finding | None]:
    """A quoted name followed by the kind of firm, shop, church or body (see ``_QUOTED_NAME``)."""
    cfg = doc.rules.config.orgs
    for m in _QUOTED_NAME.finditer(doc.text):
        called = _CALLED_AFTER_QUOTE.match(doc.text, m.end())
        if called is not None:
            if strip_particles(called.group(1), doc)[0] in cfg.called_nouns:
                yield doc.finding(Kind.ORG, m.start(), m.end(), cfg.confidence_workplace, "org.quoted_firm")
            continue
        end = _firm_kind_end(doc, m.end())
        if end is not None:
            # An everyday word in quotes ("'사장님' 회사") may be a nickname, not the firm's name: review.
            everyday = evidence(doc, m.start(1), m.end(1)) is Evidence.COMMON
            grade = Severity.REVIEW if everyday else None
            conf = cfg.confidence_workplace
            start = _place_before(doc, m.start())
            yield doc.finding(Kind.ORG, start, end, conf, "org.quoted_firm", severity=grade)


def _place_before(doc: Doc, start: int) -> int:
    """Start of a place written right before ``start`` ("모스크바 '능라' 건설회사": the firm's city is part
    of how it is known), else ``start``."""
    before = doc.word_at(start - 2) if start >= 2 and doc.text[start - 1] == " " else None
    if before is not None and before.end == start - 1 and before.end in doc.places_starting(before.start):
        return before.start
    return start


def _firm_kind_end(doc: Doc, start: int) -> int | None:
    """End of the words after ``start`` that together are nothing but one or two organisation endings
    (건설회사, 건설 + 사업소), a particle or glued verb after them; None if they are anything else."""
    words = [w for w in doc.words if w.start >= start][:_MAX_KIND_WORDS]
    if not words or doc.text[start : words[0].start].strip():
        return None
    joined = ""
    at: list[int] = []  # where each syllable of ``joined`` stands in the text
    best: int | None = None
    for i, w in enumerate(words):
        if i and (w.start - words[i - 1].end > 1 or (len(words[i - 1].text) > 2 and len(w.text) == 1)):
            break
        joined += w.text
        at.extend(range(w.start, w.end))
        core = _without_glued_verb(strip_particles(joined, doc)[0], doc.rules)
        if core and joined.startswith(core) and _kind_parts(core, doc.rules):
            best = at[len(core) - 1] + 1
        if len(w.text) > 1 and i:
            break
    return best


@lru_cache(maxsize=4096)
def _kind_parts(core: str, rules: Rules) -> bool:
    """``core`` is one or two organisation endings of a firm's kinds, end to end (건설회사, 건설합영회사)."""
    kinds = rules.gazetteers.org_suffixes
    if kinds.get(core) in _FIRM_KINDS:
        return True
    return any(
        kinds.get(core[:cut]) == "company" and kinds.get(core[cut:]) in _FIRM_KINDS
        for cut in range(1, len(core))
    )


# The word for the writer's shop as the topic, then a town and the shop's name ("가게는 월곶 바삭치킨").
_TOPIC_SHOPS = frozenset(("가게", "식당", "매장", "샵", "업소"))


def _topic_shop(doc: Doc, first: Span, second: Span) -> Finding | None:
    """``first`` and ``second`` after "가게는" name the shop when ``first`` begins with a listed place and
    ``second`` ends in one of ``orgs.shop_name_tails`` ("가게는 월곶 바삭치킨"), the two one space apart."""
    tail = _shop_tail(doc, second)
    if tail is None or second.start != first.end + 1 or not hangul_only(first.text):
        return None
    if strip_particles(first.text, doc)[1] or first.text in doc.rules.config.names.stop_words:
        return None
    place = any(e == first.end for e in doc.places_starting(first.start))
    if not place and evidence(doc, first.start, first.end) not in _STRONG:
        return None
    if tail - second.start < _MIN_SLOT_NAME:
        return None  # "가게는 월곶 치킨": a town and what is sold there
    return doc.finding(
        Kind.ORG, first.start, tail, doc.rules.config.orgs.confidence_workplace, "org.introduced"
    )


# A shop's short name, as people call it ("그냥 해오름이라고 해", "다들 바삭이라고들 불러").
_NICKNAME = re.compile(
    r"(?<![가-힣])(?:그냥|줄여서|다들|보통|흔히|짧게) ([가-힣]{2,6}?)(?:이)?라고(?:들)? ?"
    r"(?:해|하|한다|불러|부르|부릅|합니다)"
)


def _shop_nicknames(doc: Doc) -> Iterable[Finding | None]:
    """See ``_NICKNAME``: the short name must begin a word earlier in the text that is glued to, or
    followed by, a word a shop's name ends with (``orgs.shop_name_tails``: "해오름 통신", "바삭치킨"); a
    person's nickname or an everyday word is left alone."""
    cfg = doc.rules.config
    tails = cfg.orgs.shop_name_tails
    for m in _NICKNAME.finditer(doc.text):
        short = m.group(1)
        if short in cfg.names.stop_words or _one_common_noun(short):
            continue
        for w in doc.words:
            if w.start >= m.start(1):
                break
            if not w.text.startswith(short):
                continue
            rest = _NAME_COPULA.sub("", strip_particles(w.text, doc)[0])[len(short) :]
            nxt = doc.word_at(w.end + 1) if rest == "" else None
            if (rest and rest.endswith(tails)) or (nxt is not None and _shop_tail(doc, nxt) is not None):
                yield doc.finding(
                    Kind.ORG, m.start(1), m.end(1), cfg.orgs.confidence_workplace, "org.introduced"
                )
                break


# A particle OCR or a transcript wrote apart from the word for a name ("가게 이름 은 X").
_SPLIT_PARTICLES = frozenset(("은", "는", "이", "가", "도"))


def _shop_tail(doc: Doc, word: Span) -> int | None:
    """End of the word ``word`` without its particle or copula when it ends in one of
    ``orgs.shop_name_tails`` ("통신", "아바이순대", "냉면이야"), else None."""
    core = _NAME_COPULA.sub("", strip_particles(word.text, doc)[0])
    if len(core) >= 1 and hangul_only(core) and core.endswith(doc.rules.config.orgs.shop_name_tails):
        return word.start + len(core)
    return None


@lru_cache(maxsize=8)
def _moved_name_words(rules: Rules) -> tuple[str, ...]:
    """``orgs.name_words`` with their particle ("이름은"): glued to a syllable ("이름은순") they show OCR
    moved the space into the name. Not the bare words ("이름": the particle left out), which begin the
    others ("이름은", "이름을 몰라")."""
    words = rules.config.orgs.name_words
    return tuple(n for n in words if not any(m != n and m.startswith(n) for m in words))


def _ending_word_after(doc: Doc, name: Finding, word: Span) -> Finding | None:
    """A shop's or organisation's ending written apart after a name just given ("식당 이름은 고향집
    랭면관인데"): the ending is part of the name."""
    if word.start != name.end + 1:
        return None
    core = _without_copula(strip_particles(word.text, doc)[0], doc.rules)
    core = _NAME_COPULA.sub("", core) if core not in doc.rules.config.orgs.shop_endings else core
    if core in doc.rules.config.orgs.shop_endings or core in _suffixes(doc.rules)[0]:
        return doc.finding(
            Kind.ORG, word.start, word.start + len(core), name.confidence, name.rule, severity=name.severity
        )
    tail = _shop_tail(doc, word)
    if tail is not None:
        return doc.finding(Kind.ORG, word.start, tail, name.confidence, name.rule, severity=name.severity)
    return None


def _introduced_word(
    doc: Doc, start: int, end: int, *, named: bool = False, group: bool = False
) -> Finding | None:
    """The unquoted name starting at ``start`` in the word ``[start, end)``: its core without a
    particle or copula, with Latin words after it ("탈북언니 TV"); None if it is an everyday word.
    After "이름은" (``named``) a name of three syllables or more that ends in a noun is one whatever
    Kiwi reads inside it ("동아리 이름은 통일한걸음이에요": 통일 + 하 + ㄴ + 걸음): review."""
    cfg = doc.rules.config
    spaced = doc.text[start:end]
    core, _ = strip_particles(spaced.replace(" ", ""), doc)
    core = _NAME_COPULA.sub("", core) if len(core) > _MIN_GIVEN_NAME else core
    # The name's own span, a space OCR put inside it ("순 네일") counted back in.
    length = len(core) + spaced.count(" ", 0, len(core) + 1)
    stop = end if core == spaced else start + length
    if not _MIN_GIVEN_NAME <= len(core) <= _MAX_GIVEN_NAME or not hangul_only(core):
        return None
    if core in cfg.names.stop_words or core in cfg.orgs.company_stem_stop or _one_common_noun(core):
        return None
    ev = evidence(doc, start, start + length)
    if ev in _STRONG or _proper_or_unknown_alone(core):
        grade = None
    elif _noun_compound(doc, start, start + length) or _slot_name(doc, core, spaced, start, named=named):
        grade = Severity.REVIEW
    elif group and core == spaced[: len(core)] and _glued_phrase_name(doc, start, start + len(core)):
        grade = Severity.REVIEW  # "동아리 통일한걸음에서": a phrase glued into one word names the club
    else:
        return None
    tail = _LATIN_TAIL.match(doc.text, stop) if stop == end else None
    stop = tail.end() if tail is not None else start + length
    conf = cfg.orgs.confidence_proper_stem if grade is None else cfg.orgs.confidence_compound_stem
    return doc.finding(Kind.ORG, start, stop, conf, "org.introduced", severity=grade)


_MIN_PHRASE_NAME = 4  # syllables
# Groups named for whom they stand with ("북한이탈청년과함께", "탈북민과함께"): people and "together".
_WITH_ENDINGS = ("과함께", "와함께")


def _glued_phrase_name(doc: Doc, start: int, end: int) -> bool:
    """Kiwi reads the one word ``[start, end)`` as nouns with a determiner, adnominal ending, prefix or 의
    between them (통일 + 한 + 걸음, 평화 + 의 + 손길): a phrase written as one word, the way clubs are
    named, which everyday compounds (발표회, 친구들) are not. Four syllables or more."""
    morphs = [m for m in doc.morphemes_in(start, end) if m.start >= start and m.end <= end]
    nouns = ("NNG", "NNP")
    if doc.text.endswith(_WITH_ENDINGS, start, end) and end - start >= _MIN_PHRASE_NAME + 1:
        return morphs[:1] != [] and morphs[0].start == start and morphs[0].tag in nouns
    return (
        end - start >= _MIN_PHRASE_NAME
        and len(morphs) >= 3
        and morphs[0].start == start
        and morphs[-1].end == end
        and morphs[0].tag in nouns
        and morphs[-1].tag in nouns
        and any(m.tag in ("MM", "ETM", "JKG", "XPN") for m in morphs[1:-1])
    )


def _slot_name(doc: Doc, core: str, spaced: str, start: int, *, named: bool) -> bool:
    """After "이름은" (``named``), ``core`` is one word of three syllables or more ending in a noun."""
    return (
        named
        and len(core) >= _MIN_SLOT_NAME
        and core == spaced[: len(core)]
        and _ends_in_noun(doc, start, start + len(core))
    )


@lru_cache(maxsize=4096)
def _proper_or_unknown_alone(word: str) -> bool:
    """Kiwi, given ``word`` alone, reads it as one proper noun or a word it does not know (순네일)."""
    morphs = analyse(word)
    return len(morphs) == 1 and morphs[0].end == len(word) and (morphs[0].tag == "NNP" or morphs[0].oov)


# A numbered organisation whose digit OCR read as a look-alike letter ("회령제l고급중학교", "제I3임업대표부"):
# 제, digits among which l, I, | or O, and Hangul ending in an organisation's ending.
# The vowel letter ㅣ is read for 1 as well ("회령제ㅣ고등중학교"; NFKC makes it U+1175).
_LETTERED_NUMBER = re.compile(
    r"(?<![가-힣A-Za-z0-9])([가-힣]{0,6}제[0-9lIO|\u3163\u1175]{1,3})([가-힣]{2,12})"
)
_DIGIT_LOOKALIKES = frozenset("lIO|\u3163\u1175")


def _lettered_numbers(doc: Doc) -> Iterable[Finding | None]:
    """See ``_LETTERED_NUMBER``: the number holds a look-alike letter (plain digits are _by_suffix's)."""
    cfg = doc.rules.config.orgs
    for m in _LETTERED_NUMBER.finditer(doc.text):
        if not _DIGIT_LOOKALIKES.intersection(m.group(1)):
            continue
        core, _ = strip_particles(m.group(2), doc)
        core = _without_glued_verb(core, doc.rules)
        suffix = _suffix_of(core, doc.rules) or (core if core in _suffixes(doc.rules)[0] else "")
        if suffix and core.endswith(suffix):
            yield doc.finding(
                Kind.ORG, m.start(1), m.start(2) + len(core), cfg.confidence_numbered_stem, "org.numbered"
            )

"""Person findings on words that are no one's name, whatever slot or cue they stand in.

The name rules score a word by its slot and cues (a kinship word before it, a title after it, a
speaker word before it), and everyday words land in those slots too: "브로 형이" (a loanword for a
mate), "형 담배 나눠준거 형은" (a verb's adnominal form and a bound noun before 형), "하지만 형 은" (a
conjunction), "나 영어 이제 좀 해" (the writer and a word), "형 나키 엄청 컸어" (나 + 키 with the space
lost), "생각이 많이 나지비" (a Hamgyong sentence ending), "로씨야 겨울" (a country's name cut before its
last syllable), "많은 분들이" (a noun in the plural), "감자전 보면" (an everyday noun and what a dish's
name ends in), "우리반 애들" (a pronoun and a one-syllable noun written as one word), "우유 사가는 아저씨"
(a verb or adjective and its endings only), "주 님 의" (a word of worship split from its 님). Each shape
below is checked on the finding's own words, so a name in the same slot ("순철이 형이", "나 영희랑")
is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from relay.detect.document import Doc
from relay.detect.morph import Morpheme, analyse_cached
from relay.detect.normalize import is_hangul
from relay.detect.numerals import DIGIT_NAMES
from relay.detect.words import last_word, particle_fits, strip_particles
from relay.model import Finding, Kind

# An ending that is a lone final consonant (ㅁ of 했음, ㄴ, ㄹ): Kiwi reads names ending in one so too.
_JAMO_ENDING = re.compile("[\u11a8-\u11ff]")
# Rules whose cue says outright that a name or nickname follows ("별명이 감자떡이었다"): the shapes of
# everyday words below (a dish, a plural, a verb) are not judged on them; nor on a nickname OCR spaced
# apart after such a cue or before 라고 불렀다 said of a person ("너 를 번 개 라 고 불 렀 다").
_LABELLED = frozenset(
    {"person.labelled", "person.intro", "person.handle", "person.called_spaced", "person.nickname"}
)
# What a verb's adnominal form ends in when a bound noun follows it: 준 거, 고픈 거, 어릴 때.
_ADNOMINAL = "ETM"
# Rules that find a name by its shape and slot alone (a surname and given syllables, a word before a
# title or after a verb's adnominal form), with no cue that says a name or nickname follows.
_SHAPE_ONLY = frozenset(
    {"person.full_name", "person.slot", "person.with_me", "person.after_adnominal", "person.context"}
)
# An everyday noun this long that Kiwi knows alone (성가대, 해바라기, 떡볶이) is seldom a name; shorter
# ones often are (보람, 하늘, 은혜), and a nickname has its label or its calling verb.
_LONG_NOUN = 3
# Titles that are also everyday words after a noun: 씨 is a seed ("해바라기 씨를 먹어요").
_SEED_TITLES = frozenset({"씨"})
# The copula after a name ending in a vowel, cut to one syllable (나는 옥길수요, 채광수야, 영수다): Kiwi
# reads 요 alone as a determiner, so it is named here.
_COPULA_TAILS = frozenset(
    {
        "요",
        "야",
        "다",
        "여",
        "오",
        "우",
        "라",
        "이오",
        "이요",
        "이야",
        "이다",
        "이여",
        "이우",
        "이라",
        "이지",
        "예요",
        "이에요",
    }
)


def drop_everyday_words(doc: Doc, findings: Iterable[Finding]) -> list[Finding]:
    """``findings`` without the person findings on words that are no one's name (see module doc)."""
    out: list[Finding] = []
    for f in findings:
        if f.kind is Kind.PERSON and _everyday(doc, f):
            continue
        out.append(f)
    return out


def _everyday(doc: Doc, f: Finding) -> bool:
    cfg = doc.rules.config.benign
    text = doc.original[f.start : f.end]
    compact = "".join(text.split())
    if not compact or not all("가" <= ch <= "힣" for ch in compact):
        return False
    word = _whole_word(doc, f)
    core = strip_particles(word, doc)[0] if word else ""
    never = cfg.not_names
    # Kiwi's cut of the particles too: 초코파이를 is 초코파이 + 를 (the list alone takes 이를 off).
    kiwi_core = _before_particles(word) if word else ""
    if any(len(w) >= 2 and w in never for w in (compact, strip_particles(compact, doc)[0], core, kiwi_core)):
        return True
    if compact == text and any(w in cfg.alone_not_names for w in (compact, strip_particles(compact, doc)[0])):
        return True  # "아지매가 늘", "우리 성도님들": the word alone, not the title after a name
    if _joined_with_next(doc, f, compact) in never:
        return True  # "주 님 의 평화": 주님 split by the spacing, the title read as a name's cue
    if any(
        len(compact) < len(w) and w.startswith(compact) and _country_or_place(doc, w) for w in (word, core)
    ):
        return True  # 로씨 of 로씨야: a place's name cut short (its last syllable read as 야)
    if any(_country(doc, w) for w in (compact, strip_particles(compact, doc)[0])):
        return True  # "옆집 러시아 할머니": where someone is from, before a title, not a name
    if _country_spelled_on(doc, f, compact):
        return True  # "러 시 아 는": a country's name spaced letter by letter, cut before its last
    if _predicate_form(compact, cfg.bound_nouns):
        return True
    if f.rule not in _LABELLED and _everyday_shape(doc, f, text, word, core):
        return True
    if f.rule in _SHAPE_ONLY and (
        _long_everyday_noun(doc, f, compact, word)
        or _cuts_known_noun(doc, f, word)
        or _hail_and_noun(word)
        or _particles_only(compact)
        or (_noun_verb(word) and not word.endswith(doc.rules.config.names.vocatives))
        or _bound_noun_opens(doc, f, text)
        or _particle_of_kin_before(doc, f, text)
        or _dish_named(doc, f)
        or _kin_with_copula(doc, compact)
    ):
        return True
    if (
        f.rule in ("person.called", "person.called_spaced")
        and strip_particles(compact, doc)[0] in cfg.called_not_names
    ):
        return True  # "형이라고 불러": what the reader is to call the writer, a kinship word, no name
    if f.rule == "person.intro" and _subject_not_intro(doc, word):
        return True
    if f.rule == "person.intro" and (
        _role_with_copula(doc, compact) or _spaced_subject(doc, f, text, compact)
    ):
        return True
    if _writer_and_word(doc, text, compact):
        return True
    if _kin_and_particle(doc, text) or _kin_split_before(doc, f, compact):
        return True
    if _lone_particle_opens(doc, f, text) or _particle_glued_to_pronoun(doc, compact):
        return True
    if _where_not_who(doc, f) or _kin_called(doc, f, compact) or _this_kin(doc, f):
        return True
    if _counter_after_number(doc, f) or _native_amount(doc, compact):
        return True
    return _dialect_ending(doc, f, compact) or _object_not_intro(doc, f) or _eaten_or_read(doc, f)


def _counter_after_number(doc: Doc, f: Finding) -> bool:
    """A finding opening with a bound noun Kiwi reads right after a number, a space between ("5백 원
    이야", "3 명 이다", "삼천 원이야"): the counter or currency of the amount, no one's name."""
    start, end = doc.spaced_range(f.start, f.end)
    morphs = doc.morphemes
    for k in doc.morphemes_starting(start):
        m = morphs[k]
        if m.tag == "NNB" and m.end <= end and k > 0:
            before = doc.text[: m.start]
            return (
                morphs[k - 1].tag in ("SN", "NR")
                and "\n" not in before[morphs[k - 1].end :]
                and not _digits_read_out(before.split()[-1] if before.split() else "")
            )
    return False


_ONE_OR_THE_NEXT = ("일이", "이삼", "삼사", "사오", "오륙", "오육", "육칠", "륙칠", "칠팔", "팔구")


def _digits_read_out(word: str) -> bool:
    """Digits said one by one ("이일팔칠", "육삼"), the end of a phone number or a handle read aloud: no
    counter counts them, so a surname after them ("이일팔칠 장만호") is a name. Two neighbours (이삼, 칠팔)
    are "two or three", an amount ("이삼 일", "칠팔 명")."""
    return len(word) >= 2 and all(ch in DIGIT_NAMES for ch in word) and word not in _ONE_OR_THE_NEXT


def _native_amount(doc: Doc, compact: str) -> bool:
    """The finding is a native number, a counter after it or not ("쉰한 살", "두공기", "여든 아홉"): an
    amount or an age. A lone unit counts only when it is two syllables and not 하나, a given name too."""
    cfg = doc.rules.config.benign
    word = strip_particles(compact, doc)[0] or compact
    for counter in ("", *cfg.amount_counters):
        if not word.endswith(counter) or len(word) == len(counter):
            continue
        number = word[: len(word) - len(counter)]
        if number in cfg.measure_units and counter not in cfg.measure_counters:
            continue  # 석명: 석 counts months and measures, not people
        if _native_number(number, cfg.native_tens, cfg.native_units, bool(counter)):
            return True
    return False


def _native_number(number: str, tens: frozenset[str], units: frozenset[str], counted: bool) -> bool:
    ten = next((t for t in sorted(tens, key=len, reverse=True) if number.startswith(t)), "")
    rest = number[len(ten) :]
    if rest and rest not in units:
        return False
    if ten or counted:
        return True
    return len(rest) >= 2 and rest != "하나"


def _everyday_shape(doc: Doc, f: Finding, text: str, word: str, core: str) -> bool:
    """The shapes of everyday words judged on Kiwi's reading (see module doc), on a finding whose rule
    leaves room for doubt."""
    cfg = doc.rules.config.benign
    never = cfg.not_names
    compact = "".join(text.split())
    # Not a word ending in a vocative particle's syllable: OCR makes names verbs (철남아 read 철나아).
    addressed = word.endswith(doc.rules.config.names.vocatives)
    if compact == text and not addressed and (_verb_word(word) or _verb_in_sentence(doc, f)):
        return True  # "우유 사가는 아저씨": a verb and its endings, no name and particle
    nouns = (core, compact, _before_particles(word))
    if any(
        _plural(w, cfg.plural_suffixes) or _dish(w, cfg.dish_endings) or _dish(w, cfg.thing_endings)
        for w in nouns
        if w
    ):
        return True
    if compact == text and _ours(core):
        return True  # "우리반 애들": written as one word; "우리 민아" (우리 + 민, apart) is left alone
    if any(
        w[: -len(p)] in never for w in nouns for p in cfg.plural_suffixes if w.endswith(p) and len(w) > len(p)
    ):
        return True  # "우리 고려사람들도", "탈북민들이": a word of the list in the plural
    return compact == text and (_pronoun_word(word) or _counted(doc, f, word) or _hail_and_kin(doc, core))


def _joined_with_next(doc: Doc, f: Finding, compact: str) -> str:
    """The finding and the word after it, split off by one space, read as one word without its particles
    (주 + 님 of "주 님 의"); empty when another word or nothing follows."""
    text = doc.original
    if text[f.end : f.end + 1] != " ":
        return ""
    end = f.end + 1
    while end < len(text) and is_hangul(text[end]):
        end += 1
    after = text[f.end + 1 : end]
    return compact + strip_particles(after, doc)[0] if after else ""


def _kin_and_particle(doc: Doc, text: str) -> bool:
    """A kinship word, a space, then a particle that fits it split off by the spacing ("나 는 형 이
    살아", "누나 가 보 고"): the kin word and its particle, not a surname and a given name. A given name
    opening with a particle's syllable ("동생 은희", "누나 가영") has more after it and stays."""
    pieces = text.split()
    if len(pieces) != 2 or pieces[0] not in doc.rules.gazetteers.kinship:
        return False
    kin, rest = pieces
    return rest in doc.rules.config.benign.kin_particles and particle_fits(kin, rest, doc)


def _kin_split_before(doc: Doc, f: Finding, compact: str) -> bool:
    """The one syllable before the finding, split off by OCR or a transcript's space, makes with it a
    kinship word and its vocative or copula ("손 자야" of 손자야, "누 나야"): the reader addressed by
    the kinship word, no surname and given name."""
    text = doc.original
    if f.start < 2 or text[f.start - 1] != " " or not is_hangul(text[f.start - 2]):
        return False
    if f.start >= 3 and is_hangul(text[f.start - 3]):
        return False
    return _kin_with_copula(doc, text[f.start - 2] + compact)


# Particles that, set apart by OCR, open a finding before the word they follow cut ("보호 가 형제님",
# "이모 가 기도 한다"): not 이 or 도, which are common surnames written apart from the given name.
_LONE_PARTICLES = frozenset({"가", "는", "를", "을", "의", "와", "과"})


def _lone_particle_opens(doc: Doc, f: Finding, text: str) -> bool:
    """The finding opens with a particle standing alone after a word ("가 기" of "이모 가 기도",
    "가 형제" of "보호 가 형제님") and ends inside the next word: the particle and a piece of that word."""
    pieces = text.split()
    if len(pieces) != 2 or pieces[0] not in _LONE_PARTICLES:
        return False
    orig = doc.original
    if f.start < 2 or orig[f.start - 1] not in " \n" or not is_hangul(orig[f.start - 2]):
        return False
    if f.end >= len(orig) or not is_hangul(orig[f.end]):
        return False
    # The word it cuts into is an everyday noun Kiwi knows (기도, 형제님), not a given name set apart
    # from its first syllable ("누나 가 영이가" of 가영이).
    end = f.end
    while end < len(orig) and is_hangul(orig[end]):
        end += 1
    morphs = analyse_cached(orig[f.start + 2 : end])
    return (
        bool(morphs) and morphs[0].tag == "NNG" and not morphs[0].oov and morphs[0].end - morphs[0].start >= 2
    )


def _particle_glued_to_pronoun(doc: Doc, compact: str) -> bool:
    """A particle glued by OCR to a pronoun or adverb after it ("형 은여기 서": 은 + 여기): the topic
    particle of the word before and the next word, no name."""
    if len(compact) < 3 or compact[0] not in ("은", "는", "을", "를", "가") or compact[0] == compact[1]:
        return False
    rest = compact[1:]
    morphs = analyse_cached(rest)
    # One pronoun or adverb, the whole rest: 은 is a surname too, and Kiwi reads a damaged given name's
    # first syllable as an adverb (은윙남: 윙 + 나 + ㅁ).
    return (
        len(morphs) == 1
        and morphs[0].tag in ("NP", "MAG")
        and not morphs[0].oov
        and morphs[0].end - morphs[0].start == len(rest)
    )


def _whole_word(doc: Doc, f: Finding) -> str:
    """The Hangul run of the original text the finding ends in, from the finding's last piece on."""
    start, end = _whole_word_span(doc, f)
    return doc.original[start:end]


def _whole_word_span(doc: Doc, f: Finding) -> tuple[int, int]:
    """Original offsets of :func:`_whole_word`."""
    text = doc.original
    start = f.start
    last_space = max(text.rfind(" ", f.start, f.end), text.rfind("\n", f.start, f.end))
    if last_space >= 0:
        start = last_space + 1
    end = f.end
    while end < len(text) and "가" <= text[end] <= "힣":
        end += 1
    return start, end


# How many one-syllable pieces after a finding a country's name spaced letter by letter may go on for.
_SPELLED_ON = 3


def _country_spelled_on(doc: Doc, f: Finding, compact: str) -> bool:
    """The finding and the one-syllable pieces after it, set apart by OCR's or a transcript's spaces,
    spell a country's name ("러 시" + "아" of "러 시 아 에 서"): the country, read short as a name."""
    pieces = doc.original[f.end : f.end + 4 * _SPELLED_ON].split()
    word = compact
    for piece in pieces[:_SPELLED_ON]:
        if len(piece) != 1 or not is_hangul(piece):
            return False
        word += piece
        if _country(doc, word):
            return True
    return False


def _country_or_place(doc: Doc, word: str) -> bool:
    return any(e.kind is Kind.PLACE for e in doc.rules.lexicon.exact.get(word, ()))


def _country(doc: Doc, word: str) -> bool:
    """A country's name (러시아, 로씨야, 우크라이나): nobody is called so."""
    return any(e.kind is Kind.PLACE and e.level == "country" for e in doc.rules.lexicon.exact.get(word, ()))


def _predicate_form(compact: str, bound_nouns: frozenset[str]) -> bool:
    """Kiwi reads the word on its own as a conjunction (하지만, 그런데) or as a verb's adnominal form
    and a bound noun ending it (나눠준거, 고픈거, 어릴때): no name is either."""
    morphs = analyse_cached(compact)
    if not morphs or any(m.oov for m in morphs):
        return False
    if len(morphs) == 1 and morphs[0].tag == "MAJ" and morphs[0].end == len(compact):
        return True
    if len(morphs) < 3 or morphs[-1].end != len(compact):
        return False
    last, before = morphs[-1], morphs[-2]
    return before.tag == _ADNOMINAL and last.form in bound_nouns and morphs[0].tag.startswith(("VV", "VA"))


def _verb_word(word: str) -> bool:
    """Kiwi reads the whole word alone as a verb or adjective and its endings only (기다리는 of "기다리는
    누나"), three syllables or more: the finding took its ending for a particle. A name and its particle
    holds a noun to Kiwi (깜돌이야: 깜 + 돌 + 이 + 야) or is shorter (주야)."""
    return len(word) >= 3 and _verb_only(analyse_cached(word), 0, len(word))


def _verb_only(morphs: Sequence[Morpheme], s: int, e: int) -> bool:
    """The morphemes within ``[s, e)`` are a verb or adjective Kiwi knows and its endings, end to end.
    Not an ending that is a lone final consonant: Kiwi reads names ending in ㅁ so (구하람: 구하 + 라
    + ㅁ)."""
    inside = [m for m in morphs if m.start >= s and m.end <= e]
    return (
        len(inside) >= 2
        and inside[0].start == s
        and inside[-1].end == e
        and not any(m.oov for m in inside)
        and inside[0].tag.startswith(("VV", "VA"))
        and all(m.tag.startswith(("VV", "VA", "VX", "E")) for m in inside)
        and inside[-1].tag in ("EF", "EC", "ETM")
        and not _JAMO_ENDING.fullmatch(inside[-1].form)
    )


def _ours(word: str) -> bool:
    """Kiwi reads the word as a pronoun of two syllables and one everyday noun of one syllable written
    with it, as the spelling has it (우리집, 우리반, 저희집): no name. A name glued to the pronoun is
    longer or a word Kiwi does not know (우리영희, 우리철수: left alone)."""
    morphs = analyse_cached(word)
    return (
        len(morphs) == 2
        and not any(m.oov for m in morphs)
        and morphs[0].tag == "NP"
        and morphs[0].end - morphs[0].start >= 2
        and morphs[1].tag == "NNG"
        and morphs[1].end - morphs[1].start == 1
        and morphs[1].end == len(word)
    )


def _verb_in_sentence(doc: Doc, f: Finding) -> bool:
    """:func:`_verb_word` on Kiwi's reading of the word in its sentence, for a word it reads otherwise
    alone (사가는 of "우유 사가는 아저씨": 사 + 어 + 가 + 는 there, a number and particles alone)."""
    start, end = _whole_word_span(doc, f)
    if end - start < 3:
        return False
    s, e = doc.spaced_range(start, end)
    return _verb_only(doc.morphemes_in(s, e), s, e)


def _pronoun_word(word: str) -> bool:
    """Kiwi reads the word alone as a pronoun of two syllables or more and particles, the copula or
    endings only (여기서, 누군가, 어딘가): no name."""
    morphs = analyse_cached(word) if len(word) >= 2 else ()
    return (
        bool(morphs)
        and not any(m.oov for m in morphs)
        and morphs[0].tag == "NP"
        and morphs[0].end - morphs[0].start >= 2
        and all(m.tag.startswith(("J", "VCP", "E")) for m in morphs[1:])
        and morphs[-1].end == len(word)
    )


def _counted(doc: Doc, f: Finding, word: str) -> bool:
    """Right after a digit, a word Kiwi reads as everyday nouns, suffixes and particles only (학년 of
    "3학년", 년쯤 of "5년쯤"): what the number counts, not a name."""
    if f.start == 0 or not doc.original[f.start - 1].isdigit():
        return False
    morphs = analyse_cached(word)
    return (
        bool(morphs)
        and not any(m.oov for m in morphs)
        and morphs[0].tag in ("NNG", "NNB")
        and all(m.tag in ("NNG", "NNB", "XSN") or m.tag.startswith("J") for m in morphs)
    )


def _hail_and_kin(doc: Doc, core: str) -> bool:
    """An interjection glued to a kinship word (어동생, 아누나): the word of address, no name."""
    morphs = analyse_cached(core) if core else ()
    return (
        len(morphs) == 2
        and morphs[0].tag == "IC"
        and not any(m.oov for m in morphs)
        and core[morphs[1].start : morphs[1].end] in doc.rules.gazetteers.kinship
        and morphs[1].end == len(core)
    )


def _before_particles(word: str) -> str:
    """``word`` without the particles Kiwi reads ending it (계란말이 of 계란말이를, where the particle
    list alone would take 이를 off)."""
    morphs = analyse_cached(word) if word else ()
    while morphs and morphs[-1].tag.startswith("J"):
        morphs = morphs[:-1]
    return word[: morphs[-1].end] if morphs and not any(m.oov for m in morphs) else ""


def _plural(word: str, suffixes: tuple[str, ...]) -> bool:
    """Kiwi reads the word as an everyday noun it knows and a plural suffix ending it (분들, 녀석들,
    집사님들): a group of people, no one's name. A name in the plural (영희들, 순이들) is a proper noun
    or a word Kiwi does not know before the suffix, and stays."""
    morphs = analyse_cached(word)
    if len(morphs) < 2 or any(m.oov for m in morphs) or morphs[-1].end != len(word):
        return False
    last = morphs[-1]
    return (
        last.tag == "XSN"
        and last.form in suffixes
        and all((m.tag.startswith("N") and m.tag != "NNP") or m.tag == "XSN" for m in morphs[:-1])
    )


def _dish(word: str, endings: tuple[str, ...]) -> bool:
    """The word is an everyday noun of two syllables or more that Kiwi knows, then what a dish's name
    ends in (김치 + 전, 계란 + 말이, 호박 + 죽): a dish, not a surname and given syllables."""
    for ending in sorted(endings, key=len, reverse=True):
        head = word[: len(word) - len(ending)]
        if not word.endswith(ending) or len(head) < 2:
            continue
        morphs = analyse_cached(head)
        if len(morphs) == 1 and not morphs[0].oov and morphs[0].tag == "NNG" and morphs[0].end == len(head):
            return True
    return False


def _long_everyday_noun(doc: Doc, f: Finding, compact: str, word: str) -> bool:
    """The word the finding is in, without its particles, or the finding joined with the piece after
    it that the spacing split off ("떡볶 이요" of 떡볶이요), is one everyday noun of three syllables or
    more that Kiwi knows alone (성가대에서, 해바라기 씨를): a choir or a flower read as a surname and given
    syllables in its sentence, where Kiwi cut it (성 + 가대, 박 + 꽃). Not a listed given name."""
    gaz = doc.rules.gazetteers
    text = doc.original
    if _signs_letter(doc, f):
        return False  # "고향을 그리며, 우선주": the letter's signature is a name, whatever noun it is too
    after = text[f.end :].split(maxsplit=1)
    titles = doc.rules.config.names.slot_titles
    if after and any(after[0].startswith(t) for t in titles if t not in _SEED_TITLES):
        return False  # "진달래 동무에게": a flower's name before a title is a nickname
    nouns = {_before_particles(word)}
    if text[f.end : f.end + 1] == " ":
        end = f.end + 1
        while end < len(text) and is_hangul(text[end]):
            end += 1
        nouns.add(_before_particles(compact + text[f.end + 1 : end]))
    for noun in nouns:
        if len(noun) < _LONG_NOUN or compact not in noun or gaz.listed_name(noun):
            continue
        morphs = analyse_cached(noun)
        if len(morphs) == 1 and not morphs[0].oov and morphs[0].tag == "NNG" and morphs[0].end == len(noun):
            return True
    return False


def _signs_letter(doc: Doc, f: Finding) -> bool:
    """``f`` is the last word of the text and opens its line, or follows a comma or colon there, or
    nothing but a date: where a letter is signed."""
    text = doc.original
    if f.end != doc.content_end or (
        f.start > 0 and not (text[f.start - 1].isspace() or text[f.start - 1] in ",:")
    ):
        return False
    before = text[text.rfind("\n", 0, f.start) + 1 : f.start].rstrip()
    return not before or before[-1] in ",:" or not any(ch.isalpha() for ch in before)


def _cuts_known_noun(doc: Doc, f: Finding, word: str) -> bool:
    """The finding, a whole word written without spaces, starts or ends strictly inside an everyday noun
    of two syllables or more in Kiwi's reading of that word alone (오늘날 of 오늘날씨: 오늘 + 날씨; 김말 of
    김말이를: 김 + 말이): a name's syllables are the whole of what Kiwi reads, not half a word it knows.
    Not when Kiwi reads a proper noun or an unknown word there, as it does most names, nor when only
    particles follow the finding in the word."""
    start = _whole_word_span(doc, f)[0]
    if " " in doc.original[f.start : f.end] or "\n" in doc.original[f.start : f.end] or f.start != start:
        return False
    cut = f.end - start
    tail = word[cut:]
    # The friendly 이 after a name's last syllable, then particles (송기보이까지: 송기보 + 이 + 까지).
    tail = tail[1:] if tail.startswith("이") and len(tail) > 1 else tail
    rest = analyse_cached(tail)
    if (
        len(strip_particles(word, doc)[0]) <= cut
        or tail in _COPULA_TAILS
        or tail in doc.rules.config.benign.kin_particles
        or not strip_particles(tail, doc)[0]
        or all(m.tag.startswith(("J", "E", "VCP")) for m in rest)
    ):
        # 한송 of 한송이라고, 옥길수 of 옥길수요: a name and its particles or copula, however Kiwi joins the
        # name's last syllable with them (송 + 이: 송이, 수 + 요: 수요)
        return False
    morphs = analyse_cached(word)
    if not morphs or any(m.oov or m.tag == "NNP" for m in morphs):
        return False
    return any(m.tag == "NNG" and m.end - m.start >= 2 and m.start < cut < m.end for m in morphs)


def _hail_and_noun(word: str) -> bool:
    """An interjection or the writer's pronoun glued to an everyday noun of two syllables or more and
    its particles (음건강만, 내새끼야: 음 + 건강 + 만, 나 + 의 + 새끼 + 야), as Kiwi reads the word alone: a
    word of address or of care, no surname and given syllables."""
    morphs = analyse_cached(word) if len(word) >= 3 else ()
    if not morphs or any(m.oov for m in morphs) or morphs[0].tag not in ("IC", "NP") or morphs[0].start != 0:
        return False
    rest = [m for m in morphs[1:] if m.tag != "JKG"]
    # After a filler (음지금, 어일단, 음여기: a transcript's hesitation glued to the next word by OCR or
    # the transcriber) an adverb or a pronoun too: 지금, 일단, 여기 are no given syllables either.
    heads = ("NNG", "MAG", "NP") if morphs[0].tag == "IC" else ("NNG",)
    return (
        bool(rest)
        and rest[0].tag in heads
        and rest[0].end - rest[0].start >= 2
        and all(m.tag.startswith("J") for m in rest[1:])
    )


# Kinds of food a dish's own name comes before ("보르시 수프", "굴라시 스프", "팟타이 국수"): the word
# before one of them names the dish, a foreign one Kiwi may take for a proper noun, not a person. Not
# 빵, 요리 or 음식, which follow a person too ("영희 빵 사 왔어", "엄마 요리 솜씨").
_DISH_KINDS = ("수프", "스프", "국수", "케이크", "샐러드", "소스")


def _dish_named(doc: Doc, f: Finding) -> bool:
    """The finding's word is right before one of ``_DISH_KINDS``, glued or after one space, with no
    particle of its own between: a dish's name (see ``_DISH_KINDS``)."""
    _, e = _whole_word_span(doc, f)
    text = doc.original
    if e == f.end and text[e : e + 1] == " ":
        e += 1
    elif e != f.end:
        e = f.end  # glued on: "보르시수프를"
    return text.startswith(_DISH_KINDS, e)


def _particles_only(compact: str) -> bool:
    """Kiwi reads the word alone as particles or endings only (에서 of "성가대 에서 형제님", split off the
    noun by the spacing): no name has no stem."""
    morphs = analyse_cached(compact) if len(compact) >= 2 else ()
    return (
        bool(morphs)
        and not any(m.oov for m in morphs)
        and all(m.tag.startswith(("J", "E")) for m in morphs)
        and morphs[-1].end == len(compact)
    )


def _noun_verb(word: str) -> bool:
    """Kiwi reads the word alone as an everyday noun of two syllables or more, then a verb or adjective
    and its endings (기억나, 걱정돼: 기억 + 나 + 어): a noun-verb idiom, no surname and given syllables."""
    morphs = analyse_cached(word) if len(word) >= 3 else ()
    return (
        len(morphs) >= 3
        and not any(m.oov for m in morphs)
        and morphs[0].tag == "NNG"
        and morphs[0].end - morphs[0].start >= 2
        and morphs[1].tag.startswith(("VV", "VA"))
        and all(m.tag.startswith(("VV", "VA", "VX", "E")) for m in morphs[1:])
        and morphs[-1].end == len(word)
        and not _JAMO_ENDING.fullmatch(morphs[-1].form)
    )


def _bound_noun_opens(doc: Doc, f: Finding, text: str) -> bool:
    """The finding opens with a bound noun and its particle written alone (게, 건, 걸: 것 + 이, 은, 을)
    after a verb's adnominal form ("보는 게 소원이야", "가 보는 게 취미예요"): "what one does is", no name."""
    pieces = text.split()
    if len(pieces) < 2:
        return False
    head = analyse_cached(pieces[0])
    if not head or head[0].tag != "NNB" or any(m.oov for m in head):
        return False
    if head[0].form not in doc.rules.config.benign.bound_nouns:
        return False  # "사랑 하는 명 훈 형제": a counter (명, 개) follows a number, never a verb's form
    word = last_word(doc.original, f.start)
    if not word:
        return False
    prev = analyse_cached(word)
    return bool(prev) and prev[-1].tag == _ADNOMINAL and prev[-1].end == len(word)


def _particle_of_kin_before(doc: Doc, f: Finding, text: str) -> bool:
    """The finding opens with a particle split off the kinship word before it, then an everyday noun of
    two syllables or more Kiwi knows ("삼촌 은 하루 도"): 삼촌은 하루도, no surname 은 and given 하루.
    A given name there ("동생 은 희가") is no word Kiwi knows."""
    pieces = text.split()
    word = last_word(doc.original, f.start)
    if len(pieces) != 2 or not word or word not in doc.rules.gazetteers.kinship:
        return False
    particle, rest = pieces
    if particle not in doc.rules.config.benign.kin_particles or not particle_fits(word, particle, doc):
        return False
    morphs = analyse_cached(rest)
    return (
        len(morphs) == 1
        and not morphs[0].oov
        and morphs[0].tag == "NNG"
        and len(rest) >= 2
        and not doc.rules.gazetteers.listed_name(rest)
    )


def _subject_not_intro(doc: Doc, word: str) -> bool:
    """After a speaker word, an everyday noun Kiwi knows with a topic, object or adverbial particle ("저는
    수학은 잘하는데", "제가 요리를 좋아해요", "저는 나중에 간호사가"): what the speaker speaks of, not who
    the speaker is (that takes the copula)."""
    morphs = analyse_cached(word) if word else ()
    return (
        len(morphs) == 2
        and not any(m.oov for m in morphs)
        and morphs[0].tag == "NNG"
        and morphs[0].end - morphs[0].start >= 2
        and morphs[1].tag in ("JX", "JKO", "JKB")
        and morphs[1].end == len(word)
        and not doc.rules.gazetteers.listed_name(word[: morphs[0].end])
    )


def _writer_and_word(doc: Doc, text: str, compact: str) -> bool:
    """A pronoun of the writer or the reader written apart from an everyday noun (a stop word of the
    name rules, or a noun Kiwi knows): "나 영어" is the writer and a word, not a surname and a given
    name."""
    pronouns = doc.rules.config.benign.pronouns
    pieces = text.split()
    last = pieces[-1]
    if len(pieces) >= 2 and pieces[-2] in pronouns:
        rest = last
        morphs = analyse_cached(rest)
        known = len(morphs) == 1 and not morphs[0].oov and morphs[0].tag == "NNG"
        if rest in doc.rules.config.names.stop_words or known:
            return not doc.rules.gazetteers.listed_name(rest)
    # The same with the space lost ("형 나키") is not judged: Kiwi reads given names that open with a
    # pronoun's syllable the same way (나숙, 나련, 제니), and a name lost is worse than a flag.
    return False


def _dialect_ending(doc: Doc, f: Finding, compact: str) -> bool:
    """The word ends its sentence in a dialect's sentence ending (나지비, 했슴메), or ends in one anywhere
    and Kiwi reads it as a verb (힘내래이): a verb, no name."""
    endings = doc.rules.config.benign.dialect_endings
    if not any(compact.endswith(e) and len(compact) > len(e) for e in endings):
        return False
    rest = doc.original[f.end : f.end + 3].strip()
    if not rest or rest[0] in ".!?,~…":
        return True
    # Anywhere in the sentence when Kiwi reads the word as a verb's stem and endings ("힘내래이 누나가").
    morphs = analyse_cached(compact)
    return bool(morphs) and not any(m.oov for m in morphs) and morphs[0].tag in ("VV", "VA")


# Between an object and its verb: adverbs, determiners, counters ("양꼬치 한번 거하게 산다").
_ADVERBIAL = ("MAG", "MM", "NNB", "NR", "SN")
_SAYING = ("하", "부르", "불리", "이")
_LOOK_AHEAD = 40  # characters after the finding searched for its verb


def _object_not_intro(doc: Doc, f: Finding) -> bool:
    """After a speaker word, an everyday word Kiwi knows (no proper noun),
    without a particle, then adverbs and a verb that is not one of saying ("내가 양꼬치 한번 거하게
    산다"): what the speaker does, not an introduction of who the speaker is."""
    if f.rule != "person.intro" or doc.original[f.end : f.end + 1] != " ":
        return False
    word = last_word(doc.original, f.start)
    if not word or word not in doc.rules.config.benign.speakers:
        return False  # "니 본이름 편승리 잊지 말라": a name's label, not the speaker
    s, e = doc.spaced_range(f.start, f.end)
    own = [m for m in doc.morphemes_in(s, e) if m.start >= s]
    if not own or any(m.oov or m.tag == "NNP" for m in own) or own[-1].end != e:
        return False
    for m in doc.morphemes_in(e + 1, e + 1 + _LOOK_AHEAD):
        if m.start < e + 1:
            continue
        if m.tag in _ADVERBIAL:
            continue
        return not m.oov and m.tag in ("VV", "VA") and m.form not in _SAYING
    return False


# Verbs read after an object for the verb it belongs to ("사 먹습니다", "따라 읽던": two joined verbs).
_VERBS_READ = 2
_OBJECT_PARTICLES = ("을", "를")


def _eaten_or_read(doc: Doc, f: Finding) -> bool:
    """The finding's word takes the object particle and one of the next verbs of its clause (adverbs
    between, no other object or subject before it) is one of eating, cooking or reading: "분식집에서
    김말이를 먹었는데", "천자문을 따라 읽던", "초코파이를 지금도 가끔 사 먹습니다". Food and texts are
    eaten and read, people are not; "철수를 만나 밥을 먹었다" stops at 밥을, another object."""
    verbs = doc.rules.config.benign.consumed_verbs
    if not verbs or f.rule in _LABELLED:
        return False
    _, e = _whole_word_span(doc, f)
    if not doc.original[f.end : e].endswith(_OBJECT_PARTICLES):
        return False
    _, e = doc.spaced_range(f.start, e)
    seen = 0
    for m in doc.morphemes_in(e, e + _LOOK_AHEAD):
        if m.start < e:
            continue
        if m.tag in ("JKO", "JKS", "SF", "SP") or m.tag.startswith("NNP"):
            return False
        if m.tag in ("VV", "VA"):
            if not m.oov and m.form in verbs:
                return True
            seen += 1
            if seen >= _VERBS_READ:
                return False
    return False


# The particle of the place where something happens or starts from: people take 에게서 or 한테서.
_PLACE_PARTICLES = ("에서", "에서는", "에서도", "에서의", "에서만", "에서부터")


def _where_not_who(doc: Doc, f: Finding) -> bool:
    """The finding's word is glued to 에서 ("성가대에서 노래도 하십니다", "분식집에서"): a place, a group
    or an event, never a person; a name rule's cue before it (a kinship word, a title) says nothing of
    that."""
    if f.rule in _LABELLED:
        return False
    _, e = _whole_word_span(doc, f)
    return doc.original[f.end : e] in _PLACE_PARTICLES


# The copula's forms a kinship word takes when the writer calls themself by it ("형이다, 형이라고 불러").
_KIN_COPULA = re.compile("(?:이다|이야|이요|이고|이라고|이라|이)$")
# Rules that take the word before 라고 불러 or a word said twice for a nickname.
_CALLED = frozenset({"person.called", "person.called_spaced", "person.echo_review", "person.called_twice"})


def _kin_called(doc: Doc, f: Finding, compact: str) -> bool:
    """A kinship word, perhaps with the copula, found as what someone is called ("너보다 형이다,
    형이라고 불러"): to be called 형 or 누나 is to be older, not to be named."""
    if f.rule not in _CALLED:
        return False
    kin = doc.rules.gazetteers.kinship
    return compact in kin or _KIN_COPULA.sub("", compact) in kin


# The copula and its endings after a kinship word ("나도 엄마라 동무 보니까", "내가 형이니까"): the
# writer saying what they are to someone, in the slot before a title a name would fill.
_COPULA_AFTER_KIN = re.compile("(?:이)?(?:라|라서|라고|라도|니까|야|다|고|요|지만|면)$")


def _kin_with_copula(doc: Doc, compact: str) -> bool:
    """The finding is a kinship word with the copula ("엄마라", "형이니까"): no one's name."""
    kin = doc.rules.gazetteers.kinship
    stem = _COPULA_AFTER_KIN.sub("", compact)
    return stem != compact and stem in kin


# Determiners glued before a kinship word ("이할애비는", "이 에미가": the writer calling themself "this
# old father"): the first syllable reads as the surname 이.
_DETERMINERS = ("이", "그", "저")


def _this_kin(doc: Doc, f: Finding) -> bool:
    """The finding's word, written whole, is a determiner and a kinship word with particles after it
    ("이할애비는 매일 밤"), a name rule having read the determiner as a surname."""
    if f.rule in _LABELLED:
        return False
    start, end = _whole_word_span(doc, f)
    if start != f.start:
        return False
    word = doc.original[start:end]
    if not word.startswith(_DETERMINERS):
        return False
    core = strip_particles(word[1:], doc)[0]
    return core in doc.rules.gazetteers.kinship


# The copula's plain and polite forms after a role word ("나는 여기서 이모다", "저는 간호사예요").
_COPULA_ENDS = ("입니다", "이에요", "이예요", "예요", "이다", "이야", "이요", "다", "야", "요")


def _role_with_copula(doc: Doc, compact: str) -> bool:
    """An introduction that gives a kinship word or a trade with the copula after it ("나는 여기서
    이모다"): what the writer is to the people around, no name."""
    cfg = doc.rules.config.benign
    for end in _COPULA_ENDS:
        if compact.endswith(end) and len(compact) > len(end):
            core = compact[: -len(end)]
            if core in cfg.called_not_names or core in doc.rules.gazetteers.kinship:
                return True
    return False


_PARTICLE_TAGS = ("JKS", "JX", "JKO", "JKB")


def _spaced_subject(doc: Doc, f: Finding, text: str, compact: str) -> bool:
    """After a speaker word, an everyday noun Kiwi knows (a demonstrative before it or not) and its
    particle written apart ("나 는 키 가 작아서", "나 는 이 일 이 좋다"): what the speaker speaks of."""
    if " " not in text.strip() or doc.rules.gazetteers.listed_name(compact):
        return False
    after = doc.original[f.end : f.end + 3]
    lone = len(after) >= 2 and after[0] == " " and after[1] in "이가은는을를도"
    if lone and (len(after) < 3 or after[2].isspace()):
        # "나 는 이 일 이": a demonstrative, a noun and its particle each apart, no surname and given syllable
        shown = analyse_cached(compact + after[1])
        if (
            len(shown) == 3
            and shown[0].tag == "MM"
            and shown[0].form in ("이", "그", "저", "요")
            and shown[1].tag == "NNG"
            and not shown[1].oov
            and shown[1].end == len(compact)
            and shown[2].tag in _PARTICLE_TAGS
        ):
            return True
    morphs = analyse_cached(compact)
    if len(morphs) == 3 and morphs[0].tag == "MM":
        morphs = morphs[1:]
    return (
        len(morphs) == 2
        and not any(m.oov for m in morphs)
        and morphs[0].tag == "NNG"
        and morphs[1].tag in _PARTICLE_TAGS
        and morphs[1].end == len(compact)
        and text.rstrip().endswith(" " + compact[morphs[1].start :])
    )

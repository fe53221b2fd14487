"""Findings on things every reader knows, said of in general: no one's home, work or name.

Letters tell a prisoner about the world the writer lives in, and name what everyone knows there: the
capital and foreign countries in general ("서울은 사람이 너무 많아", "서울의 겨울", "독일 은 겨울이 길고",
"미국에는 한국에서 온 사람들이 많이 살고"), famous people and the statues of them ("손흥민 선수",
"세종대왕이 만든 한글", "이순신 장군 동상"), the sights of the capital ("광화문 광장에는", "롯데월드 같이
가요"), the books of the Bible ("이사야 43장 말씀"), public bodies every prisoner meets ("국제적십자위원회는
포로들을 방문하고") and dishes named after a town ("평양냉면을 먹어 봤는데"). The rules that find homes,
workplaces and names read these as places, organisations and people; each check below drops them only
in the shape that says "in general", so the same words where someone lives, works or is ("저는 서울에
살아요", "서울 노원구", "국제적십자위원회에 면담을", "한라산 냉면 주방에서") stay findings.

The lists are data (``[benign]`` in ``config/detect/rules.toml``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from relay.detect.document import Doc
from relay.detect.lexicon import key_of
from relay.detect.normalize import is_hangul
from relay.detect.rules import Rules
from relay.detect.words import strip_particles
from relay.model import Finding, Kind

# Kinds a famous person's or sight's name is taken for: a person, a place (세종 of 세종대왕 is the city
# 세종), an address chain or an organisation run over it. Never a topic: that is the sentence's matter.
_NAME_KINDS = frozenset({Kind.PERSON, Kind.PLACE, Kind.ADDRESS, Kind.ORG})
# Where a sentence ends for the look-ahead over what is said of a city or country.
_SENTENCE_END = re.compile(r"[.!?。…]")
_CLAUSE_REACH = 60  # characters after a city or country read for a person in the clause


def drop_said_in_general(doc: Doc, findings: Iterable[Finding]) -> list[Finding]:
    """``findings`` without those on things said of in general (see the module doc)."""
    found = list(findings)
    return [f for f in found if not _in_general(doc, f, found)]


def _in_general(doc: Doc, f: Finding, found: list[Finding]) -> bool:
    if f.kind not in _NAME_KINDS:
        return False
    s, e = doc.spaced_range(f.start, f.end)
    if f.kind is not Kind.ORG and _famous(doc, s, e):
        return True
    if f.kind is Kind.PERSON:
        return _scripture(doc, s, e)
    if f.kind is Kind.ORG:
        return _public_body(doc, s, e)
    if f.kind is Kind.PLACE:
        return _sight(doc, s, e) or _dish(doc, s, e) or _place_in_general(doc, f, s, e, found)
    return False


# Each list of names by the characters in them: a name covers position ``at`` only if the character
# there is one of its own, so a finding looks at the few names with that character (at the offset it
# has in them), not at every name of the list with a search of the text each.
_Covering = dict[str, tuple[tuple[str, int], ...]]


def _covering(names: Iterable[str]) -> _Covering:
    """``{character: ((name, offset of the character in it), ...)}`` over every character of ``names``."""
    index: dict[str, list[tuple[str, int]]] = {}
    for name in names:
        for k, ch in enumerate(name):
            index.setdefault(ch, []).append((name, k))
    return {ch: tuple(entries) for ch, entries in index.items()}


@dataclass(frozen=True)
class _Lists:
    """The ``benign`` lists searched around a finding, indexed by :func:`_covering`."""

    famous_names: _Covering
    scripture_figures: _Covering
    scripture_books: _Covering
    public_bodies: _Covering
    famous_sights: _Covering


@lru_cache(maxsize=8)
def _lists(rules: Rules) -> _Lists:
    cfg = rules.config.benign
    return _Lists(
        famous_names=_covering(cfg.famous_names),
        scripture_figures=_covering(cfg.scripture_figures),
        scripture_books=_covering(cfg.scripture_books),
        public_bodies=_covering(cfg.public_bodies),
        famous_sights=_covering(cfg.famous_sights),
    )


def _occurrences(text: str, names: _Covering, at: int) -> Iterable[tuple[int, int]]:
    """Where each name of the indexed list ``names`` stands in ``text`` over position ``at`` (every
    caller wants a name the finding starts inside), in no particular order."""
    if not 0 <= at < len(text):
        return
    for name, k in names.get(text[at], ()):
        pos = at - k
        if pos >= 0 and text.startswith(name, pos):
            yield pos, pos + len(name)


def _famous(doc: Doc, s: int, e: int) -> bool:
    """``[s, e)`` starts inside a famous person's name (``benign.famous_names``: 세종대왕, 이순신, 손흥민),
    nothing but particles or a title glued after it, and ends in that word or the next ("이순신 장군"):
    everyone's hero, no one the letter is from or to. Also the name glued after a filler ("음손흥민").
    Not after a kinship word, nor an organisation: 김일성종합대학 is a university's name."""
    text = doc.text
    kin = doc.rules.gazetteers.kinship
    figures = doc.rules.config.benign.scripture_figures
    lists = _lists(doc.rules)
    named = [*_occurrences(text, lists.famous_names, s)]
    # A figure's name starting up to two characters on may have 주 before it, where the finding starts.
    starts = {
        *_occurrences(text, lists.scripture_figures, s),
        *_occurrences(text, lists.scripture_figures, s + 2),
    }
    named += [(_lord_before(text, lo), hi) for lo, hi in sorted(starts)]
    for lo, hi in named:
        if not lo <= s < hi:
            continue
        if text[lo:hi] in figures and _addressed(doc, lo, hi):
            continue  # "요셉아, 잘 있니", "에스더에게": a Christian named so, whom the letter is to
        if lo > 1 and text[lo - 1] == " " and (prev := doc.word_at(lo - 2)) is not None and prev.text in kin:
            continue  # "아내 박정희 데레사": a famous name as someone's own, after a kinship word
        word = doc.word_at(hi - 1)
        end = word.end if word is not None else hi
        rest = text[hi:end]
        if rest and not _particles_or_title(doc, rest):
            continue  # 왕건화가, 허준혁입니다: the famous name is only the start of someone's own
        nxt = doc.word_at(end + 1) if text[end : end + 1] == " " else None
        if nxt is not None and e > nxt.start and _signing(doc, nxt.text):
            continue  # "예수 정드림": OCR split the writer's own name (예수정) signing the letter
        if e <= (nxt.end if nxt is not None else end):
            return True
    return False


def _signing(doc: Doc, word: str) -> bool:
    """``word`` is a syllable or two of a name glued to a letter's closing ("정드림", "수정 올림")."""
    core = word.rstrip(",.!~")
    return any(core.endswith(c) and 0 < len(core) - len(c) <= 2 for c in doc.rules.config.names.closings)


def _lord_before(text: str, lo: int) -> int:
    """Where a figure of the Bible at ``lo`` starts with 주 (Lord) before it, glued or one space apart
    ("주 예수보다", "주예수"): a hymn's words, read by the name rules as the surname 주 and a given name."""
    for head in ("주 ", "주"):
        at = lo - len(head)
        if at >= 0 and text[at:lo] == head and (at == 0 or not is_hangul(text[at - 1])):
            return at
    return lo


# What follows a name the letter is written to: a vocative anywhere ("요셉아"), a dative when the name
# opens the line ("에스더에게"; mid-sentence "사울한테 쫓길 때" is who did something, not the reader).
_VOCATIVES = ("아", "야", "여", "이여")
_SALUTATIONS = ("에게", "께", "한테")
_CALLED = ("이라고", "라고")
_CALLING = ("부르", "불러", "불렀", "부릅", "불리")


def _addressed(doc: Doc, lo: int, hi: int) -> bool:
    """The name at ``[lo, hi)`` is called to (a vocative after it), greeted at the head of a line, or
    stands bare before a kinship word ("사울 형은"), or is the name someone is called by ("다윗이라고
    부르는"): someone the writer knows, so named."""
    word = doc.word_at(hi - 1)
    end = word.end if word is not None else hi
    rest = doc.text[hi:end].rstrip(",.!~")
    if rest in _VOCATIVES:
        return True
    if rest.startswith(_SALUTATIONS) and doc.is_line_start(lo):
        return True
    if rest in _CALLED:
        after = doc.word_at(end + 1) if doc.text[end : end + 1] == " " else None
        if after is not None and after.text.startswith(_CALLING):
            return True  # "다윗이라고 부르는 청년": someone the writer knows, called by the name
    # The kinship word in apposition, the name bare before it ("야곱도 형을 피해" is the figure's brother).
    nxt = doc.word_at(end + 1) if not rest and doc.text[end : end + 1] == " " else None
    kin = doc.rules.gazetteers.kinship
    return nxt is not None and (nxt.text in kin or strip_particles(nxt.text, doc)[0] in kin)


def _particles_or_title(doc: Doc, rest: str) -> bool:
    """``rest``, glued after a famous name, is particles only or one of ``benign.famous_titles`` with
    its particles ("세종대왕이", "윤동주시인의", "손흥민선수")."""
    if rest in doc.rules.config.text.particles:
        return True
    core = strip_particles(rest, doc)[0]
    return core in doc.rules.config.benign.famous_titles


def _scripture(doc: Doc, s: int, e: int) -> bool:
    """A person finding on a book of the Bible (``benign.scripture_books``: 이사야, 시편, 요한복음) cited
    by chapter or verse or as the word ("이사야 43장", "시편 백이십일편", "이사야 말씀"): a prophet's
    name there is the book's, not a person in the letter."""
    text = doc.text
    for lo, hi in _occurrences(text, _lists(doc.rules).scripture_books, s):
        if lo > s or hi < e or (lo > 0 and "가" <= text[lo - 1] <= "힣"):
            continue
        if _CITED.match(text, hi):
            return True
    return False


# A chapter, psalm or verse after a book's name (digits or spoken numbers), a colon reference, or 말씀.
_CITED = re.compile(
    r"(?:서|기)?\s?(?:[0-9]{1,3}\s?(?:장|편|절|:)|[일이삼사오육칠팔구십백]{1,6}\s?(?:장|편|절)|말씀|에\s?(?:이르|기록|나오))"
)


def _public_body(doc: Doc, s: int, e: int) -> bool:
    """An organisation finding on a public body every prisoner hears of (``benign.public_bodies``:
    국제적십자위원회, 유엔난민기구), or on a near miss of one inside its name, said of in general: with the
    topic particle ("국제적십자위원회는 포로들을 방문하고") or as its people in general ("국제적십자위원회
    사람들이 찾아오면"). With a particle of place or an office after it ("국제적십자위원회에 면담을", "…
    직원") it is who a letter went to."""
    text = doc.text
    return any(
        lo == s
        and e <= hi
        and (lo == 0 or not "가" <= text[lo - 1] <= "힣")
        and _BODY_IN_GENERAL.match(text, hi) is not None
        for lo, hi in _occurrences(text, _lists(doc.rules).public_bodies, s)
    )


_BODY_IN_GENERAL = re.compile(r"(?:는|은)(?=\s|$)|\s?(?:사람들|분들|직원들)(?:이|은|도)(?=\s|$)")


def _sight(doc: Doc, s: int, e: int) -> bool:
    """A place finding on a sight of the capital every visitor sees (``benign.famous_sights``: 광화문,
    롯데월드, 한강공원), not followed by a word of position (``benign.sight_position_words``: 근처, 옆,
    앞) that would place someone by it."""
    cfg = doc.rules.config.benign
    text = doc.text
    for lo, hi in _occurrences(text, _lists(doc.rules).famous_sights, s):
        if not (lo <= s < hi and e <= _word_end(doc, hi)):
            continue
        if lo > 0 and "가" <= text[lo - 1] <= "힣":
            continue
        nxt = _next_core(doc, _word_end(doc, hi))
        if nxt not in cfg.sight_position_words:
            return True
    return False


def _word_end(doc: Doc, pos: int) -> int:
    word = doc.word_at(pos - 1)
    return word.end if word is not None else pos


def _next_core(doc: Doc, end: int) -> str:
    """The word after the one ending at spaced ``end``, without its particles ("" at the end)."""
    if doc.text[end : end + 1] != " ":
        return ""
    word = doc.word_at(end + 1)
    return strip_particles(word.text, doc)[0] if word is not None else ""


def _dish(doc: Doc, s: int, e: int) -> bool:
    """A place finding on or right before a dish named after it (``benign.place_dishes``: 평양냉면,
    함흥냉면, 전주비빔밥; a rule may read 평양냉 + 면 as a township): food, not where anyone is, unless the
    dish names a shop (``benign.dish_shop_words``: 냉면집, 냉면 주방에서)."""
    cfg = doc.rules.config.benign
    text = doc.text
    word = doc.word_at(s)
    if word is None:
        return False
    for pos in range(s + 1, e + 2):
        dish = next((d for d in cfg.place_dishes if text.startswith(d, pos)), None)
        if dish is None or (pos == e + 1 and text[e : e + 1] != " ") or (pos <= e and pos > word.end):
            continue
        tail = text[pos + len(dish) :].split(" ", 1)[0]
        if tail.startswith(cfg.dish_shop_words) or _COPULA.match(tail):
            return False  # 평양냉면집, 한라산냉면관; a shop's name said ("식당 이름은 해주냉면이야")
        return _next_core(doc, pos + len(dish) + len(tail)) not in cfg.dish_shop_words
    return False


# The copula after a dish's name: the name of a shop said ("해주냉면이야", "옥류향냉면이오").
_COPULA = re.compile(r"(?:이|입|이에|예|이었|였|이라|이고|이니|이지|이요|이오)")


# Particles and phrases after a city or a country that make it the topic of a general statement:
# the topic particle (서울은, 독일 은: OCR sets it apart), "in it" (미국에는, 베를린에도), the possessive
# before what the whole city has (서울의 겨울), and having come to a country (호주에 와서).
_GENERAL_AFTER = re.compile(r"\s?(?:은|는|에는|에도|에서는|의)(?=\s|$)|\s?에\s와서(?=\s|$)")


def _place_in_general(doc: Doc, f: Finding, s: int, e: int, found: list[Finding]) -> bool:
    """A big city (``benign.general_cities``: 서울, 베를린) or a country that is no country of the road
    south, said of in general (``_GENERAL_AFTER``; bare or with 의 only before one of
    ``benign.general_city_nouns``: 서울 지하철, 서울의 겨울, 베를린 장벽), with no person in the rest
    of its clause (a kinship word or one of ``benign.personal_words``: "서울에는 언니가 산다", "서울은
    내가 사는 곳") and no other place right after it ("서울 노원구")."""
    cfg = doc.rules.config.benign
    text = doc.text
    name = text[s:e]
    country = _country(doc, name)
    if name not in cfg.general_cities and not country:
        return False
    if country and _describes(doc, e):
        return True
    if any(g is not f and e <= doc.spaced_range(g.start, g.end)[0] <= e + 2 for g in found):
        return False
    head = doc.word_at(s)
    if head is not None and head.start < s and text[head.start : s] not in cfg.general_before:
        return False  # glued into a longer word ("서울대", "뉴서울"), unless after 여기 (여기캐나다는)
    m = _GENERAL_AFTER.match(text, e)
    if m is None or m.group().strip() == "의":
        after = m.end() if m is not None else e
        if not _general_noun_after(doc, after):
            return False
        end = after
    else:
        end = m.end()
    return not _personal_clause(doc, end)


# How far past a country's name the noun it describes is read, spaces dropped ("러 시 아 사 람 들").
_DESCRIBED_REACH = 12


def _describes(doc: Doc, end: int) -> bool:
    """The country's name ending at spaced ``end`` describes what follows it: made in it, glued
    (``benign.country_made``: 독일제나, 중국산) or one of ``benign.country_nouns`` as the next word, after
    a space or 의, letters spaced apart or not ("중국 담배는", "러 시 아 사 람 들 도"): where people
    and things come from. Another place right after ("러시아 쿠르스크") is caught by the caller."""
    cfg = doc.rules.config.benign
    text = doc.text
    glued = _word_end(doc, end + 1) if end < len(text) and is_hangul(text[end]) else end
    if glued > end:
        rest = text[end:glued]
        if any(rest.startswith(m) and _made_tail(doc, rest[len(m) :]) for m in cfg.country_made):
            return True
        if not rest.startswith("의") or (glued < len(text) and not text[glued].isspace()):
            return False
    elif not text[end : end + 1].isspace():
        return False
    compact = "".join(text[end : end + _DESCRIBED_REACH].split()).removeprefix("의")
    return any(compact.startswith(noun) for noun in cfg.country_nouns)


def _made_tail(doc: Doc, rest: str) -> bool:
    """What follows 제, 산 or 식 glued to a country's name: nothing or particles only (독일제나)."""
    return not rest or rest in doc.rules.config.text.particles


def _general_noun_after(doc: Doc, pos: int) -> bool:
    """One of ``benign.general_city_nouns`` is the next word (서울 지하철, 서울의 겨울도)."""
    core = _next_core(doc, pos) if doc.text[pos : pos + 1] == " " else ""
    return core in doc.rules.config.benign.general_city_nouns


def _personal_clause(doc: Doc, pos: int) -> bool:
    """The rest of the sentence from spaced ``pos`` (at most ``_CLAUSE_REACH`` characters) names a
    person: a kinship word or one of ``benign.personal_words``."""
    cfg = doc.rules.config.benign
    kin = doc.rules.gazetteers.kinship
    rest = doc.text[pos : pos + _CLAUSE_REACH]
    stop = _SENTENCE_END.search(rest)
    if stop is not None:
        rest = rest[: stop.start()]
    for word in rest.split():
        core = strip_particles(word, doc)[0]
        if word in cfg.personal_words or core in cfg.personal_words or core in kin:
            return True
    return False


def _country(doc: Doc, name: str) -> bool:
    """``name`` is a country (not one of the road south, ``places.transit_countries``)."""
    if name in doc.rules.config.places.transit_countries:
        return False
    return any(
        e.kind is Kind.PLACE and e.level == "country" for e in doc.rules.lexicon.exact.get(key_of(name), ())
    )

"""Organisations named without an ordinary Korean ending: a club or group named after its generic head
("통일동아리 하나로", "고려인 청년회 우리말", "재활센터 Unbroken"), a university abroad ("카자흐 국립대"),
a firm, paper or post written in Latin or Cyrillic words ("UC Irvine", "VFW Post 8541", "Gazeta
Wyborcza 기사", "Новая газета Европа에서"), and what names an organisation with it: the school, town or
field before it ("한양대 에리카 축구동아리", "가톨릭 한일 평화 연대") and the department or club after
a school ("한국외대 우크라이나어과", "용인대 축구부").

The group's own name is often an everyday word (새날, 우리말, 하나로), so it is found by where it stands:
right after a group's generic head and right before a particle, a copula or the writer's post there.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from relay.detect.document import Doc
from relay.detect.morph import analyse
from relay.detect.spaced_orgs import LETTER_SPACED
from relay.detect.words import Evidence, evidence, strip_particles
from relay.model import Finding, Kind, Severity


def _words(text: str) -> frozenset[str]:
    """The space-separated words of ``text``: long word lists kept readable."""
    return frozenset(text.split())


# Generic heads a group's own name follows ("동아리 피닉스"); glued to the group's field (축구동아리).
_HEADS = (
    "동아리|동호회|모임|청년회|청년부|학생회|연구소|연구회|합창단|봉사단|봉사회|선교회|선교단|쉼터|센터|"
    "협회|가족회|클럽|밴드|공동체|찬양팀|독서회|야학|스터디|극단|합주단|응원단"
)
# The name, then what marks it as a name: a particle, a copula or the writer's post in the group.
_HEAD_NAME = re.compile(
    rf"(?<![가-힣A-Za-z])([가-힣]{{0,6}}(?:{_HEADS})) "
    r"([가-힣]{2,10}|[A-Z][A-Za-z'&-]+(?: [A-Z][A-Za-z'&-]+)?"
    # a two-syllable name spoken or typed apart before its copula ("모임 새 싹 입니다")
    r"|[가-힣] [가-힣](?= (?:입니다|이에요|예요|이야|에서)(?![가-힣])))(?![A-Za-z])"
)
_COPULAS = ("입니다", "이에요", "예요", "이야", "이다", "이고", "인데", "였어요", "이었어요", "였지")
# A word after the name that says it was one: the writer's post there, a copula or a locative particle
# written apart ("새날 에서" in a transcript).
_ROLE_AFTER = re.compile(
    r" (?:(?:부?회장|회원|대표|부원|단원|팀장|부장|주장|총무|간사|멤버|리더|매니저|코치|감독|선수|담당)"
    r"|(?:입니다|이에요|예요|이야|에서|에|의)(?![가-힣]))"
)
_LATIN_PARTICLE = re.compile(r"에서|에|의|을|를|와|과|은|는|이|가")
_NAME_PARTICLES = frozenset(
    {"에서", "에", "의", "에서는", "에서도", "을", "를", "와", "과", "은", "는", "이", "가"}
)
# What follows a group's head in ordinary sentences: its people, rooms and doings, not its name.
_NOT_NAMES = _words(
    "활동 친구 사람 회원 회장 선배 후배 분 선생님 직원 행사 사무실 건물 동기 멤버 장소 회의 공연 수업 "
    "연습 시간 예배 캠프 회비 모임 활동가 대표 총무 간사 식구 가족 단톡방 대화방 사람들 이름 덕분 "
    "안 밖 쪽 앞 뒤 옆 근처 주소 전화 연락처 홈페이지 소식 소개 자료 프로그램 교육 상담 지원 봉사 "
    "번호 전화번호 위치 입구 정문 로비 마당 식당 화장실 주차장 날짜 일정 계획 규칙 "
    "일 때 날 분위기 생활 담당자 관계자 소장 원장 센터장 팀 부서 엠티 회식 축제 발표 공부 기간 "
    "차원 측 회의실 강당 강의실 동아리방 선생 목사님 신부님 수녀님 교수님 박사님 간사님 여러분 "
    # the whole of it ("동아리 전체가")
    "전체 전원 일동 모두 다들 전부 모든 각자 자체 내부 외부 차원"
)
_NAME_TAGS_NOT = ("VV", "VA", "VX", "XSV", "XSA", "E", "MAG", "MAJ", "MM", "IC")
# Word endings of people and rooms of a group (연구원, 선생님, 회의실, 회원들): not a group's name.
_ROLE_ENDINGS = ("님", "들", "원", "실", "장", "생")

# A university abroad by its place and 국립/주립 ("카자흐 국립대", "키이우 국립대학교").
_STATE_UNIVERSITY = re.compile(
    r"(?<![가-힣])([가-힣]{2,8}) ((?:국립|주립|시립|공립)(?:종합)?(?:대학교|대학|대))(?![가-힣]{2})"
)

# Latin: an acronym and capitalised words after it, maybe a number ("UC Irvine", "VFW Post 8541"),
# before Korean that says a place of study, work or meeting.
_ACRONYM_NAMED = re.compile(
    # The number's digits may be OCR look-alikes (854l for 8541).
    r"(?<![A-Za-z0-9])([A-Z]{2,6}(?: [A-Z][a-z]+){1,3}(?: [0-9][0-9lIO]{0,4})?"
    # or a veterans' post, lodge or union local by its number ("American Legion Post 112")
    r"|(?:[A-Z][A-Za-z'.-]+ ){1,4}(?:Post|Chapter|Local|Lodge|Branch|Troop|Council) ?[0-9][0-9lIO]{0,4})"
    r"(?=에서|에 |이야|야(?![가-힣])|이에요|예요|입니다|이었|였|의"
    r"| [가-힣]{0,6}(?:모임|회|학교|대학|지부|지회|클럽))"
)
# Three capitalised words or more before 에서 or 에 ("Korean Food Mart New Malden에서"): a name that
# long, where the writer works or studies, is a firm's or school's.
_LATIN_RUN = re.compile(
    r"(?<![A-Za-z])([A-Z][A-Za-z&'.-]*(?: (?:[A-Z][A-Za-z&'.-]*|of|the|and|&)){2,6})"
    r"(?= ?에서| ?에 ?(?:다니|다녀|다녔|출근|근무|취직|입사))"
)
# Two capitalised words or more (Latin or Cyrillic; a Cyrillic name keeps lower-case words inside:
# "Новая газета Европа") before a paper's or employer's cue ("Gazeta Wyborcza 기사에서").
_MEDIA_NOUN = r" ?(?:기사|기자|신문|방송|보도|특파원)"
_MEDIA_CUE = rf"(?:{_MEDIA_NOUN}| ?에서 ?(?:일|근무|취재|기자|편집))"
# Two Latin words before 에서 일 may be a greeting and a city ("Hi London에서 일해요"): Latin names
# need a paper's noun after them; Cyrillic ones, whose lower-case inner words a greeting lacks, either.
_FOREIGN_PAIR = re.compile(
    rf"(?<![A-Za-zА-яЁё])([A-Z][a-z]+(?: [A-Z][a-z]+){{1,3}}(?={_MEDIA_NOUN})"
    rf"|[А-ЯЁ][а-яё]+(?: [А-ЯЁа-яё][а-яё]+){{1,3}}(?={_MEDIA_CUE}))"
)


def find_named_groups(doc: Doc) -> Iterable[Finding]:
    """Organisations of this module's kinds (see the module's docstring), in the spaced text."""
    for found in (_head_names(doc), _place_groups(doc), _state_universities(doc), _foreign_runs(doc)):
        yield from (f for f in found if f is not None)


def _name_core(doc: Doc, word: str, end: int) -> str | None:
    """The group's name in ``word`` (its particle or copula removed), or None when nothing marks it
    as a name: a particle on it, or a post, copula or particle written after it."""
    if _ROLE_AFTER.match(doc.text, end):
        return word
    if word.isascii():
        return word if _LATIN_PARTICLE.match(doc.text, end) else None
    for copula in _COPULAS:
        if word.endswith(copula) and len(word) - len(copula) >= 2:
            return word[: -len(copula)]
    core, ending = strip_particles(word, doc, min_core=2)
    return core if ending in _NAME_PARTICLES else None


def _only_a_particle(doc: Doc, m: re.Match[str], core: str) -> bool:
    """True when nothing but a particle glued to it marks ``core`` as the name after the head: no
    post, copula or spaced particle after the word."""
    word = m.group(2)
    if _ROLE_AFTER.match(doc.text, m.end(2)) or len(core) == len(word):
        return False
    return not any(word.endswith(c) for c in _COPULAS)


def _names_a_group(doc: Doc, core: str) -> bool:
    """``core`` can be a group's name: not an everyday word for its people, rooms or doings, nor a
    verb, an adverb or a determiner."""
    if core in _NOT_NAMES or core.endswith(_ROLE_ENDINGS) or core in doc.rules.config.names.stop_words:
        return False
    if core.isascii():
        return core not in doc.rules.config.orgs.acronym_stop
    return not any(m.tag.startswith(_NAME_TAGS_NOT) and not m.oov for m in analyse(core.replace(" ", "")))


def _head_names(doc: Doc) -> Iterable[Finding | None]:
    """See ``_HEAD_NAME``: the head must name the group's field, glued (축구동아리) or as the word before
    it ("고려인 청년회"), so that "동아리 친구" alone is no group's name."""
    conf = doc.rules.config.orgs.confidence_proper_stem
    for m in _HEAD_NAME.finditer(doc.text):
        if not _glued_field(m.group(1)) and _bare_word_before(doc, m.start(1)) is None:
            continue
        core = _name_core(doc, m.group(2), m.end(2))
        if core is None or not _names_a_group(doc, core):
            continue
        if (
            _only_a_particle(doc, m, core)
            and evidence(doc, m.start(2), m.start(2) + len(core)) is Evidence.COMMON
        ):
            continue  # "모임 날짜가", "센터 번호가": an everyday word and a particle say too little
        yield doc.finding(Kind.ORG, m.start(1), m.start(2) + len(core), conf, "org.named_group")


# A group by its town and its people, no name of its own ("땟골 고려인 쉼터", "니가타 귀국자 가족회"):
# a proper noun or unknown word, an everyday noun for the people, then the head with a particle.
_PLACE_GROUP = re.compile(
    rf"(?<![가-힣A-Za-z])([가-힣]{{2,8}}) ([가-힣]{{2,6}}) ([가-힣]{{0,6}}(?:{_HEADS}))"
    r"(?=에서|에|의|을|를|은|는|이|가|와|과|[ ,.]|$)"
)


def _place_groups(doc: Doc) -> Iterable[Finding | None]:
    """See ``_PLACE_GROUP``: the town must be a proper noun or a word Kiwi does not know, the people's
    word one everyday noun, neither with a particle ("서울에 사는 고려인 쉼터" is no one's name)."""
    conf = doc.rules.config.orgs.confidence_compound_stem
    for m in _PLACE_GROUP.finditer(doc.text):
        town, people = m.group(1), m.group(2)
        if town in _NOT_BEFORE or strip_particles(town, doc)[1] or strip_particles(people, doc)[1]:
            continue
        if evidence(doc, m.start(1), m.end(1)) not in (Evidence.PROPER, Evidence.UNKNOWN, Evidence.FRAGMENT):
            continue
        if not _is_noun(people):
            continue
        yield doc.finding(Kind.ORG, m.start(1), m.end(3), conf, "org.place_group", severity=Severity.REVIEW)


def _glued_field(head: str) -> bool:
    """True when ``head`` is a field glued to a generic head (축구동아리, 재활센터), not the head alone."""
    return re.fullmatch(_HEADS, head) is None


def _bare_word_before(doc: Doc, start: int) -> tuple[int, str] | None:
    """The word right before spaced ``start`` (one space between) when it carries no particle: its
    start and text."""
    if start < 2 or doc.text[start - 1] != " ":
        return None
    word = doc.word_at(start - 2)
    if word is None or word.end != start - 1:
        return None
    if strip_particles(word.text, doc)[1] or word.text in _NOT_BEFORE:
        return None
    return word.start, word.text


def _state_universities(doc: Doc) -> Iterable[Finding | None]:
    """See ``_STATE_UNIVERSITY``: the place before must be a proper noun or a word Kiwi does not know
    (카자흐, 키이우), not an everyday word ("우리 국립대")."""
    conf = doc.rules.config.orgs.confidence_proper_stem
    for m in _STATE_UNIVERSITY.finditer(doc.text):
        if strip_particles(m.group(1), doc)[1] or m.group(1) in doc.rules.config.names.stop_words:
            continue
        if evidence(doc, m.start(1), m.end(1)) not in (Evidence.PROPER, Evidence.UNKNOWN, Evidence.FRAGMENT):
            continue
        yield doc.finding(Kind.ORG, m.start(1), m.end(2), conf, "org.state_university")


def _foreign_runs(doc: Doc) -> Iterable[Finding | None]:
    """See ``_ACRONYM_NAMED``, ``_LATIN_RUN`` and ``_FOREIGN_PAIR``."""
    cfg = doc.rules.config.orgs
    for m in _ACRONYM_NAMED.finditer(doc.text):
        if m.group(1).split()[0] not in cfg.acronym_stop:
            yield doc.finding(Kind.ORG, m.start(1), m.end(1), cfg.confidence_proper_stem, "org.latin_named")
    for pattern in (_LATIN_RUN, _FOREIGN_PAIR):
        for m in pattern.finditer(doc.text):
            words = m.group(1).split()
            if all(w in cfg.latin_generic_words for w in words):
                continue
            yield doc.finding(Kind.ORG, m.start(1), m.end(1), cfg.confidence_proper_stem, "org.latin_named")


# ---- what names an organisation with it, before and after ----

# A school's department or club after the school ("한국외대 우크라이나어과", "용인대 축구부", "서울대
# 사회학과 대학원"): the school ends a finding, the word after ends in one of these.
_SCHOOL_END = re.compile(r"(?:대|대학|대학교|학교|고|중|외대|교대|여대)$")
_UNIT_AFTER = re.compile(r" ([가-힣]{1,8}(?:학과|어과|학부|대학원|과|부|동아리|연구실|학생회))(?![가-힣])")
_NOT_UNITS = frozenset({"일부", "전부", "대부분", "본부", "부부", "가부", "과부", "효과", "결과", "사과"})
# Words before an organisation that are no part of its name: the speaker, time, and fillers.
_NOT_BEFORE = _words(
    "저 제 나 내 우리 저희 그 이 저기 여기 거기 지금 요즘 원래 작년 올해 어 음 아 네 예 오늘 "
    "매주 주일 일요일 토요일 다시 또 그냥 같이 함께 처음 당시 예전 옛날 그때 "
    # time words before a clause's subject ("들었을 때 동아리 전체가")
    "때 날 후 전 뒤 다음 중 동안 이후 이전 무렵"
)
# A church's faith names it with it ("가톨릭 한일 평화 연대", "천주교 서울대교구").
_FAITHS = _words("가톨릭 천주교 기독교 개신교 불교 원불교 성공회 감리교 장로교 침례교 정교회 이슬람")
_MAX_BEFORE = 3
_MAX_FIELDS = 2  # everyday words of the field before a group's head (통일, 탈북 학생)


def extend_named_groups(doc: Doc, findings: Iterable[Finding]) -> list[Finding]:
    """Findings plus, for each organisation, the span with the words that name it with it: see the
    module's docstring. A wider copy is added; merging unites it with the original."""
    out = list(findings)
    named = [f for f in out if f.kind in (Kind.PERSON, Kind.PLACE, Kind.ORG)]
    for f in [f for f in out if f.kind is Kind.ORG]:
        start, end = _to_spaced(doc, f.start), _to_spaced(doc, f.end - 1) + 1
        # Spaced syllable by syllable, each syllable before is a bare word of its own: the place that
        # opens such a finding starts its name.
        new_start = start if f.rule == LETTER_SPACED else _extend_left(doc, start, end, named)
        new_end = _extend_right(doc, start, end)
        if new_start == start and new_end == end:
            continue
        o_start, o_end = doc.spaced.span(new_start, new_end)
        out.append(Finding(Kind.ORG, f.severity, f.confidence, o_start, o_end, f.rule))
    return out


def _to_spaced(doc: Doc, original: int) -> int:
    """The spaced offset of original offset ``original``."""
    starts = doc.spaced.starts
    return max(0, min(len(starts) - 1, bisect.bisect_right(starts, original) - 1))


def _covered(doc: Doc, start: int, end: int, named: list[Finding]) -> bool:
    """True when a person, place or organisation finding covers spaced ``[start, end)``."""
    o_start, o_end = doc.spaced.span(start, end)
    return any(f.start <= o_start and o_end <= f.end for f in named)


def _extend_left(doc: Doc, start: int, end: int, named: list[Finding]) -> int:
    """Start of the organisation with the bare words before it that name it with it: a proper noun,
    an unknown word, a school's short name or another finding (한양대 에리카, 타라스 셰우첸코 키이우),
    and before a group's generic head, up to two everyday words of its field (통일, 탈북 학생)."""
    fields = _MAX_FIELDS if _HEAD_START.match(doc.text, start) else 0
    for _ in range(_MAX_BEFORE):
        before = _bare_word_before(doc, start)
        if before is None:
            break
        w_start, word = before
        grade = evidence(doc, w_start, w_start + len(word))
        if _names_with_it(doc, w_start, word, grade, named):
            start = w_start
        elif fields and grade is Evidence.COMMON and _is_noun(word):
            fields -= 1
            start = w_start
        else:
            break
    return start


def _names_with_it(doc: Doc, start: int, word: str, grade: Evidence, named: list[Finding]) -> bool:
    """True when ``word`` before an organisation is part of its name: a proper noun, an unknown word,
    a school's short name, a faith or a word another finding already holds."""
    if grade in (Evidence.PROPER, Evidence.UNKNOWN, Evidence.FRAGMENT) or word in _FAITHS:
        return True
    return _SHORT_SCHOOL.fullmatch(word) is not None or _covered(doc, start, start + len(word), named)


_HEAD_START = re.compile(rf"[가-힣]{{0,6}}(?:{_HEADS})(?![가-힣]{{3}})")
_SHORT_SCHOOL = re.compile(r"[가-힣]{1,4}(?:대|외대|교대|여대)")


def _is_noun(word: str) -> bool:
    """True when Kiwi reads ``word`` as one noun (통일, 고려인), not a pronoun or a number."""
    morphs = analyse(word)
    return len(morphs) == 1 and morphs[0].tag in ("NNG", "NNP")


def _extend_right(doc: Doc, start: int, end: int) -> int:
    """End of the organisation with a department or club after a school (see ``_UNIT_AFTER``), or a
    congregation's group after a church (see ``_CHURCH_GROUP``)."""
    if _CHURCH_END.search(doc.text, start, end):
        m = _CHURCH_GROUP.match(doc.text, end)
        return m.end(1) if m else end
    for _ in range(2):
        if _SCHOOL_END.search(doc.text, start, end) is None and not _UNIT_END.search(doc.text, start, end):
            break
        m = _UNIT_AFTER.match(doc.text, end)
        if m is None:
            break
        unit = strip_particles(m.group(1), doc)[0]
        if unit in _NOT_UNITS or len(unit) < 2:
            break
        end = m.start(1) + len(unit)
    return end


# A church's youth, students' or choir group after it ("광장교회 청년부", "효자동성당 성가대").
_CHURCH_END = re.compile(r"(?:교회|성당|교당|사찰|선교회)$")
_CHURCH_GROUP = re.compile(
    r" ?((?:청년|학생|대학|중고등|유년|장년|여전도|남전도|청소년)(?:부|회|선교회)|성가대|찬양팀|주일학교)"
    r"(?![가-힣]{3})"
)
# A department just added ends the span; a further unit may follow it (사회학과 대학원).
_UNIT_END = re.compile(r"(?:학과|어과|학부)$")

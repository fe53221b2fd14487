"""Whole addresses: a place the other detectors found, run on over the address parts that follow it
(road, building number, 동/호, 인민반, 작업반, spoken numbers) and back over a postal code or a province's
short form ("자강 희천", "(35296) 인천 남동구 평화대로 258", "평양시 X구역 X거리 18호동 13층 1호").

Parts are only taken next to a place already found, so an everyday sentence (with no place) is never
touched: the chain adds coverage, never a new flag on its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from relay.detect.document import Doc
from relay.detect.hanja import read_hanja
from relay.detect.morph import analyse
from relay.detect.normalize import View
from relay.detect.numerals import NUMBER_SYLLABLES, fix_ocr_digits
from relay.detect.places import phrase_before_place
from relay.detect.rules import Rules
from relay.model import Finding, Kind, Severity

_NUM = "".join(sorted(NUMBER_SYLLABLES))  # for character classes
_N = rf"(?:\d{{1,6}}|[{_NUM}]{{1,8}})"
# The unit syllables after a number, with the misreadings OCR makes of them (108둉, 2407효, 38번치,
# 4작엄반): after a digit they cannot be anything else.
# OCR reads 길 as 긜 too ("24번긜").
# 단원 is the stairwell of a Chinese block of flats (单元: "17호 3단원 502호"), 호실 a room ("312호실").
# OCR misreads the vowel of 단 in 단지 and 단원 too ("7딘지", "2단윈"); after a digit they are still the
# estate's block and the stairwell. 호루 is the numbered block of a Chinese estate (号楼: "3호루").
_UNITS = (
    "번[지치]|번[길긜]|[길긜]|호동|호실|호루|[호효]|[동둉롱똥]|[층충]|[단딘댠]지|[단딘댠]원|단윈|인민반|반"
    "|작[업엄엽]반|분조|세대|통|가"
    # A Japanese address's block (丁目, "3초메"), as a letter from Japan writes it in Hangul.
    "|초메|쵸메"
    # The same block in characters (丁目), as the Hanja view reads it (정목).
    "|정목"
    # A class at a school a letter goes to ("봉의중학교 2학년 3반"): after a number, nothing else.
    "|학년"
)
# Tokens that are address parts wherever they stand in a chain.
_PART = re.compile(
    rf"(?:제 ?)?\d{{1,6}}(?:[-~]\d{{1,5}})?(?:{_UNITS})?"  # 258, 88-7, 101동, 11작업반
    rf"|(?:제)?[{_NUM}]{{2,10}}(?:의)?(?:{_UNITS})?"  # 이백오십이의, 백이십이동
    rf"|(?:제)?[{_NUM}](?:{_UNITS})"  # 오동, 십반
    rf"|\(\d{{5}}\)"
    # 해맞이대로55길, 한강길사십팔길, 석수로140-22
    rf"|[가-힣A-Za-z0-9]{{1,14}}(?:대로|로|길){_N}(?:번?[길긜]|가)?{_N}?(?:-\d{{1,5}})?"
    # (가 only after a number, as in 종로3가 above: after a word it is the subject particle, 주소가)
    rf"|[가-힣]{{1,10}}(?:시|군|구|구역|동|리|읍|면|로동자구|노동자구|협동농장|마을|거리)"
    # a Chinese city's avenue, street or subdistrict (大街, 街道: "금산대가", "하남가두"), as Korean
    # letters from China write them; 가 alone stays the subject particle
    rf"|[가-힣]{{1,8}}(?:대가|가두|가도)"
    # a Chinese town, village or township (镇, 村, 乡: "경신진", "회룡봉촌") of three syllables or more
    # (사진, 가진 are words), and its numbered village group (组: "5조")
    rf"|[가-힣]{{2,6}}(?:진|촌|향)"
    r"|\d{1,3}조"
    rf"|[가-힣]{{1,6}}\d{{1,2}}(?:동|가)"  # numbered divisions: 역삼2동, 동문1동, 을지3가
    # a village or quarter with its numbered 인민반 or 반 glued on: 바다마을5인민반, 신암동3반
    rf"|[가-힣]{{1,10}}(?:마을|동|리|거리)\d{{1,3}}(?:인민반|반|작[업엄엽]반|분조)"
    r"|\d{1,5}실"  # a room (室: "501실"); with digits only, as 사실 and 구실 are words
    rf"|(?:\d{{1,6}}(?:{_UNITS})){{2,3}}"  # numbered parts OCR glued together: 3단원502호, 1203동804호
    r"|[A-Z][동둉]"  # a lettered building of an estate or office block: N동, B동
    r"|지하\d{1,2}[층충]"  # a basement floor, 지하1층 (지하 1층 written apart: see _BASEMENT)
    r"|(?:[Bb]|비)\d{1,3}[호효]"  # a basement flat, B01호 (비01호 as said)
    r"|산\d{1,5}(?:-\d{1,5})?(?:번지)?"  # a mountain lot (산 번지) glued to its number: 산112, 산 12-3
    # a lot or building lettered before its number ("B92-1", "A12"), OCR's l, I or O in its sub-number
    # (OCR may have read the letter as a digit too: B → 8)
    r"|[A-Z]\d{1,5}(?:-[\dlIO]{1,5})?|\d{1,6}-[\dlIO]{1,5}"
    r"|\d{1,2}-\d{1,3}-\d{1,3}"  # a Japanese block, lot and house (丁目-番-号: "3-5-12"); no phone's 4
)
# A part made of a spoken number ("이백오십이의", "백이십이동", "오동"): numbered like one with digits.
_SPOKEN_PART = re.compile(rf"(?:제)?[{_NUM}]{{2,10}}(?:의)?(?:{_UNITS})?|(?:제)?[{_NUM}](?:{_UNITS})")
# A road name without its number: taken only when a number follows.
# A Chinese road (路) is written 루 as often as 로 ("첸후난루 268호", "렌안루 77호"): two syllables of its
# name at least, as 하루, 자루 and 가루 end in it too.
_ROAD = re.compile(r"[가-힣A-Za-z0-9]{1,14}(?:대로|로|길)|[가-힣]{2,8}루")
_NUMBER = re.compile(rf"\d{{1,6}}(?:-\d{{1,5}})?|[{_NUM}]{{2,10}}")
# A Chinese street (街: "북삼경가") before its house number (号: "12호"): 가 ends many words (친구가), so
# only with the numbered house after it.
_CN_STREET = re.compile(r"[가-힣]{2,8}가")
_CN_NUMBER = re.compile(r"\d{1,5}[호효]")
# A Japanese quarter (町, "모모다니", "쓰루하시") before its block, lot and house number ("3-5-12") or its
# block ("3초메"): any name of two to six syllables, as the number after it is no other thing's.
_JP_QUARTER = re.compile(r"[가-힣]{2,6}")
_JP_NUMBER = re.compile(r"\d{1,2}-\d{1,3}-\d{1,3}|\d{1,2} ?(?:초메|쵸메|정목)")
# A lot number (번지) follows the name of its 동 or 리, which a writer may give without the suffix
# ("대덕구 석파 889-10번지"): a word right before the lot number is that name.
_LOT_NUMBER = re.compile(r"(?:산 ?)?\d{1,5}(?:-\d{1,5})?번지")
# A post office named after its town glued before it ("김포우체국 사서함 57호"): the town is the box's.
_POST_OFFICE = ("우체국", "우편국")
_MAX_POST_TOWN = 5  # syllables of the town before 우체국 (김포, 서울중앙, 의정부)
# A building or estate name before its 동 ("래미안 115동", "휴먼시아 백이십이동").
_BUILDING = re.compile(r"[가-힣A-Za-z]{1,12}")
_DONG = re.compile(rf"(?:\d{{1,4}}|[{_NUM}]{{1,6}})[동둉롱똥](?:\d{{1,5}}[호효])?")
# The numbered parts of a building: its 단지, 동, 호 or floor ("7단지", "104동", "901호", "3층").
# A building may be lettered instead ("N동", "B동").
_BUILDING_UNIT = re.compile(rf"(?:\d{{1,4}}|[{_NUM}]{{1,6}}|[A-Za-z])(?:[단딘댠]지|[동둉롱똥]|[호효]|[층충])")
# Houses of care or worship: a letter is sent to one by its address's number alone ("대종로 471 수녀원").
_INSTITUTION = "수녀원|수도원|요양원|양로원|보육원|병원|성당|교회|수련원|대학교|대학원|캠퍼스|학교"
# An apartment or office building by the word its name ends with ("주공아파트", "현대2차아파트",
# "세원오피스텔"); the word alone ("아파트") is everyday and not taken.
_BUILDING_WORD = re.compile(
    r"[가-힣A-Za-z0-9]{1,14}(?:아파트|아빠트|빌라|맨션|타워|오피스텔|빌딩|하이츠|캐슬|팰리스|타운|연립|주택"
    # The names apartment brands end with ("동탄푸르지오", "광교자이", "래미안", "해링턴플레이스").
    r"|푸르지오|자이|래미안|힐스테이트|아이파크|편한세상|더샵|센트레빌|위브|하늘채|스위첸|데시앙|꿈에그린"
    r"|어울림|휴먼시아|베르디움|비발디|플레이스|스테이트|파크|빌"
    # Office and shop buildings, as the workplaces of a letter's address end ("에이치스퀘어", "중앙상가").
    r"|스퀘어|센터|프라자|플라자|상가|회관|청사|사옥|밸리|시티|레지던스|몰"
    # North Korean homes in an address: the flats of a farm or a works ("2작업반 살림집 5호", "사택 4동").
    r"|살림집|사택|합숙|합숙소|기숙사"
    # The kind of house after its 반 and number ("11반 2호 단층집", "5번지 2층집", "12호 독채").
    r"|단층집|층집|독채|한옥|다세대|다가구"
    # Rooms to let, halls of residence and boarding houses ("뚜레빌원룸 304호", "제2학생생활관 B동").
    r"|원룸|투룸|하우스|빌리지|생활관|학사|고시원|고시텔|쉐어하우스"
    # Halls named by 관 ("첨성관 B동", "진리관 302호") and houses of care or worship a letter is sent to
    # ("대종로 471 수녀원"): taken only after the address's number or before the building's own.
    rf"|관|{_INSTITUTION})"
    # The phase of an office or flats' building glued on ("대륭포스트타워1차", "현대아파트2차").
    r"(?:\d{1,2}차)?"
)
# The office or room of a building a letter goes to, after the address's numbered part ("기숙사 2동
# 사감실", "3동 관리실"). 사무실 is left out: "3층 사무실로 오세요" says where to come, not the address.
# The wing of a hospital or a convent and the office in it a letter is addressed to ("서울대병원 본관 3층
# 간호부", "수녀원 본원") go on the same way.
_ROOM = re.compile(
    r"사감실|관리실|경비실|행정실|교무실|원장실|숙직실|연구실|관리사무소|사무소|호실"
    r"|본관|별관|신관|구관|본원|분원|간호부|간호과|원무과|원무팀|총무과|총무부|총무팀|행정부|행정팀|인사과|인사팀"
    # The department of a church a letter is sent to, after the church at its address ("삼산로 274,
    # 삼산소망교회 고등부로"): the youth group's own post.
    r"|중고등부|고등부|중등부|청년부|대학청년부|대학부|청소년부|유년부|유치부|초등부|소년부|장년부|선교부|주일학교"
    r"|사무국|사무처"
)
# An estate named by a village or block word before its numbered building ("햇살마을 207동 803호",
# "푸른마을1103동", "햇살 마을 207동" split by OCR): the estate's name is part of the address.
_ESTATE_BEFORE = re.compile(r"([가-힣]{1,4} ?(?:마을|단지|아파트|빌라|맨션|타운)) ?$")
# A building number with the estate's name glued to it ("537동탄푸르지오", "145광교자이").
_NUMBERED_BUILDING = re.compile(r"\d{1,6}(?:-\d{1,5})?(?P<name>[가-힣A-Za-z]{2,14})")
# The reference part of a road address in brackets: the 동 and the building ("(불당동)",
# "(연수동, 연수현대타운)"), with OCR's spaces and misread 동 ("( 달둉 )").
_BRACKETED = re.compile(r"\( ?[가-힣0-9]{1,10}(?:[동둉롱똥]|리|가|읍|면)(?:, ?[가-힣A-Za-z0-9 ]{1,20})? ?\)")
# The hyphen of a lot's number said aloud ("칠백칠십팔 다시 삼", "이백십이 다시 오").
_SPOKEN_DASH = "다시"
_NUM_START = frozenset(_NUM + "0123456789")
# A numbered part said aloud with its unit ("칠십팔번길", "삼백이호"): on the next line it still carries
# the address on, as a part in digits does. Two numeral syllables at least and the unit, so a word
# like 이사 or 오동 is none.
_SPOKEN_NUMBERED = re.compile(rf"(?:제)?[{_NUM}]{{2,10}}(?:의)?(?:{_UNITS})")
# The sub-number after a spoken hyphen, with the copula or a particle after it ("일이여", "삼이요").
_SPOKEN_AFTER_DASH = re.compile(rf"([{_NUM}]{{1,6}}?)((?:이)?(?:여|요|오|야|다|고|에|에서|로|으로)?)")
# 지하 ("basement") written apart from its floor: "지하 1층".
_BASEMENT = "지하"
# A building's or a flat's number just taken, after which 지하 alone says the basement of that building
# ("거리 88동 지하", "17호 지하").
_BUILDING_TAKEN = re.compile(rf"(?:\d{{1,6}}|[{_NUM}]{{1,8}})[동호]")
# A unit word OCR or the writer set apart from its number ("세천동 7 반", "서탑가 B9-6 호", "l2 번지").
_LONE_UNITS = frozenset({"반", "호", "동", "층", "번지", "호실", "인민반", "작업반", "단지", "단원"})
_DIGITS_TAKEN = re.compile(r"[A-Z]?\d{1,6}(?:-\d{1,5})?")
# A post-office box after the place it is in ("갈말읍 사서함 11-3호"): taken when its number follows.
_PO_BOX = "사서함"
# Below or on top of a house: after the house's number ("화곡로 302-7 반지하"); after a place alone
# ("서울 반지하 방은") it is the kind of home, not where.
_HOME_LEVEL = re.compile("반지하|옥탑방?|지하층|지층")
# (a floor read aloud too: "이층 끝방")
_FLOOR = re.compile(r"(?:\d{1,2}|[일이삼사오육칠팔구십]{1,3})[층충]")
# Any room of an office or hall after its floor ("6층 회의실", "3층 상담실", "2층 대강당"): the
# room's word is the last part of the address, whatever the room is called. Not 사무실 (see _ROOM).
# A room of a dormitory or a house by where it lies ("이층 끝방", "3층 안방") goes on the same way.
_ROOM_ANY = re.compile(r"(?!사무실)[가-힣]{1,4}(?:실|홀|강당)|(?:끝|안|뒷|옆|윗|큰|작은|쪽|골|다락|구석)방")
# A mountain lot's mark before its number ("용대리 산 112"): the lot lies on a hillside, not on a road.
_MOUNTAIN_LOT = "산"
# The numbered phase or block of an estate after its name ("주공 칠단지", "현대 2차").
_ESTATE_PHASE = re.compile(rf"(?:\d{{1,2}}|[{_NUM}]{{1,3}}) ?(?:[단딘댠]지|차)")
# An office after the address's number with its particle and the next word glued on by a lost space.
_ROOM_GLUED = re.compile(rf"({_ROOM.pattern})(?:으로|로|에서|에|앞으로)[가-힣]")
# The sub-number of a house after its number, split off with its hyphen ("원곡로 45 -2").
_SUB_NUMBER = re.compile(r"[-–~]\d{1,5}")
_TOKEN = re.compile(r"[^\s,]+")
_POSTAL_BEFORE = re.compile(rf"(?:\(\d{{5}}\)|\d{{5}}|[{_NUM}]{{4,12}}) ?,? ?$")
_MAX_TOKENS = 10
# What may follow the last part of an address, longest first.
_ENDINGS = tuple(
    sorted(
        (
            "이었다",
            "이었어",
            # The copula going on to the next clause ("14호였고 우리 집은", "3반이었는데").
            "이었고",
            "였고",
            "이었는데",
            "였는데",
            "였지",
            # Older and northern endings of the copula, as older writers close a sentence ("3층이오",
            # "12반이요", "5호였소"), and the spoken ones ("3층이죠", "101호라고").
            "이었소",
            "이였소",
            "였소",
            "이라오",
            "라오",
            # Older writers' copula ("25일세", "3호일세") and the southern dialects' ("일이여", "3호여").
            "일세",
            "이여",
            "이외다",
            "이오",
            "이요",
            "이우",
            "이죠",
            "이지요",
            "이라고",
            "라고",
            "이였다",
            "이였어",
            "인데요",
            # Spoken polite endings after a house number read aloud ("이백십오이고요", "삼십이구요").
            "이고요",
            "이구요",
            "이거든요",
            "이라고요",
            "이었어요",
            "였어요",
            "이었습니다",
            "였습니다",
            "이랍니다",
            "이니까",
            "이었지",
            "이에요",
            "입니다",
            "이라서",
            "인데",
            "이다",
            "이야",
            "이고",
            "이며",
            "이지",
            "에서",
            "에는",
            "에도",
            "까지",
            "부터",
            "으로",
            "였다",
            "였어",
            "예요",
            "라서",
            "에",
            "로",
            "은",
            "는",
            "이",
            "가",
            "을",
            "를",
            "다",
            "야",
            # The copula dropped after a vowel, as said and as older writers close ("나동 3호요").
            "요",
            "과",
            "와",
            "도",
            "의",
        ),
        key=len,
        reverse=True,
    )
)


@lru_cache(maxsize=8)
def _short_provinces(rules: Rules) -> frozenset[str]:
    """Two-syllable short forms of provinces and big cities (자강, 함남, 경기, 평북)."""
    out: set[str] = set()
    for p in rules.gazetteers.places:
        if p.level in ("province", "special_city") or p.name.endswith(
            ("광역시", "특별시", "직할시", "특급시")
        ):
            out.add(p.name[:2])
            out.update(a for a in p.aliases if len(a) == 2)
    return frozenset(out)


def _core(doc: Doc, token: str) -> tuple[str, bool]:
    """The token without trailing punctuation or a particle, and whether the address ends there."""
    return _core_of(token, doc.rules)


# The same tokens come back in every reading of a page (and the answer depends only on the token and
# the rules), so it is remembered.
@lru_cache(maxsize=1 << 14)
def _core_of(token: str, rules: Rules) -> tuple[str, bool]:
    stripped = token.rstrip(".)!?:;\"'")
    ends = stripped != token
    if _part_shaped(stripped):
        return stripped, ends
    for tail in _ENDINGS:
        if stripped.endswith(tail) and len(stripped) > len(tail) and _part_shaped(stripped[: -len(tail)]):
            return stripped[: -len(tail)], True
    past = _PAST_COPULA.fullmatch(stripped)
    if past is not None and _part_shaped(past.group(1)):
        return past.group(1), True
    glued = _GLUED_VERB.fullmatch(stripped)
    if glued is not None and _part_shaped(glued.group(1)):
        return glued.group(1), True
    # "한옥마을근처", "신암동앞에서": a word of position glued on by a lost space ends the address.
    for position in rules.config.places.glued_positions:
        at = stripped.find(position, 1)
        if at > 0 and _part_shaped(stripped[:at]) and not _SPOKEN_PART.fullmatch(stripped[:at]):
            return stripped[:at], True
    return stripped, ends


def _lone_unit(word: str) -> tuple[str, bool] | None:
    """(unit, whether an ending closes it) when ``word`` is a unit word alone, its particle or the copula
    after it ("반", "호였어", "동에"); else None."""
    for unit in sorted(_LONE_UNITS, key=len, reverse=True):
        rest = word.removeprefix(unit)
        if rest == word:
            continue
        if not rest:
            return unit, False
        if rest in _ENDINGS or _PAST_ENDING.fullmatch(rest):
            return unit, True
    return None


_SYLLABLE_TOKEN = re.compile(r"[가-힣]{1,4}")
_MAX_UNIT_SYLLABLES = 3


def _spaced_unit(text: str, m: re.Match[str]) -> tuple[str, bool, int] | None:
    """(unit, whether an ending closes it, where it ends) when the syllables from ``m`` on, each set apart
    by one space, spell a unit word of two syllables or more ("작 업 반", "번 지였소"); else None."""
    joined, end = m.group(), m.end()
    for _ in range(_MAX_UNIT_SYLLABLES - 1):
        if len(m.group()) != 1 or text[end : end + 1] != " ":
            return None
        nxt = _SYLLABLE_TOKEN.match(text, end + 1)
        if nxt is None:
            return None
        joined, end = joined + nxt.group(), nxt.end()
        lone = _lone_unit(joined)
        if lone is not None and len(lone[0]) > 1:
            return lone[0], lone[1], end - (len(joined) - len(lone[0])) if not lone[1] else end
    return None


_PAST_ENDING = re.compile(r"(?:이었|이였|였|이엇|엿)[가-힣]{0,3}")


# A numbered part and the past copula in any dialect's or older writers' ending ("8호였디요", "3반이였슴다",
# "5호엿지비"): after a number and its unit, 였 is the copula whatever ending follows.
_PAST_COPULA = re.compile(r"(.*\d[가-힣]{1,3}?)(?:이었|이였|였|이엇|엿)[가-힣]{0,3}")


# A numbered part, its particle and the verb after it glued on by a lost space ("7층에있습니다",
# "502호에삽니다"): the address ends at the particle.
_GLUED_VERB = re.compile(r"(.*\d[가-힣]{0,3}?)(?:에서|에는|에|은|는|이|가|을|를|로|으로)[가-힣]{2,}")


def _part_shaped(core: str) -> bool:
    """Shaped like an address part: one anywhere in a chain, a building ("현대아파트에") or the floor
    of a home ("반지하에서"), whose particle ends the address."""
    return bool(
        _PART.fullmatch(core)
        or _BUILDING_WORD.fullmatch(core)
        or _HOME_LEVEL.fullmatch(core)
        or _ROOM.fullmatch(core)
        or _ROOM_ANY.fullmatch(core)
    )


def _skip(text: str, pos: int, newline: bool = False) -> int:
    """``pos`` moved over spaces and commas (and line breaks if ``newline``)."""
    chars = " ,\n" if newline else " ,"
    return pos + len(text[pos:]) - len(text[pos:].lstrip(chars))


_FRAGMENT = re.compile(r"[가-힣]{1,2}")
# A longer piece of a road name OCR split anywhere ("송도문 화로 84"): joined only into a road with its
# number, which no run of ordinary words makes.
_ROAD_FRAGMENT = re.compile(r"[가-힣]{3,4}")
# A road's name may carry a number of its own before 로 ("김포한강9로 75번길", "매탄3로 12").
_NUMBERED_ROAD = re.compile(rf"[가-힣]{{2,14}}\d{{0,3}}(?:대로|로|길){_N}(?:번?길{_N}?)?(?:-\d{{1,5}})?")
_MAX_GLUE = 3


def _glued(doc: Doc, text: str, m: re.Match[str]) -> tuple[str, str, int] | None:
    """An address part OCR split with spaces ("하 늘길60길", "석 수로140-22"): a one- or two-syllable
    fragment and the next tokens on the line that join into a part. (token, core, end of the token)."""
    road_only = bool(_ROAD_FRAGMENT.fullmatch(m.group()))
    if not _FRAGMENT.fullmatch(m.group()) and not road_only:
        return None
    joined, end = m.group(), m.end()
    for _ in range(_MAX_GLUE):
        # a line break may split the part too ("삼\n례로 4B-7"): only a part with its number is joined
        if text[end : end + 1] not in (" ", "\n"):
            return None
        nxt = _TOKEN.match(text, end + 1)
        if nxt is None:
            return None
        joined, end = joined + nxt.group(), nxt.end()
        core, _ = _core(doc, joined)
        if _ROAD.fullmatch(joined) and _NUMBER.fullmatch(_next_core(doc, text, end)):
            continue  # "당 동로 12": the road and its number, not the place 당동 and the particle 로
        if _BUILDING_WORD.fullmatch(core) and _BUILDING_UNIT.match(_next_core(doc, text, end)):
            return joined, core, end  # "학생회 관 312호": a building OCR split, its room after it
        if _JP_QUARTER.fullmatch(core) and _JP_NUMBER.fullmatch(_next_core(doc, text, end)):
            return joined, core, end  # "모 모다니 3-5-12": a Japanese quarter OCR split, its number after it
        if _CN_STREET.fullmatch(core) and _CN_NUMBER.fullmatch(_next_core(doc, text, end)):
            return joined, core, end  # "금산대 가 17호": a Chinese street OCR split, its house after it
        if road_only and not _NUMBERED_ROAD.fullmatch(core):
            continue
        if _PART.fullmatch(core) and (any(ch.isdigit() for ch in core) or _numbered_next(doc, text, end)):
            return joined, core, end
        if _NUMBERED_ROAD.fullmatch(core) and _SPOKEN_PART.fullmatch(_road_number(core)):
            return joined, core, end  # "단 구로 이백십오": a split road with its number read aloud
    return None


def _road_number(core: str) -> str:
    """The number after the last road word of a numbered road ("단구로이백십오" -> "이백십오")."""
    m = re.search(r"(?:대로|로|길)(?=[^로길]*$)", core)
    return core[m.end() :] if m is not None else ""


def _next_core(doc: Doc, text: str, end: int) -> str:
    """The next token on the line after ``end``, without its particle ("" if none)."""
    nxt = _TOKEN.match(text, _skip(text, end))
    return _core(doc, nxt.group())[0] if nxt is not None else ""


def _numbered_next(doc: Doc, text: str, end: int) -> bool:
    """Whether a numbered address part follows ``end`` on the line ("림 연리 22반": the split village
    is joined because a 반 number comes after it; without a number, two syllables and a word are not
    enough to call an address)."""
    nxt = _TOKEN.match(text, _skip(text, end))
    if nxt is None or not nxt.group()[:1].isdigit():
        return False
    return bool(_PART.fullmatch(_core(doc, nxt.group())[0]))


# A place part, or a flat's number after a lot ("1127-4 203호살아", read aloud "이공삼호살아"), with the
# verb of living glued on by a lost space, its particle 에 or not (or 서, spoken for 에서).
_LIVED_GLUED = re.compile(
    rf"([가-힣]{{1,5}}?(?:로동자구|노동자구|구역|동|면|리|읍|구|군|시)|(?:\d{{1,5}}|[{_NUM}]{{2,8}})호)"
    r"(?:에)?(?:서|사는|살던|살땐?|살았|살아|살고|살다|살면|살적|살 때)"
    # Or a place's landmark or side glued on the same way ("풍어동바닷가 마을", "오선덕동뒷산에서",
    # "신암리입구"): the quarter or village is still the address's last part.
    r"|([가-힣]{1,5}?(?:로동자구|노동자구|구역|동|면|리|읍))"
    r"(?=뒷산|앞산|뒷골|바닷가|바닷가에|강가|강변|냇가|골목|입구|어귀|근처|부근|쪽|앞|뒤|옆|시장|장마당|마을)"
)


# A number and the first syllable of a two-syllable unit word, its last syllable set apart by OCR
# ("14단 지", "3단 원", "27번 지"): one part. Only where the number is written in digits.
_SPLIT_UNIT = re.compile(r"\d{1,6}(?:[단딘댠][지원]|번[지치]|호실)")


def _extend_right(doc: Doc, text: str, end: int, after_number: bool = False) -> tuple[int, int]:
    """New end after address parts from ``end``, and how many numbered parts were taken (counting the
    finding before ``end`` if it ends in a number: ``after_number``)."""
    pos, numbered, taken = end, int(after_number), 0
    prev = text[max(0, end - 3) : end]
    while taken < _MAX_TOKENS:
        at = _skip(text, pos, newline=True)
        bracketed = _BRACKETED.match(text, at)
        if bracketed is not None and at - pos <= 3:
            # "(불당동)" after a road number: part of the address, also on the next line.
            pos, taken = bracketed.end(), taken + 1
            continue
        m = _TOKEN.match(text, at)
        if m is None or m.start() - pos > 3:
            break
        token = m.group()
        core, last = _core(doc, token)
        if at == pos and at > 0 and "가" <= text[at - 1] <= "힣" and _SPOKEN_PART.fullmatch(core):
            break  # "성진둥이오": the copula glued to the place, not a number read aloud
        nxt = _TOKEN.match(text, _skip(text, m.end(), newline=True))
        nxt_core = _core(doc, nxt.group())[0] if nxt is not None else ""
        whole = token.rstrip(".)!?:;\"'")
        split_road = _split_road_end(doc, text, token, nxt)
        if split_road is not None:
            # "당동 로 12": a road OCR split before its last syllable, the number after it.
            pos, taken = split_road, taken + 1
            continue
        split_lane = _split_lane(doc, text, token, nxt)
        if split_lane is not None:
            # "52번 길7": a lane's number OCR split inside its word, the house's number after it.
            pos, ended = split_lane
            numbered, taken = numbered + 1, taken + 1
            if ended:
                break
            continue
        if nxt is not None and _SPLIT_UNIT.fullmatch(token + nxt.group()[:1]):
            rest = nxt.group()[1:].rstrip(".)!?:;\"'")
            if not rest or rest in doc.rules.particles or rest.startswith(("에서", "에 ", "에산", "에살")):
                # "14단 지": a numbered estate block or lot whose unit word OCR split, a particle after.
                pos, numbered, taken = nxt.start() + 1, numbered + 1, taken + 1
                if rest:
                    break
                continue
        if last and core != whole and _ROAD.fullmatch(whole) and _NUMBER.fullmatch(nxt_core):
            # "왕십리로 410": a road and its number, not the place 왕십리 and the particle 로.
            core, last = whole, False
        genitive = last and whole == core + "의" and _numbered(nxt_core) and bool(_PART.fullmatch(nxt_core))
        ok = bool(core) and bool(_PART.fullmatch(core)) and not _not_a_part(doc, core)
        if not ok and core and _ROAD.fullmatch(core) and _NUMBER.match(nxt_core):
            ok = True
        if not ok and core == _SPOKEN_DASH and numbered and nxt_core[:1] in _NUM_START:
            ok = True  # "칠백칠십팔 다시 삼": the lot's hyphen said aloud
        if not ok and numbered and len(core) == 1 and core in _NUM and nxt_core == _SPOKEN_DASH:
            ok = True  # "칠십팔번길 삼 다시 일": a one-digit house number said aloud, its hyphen after it
        if not ok and prev == _SPOKEN_DASH:
            said = _SPOKEN_AFTER_DASH.fullmatch(whole)
            if said is not None:
                # "다시 일이여": the sub-number said aloud, one syllable or more, its ending after it
                core, last, ok = said.group(1), bool(said.group(2)) or last, True
        if not ok and core and _BUILDING.fullmatch(core) and _DONG.match(nxt_core):
            ok = True
        if not ok and core and _CN_STREET.fullmatch(core) and _CN_NUMBER.fullmatch(nxt_core):
            ok = True
        if not ok and _JP_QUARTER.fullmatch(core) and _JP_NUMBER.fullmatch(nxt_core):
            ok = not _everyday_word(doc, core)  # "이쿠노구 모모다니 3-5-12": the quarter, its number after
        if not ok and _JP_QUARTER.fullmatch(core) and _LOT_NUMBER.match(nxt_core):
            ok = not _everyday_word(doc, core)  # "대덕구 석파 889-10번지": the 동 or 리, its lot after
        if not ok and core and _building(core, nxt_core, numbered > 0):
            ok = True
        if not ok and core == _BASEMENT and (_FLOOR.match(nxt_core) or _BUILDING_TAKEN.fullmatch(prev)):
            ok = True
        lone = _lone_unit(whole) if not ok and numbered and at - pos <= 1 else None
        spaced_end = None
        if lone is not None and _DIGITS_TAKEN.fullmatch(prev):
            # "7 반", "6 호였어": the unit of the number just taken, set apart by a space
            core, last, ok = lone[0], last or lone[1], True
        elif not ok and numbered and at - pos <= 1 and _DIGITS_TAKEN.fullmatch(prev):
            spaced = _spaced_unit(text, m)
            if spaced is not None:
                # "2 작 업 반", "12 번 지": a unit word of two syllables or more letter-spaced
                core, last, spaced_end, ok = spaced[0], last or spaced[1], spaced[2], True
        if not ok and core == _PO_BOX and _NUMBER.match(nxt_core.removeprefix("제")):
            ok = True
        if not ok and numbered and _HOME_LEVEL.fullmatch(core):
            ok = True
        if not ok and numbered and _ROOM.fullmatch(core):
            ok = True
        if not ok and numbered and _ROOM_ANY.fullmatch(core) and _FLOOR.search(prev):
            ok = True  # "6층 회의실": the room on the floor just given
        if not ok and core == _MOUNTAIN_LOT and _NUMBER.fullmatch(nxt_core):
            ok = True  # "용대리 산 112": a mountain lot's mark, its number after it
        if (
            not ok
            and core
            and _BUILDING.fullmatch(core)
            and not _everyday_word(doc, core)
            and ((numbered and _BUILDING_WORD.fullmatch(nxt_core)) or _ESTATE_PHASE.fullmatch(nxt_core))
        ):
            # "340 나라키움 저동빌딩": a building's own name before the word it ends in, after the
            # address's number; "주공 칠단지": an estate's name before its numbered block.
            ok = True
        if not ok and _ROOM.fullmatch(core) and _BUILDING_UNIT.match(nxt_core):
            # "본관 403호": a wing or office with its own numbered room or floor after it.
            ok = True
        room = None if ok or not numbered else _ROOM_GLUED.match(token)
        if room is not None:
            # "3층 간호부로보내도": the office with its particle and the verb after it glued on
            core, last, ok = room.group(1), True, True
        if not ok and numbered and core in ("-", "–") and nxt_core[:1].isdigit():
            ok = True  # "B9 - 6호", "3O - 4": the lot's hyphen standing alone between its numbers
        if not ok and numbered and _SUB_NUMBER.fullmatch(core):
            # "원곡로 45 -2": the lot's sub-number, its hyphen split off by a space
            ok = True
        start = m.start()
        span = len(core) if spaced_end is None else spaced_end - start  # characters of text the part covers
        lived = None if ok else _LIVED_GLUED.match(token)
        lived_part = None if lived is None else lived.group(1) or lived.group(2)
        if lived_part is not None and _PART.fullmatch(lived_part) and not _not_a_part(doc, lived_part):
            # "덕산면사는", "혜탄동서", "오산덕동살때": the place the writer lived, its verb glued on
            core, ok = lived_part, True
            span = len(core)
        if not ok:
            # Across a line break too: the check below keeps a wrapped part only with its number.
            glued = _glued(doc, text, m)
            if glued is not None:
                token, core, glued_end = glued
                span = glued_end - start - (len(token) - len(core))
                ok = True
        # A line break ends the address unless the address goes on with a number after it (the
        # address wraps): in this part ("21") or the next one ("삼산로 288", "한양타워 1204호").
        if (
            ok
            and "\n" in text[pos:start]
            and not any(ch.isdigit() for ch in core + nxt_core)
            and not _SPOKEN_NUMBERED.fullmatch(core)
        ):
            # the room of the floor just given goes on too ("6층\n회의실")
            room_word = _ROOM_ANY.fullmatch(core) or _ROOM.fullmatch(core)
            room_of_floor = room_word is not None and _FLOOR.search(prev) is not None
            ok = room_of_floor or _wrapped_division(core)
        if not ok:
            break
        numbered += _numbered(core)
        prev = core
        stripped = token.rstrip(".)!?:;\"'")
        pos = start + span
        taken += 1
        if genitive:
            # "온포리의 2작업반 살림집 5호": the village's numbered work team and house go on after 의.
            pos += 1
            continue
        if last or len(core) < len(stripped):
            break
    return pos, numbered


_ROAD_ENDS = ("로", "대로", "길", "번길")


def _split_road_end(doc: Doc, text: str, token: str, nxt: re.Match[str] | None) -> int | None:
    """The end of a road's suffix OCR set apart from its name ("당동 로 12", "중부대 로 12"), when the
    two join into a road and its number follows; None otherwise."""
    if nxt is None or nxt.group() not in _ROAD_ENDS or not _ROAD.fullmatch(token + nxt.group()):
        return None
    return nxt.end() if _NUMBER.fullmatch(_next_core(doc, text, nxt.end())) else None


# A lane's number and the house's after it ("52번길 7", "52번길7"), as joined from tokens OCR split.
_LANE_AND_HOUSE = re.compile(r"\d{1,5}번[길긜] ?\d{1,5}(?:-\d{1,5})?")


def _split_lane(doc: Doc, text: str, token: str, nxt: re.Match[str] | None) -> tuple[int, bool] | None:
    """The end of a lane's number and the house's number after it, OCR having moved the space into the
    lane's word ("52번 길7", "52번 길 7" joined as "52번길7"), and whether the address ends there; None
    when the token is no lane's number split so."""
    if nxt is None or not re.fullmatch(r"\d{1,5}번", token) or not nxt.group().startswith(("길", "긜")):
        return None
    whole = nxt.group().rstrip(".)!?:;\"'")
    for tail in ("", *_ENDINGS):
        core = whole[: len(whole) - len(tail)]
        if whole.endswith(tail) and _LANE_AND_HOUSE.fullmatch(token + core):
            return nxt.start() + len(core), core != nxt.group()
    core = _core(doc, nxt.group())[0]
    if core in ("길", "긜"):
        house = _TOKEN.match(text, _skip(text, nxt.end()))
        if house is not None:
            house_core, house_last = _core(doc, house.group())
            if _LANE_AND_HOUSE.fullmatch(token + core + house_core):
                return house.start() + len(house_core), house_last
    return None


def _building(core: str, nxt_core: str, after_number: bool) -> bool:
    """An apartment building or estate in an address: a name ending in 아파트, 빌라, … after the
    address's number or before the building's own (단지, 동, 호, 층), or a number with the estate's
    name glued to it ("537동탄푸르지오 105동")."""
    unit_next = bool(_BUILDING_UNIT.match(nxt_core))
    if _BUILDING_WORD.fullmatch(core) or re.fullmatch(_INSTITUTION, core):
        # before its wing or office too ("북한대학원대학교 본관 403호"): the room's number follows that
        return after_number or unit_next or bool(_ROOM.fullmatch(nxt_core))
    if after_number and unit_next and _BUILDING.fullmatch(core):
        # A name between the address's number and the building's ("1252 래미안 3단지"): the estate.
        return True
    glued = _NUMBERED_BUILDING.fullmatch(core)
    return glued is not None and (bool(_BUILDING_WORD.fullmatch(glued.group("name"))) or unit_next)


# A village or quarter whose name the line broke before ("강령군\n부민리인데"): a stem of two syllables
# or more and a small division's suffix.
_DIVISION = re.compile(r"[가-힣]{2,6}(?:동|리|읍|면|구역|로동자구|노동자구)")


def _wrapped_division(core: str) -> bool:
    """``core``, on the next line, still carries the address on: a division's name (not one everyday
    noun Kiwi knows, like 다리 or 자리)."""
    if not _DIVISION.fullmatch(core):
        return False
    morphs = analyse(core)
    return not (len(morphs) == 1 and morphs[0].tag == "NNG" and not morphs[0].oov)


def _not_a_part(doc: Doc, core: str) -> bool:
    """A word that only looks like an address part: a verb form ending in an admin suffix's syllable
    ("설날이면": 이 + 면 "if", "잘하면"), or words glued onto a place (:func:`phrase_before_place`)."""
    if any(ch.isdigit() for ch in core) or _SPOKEN_PART.fullmatch(core):
        return False
    pc = doc.rules.config.places
    if core in pc.unknown_stem_stop or core in pc.compound_heads:
        return True  # "강령군 우리 집", "강령군 다리 밑": a word saying whose or an everyday noun
    morphs = analyse(core)
    if morphs and morphs[-1].tag.startswith("E"):
        return True
    return phrase_before_place(doc, core)


def _everyday_word(doc: Doc, core: str) -> bool:
    """A word saying whose or an everyday noun ("우리", "다리"), not a building's or estate's name; a
    name may read as a verb form (나라키움: 키우 + ㅁ), so Kiwi is not asked."""
    pc = doc.rules.config.places
    return core in pc.unknown_stem_stop or core in pc.compound_heads


def _numbered(core: str) -> bool:
    """The part holds a number: a digit, or is a spoken number as a whole. A numeral syllable inside
    a word ("설날이면", "일요일") is no number, and a chain of such words is not redacted for it."""
    return any(ch.isdigit() for ch in core) or bool(_SPOKEN_PART.fullmatch(core))


# The estate or hall an address's numbered building or room belongs to, written before it: a name with
# its phase or block ("현대 2차", "현대 이 차", "논현주공2단지") or a building word (:data:`_BUILDING_WORD`,
# "제2학생생활관", "뚜레빌원룸"), and the 동 or 리 it stands in before that ("용암동 현대 이 차 102동").
_ESTATE_NAMED = re.compile(
    r"(?:(?<![가-힣])[가-힣]{1,4}(?:동|리|읍|면) )?"
    r"(?:(?<![가-힣A-Za-z0-9])[가-힣A-Za-z0-9]{1,12} ?(?:\d{1,2}|[일이삼사오육칠팔구십]{1,2}) ?(?:차|단지)"
    rf"|(?<![가-힣A-Za-z0-9])(?:제 ?\d{{1,2}})?(?:{_BUILDING_WORD.pattern}))"
    r" ?$"
)
# A numbered block and flat ("128동 1704호") and the one word before it (not one ending in a particle:
# "주소는 128동"): the estate's name ("잠실엘스", "Lotte Castle").
_BLOCK_AND_FLAT = re.compile(r"\d{1,4} ?[동둉] ?\d{1,4} ?[호효]")
_ESTATE_ANY = re.compile(
    r"(?<![가-힣A-Za-z0-9])[가-힣A-Za-z]{1,10}[가-힣A-Za-z0-9]{0,3}(?<![은는을를에도요서의와과고로집]) ?$"
)
# A block's number said aloud, OCR's space before its 동 or not ("칠백십이동", "칠백십이 동").
_SPOKEN_BLOCK = re.compile(rf"[{_NUM}]{{1,6}} ?[동둉롱똥]")
# The syllables of a 동 or 리 name an address finding began inside of ("제남동 5반" found as "남동 5반").
_WORD_HEAD = re.compile(r"(?<![가-힣])[가-힣]{1,2}$")


def _extend_left(doc: Doc, text: str, start: int) -> int:
    if text.startswith(_POST_OFFICE, start):
        town = re.search(
            rf"(?<![가-힣])[가-힣]{{1,{_MAX_POST_TOWN}}}$", text[max(0, start - _MAX_POST_TOWN) : start]
        )
        if town is not None:
            return start - len(town.group())  # "김포우체국 사서함": the town's post office
    # a numbered block said aloud too ("가양 칠단지 칠백십이동")
    numbered_start = text[start : start + 1].isdigit() or bool(_SPOKEN_BLOCK.match(text, start))
    if numbered_start or re.match(r"[A-Za-z][동둉]", text[start : start + 2]):
        named = _ESTATE_NAMED.search(text, max(0, start - 32), start)
        if named is not None:
            return named.start()
    if _BLOCK_AND_FLAT.match(text, start):
        # "잠실엘스 128동 1704호", "래미안퍼스티지 101동 202호": an estate's name, whatever it ends in,
        # right before a numbered block and flat.
        named_any = _ESTATE_ANY.search(text, max(0, start - 16), start)
        if named_any is not None:
            return named_any.start()
    head = _WORD_HEAD.search(text, max(0, start - 2), start)
    if head is not None and re.match(r"[가-힣]{1,4}(?:동|리) ?\d", text[start : start + 7]):
        return head.start()
    before = text[max(0, start - 16) : start]
    estate = _ESTATE_BEFORE.search(before)
    if estate is not None and text[start : start + 1].isdigit():
        return start - (len(before) - estate.start(1))
    m = _POSTAL_BEFORE.search(before)
    if m is not None and (m.start() == 0 or not before[m.start() - 1].isalnum() or m.group()[0] == "("):
        return start - (len(before) - m.start())
    words = before.rstrip(" ").rsplit(" ", 1)
    if before.endswith(" ") and words and words[-1] in _short_provinces(doc.rules):
        return start - (len(before) - len(before.rstrip(" ")) + len(words[-1]))
    return start


def _ocr_fixed(doc: Doc) -> str:
    """The text as given with OCR's digit look-alikes fixed inside numbers ("l05동" -> "105동"),
    character for character, so that offsets stay those of the text as given. Hanja are read as
    Hangul first (one syllable each), as for every other rule: "123番地 205號" is 123번지 205호."""
    text = doc.original
    same = read_hanja(View(text, tuple(range(len(text))), tuple(range(1, len(text) + 1))), doc.rules.hanja)
    if len(same.text) != len(text):
        same = View(text, tuple(range(len(text))), tuple(range(1, len(text) + 1)))
    text = same.text
    fixed = fix_ocr_digits(same, doc.rules.config.numbers).text
    if len(fixed) != len(text):
        return text
    return _HOUSE_NUMBER_OCR.sub(lambda m: _digits(m, doc.rules.config.numbers.ocr_digits), fixed)


# A building's number right after its road, with OCR's look-alikes for most of its digits ("청파로47길
# 1OO", "단구로 1l7"): a digit first, and nothing but digits and look-alikes up to a space, a hyphen or
# a particle. (Fewer real digits than numbers.ocr_min_real_digits asks for a number on its own.)
# The first digit may be a look-alike too when a real digit follows in the run ("퇴계로 l3O"), and a
# handwritten 8 or 5 is read B or S ("삼례로 4B-7").
_HOUSE_NUMBER_OCR = re.compile(
    r"(?<=[로길긜] )(?:\d|[Il](?=[\dOoIlBS]*\d))"
    r"(?:[\dOoIlBS]{1,4}(?:-[\dOoIlBS]{1,4})?|-[\dOoIlBS]{1,4})(?=$|[\s,.\-]|[가-힣])"
)


def _digits(m: re.Match[str], look_alikes: dict[str, str]) -> str:
    run = m.group()
    fixed = "".join(look_alikes.get(ch, ch) for ch in run)
    return fixed if fixed.replace("-", "").isdigit() and len(fixed) == len(run) else run


def extend_addresses(doc: Doc, findings: Iterable[Finding]) -> list[Finding]:
    """Findings plus, for each place or address, the whole address it begins or belongs to."""
    out = list(findings)
    text = _ocr_fixed(doc)
    for f in list(out):
        if f.kind not in (Kind.PLACE, Kind.ADDRESS):
            continue
        end, numbered = _extend_right(doc, text, f.end, after_number=text[f.end - 1].isdigit())
        spaced = _spaced_house_number(doc, f)
        if spaced is not None and spaced > end:
            end, numbered = spaced, True
        start = _extend_left(doc, text, f.start)
        if end == f.end and start == f.start:
            continue
        severity = Severity.REDACT if numbered or f.severity is Severity.REDACT else Severity.REVIEW
        out.append(Finding(Kind.ADDRESS, severity, max(f.confidence, 0.8), start, end, "address.chain"))
    return out


# In a letter written one character at a time, the house number or neighbourhood unit after a village
# or quarter ("사 북 리 l 2 3 - 4 에", "가 양 동 4 S 6 - l 2 에", "연 봉 동 l 인 민 반"): digits and OCR's
# look-alikes for them each on its own, a hyphen and a sub-number, then a particle or the end. A
# real digit is needed, or a word of the unit after the number (반, 인민반, 호, 번지) vouching for it.
_SPACED_DIGIT = "[0-9lIOoSB]"
_SPACED_HOUSE = re.compile(
    rf" (?P<num>{_SPACED_DIGIT}(?: {_SPACED_DIGIT}){{0,4}}"
    rf"(?: ?- ?{_SPACED_DIGIT}(?: {_SPACED_DIGIT}){{0,3}})?)"
    r"(?P<unit> (?:인 ?민 ?반|반|호|번 ?지))?"
    r"(?= ?(?:에|의|이|으|로|였|입|[^가-힣0-9A-Za-z ]|$))"
)
_SPACED_DIVISION_ENDS = ("동", "리", "촌", "가", "읍", "면")


def _spaced_house_number(doc: Doc, f: Finding) -> int | None:
    """The end of a letter-spaced house number right after place ``f`` (``_SPACED_HOUSE``), or None."""
    text = doc.original
    if not text[f.start : f.end].endswith(_SPACED_DIVISION_ENDS):
        return None
    m = _SPACED_HOUSE.match(text, f.end)
    if m is None:
        return None
    number = m.group("num")
    if not any(ch.isdigit() for ch in number) and m.group("unit") is None:
        return None
    return m.end()

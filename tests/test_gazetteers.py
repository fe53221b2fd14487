"""Integrity of the gazetteer data files under config/gazetteers/ (parsed here with the stdlib only)."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path

import pytest

GAZ = Path(__file__).resolve().parent.parent / "config" / "gazetteers"

# file -> (minimum columns, maximum columns)
SHAPES = {
    "nk_places.tsv": (4, 5),
    "sk_places.tsv": (4, 5),
    "foreign_places.tsv": (4, 5),
    "landmarks.tsv": (4, 4),
    "sk_landmarks.tsv": (4, 4),
    "surnames.tsv": (3, 3),
    "given_name_syllables.tsv": (2, 2),
    "given_names_common.txt": (1, 2),
    "kinship.tsv": (2, 2),
    "name_context.tsv": (3, 3),
    "orgs.tsv": (2, 2),
    "orgs_named.tsv": (3, 3),
    "military.tsv": (2, 2),
    "topics.tsv": (2, 2),
    "foreign_given_names.tsv": (2, 2),
}

NK_LEVELS = {
    "province",
    "special_city",
    "city",
    "county",
    "district",
    "workers_district",
    "town",
    "dong",
    "ri",
    "region",
}
SK_LEVELS = {"province", "special_city", "city", "county", "district", "town", "township", "dong", "region"}
FOREIGN_LEVELS = {"country", "province", "city", "region"}
LANDMARK_KINDS = {
    "mountain",
    "plateau",
    "waterfall",
    "cave",
    "river",
    "lake",
    "dam",
    "island",
    "bridge",
    "market",
    "monument",
    "mine",
    "factory",
    "power_station",
    "farm",
    "camp",
    "prison",
    "station",
    "harbour",
    "airport",
    "resort",
    "other",
}
KINSHIP_KINDS = {"parent", "sibling", "child", "spouse", "grand", "extended", "in_law", "address"}
CONTEXT_KINDS = {"honorific", "closing", "title", "rank", "intro", "address"}
ORG_KINDS = {"school", "workplace", "state_body", "religious", "other", "company"}
MILITARY_KINDS = {"unit_word", "named_unit", "service", "rank"}
TOPIC_CATEGORIES = {
    "border_crossing",
    "broker",
    "remittance",
    "contact_channel",
    "capture",
    "defection",
    "family_left",
}

# Everyday words that must never be a bare place alias: each would turn ordinary sentences into "places".
_STOP_TEXT = """
    중 동 서 남 북 신 은 대 강 산 시 군 구 도 읍 면 리 이 임 노 유 양 나 용 여 연
    안주 구성 개천 고원 영광 신흥 덕성 이원 낙원 수동 과일 신원 연안 강령 삼천 송림 연탄 인산 연산 토산 중화
    고산 세포 이천 화성 새별 은덕 화평 장강 초산 위원 자성 시중 염주 선천 천마 대관 구장 동창 운전 신도 평원
    증산 대동 영원 선교 사동 대성 은정 항구 천리마 대안 온천 선봉 회상 해안 금호 사포 유선 천성 평안 서성 고풍
    연사 자강 나선 구리 오산 양주 고양 용인 원주 동해 인제 고성 양양 보은 음성 공주 부여 예산 완주 장수 곡성
    강진 무안 장성 진도 신안 경주 구미 영주 상주 의성 영양 고령 성주 봉화 진주 양산 남해 함양 거창 동작 수영
    사상 기장 달성 연수 강화 광산 유성 수정 중원 동안 상록 수지 상당 서원 청원 동남 서북 만세 효행 장안 권선
    남동 영도 수성 전주 무주 청주 경상 전라 관전 집안 통화 선전 하산 수자 하구 위해 안도 권하 크림 타이
    중앙 역전 시내 시장 학교 공장 농장 마을 고향 우리 나라 조국 평화 통일 해방 승리 광복 건국 청춘 과학 충성
    산업 가정 문화 인민 로동 노동 천지 사랑 하늘 바다
"""
STOP_WORDS = set(_STOP_TEXT.split())

HANGUL = re.compile(r"^[\uac00-\ud7a3]+$")
NAME_CHARS = re.compile(r"^[\uac00-\ud7a30-9A-Za-z .·\-()]+$")


def rows(name: str) -> list[list[str]]:
    return _rows(name)


@cache
def _rows(name: str) -> list[list[str]]:
    lo, hi = SHAPES[name]
    text = (GAZ / name).read_bytes().decode("utf-8")  # raises on invalid UTF-8
    out: list[list[str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        assert unicodedata.is_normalized("NFC", line), f"{name}:{number} is not NFC"
        fields = line.split("\t")
        assert lo <= len(fields) <= hi, f"{name}:{number} has {len(fields)} columns, expected {lo}..{hi}"
        assert all(f == f.strip() for f in fields), f"{name}:{number} has stray whitespace in a field"
        assert fields[0], f"{name}:{number} has an empty first column"
        out.append(fields + [""] * (hi - len(fields)))
    assert out, f"{name} has no entries"
    return out


def split_list(field: str) -> list[str]:
    return [a for a in field.split(",")] if field else []


def dueum(word: str) -> str | None:
    """South Korean spelling of a word-initial ㄹ/ㄴ (두음법칙), or None when the rule does not apply."""
    code = ord(word[0]) - 0xAC00
    if not 0 <= code < 11172:
        return None
    initial, vowel, final = code // 588, (code % 588) // 28, code % 28
    y_vowel = vowel in {2, 3, 6, 7, 12, 17, 20}
    if initial == 5:
        new = 11 if y_vowel else 2
    elif initial == 2 and y_vowel:
        new = 11
    else:
        return None
    return chr(0xAC00 + new * 588 + vowel * 28 + final) + word[1:]


def names(name: str) -> set[str]:
    return {r[0] for r in rows(name)}


# ---------------------------------------------------------------------------------------------- generic


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_file_parses_with_unique_first_column(name: str) -> None:
    # A context word may stand on either side of a name (하은 학생, 학생 나래): once per side.
    # A foreign given name may be of two kinds (유리: a name in religion, and the stem of 유리코).
    pairs = name in ("name_context.tsv", "foreign_given_names.tsv")
    firsts = [(r[0], r[1]) if pairs else r[0] for r in rows(name)]
    dupes = sorted({f for f in firsts if firsts.count(f) > 1})
    assert not dupes, f"{name} has duplicate entries: {dupes}"


def test_every_file_in_the_folder_is_known() -> None:
    present = {p.name for p in GAZ.iterdir() if p.is_file() and p.name != "README.md"}
    assert present == set(SHAPES)


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_first_column_is_korean_text(name: str) -> None:
    for r in rows(name):
        # Institutions known abroad by a Latin acronym alone (KAIST, FSB) are listed under it.
        if name == "orgs_named.tsv" and re.fullmatch(r"[A-Z]{2,8}", r[0]):
            continue
        assert re.search(r"[\uac00-\ud7a3]", r[0]), f"{name}: {r[0]!r} has no Hangul"
        if name != "topics.tsv" and name != "name_context.tsv":
            assert NAME_CHARS.match(r[0]), f"{name}: {r[0]!r} has unexpected characters"


# ---------------------------------------------------------------------------------------------- places

PLACE_FILES = {"nk_places.tsv": NK_LEVELS, "sk_places.tsv": SK_LEVELS, "foreign_places.tsv": FOREIGN_LEVELS}


@pytest.mark.parametrize("name", sorted(PLACE_FILES))
def test_place_levels_parents_and_aliases(name: str) -> None:
    table = rows(name)
    known = {r[0] for r in table}
    for place, level, parent, aliases, others in table:
        assert level in PLACE_FILES[name], f"{name}: {place} has unknown level {level!r}"
        if parent:
            assert parent in known, f"{name}: parent {parent!r} of {place} is not an entry"
            assert parent != place
        for other in split_list(others):
            assert other in known, f"{name}: other parent {other!r} of {place} is not an entry"
            assert other != parent, f"{name}: {place} repeats its parent in other_parents"
        alias_list = split_list(aliases)
        assert len(alias_list) == len(set(alias_list)), f"{name}: {place} repeats an alias"
        for alias in alias_list:
            assert alias, f"{name}: {place} has an empty alias"
            assert alias != place
            assert alias not in STOP_WORDS, f"{name}: alias {alias!r} of {place} is an everyday word"
            assert alias not in known, f"{name}: alias {alias!r} of {place} is itself an entry"
            assert len(alias) >= 2, f"{name}: one-syllable alias {alias!r} of {place}"
            assert NAME_CHARS.match(alias), f"{name}: alias {alias!r} has unexpected characters"


def test_parent_chains_end_at_a_top_level_unit() -> None:
    for name in PLACE_FILES:
        parent = {r[0]: r[2] for r in rows(name)}
        for place in parent:
            seen = {place}
            node = place
            while parent[node]:
                node = parent[node]
                assert node not in seen, f"{name}: parent cycle at {place}"
                seen.add(node)


def test_north_korean_spellings_have_their_south_korean_alias() -> None:
    for place, _level, _parent, aliases, _ in rows("nk_places.tsv"):
        sk = dueum(place)
        if sk:
            assert sk in split_list(aliases), f"{place} lacks the South Korean spelling {sk}"


NK_PROVINCES = {
    "평안남도",
    "평안북도",
    "자강도",
    "황해남도",
    "황해북도",
    "강원도",
    "함경남도",
    "함경북도",
    "량강도",
}


def test_nk_top_level_units() -> None:
    by_name = {r[0]: r for r in rows("nk_places.tsv")}
    for province in NK_PROVINCES:
        assert by_name[province][1] == "province"
        assert by_name[province][2] == ""
    for special in ("평양직할시", "라선특별시", "남포특별시", "개성특급시"):
        assert by_name[special][1] == "special_city"
    aliases = {a for r in rows("nk_places.tsv") for a in split_list(r[3])}
    for short in (
        "평양",
        "라선",
        "남포",
        "개성",
        "함북",
        "함남",
        "평북",
        "평남",
        "황북",
        "황남",
        "량강",
        "양강도",
        "강원",
    ):
        assert short in aliases, f"short form {short} missing"


def test_nk_has_all_counties_and_cities() -> None:
    table = rows("nk_places.tsv")
    counties = [r for r in table if r[1] == "county"]
    cities = [r for r in table if r[1] == "city"]
    assert len(counties) >= 140
    assert len(cities) >= 24
    per_province: dict[str, int] = {}
    for r in counties + cities:
        per_province[r[2]] = per_province.get(r[2], 0) + 1
    for province in NK_PROVINCES:
        assert per_province.get(province, 0) >= 10, f"{province} has too few cities and counties"
    # every county has its seat 읍
    towns = {r[0]: r[2] for r in table if r[1] == "town"}
    for county in counties:
        seat = county[0][:-1] + "읍"
        assert towns.get(seat) == county[0], f"{county[0]} has no seat {seat}"


@pytest.mark.parametrize(
    ("place", "level", "parent", "alias"),
    [
        ("회령시", "city", "함경북도", "회령"),
        ("청진시", "city", "함경북도", "청진"),
        ("김책시", "city", "함경북도", "성진"),
        ("무산군", "county", "함경북도", "무산"),
        ("온성군", "county", "함경북도", "온성"),
        ("혜산시", "city", "량강도", "혜산"),
        ("삼지연시", "city", "량강도", "삼지연군"),
        ("김정숙군", "county", "량강도", "신파군"),
        ("신의주시", "city", "평안북도", "신의주"),
        ("룡천군", "county", "평안북도", "용천군"),
        ("녕변군", "county", "평안북도", "영변"),
        ("강계시", "city", "자강도", "강계"),
        ("함흥시", "city", "함경남도", "함흥"),
        ("단천시", "city", "함경남도", "단천"),
        ("원산시", "city", "강원도", "원산"),
        ("사리원시", "city", "황해북도", "사리원"),
        ("해주시", "city", "황해남도", "해주"),
        ("평성시", "city", "평안남도", "평성"),
        ("라진구역", "district", "라선특별시", "나진"),
        ("락랑구역", "district", "평양직할시", "낙랑구역"),
        ("흥남구역", "district", "함흥시", "흥남"),
        ("포항구역", "district", "청진시", "포항"),
        ("남양로동자구", "workers_district", "온성군", "남양노동자구"),
        ("위연동", "dong", "혜산시", "위연"),
    ],
)
def test_nk_spot_checks(place: str, level: str, parent: str, alias: str) -> None:
    by_name = {r[0]: r for r in rows("nk_places.tsv")}
    assert place in by_name, place
    row = by_name[place]
    assert (row[1], row[2]) == (level, parent)
    assert alias in split_list(row[3])


def test_every_pyongyang_district_is_listed() -> None:
    districts = {r[0] for r in rows("nk_places.tsv") if r[2] == "평양직할시" and r[1] == "district"}
    expected = {
        "중구역",
        "평천구역",
        "보통강구역",
        "모란봉구역",
        "서성구역",
        "선교구역",
        "동대원구역",
        "대동강구역",
        "사동구역",
        "대성구역",
        "만경대구역",
        "형제산구역",
        "룡성구역",
        "삼석구역",
        "력포구역",
        "락랑구역",
        "순안구역",
        "은정구역",
    }
    assert expected <= districts


def test_cities_with_districts() -> None:
    table = rows("nk_places.tsv")
    for city, minimum in (
        ("청진시", 7),
        ("함흥시", 7),
        ("남포특별시", 5),
        ("라선특별시", 2),
        ("개성특급시", 2),
    ):
        assert sum(1 for r in table if r[2] == city and r[1] == "district") >= minimum, city


def test_border_towns_have_local_units() -> None:
    table = rows("nk_places.tsv")
    for city in ("회령시", "무산군", "온성군", "혜산시", "신의주시"):
        parents = {city}
        parents |= {r[0] for r in table if r[2] == city}
        local = [r for r in table if r[2] in parents and r[1] in {"dong", "ri", "workers_district", "region"}]
        local += [r for r in table if city in split_list(r[4])]
        assert len(local) >= 5, f"{city} has too few local units"


SK_PROVINCES = {
    "서울특별시",
    "부산광역시",
    "대구광역시",
    "인천광역시",
    "광주광역시",
    "대전광역시",
    "울산광역시",
    "세종특별자치시",
    "경기도",
    "강원특별자치도",
    "충청북도",
    "충청남도",
    "전북특별자치도",
    "전라남도",
    "경상북도",
    "경상남도",
    "제주특별자치도",
}


def test_sk_provinces_and_short_forms() -> None:
    by_name = {r[0]: r for r in rows("sk_places.tsv")}
    assert set(by_name) >= SK_PROVINCES
    for province in SK_PROVINCES:
        assert by_name[province][2] == ""
    aliases = {a for r in rows("sk_places.tsv") for a in split_list(r[3])}
    for short in (
        "서울",
        "부산",
        "대구",
        "인천",
        "광주",
        "대전",
        "울산",
        "세종",
        "경기",
        "강원",
        "충북",
        "충남",
        "전북",
        "전남",
        "경북",
        "경남",
        "제주",
    ):
        assert short in aliases, short


def test_sk_has_all_si_gun_gu() -> None:
    table = rows("sk_places.tsv")
    units = sum(1 + len(split_list(r[4])) for r in table if r[1] in {"city", "county", "district"})
    assert units >= 220
    by_name = {r[0]: r for r in table}
    assert by_name["강남구"][2] == "서울특별시"
    assert by_name["양천구"][2] == "서울특별시"
    jung = by_name["중구"]
    assert {jung[2], *split_list(jung[4])} >= {
        "서울특별시",
        "부산광역시",
        "대구광역시",
        "인천광역시",
        "대전광역시",
        "울산광역시",
    }
    assert by_name["삼죽면"][2] == "안성시"
    assert by_name["신정동"][2] == "양천구"
    assert by_name["상계동"][2] == "노원구"
    assert "남동구" in {by_name["논현동"][2], *split_list(by_name["논현동"][4])}


def test_foreign_places() -> None:
    all_names = names("foreign_places.tsv")
    aliases = {a for r in rows("foreign_places.tsv") for a in split_list(r[3])}
    for place in (
        "연길",
        "도문",
        "훈춘",
        "장백",
        "심양",
        "장춘",
        "단동",
        "연변",
        "료녕",
        "요녕",
        "흑룡강성",
        "쿠르스크",
        "블라디보스토크",
        "라오스",
        "태국",
        "몽골",
        "베트남",
        "우크라이나",
        "러시아",
        "로씨야",
        "집안시",
    ):
        assert place in all_names or place in aliases, place


# ---------------------------------------------------------------------------------------------- landmarks


def test_landmarks() -> None:
    table = rows("landmarks.tsv")
    assert len(table) >= 150
    nk = names("nk_places.tsv")
    all_names = {r[0] for r in table}
    for name, kind, region, aliases in table:
        assert kind in LANDMARK_KINDS, f"{name}: unknown kind {kind}"
        assert not region or region in nk, f"{name}: region {region!r} not in nk_places"
        for alias in split_list(aliases):
            assert alias not in STOP_WORDS and alias not in all_names and alias != name, (name, alias)
    for required in (
        "백두산",
        "칠보산",
        "두만강",
        "압록강",
        "무산광산",
        "검덕광산",
        "김책제철련합기업소",
        "혜산역",
        "청진항",
        "12호교화소",
        "15호관리소",
    ):
        assert required in all_names, required


SK_LANDMARK_KINDS = {
    "mountain",
    "river",
    "island",
    "park",
    "street",
    "market",
    "station",
    "airport",
    "harbour",
    "building",
    "monument",
    "beach",
    "area",
    "resort",
    "apartment",
    "other",
}


def test_sk_landmarks() -> None:
    table = rows("sk_landmarks.tsv")
    assert len(table) >= 90
    sk = names("sk_places.tsv")
    nk_landmarks = names("landmarks.tsv")
    all_names = {r[0] for r in table}
    for name, kind, region, aliases in table:
        assert kind in SK_LANDMARK_KINDS, f"{name}: unknown kind {kind}"
        assert not region or region in sk, f"{name}: region {region!r} not in sk_places"
        assert name not in nk_landmarks, f"{name}: also in landmarks.tsv"
        for alias in split_list(aliases):
            assert alias not in STOP_WORDS and alias not in all_names and alias != name, (name, alias)
    required_landmarks = (
        "북한산",
        "남산",
        "광화문광장",
        "청계천",
        "여의도",
        "한강공원",
        "해운대",
        "인천공항",
        "서울역",
    )
    for required in required_landmarks:
        assert required in all_names, required


# ---------------------------------------------------------------------------------------------- names

TWO_SYLLABLE_SURNAMES = {
    "남궁",
    "황보",
    "제갈",
    "선우",
    "독고",
    "사공",
    "서문",
    "동방",
    "어금",
    "망절",
    "소봉",
    "장곡",
    "강전",
    "황목",
}


def test_surnames() -> None:
    table = rows("surnames.tsv")
    assert len(table) >= 250
    by_name = {r[0]: r for r in table}
    for surname, variants, rank in table:
        assert HANGUL.match(surname) and 1 <= len(surname) <= 2, surname
        assert rank == "" or (rank.isdigit() and int(rank) >= 1), (surname, rank)
        for v in split_list(variants):
            assert v in by_name, f"variant {v} of {surname} has no row of its own"
    assert by_name["김"][2] == "1"
    for nk, sk in (
        ("리", "이"),
        ("림", "임"),
        ("로", "노"),
        ("류", "유"),
        ("량", "양"),
        ("렴", "염"),
        ("라", "나"),
        ("룡", "용"),
        ("려", "여"),
        ("련", "연"),
        ("뢰", "뇌"),
        ("륙", "육"),
    ):
        assert sk in split_list(by_name[nk][1]) and nk in split_list(by_name[sk][1]), (nk, sk)
        assert by_name[nk][2] == by_name[sk][2], f"{nk}/{sk} ranks differ"
    assert set(by_name) >= TWO_SYLLABLE_SURNAMES


def test_given_name_syllables() -> None:
    table = rows("given_name_syllables.tsv")
    assert len(table) >= 400
    weights = {}
    for syllable, weight in table:
        assert HANGUL.match(syllable) and len(syllable) == 1, syllable
        assert weight in {"1", "2", "3", "4", "5"}, (syllable, weight)
        weights[syllable] = int(weight)
    for typical in "영철수민정혁옥순희남":
        assert weights[typical] == 5, typical


def test_common_given_names() -> None:
    table = rows("given_names_common.txt")
    assert len(table) >= 600
    syllables = names("given_name_syllables.tsv")
    for name, flag in table:
        assert HANGUL.match(name) and 1 <= len(name) <= 3, name
        assert flag in {"", "everyday"}, (name, flag)
        missing = [s for s in name if s not in syllables]
        assert not missing, f"{name}: syllables {missing} not in given_name_syllables.tsv"
    listed = names("given_names_common.txt")
    for name in ("철수", "영철", "광혁", "은정", "명옥", "혁철", "순희", "정남", "금순", "향미"):
        assert name in listed, name


FOREIGN_KINDS = ("western", "religious", "japanese_ko_stem")


def test_foreign_given_names() -> None:
    table = rows("foreign_given_names.tsv")
    kinds = {kind: {n for n, k in table if k == kind} for kind in FOREIGN_KINDS}
    assert {k for _, k in table} == set(kinds)
    assert all(HANGUL.match(n) for n, _ in table)
    assert {"빅토르", "알렉산드르", "올가", "그레이스", "요셉", "마리아"} <= kinds["western"]
    assert {"하나", "요시", "미치"} <= kinds["japanese_ko_stem"]
    # Names that are everyday words count only before a title in religion, never beside a surname.
    assert {"안나", "유리"} <= kinds["religious"] and not {"안나", "유리", "지나"} & kinds["western"]


# ---------------------------------------------------------------------------------------------- words


def test_kinship() -> None:
    table = rows("kinship.tsv")
    kinds = {t: k for t, k in table}
    assert set(kinds.values()) <= KINSHIP_KINDS
    assert set(kinds.values()) == KINSHIP_KINDS
    for term in (
        "어머니",
        "엄마",
        "아버지",
        "아빠",
        "형",
        "형님",
        "누나",
        "누이",
        "오빠",
        "언니",
        "동생",
        "남동생",
        "녀동생",
        "여동생",
        "할머니",
        "할아버지",
        "삼촌",
        "외삼촌",
        "이모",
        "고모",
        "조카",
        "사촌",
        "아들",
        "딸",
        "남편",
        "안해",
        "아내",
        "처",
        "색시",
        "손자",
        "손녀",
        "며느리",
        "사위",
        "장인",
        "장모",
        "시어머니",
        "큰아버지",
        "오마니",
    ):
        assert term in kinds, term


def test_name_context() -> None:
    table = rows("name_context.tsv")
    for term, position, kind in table:
        assert position in {"before", "after"}, (term, position)
        assert kind in CONTEXT_KINDS, (term, kind)
    by_term = {t: (p, k) for t, p, k in table}
    for term in (
        "씨",
        "님",
        "동무",
        "동지",
        "선생",
        "선생님",
        "군",
        "양",
        "여사",
        "드림",
        "올림",
        "씀",
        "에게",
        "께",
        "한테",
    ):
        assert by_term[term][0] == "after", term
    for term in (
        "제 이름은",
        "이름은",
        "이름이",
        "저는",
        "나는",
        "사랑하는",
        "보고싶은",
        "그리운",
        "친애하는",
    ):
        assert by_term[term][0] == "before", term
    for rank in (
        "전사",
        "상등병",
        "하사",
        "중사",
        "상사",
        "특무상사",
        "소위",
        "중위",
        "상위",
        "대위",
        "소좌",
        "중좌",
        "상좌",
        "대좌",
        "중장",
        "상장",
        "대장",
        "분대장",
        "소대장",
        "중대장",
        "대대장",
        "련대장",
        "정치지도원",
    ):
        assert by_term[rank] == ("after", "rank"), rank
    for title in ("반장", "작업반장", "지배인", "당비서", "초급당비서", "교원"):
        assert by_term[title] == ("after", "title"), title


def test_orgs() -> None:
    suffixes = {s: k for s, k in rows("orgs.tsv")}
    assert set(suffixes.values()) <= ORG_KINDS
    for suffix in (
        "고급중학교",
        "초급중학교",
        "중학교",
        "소학교",
        "인민학교",
        "고등중학교",
        "대학",
        "대학교",
        "종합대학",
        "사범대학",
        "교원대학",
        "공업대학",
        "의학대학",
        "전문학교",
        "유치원",
        "탁아소",
        "탄광",
        "광산",
        "기업소",
        "련합기업소",
        "협동농장",
        "농장",
        "목장",
        "공장",
        "제철소",
        "제강소",
        "발전소",
        "병원",
        "진료소",
        "인민위원회",
        "보위부",
        "보위국",
        "보안서",
        "안전부",
        "안전서",
        "분주소",
        "역",
        "항",
        "상점",
        "식당",
        "수산사업소",
        "림산사업소",
        "편의봉사소",
        "작업반",
        "분조",
        "회사",
        "주식회사",
        "고등학교",
        "초등학교",
        "센터",
        "하나원",
        "교회",
    ):
        assert suffix in suffixes, suffix
    place_names = names("nk_places.tsv") | names("sk_places.tsv") | names("foreign_places.tsv")
    named = rows("orgs_named.tsv")
    for name, kind, region in named:
        assert kind in ORG_KINDS, (name, kind)
        assert not region or region in place_names, (name, region)
    listed = {r[0] for r in named}
    assert {"김일성종합대학", "김책공업종합대학", "평양의학대학", "만경대혁명학원"} <= listed


def test_military() -> None:
    terms = {t: k for t, k in rows("military.tsv")}
    assert set(terms.values()) == MILITARY_KINDS
    for term in (
        "군단",
        "사단",
        "여단",
        "려단",
        "련대",
        "연대",
        "대대",
        "중대",
        "소대",
        "분대",
        "군부대",
        "부대",
        "구분대",
        "경보병",
        "저격",
        "폭풍군단",
        "특수작전군",
        "정찰총국",
        "호위사령부",
        "평양방어사령부",
        "국경경비총국",
        "해군",
        "항공 및 반항공군",
        "전략군",
        "사령부",
        "11군단",
    ):
        assert term in terms, term


def test_topics() -> None:
    table = rows("topics.tsv")
    assert len(table) >= 150
    categories = {c for _, c in table}
    assert categories == TOPIC_CATEGORIES
    phrases = {p for p, _ in table}
    for phrase in (
        "두만강을 건너",
        "강을 건너",
        "도강",
        "국경을 넘",
        "브로커",
        "중개인",
        "돈을 보내",
        "송금",
        "돈을 부쳐",
        "중국 전화",
        "중국폰",
        "전화 연결",
        "위챗",
        "카톡",
        "포로로",
        "항복",
        "투항",
        "생포",
        "붙잡혔",
        "탈북했",
        "귀순",
        "남한에 왔",
    ):
        assert phrase in phrases, phrase
    for phrase in phrases:
        assert len(phrase.replace(" ", "")) >= 2, f"topic phrase {phrase!r} is too short to match safely"

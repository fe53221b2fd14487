"""Generators for single identifying details: names, places, addresses, units, numbers, contacts, orgs.

Each function takes the generator's ``random.Random`` and returns plain text; :mod:`relay.samples.slots`
decides which kind a piece of text is labelled with. Details are built from parts, so the corpus holds
names, villages and numbers that appear in no list (a detector that memorised the lists gains nothing).
"""

from __future__ import annotations

import random
import string

from relay.samples import vocab
from relay.samples.hangul import romanize, romanize_surname


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(n))


# --- people -------------------------------------------------------------------------------------------


def surname(rng: random.Random, north: bool) -> str:
    """A surname as spelt in the North (리, 림, 류 …) or the South; now and then a two-syllable one."""
    n = vocab.names()
    if rng.random() < 0.07:
        return rng.choice(n.surnames_double)
    return rng.choice(n.surnames_north if north else n.surnames_south)


def given_name(rng: random.Random, female: bool) -> str:
    """A given name: two syllables from the male or female lists, sometimes one syllable or a native name."""
    n = vocab.names()
    roll = rng.random()
    if roll < 0.06:
        return rng.choice(n.given_native)
    first, second = (
        (n.given_first_female, n.given_second_female) if female else (n.given_first_male, n.given_second_male)
    )
    if roll < 0.1:
        return rng.choice(first)  # one-syllable given names exist (김철, 리호)
    a, b = rng.choice(first), rng.choice(second)
    while b == a:
        b = rng.choice(second)
    return a + b


def full_name(family: str, given: str, rng: random.Random) -> str:
    """Surname and given name; written without a space, as Koreans do, apart from the odd hand."""
    return f"{family} {given}" if rng.random() < 0.08 else family + given


# --- places -------------------------------------------------------------------------------------------


def province_short(province: str) -> str:
    """The spoken short form of a province: 함경북도 → 함북, 량강도 → 량강, 평양시 → 평양."""
    if len(province) == 4 and province.endswith("도"):
        return province[0] + province[2]
    return province[:-1]


def place_stem(name: str) -> str:
    """A city or county without its suffix (회령시 → 회령), used in everyday speech and in org names."""
    for suffix in ("구역", "시", "군"):
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


def village(rng: random.Random) -> str:
    """A village, neighbourhood or workers' district name built from syllables (상평리, 룡천로동자구)."""
    p = vocab.places()
    a, b = rng.choice(p.village_first), rng.choice(p.village_second)
    while b == a:
        b = rng.choice(p.village_second)
    return a + b + rng.choice(p.village_suffix)


def north_home(rng: random.Random) -> tuple[str, str]:
    """(province, city or county) somewhere in the North."""
    province, cities = rng.choice(vocab.places().north_provinces)
    return province, rng.choice(cities)


def north_place(rng: random.Random, province: str, city: str) -> str:
    """One of the ways a letter names a northern town: 회령, 회령시, 함경북도 회령시, 함북 회령."""
    roll = rng.random()
    if roll < 0.3:
        return city
    if roll < 0.5:
        return place_stem(city)
    if roll < 0.75:
        return f"{province} {city}"
    return f"{province_short(province)} {place_stem(city)}"


def south_city(rng: random.Random) -> tuple[str, str]:
    """(city, district) in the South."""
    city, districts = rng.choice(vocab.places().south_cities)
    return city, rng.choice(districts)


def south_place(rng: random.Random, city: str, district: str) -> str:
    """서울, 서울 노원구, 노원구 or 경기도 화성시 동탄."""
    roll = rng.random()
    if roll < 0.35:
        return city.split()[-1]
    if roll < 0.5:
        return district
    return f"{city} {district}"


# --- addresses ----------------------------------------------------------------------------------------


def north_address(rng: random.Random, province: str, city: str) -> str:
    """A northern address down to the people's unit (인민반) or flat."""
    if province == "평양시" and rng.random() < 0.6:
        street = rng.choice(vocab.places().streets)
        return f"평양시 {city} {street} {rng.randint(1, 80)}호동 {rng.randint(1, 40)}층 {rng.randint(1, 9)}호"
    districts = dict(vocab.places().city_districts).get(city)
    town = rng.choice(districts) if districts and rng.random() < 0.6 else village(rng)
    lead = f"{province} {city}" if rng.random() < 0.6 else city
    tail = rng.choice(
        (
            f"{rng.randint(1, 60)}인민반",
            f"{rng.randint(1, 30)}반",
            f"{rng.randint(1, 12)}작업반",
            f"{rng.randint(1, 60)}반 {rng.randint(1, 20)}호",
        )
    )
    return f"{lead} {town} {tail}"


def south_address(rng: random.Random, city: str, district: str) -> str:
    """A southern street address, with flat number when it is an apartment block."""
    p = vocab.places()
    road = rng.choice(p.road_first) + rng.choice(p.road_suffix)
    if rng.random() < 0.5:
        road += f"{rng.randint(1, 60)}길"
    number = str(rng.randint(1, 400)) + (f"-{rng.randint(1, 30)}" if rng.random() < 0.3 else "")
    flat = f"{rng.randint(101, 125)}동 {rng.randint(1, 25)}{rng.randint(1, 8):02d}호"
    roll = rng.random()
    if roll < 0.4:
        return f"{city} {district} {road} {number}, {flat}"
    if roll < 0.7:
        return f"{city} {district} {road} {number} {rng.choice(p.apartments)} {flat}"
    if roll < 0.85:
        return f"({rng.randint(10000, 63999)}) {city} {district} {road} {number}"
    return f"{district} {village(rng).removesuffix('리')} {rng.randint(1, 999)}-{rng.randint(1, 40)}번지"


# --- military units -----------------------------------------------------------------------------------


def unit(rng: random.Random) -> str:
    """A unit of the Korean People's Army in one of the ways soldiers write it."""
    o = vocab.orgs()
    corps = rng.choice(o.army_corps)
    forms = (
        lambda: f"제{corps}군단",
        lambda: f"{corps}군단",
        lambda: f"조선인민군 제{rng.randint(10000, 99999)}부대",
        lambda: f"제{rng.randint(100, 9999)}군부대",
        lambda: f"{rng.randint(100, 9999)}군부대",
        lambda: f"제{rng.randint(1, 120)}사단 {rng.randint(1, 9)}련대",
        lambda: f"제{rng.randint(1, 60)}려단 {rng.randint(1, 6)}대대 {rng.randint(1, 4)}중대",
        lambda: f"{rng.randint(1, 9)}대대 {rng.randint(1, 4)}중대 {rng.randint(1, 4)}소대",
        lambda: rng.choice(o.named_units),
        lambda: f"제{corps}군단 " + rng.choice([u for u in o.named_units if "군단" not in u]),
    )
    return rng.choice(forms)()


# --- numbers ------------------------------------------------------------------------------------------


def phone(rng: random.Random, country: str) -> str:
    """A telephone number from the South (``sk``), the North (``nk``), China (``cn``) or elsewhere."""
    sep = rng.choice(("-", "-", "-", " ", ".", ""))
    if country == "sk":
        a, b = _digits(rng, 4), _digits(rng, 4)
        roll = rng.random()
        if roll < 0.6:
            return f"010{sep}{a}{sep}{b}"
        if roll < 0.75:
            return rng.choice(("+82 10-", "+82-10-", "+8210 ")) + f"{a}-{b}"
        if roll < 0.85:
            return f"(010) {a}-{b}"
        area = rng.choice(("02", "031", "032", "033", "041", "051", "070"))
        return f"{area}-{_digits(rng, 3 if area == '02' else 4)}-{b}"
    if country == "nk":
        prefix = rng.choice(("191", "195", "192"))
        roll = rng.random()
        if roll < 0.5:
            return f"{prefix}{sep}{_digits(rng, 3)}{sep}{_digits(rng, 4)}"
        if roll < 0.75:
            return f"+850 {prefix} {_digits(rng, 3)} {_digits(rng, 4)}"
        return rng.choice(("02-381-", "8502-381-", "053-", "079-")) + _digits(rng, 4)
    if country == "cn":
        mobile = rng.choice(("138", "139", "135", "186", "159", "151"))
        roll = rng.random()
        if roll < 0.4:
            return f"+86 {mobile} {_digits(rng, 4)} {_digits(rng, 4)}"
        if roll < 0.6:
            return f"0086-{mobile}-{_digits(rng, 4)}-{_digits(rng, 4)}"
        if roll < 0.8:
            return f"{mobile}{sep}{_digits(rng, 4)}{sep}{_digits(rng, 4)}"
        return f"0433-{_digits(rng, 3)}-{_digits(rng, 4)}"  # Yanji landline
    return rng.choice(
        (
            f"+7 9{_digits(rng, 2)} {_digits(rng, 3)}-{_digits(rng, 2)}-{_digits(rng, 2)}",
            f"+66 8{_digits(rng, 1)} {_digits(rng, 3)} {_digits(rng, 4)}",
            f"001-82-10-{_digits(rng, 4)}-{_digits(rng, 4)}",
            f"+380 {_digits(rng, 2)} {_digits(rng, 3)} {_digits(rng, 2)} {_digits(rng, 2)}",
        )
    )


def date(rng: random.Random, year: int) -> str:
    """A day in ``year`` in one of the many ways people write dates."""
    m, d = rng.randint(1, 12), rng.randint(1, 28)
    yy = year % 100
    forms = (
        f"{year}년 {m}월 {d}일",
        f"{year}년 {m:02d}월 {d:02d}일",
        f"{year}. {m}. {d}.",
        f"{year}.{m:02d}.{d:02d}",
        f"{yy:02d}.{m:02d}.{d:02d}",
        f"{year}-{m:02d}-{d:02d}",
        f"{year}/{m}/{d}",
        f"{d:02d}.{m:02d}.{year}",
        f"{m}월 {d}일",
        f"주체{year - 1911}년 {m}월 {d}일",
        f"{year}년{m}월{d}일",
        f"음력 {m}월 {d}일",
        f"{yy:02d}년 {m}월 {d}일",
    )
    return rng.choice(forms)


def month(rng: random.Random, year: int) -> str:
    """A month in ``year`` (2019년 3월, 2019.3)."""
    m = rng.randint(1, 12)
    return rng.choice((f"{year}년 {m}월", f"{year}.{m}", f"{year}년 {m}월 초", f"주체{year - 1911}년 {m}월"))


def resident_number(rng: random.Random, year: int) -> str:
    """A South Korean resident registration number (주민등록번호) for someone born in ``year``."""
    gender = rng.choice("12" if year < 2000 else "34")
    sep = rng.choice(("-", "-", " - ", ""))
    return f"{year % 100:02d}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{sep}{gender}{_digits(rng, 6)}"


def service_number(rng: random.Random) -> str:
    """A service number (군번) in one of several plausible formats."""
    return rng.choice(
        (
            f"{rng.randint(10, 24)}-7{_digits(rng, 7)}",
            f"{rng.choice('가나다라마바')}-{_digits(rng, 6)}",
            _digits(rng, 8),
            f"{_digits(rng, 3)}-{_digits(rng, 5)}",
        )
    )


def citizen_number(rng: random.Random) -> str:
    """A northern citizen card (공민증) or passport number."""
    return rng.choice((f"{_digits(rng, 3)}-{_digits(rng, 6)}", f"M{_digits(rng, 8)}", f"{_digits(rng, 9)}"))


# --- online -------------------------------------------------------------------------------------------


def handle(rng: random.Random, family: str, given: str) -> str:
    """A user name of the kind people build from their own name and birth year."""
    g, f = romanize(given), romanize_surname(family.replace(" ", ""))
    word = rng.choice(
        (
            g,
            f + g,
            g + f,
            f + "." + g,
            g + "_" + f,
            f[0] + g,
            rng.choice(("sarang", "haneul", "dream", "star", "hope")),
        )
    )
    return word + rng.choice(
        ("", str(rng.randint(1, 99)), str(rng.randint(1970, 2005)), "_" + _digits(rng, 2))
    )


def email(rng: random.Random, family: str, given: str) -> str:
    """An e-mail address at a common Korean, Chinese or global provider."""
    domain = rng.choice(
        (
            "naver.com",
            "daum.net",
            "gmail.com",
            "hanmail.net",
            "kakao.com",
            "nate.com",
            "qq.com",
            "163.com",
            "hotmail.com",
        )
    )
    return f"{handle(rng, family, given)}@{domain}"


def url(rng: random.Random, family: str, given: str) -> str:
    """A personal page: blog, channel or profile."""
    h = handle(rng, family, given)
    return rng.choice(
        (
            f"blog.naver.com/{h}",
            f"https://blog.naver.com/{h}",
            f"youtube.com/@{h}",
            f"www.youtube.com/@{h}",
            f"instagram.com/{h}",
            f"www.facebook.com/{h}",
            f"cafe.daum.net/{h}",
            f"https://open.kakao.com/o/{rng.choice('gs')}{_digits(rng, 7)}",
            f"tiktok.com/@{h}",
        )
    )


def messenger(rng: random.Random, family: str, given: str) -> tuple[str, str]:
    """(app name as people write it, the ID) for KakaoTalk, WeChat, Telegram or LINE."""
    app = rng.choice(("카톡", "카카오톡", "위챗", "텔레그램", "라인"))
    if app == "위챗" and rng.random() < 0.5:
        ident = "wxid_" + "".join(rng.choice(string.ascii_lowercase + string.digits) for _ in range(10))
    elif app == "텔레그램":
        ident = "@" + handle(rng, family, given)
    else:
        ident = handle(rng, family, given)
    return app, ident


# --- organisations ------------------------------------------------------------------------------------


def north_school(rng: random.Random, city: str) -> str:
    """A northern school named after its town (회령제1고급중학교) or a college."""
    o = vocab.orgs()
    if rng.random() < 0.2:
        return rng.choice(o.colleges)
    stem = place_stem(city) if rng.random() < 0.6 else village(rng)[:2]
    return stem + rng.choice(o.school_suffix)


def north_workplace(rng: random.Random, city: str) -> str:
    """A northern mine, farm or enterprise (무산광산, 상평협동농장) or a well-known works."""
    o = vocab.orgs()
    if rng.random() < 0.2:
        return rng.choice(o.named_north)
    stem = place_stem(city) if rng.random() < 0.5 else village(rng)[:2]
    return stem + rng.choice(o.work_suffix)


def south_org(rng: random.Random, district: str) -> str:
    """A southern university, company or workplace, real or invented (한빛물산 노원지점)."""
    o = vocab.orgs()
    roll = rng.random()
    if roll < 0.35:
        return rng.choice(o.universities)
    if roll < 0.65:
        return rng.choice(o.companies)
    name = rng.choice(o.company_stem) + rng.choice(o.company_suffix)
    if rng.random() < 0.3:
        name = "(주)" + name
    if rng.random() < 0.3:
        name += f" {place_stem(district)}점"
    return name

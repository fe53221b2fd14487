"""Place and address shapes found missing in the forty-sixth to forty-ninth outside writers' letters
(young people's chat, older defectors, forms and envelopes, foreign writers), and everyday look-alikes
that must stay unflagged. The sentences are new ones of the same shapes, with other names, places and
numbers:

- a province, or a city abroad, in Latin letters (Ryanggang-do, Mykolaiv);
- an address abroad with its town before the street and its flat, office or room after the house
  (Lviv, vul. … 12, kv. 3), a one-letter word in a street's name, a Slavic street before an English
  kind of street, a lettered street of Washington glued to its kind by OCR;
- a street abroad transliterated in two words, or glued to its word for a street;
- a chain's city one jamo off before its district, or a city or quarter one jamo off after its
  province or district;
- a city by a stem that is also an everyday word, right after its province however spaced;
- the quarter after a city when OCR moved the space inside it;
- everyday look-alikes of each.
"""

from __future__ import annotations

import pytest

from relay.detect import Rules

from .conftest import covered_as


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        # a province and a city abroad in Latin letters
        ("Place of birth: Hyesan, Ryanggang-do", "Ryanggang-do"),
        ("Hometown: Sariwon, North Hwanghae", "North Hwanghae"),
        ("제 동생은 지금 Mykolaiv에 있어요.", "Mykolaiv"),
        # the town before a street-first address, the flat, office or room after the house
        ("편지는 Lviv, vul. Franka 12, kv. 3으로 보내 주세요.", "Lviv, vul. Franka 12, kv. 3"),
        ("사무실은 Odesa, vul. Deribasivska 8, office 21에 있어요.", "Odesa, vul. Deribasivska 8, office 21"),
        ("기숙사 주소는 ul. Jana i Pawla 5/7, pokój 12입니다.", "ul. Jana i Pawla 5/7, pokój 12"),
        # a Slavic genitive street before an English kind of street and its number
        ("우리 집은 Shevchenka St 24, 5동 12호예요.", "Shevchenka St 24"),
        # a lettered street glued to its kind by OCR
        (
            "본부 주소: 1500 MStreet NW, Suite 300, Washington, DC 20036.",
            "1500 MStreet NW, Suite 300, Washington, DC 20036",
        ),
        # a street abroad in two transliterated words, or glued to its word for a street
        ("어머니 집은 타라사 셰우첸카 거리 17동 3호였다.", "타라사 셰우첸카 거리 17동 3호"),
        ("어머니 집은 올레샤 혼차라 거리 9동 4호였다.", "올레샤 혼차라 거리 9동 4호"),
        # a chain's city one jamo off before its district, or its city one jamo off after its province
        ("지금 대젼서구 둔산동 살아", "대젼"),
        ("고향은 자강도 만포싀요", "만포싀"),
        # a city by a stem that is also an everyday word, right after its spaced province
        ("할아버지 고향이 평안 북도 구성이래요", "구성"),
        # the quarter after a city, OCR having moved the space inside it
        ("저는 고양시화정 동에 살아요", "화정 동"),
    ],
)
def test_found(rules: Rules, text: str, detail: str) -> None:
    assert covered_as(text, detail, rules, "place", "address"), detail


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # an English word after a street's kind and a number: no address
        ("The pizza place on Ohio St 5 minutes away closed.", "Ohio St 5"),
        # a city then a phrase with 동 or 리 in it, spaced as written
        ("서울시 같은 동에 살아", "같은 동"),
        ("부산 가는 동안에 봤다", "가는 동안"),
        ("평양시 대동 다리에서 만났다", "다리"),
        # a word that starts with a city's everyday stem after its province
        ("평안남도 안주인 아주머니가 오셨어요", "안주인"),
    ],
)
def test_benign(rules: Rules, text: str, word: str) -> None:
    assert not covered_as(text, word, rules, "place", "address"), word

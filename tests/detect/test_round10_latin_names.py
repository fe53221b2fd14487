"""Foreign personal names (relay/detect/foreign_names.py): Western, Slavic and Japanese names in Latin
letters, in Cyrillic and in Hangul, as foreign supporters, lawyers and priests sign and name each other;
and the capitalised words, brands, famous people and places of the same shapes that are no one's
private name. The sentences are written for these tests, not taken from the evaluation tables."""

from __future__ import annotations

import pytest

from relay.model import Kind

from .conftest import found, one_covers


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a signature line after a date, in Latin letters, with or without a closing
        ("2024년 11월 28일 추수감사절에, Rebecca Thornton.", "Rebecca Thornton"),
        ("2026.1.7 성탄절. Bartosz Wróblewski.", "Bartosz Wróblewski"),
        ("Sent: 2025년 3월 2일 / Declan McNamara 드림", "Declan McNamara"),
        # speech recognition drops the apostrophe of an Irish surname
        ("이천이십사년 사월 Fiona OBrien 드림", "Fiona OBrien"),
        # OCR glues the two words of a name
        ("2025년 9월 9일, EmilyHarrington 올림.", "EmilyHarrington"),
        # a surname shaped as no English word is, after an unlisted given name
        ("자료 정리: Vasylyna Tkachenko / 2025", "Vasylyna Tkachenko"),
        ("| 2 | 현지 연락 | Bohdana Levchuk | 키이우 |", "Bohdana Levchuk"),
        ("prepared by Zenon Kaczmarczyk", "Zenon Kaczmarczyk"),
        ("우리 측 검사 Ilona Savchenko와 만났어요.", "Ilona Savchenko"),
        # reversed, as a form lists surname first
        ("성명: Melnychuk Iryna", "Melnychuk Iryna"),
        # Cyrillic, and a Korean surname glued to a Western given name
        ("부탁드립니다. Тетяна Бондаренко", "Тетяна Бондаренко"),
        ("2024.12.30, КимВиктор.", "КимВиктор"),
        # Hangul: a foreign given name before a Slavic surname, with a particle glued on
        ("광복절에 솔로미야 본다렌코가 씁니다", "솔로미야 본다렌코"),
        ("미콜라 멜니추크 씨한테 물어보세요", "미콜라 멜니추크"),
        # a Slavic surname before a title, its given name before it unlisted (or damaged by OCR)
        ("부활절 아침, 야레크 코발레프스키 신부 올림.", "야레크 코발레프스키"),
        ("즈지스와프 노바코프스키 드림", "즈지스와프 노바코프스키"),
        # a Japanese surname before a Japanese given name, the closing glued on or not
        ("2024년 3월 3일 나카무라 미나코드림", "나카무라 미나코"),
        ("2025년 2월 14일, 이노우에 사치코 올림.", "이노우에 사치코"),
        # an unlisted Japanese woman's name in 코 after a listed surname
        ("후지타 노부코 씨에게 전해 주세요", "후지타 노부코"),
    ],
)
def test_foreign_names_are_found(text: str, name: str) -> None:
    assert one_covers(text, name, Kind.PERSON, severity=None), (text, found(text, Kind.PERSON))


@pytest.mark.parametrize(
    "text",
    [
        # brands, famous people and characters spelt as a given name and a surname
        "생일 선물로 Calvin Klein 향수를 받았어요",
        "Taylor Swift 노래를 요즘 자주 들어",
        "동생이 Harry Potter 책을 다 읽었대",
        "Ed Sheeran 콘서트에 다녀왔어요",
        # capitalised English: greetings, feasts, institutions, places
        "Merry Christmas and Happy New Year!",
        "Grace Church 청년부에서 인사드려요",
        "Human Rights Watch 보고서를 봤어요",
        "Lviv National University 에서 공부했어요",
        "Kyiv Independent 기사를 읽었어요",
        "아이들이 Bible Lesson 시간에 그렸어요",
        "Amazing Grace 를 같이 불렀어요",
        "Welcome Home 이라고 써 붙였어요",
        # glued words that are no name
        "YouTube 에서 그 영상 봤어",
        "PowerPoint 로 발표 자료를 만들었어요",
        # Hangul: words with a Slavic-looking ending, and Japanese places
        "겨울에 스키장 가고 싶어",
        "러시아 보드카 한 병을 샀다",
        "야마구치 현에 다녀왔어요",
        "후쿠시마 원전 소식을 들었어요",
        "존경하는 마음으로 씁니다",
    ],
)
def test_look_alikes_are_not_people(text: str) -> None:
    assert not found(text, Kind.PERSON), text

"""Place and address shapes found missing in the twenty-first and twenty-fourth outside writers' letters
(tables outside21, outside24), and everyday look-alikes that must stay unflagged. The sentences are new
ones of the same shapes, with other names, places and numbers."""

from __future__ import annotations

import pytest

from relay.detect import Rules, detect

from .conftest import covered_as


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        # a Japanese address in characters, the block and house joined by hyphens, 丁目 or not, the
        # building in kana and its flat after it; OCR's l and O inside the numbers
        ("식당은 京都市左京区田中里ノ前2-7-15 이에요", "京都市左京区田中里ノ前2-7-15"),
        ("식당은 名古屋市中村区則武1-l2-3 이에요", "名古屋市中村区則武1-l2-3"),
        (
            "주소 神奈川県川崎市川崎区桜本 2-31-4 メゾン桜本 1O2",
            "神奈川県川崎市川崎区桜本 2-31-4 メゾン桜本 1O2",
        ),
        (
            "언니는 兵庫県神戸市長田区若松町5丁目3-9 ハイツ若松305号에 있어",
            "兵庫県神戸市長田区若松町5丁目3-9 ハイツ若松305号",
        ),
        # a German street with its number, postcode and town; the British order with its postcode
        ("이모 주소는 Bergstraße 17, 44791 Bochum 이야", "Bergstraße 17, 44791 Bochum"),
        ("이모 주소는 Rosenweg 5a 이야", "Rosenweg 5a"),
        ("사무실은 Baker Street 221 London NWl 6XE 에 있다", "Baker Street 221 London NWl 6XE"),
        # a hall of residence's room before the street, a flat glued to its house number by a comma,
        # a street cut short to Dr
        (
            "기숙사는 Sproul Hall Room 212, 350 Charles Young Dr, Los Angeles, CA 90095 이다",
            "Sproul Hall Room 212, 350 Charles Young Dr, Los Angeles, CA 90095",
        ),
        (
            "주소는 Flat 3,18 Wilmslow Road, Manchester M14 5TQ 야",
            "Flat 3,18 Wilmslow Road, Manchester M14 5TQ",
        ),
        # a Russian house with its block glued on (20к1) and the room
        ("합숙은 ул. Садовая, 14к2, комната 207 이다", "ул. Садовая, 14к2, комната 207"),
        # an office building with its phase glued on, then its room
        (
            "회사는 서울 금천구 가산디지털1로 145 에이스하이엔드타워3차 907호 이다",
            "에이스하이엔드타워3차 907호",
        ),
        # a university after the town, then its wing and room
        ("제 방은 대구 북구 산격동 경북대학교 본관 214호입니다", "대구 북구 산격동 경북대학교 본관 214호"),
        # a basement flat after the lot number
        ("지금 인천 미추홀구 주안동 882-4 B02호에 산다", "인천 미추홀구 주안동 882-4 B02호"),
        # an estate's own name, whatever it ends in, before its block and flat
        ("우리 집은 반포자이 112동 1503호야", "반포자이 112동 1503호"),
        ("우리 집은 헬리오시티 305동 902호야", "헬리오시티 305동 902호"),
    ],
)
def test_addresses(rules: Rules, text: str, detail: str) -> None:
    assert covered_as(text, detail, rules, "address", "place"), detail


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        # a mountain, peak or pass right after the place it stands in
        ("할아버지는 영월 태화산 아래 사셨다", "태화산"),
        ("우리 중대는 회양군 오미산 밑에서 굴을 팠다", "오미산"),
        ("삼수 백암령 넘어 도망쳤다", "백암령"),
        # quarters of Berlin, villages of southern Primorye, old counties of Hwanghae
        ("1973년에 와서 베를린 크로이츠베르크에서 살았다", "크로이츠베르크"),
        ("할머니는 연해주 자루비노에서 태어나셨다", "자루비노"),
        ("우리 아버지는 연백 사람이다", "연백"),
        # a US town with its state, in English
        ("I live in Palisades Park, New Jersey 에 살아요", "Palisades Park"),
        # a city abroad by its capitals
        ("고모는 LA 한인타운에 산다", "LA"),
        ("언니는 NYC에서 일해", "NYC"),
        # a name in Cyrillic before 동네 or 마을
        ("나는 Борисовка 동네에 산다", "Борисовка"),
        # a village written with uneven spaces after its town
        ("형은 길주군 장 덕리 에 살았다", "장 덕리"),
    ],
)
def test_places(rules: Rules, text: str, detail: str) -> None:
    assert covered_as(text, detail, rules, "place", "address"), detail


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # everyday words ending in 산 or 령 after a place
        ("평양 재산을 다 두고 왔다", "재산"),
        ("청진 생산 계획이 늘었다", "생산"),
        ("함흥 등산 모임에 나갔다", "등산"),
        # an everyday road, a song, a lower-case la
        ("Route 66 노래를 좋아해", "Route 66"),
        ("la la land 봤어", "la"),
        # LA's short ribs and its ball teams
        ("LA갈비 먹고 싶다", "LA"),
        ("LA 다저스 좋아해", "LA"),
        # words of their own after a place, not one letter-spaced name
        ("평양 내 친구 동생이다", "친구"),
        # a wing of a hospital with no room after it
        ("병원 본관에서 만나", "본관"),
    ],
)
def test_benign(rules: Rules, text: str, word: str) -> None:
    assert not covered_as(text, word, rules, "place", "address"), [
        (f.kind.value, text[f.start : f.end]) for f in detect(text, rules)
    ]

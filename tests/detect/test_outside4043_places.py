"""Places and addresses of the shapes the outside40-43 tables missed, in sentences written for this file.

Addresses: OCR's misread 단 in an estate's block or a Chinese stairwell ("5딘지", "1단윈") and a Chinese
estate's numbered block (号楼, "7호루"); a British town with OCR's 1 or 0 in its name before its postcode,
or its comma without a space; a street abroad said in Hangul the English way round, number first
("칠칠공 오션 애비뉴 아파트 삼"); a lane's number OCR split inside its word ("31번 길9"). Places: a
division right after its parent with OCR's damage of one jamo ("함경북도 경셩군", "부산 해운데구"), or
its suffix set apart and damaged ("광주 광산 규") or with the copula after it ("통영 시인데"); a parent
split into syllables before its division ("인 천 남동구"); a village right after its town, its name split
("금호동 새 터마을"); a letter-spaced 동 with its particle ("부산 남구 우 암동에"); a foreign city split
where its last piece reads as a verb stem ("오데 사 근처", "하르 키우 근처"). Benign look-alikes stay
unflagged, among them the two Koreas before a home town's cue ("남한 사람", "북한 출신").
"""

from __future__ import annotations

import pytest

from relay.detect import Rules, detect

from .conftest import covered, covered_as

ADDRESSES = [
    (
        "이모 주소는 서울 송파구 올림픽로 435 잠실파크 5딘지 301동 1102호야.",
        "서울 송파구 올림픽로 435 잠실파크 5딘지 301동 1102호",
    ),
    ("삼촌 집은 심양시 화평구 태원가 7호루 1단윈 402호다.", "7호루 1단윈 402호"),
    ("Send it to 22 Oak Road, Wa1ton, KT12 3AB please.", "22 Oak Road, Wa1ton, KT12 3AB"),
    ("Send it to 22 Oak Road,Walton KT12 3AB please.", "22 Oak Road,Walton KT12 3AB"),
    ("편지는 칠칠공 오션 애비뉴 아파트 삼 으로 보내요", "칠칠공 오션 애비뉴 아파트 삼"),
    ("우리 가게는 1250 브로드웨이 스트리트 스위트 12에 있어요", "1250 브로드웨이 스트리트 스위트 12"),
    # OCR moved the space into the lane's word: "31번 길9" for 31번길 9.
    ("누나 집은 강릉시 경강로 31번 길9이야.", "강릉시 경강로 31번 길9"),
    ("누나 집은 강릉시 경강로 31번 길 9, 3층이야.", "강릉시 경강로 31번 길 9, 3층"),
]


@pytest.mark.parametrize(("text", "detail"), ADDRESSES)
def test_address_shapes(text: str, detail: str, rules: Rules) -> None:
    assert covered_as(text, detail, rules, "address", "place")


PLACES = [
    ("아저씨는 함경북도 경셩군에서 광산 일을 했다.", "경셩군"),
    ("동생은 부산 해운데구에 산다.", "해운데구"),
    ("형은 광주 광산 규에서 장사한다.", "광산 규"),
    ("지금은 인 천 남동구에서 일해요.", "인 천"),
    ("할머니는 강릉시 금호동 새 터마을에 사신다.", "새 터마을"),
    ("이모는 부산 남구 우 암동에 사오.", "우 암동"),
    ("그 사람은 오데 사 근처에서 일했다고 들었다.", "오데 사"),
    ("오빠가 하르 키우 근처 병원에 있대.", "하르 키우"),
    # The suffix set apart with the copula after it, the place glued to its province by OCR.
    ("고향은 경상남도통영 시인데 바다가 예뻐요.", "경상남도통영 시"),
]


@pytest.mark.parametrize(("text", "detail"), PLACES)
def test_place_shapes(text: str, detail: str, rules: Rules) -> None:
    assert covered(text, detail, rules, "place")


# Words right after a place that only look like its division or village: the place is found, they are not.
AFTER_PLACE = [
    # Near misses of a division that are everyday words Kiwi knows.
    ("서울 가서 냉면 먹자.", "가서"),
    ("서울 중고 시장에 가 봤다.", "중고"),
    # Villages named by everyday words, or by a word saying whose or which.
    ("무산군 시골 마을에 살았다는 얘기만 들었다.", "시골 마을"),
    ("회령 작은 마을에서 컸대요.", "작은 마을"),
    ("무산군 우리 마을 사람들은 다 착했다.", "우리 마을"),
    ("김책시 그 옆 마을 사람이 왔다.", "그 옆 마을"),
    # An everyday noun split from the word before it, a particle after it: no letter-spaced 리.
    ("부산 밤 거리에서 사진을 찍었다.", "밤 거리"),
    # A soldier of a town: 군인 is no county's suffix with the copula.
    ("무산 군인이 찾아왔다.", "군인"),
]


@pytest.mark.parametrize(("text", "word"), AFTER_PLACE)
def test_words_after_a_place(text: str, word: str, rules: Rules) -> None:
    start = text.index(word)
    hits = [
        f
        for f in detect(text, rules)
        if f.kind.value in ("address", "place") and f.end > start and f.start < start + len(word)
    ]
    assert hits == []


BENIGN = [
    # A number, a counter or a span of time and then a loanword street kind: no street.
    "오십 마일 달려서 하이웨이 휴게소에 들렀다.",
    "삼 년 동안 스트리트 댄스를 배웠다.",
    # A verb stem split from its ending by OCR: no place.
    "아이를 잘 키우 고 있다니 다행이다.",
    # A numbered way and a word after it, with no place before: no address.
    "2번 길을 따라 쭉 걸어가면 돼.",
    # The two Koreas, with a cue a home town takes: the country, no near miss of a town's name.
    "저는 남한 사람이라 그쪽 말이 서툴러요.",
    "우리 반에 북한 출신 친구가 한 명 있어요.",
]


@pytest.mark.parametrize("text", BENIGN)
def test_benign_look_alikes(text: str, rules: Rules) -> None:
    assert [f for f in detect(text, rules) if f.kind.value in ("address", "place")] == []

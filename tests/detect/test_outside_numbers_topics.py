"""Numbers and risky topics in the shapes a second outside set showed missing: each class with its own
examples (not that set's sentences) and the everyday look-alikes that must stay unflagged.

* topics whose words stand apart ("강물을 한밤중에 … 건넌", "돈을 고향 집에 몰래 부쳤"), smuggled or hidden
  phones, foreign media in secret, bribes, evading the security service, surrender, leaving by boat;
* an international number with its plus read out ("플러스 칠 …");
* registration numbers of letter codes and digit groups ("UN-CASE-2023-7781");
* a messenger ID after a filler, its digits said apart ("음 liming 2231"), and a name searched for
  without quotes ("텔레그램에서 하늘바다라고 검색해");
* spoken dates split by a space ("주체 구 십오년") or glued to the particle before them ("생일은시월 …").
"""

from __future__ import annotations

import pytest

from relay.detect import Rules, detect

from .conftest import covered

# ---------------------------------------------------------------------------------------------- topics

TOPICS = [
    # a border river or the border, words between, then crossing
    "강물을 한밤중에 헤엄쳐서 건넌 게 벌써 십 년 전이다.",
    "국경을 몰래 넘을 때 너를 업고 있었다.",
    # money, where or how it went, then sending it; or an amount sent
    "어머니가 돈을 고향 집에 몰래 부쳤대.",
    "매달 생활비를 북에 부쳐 드린다.",
    "달러를 보냈다.",
    "돈을 아는 사람 통해서 보냈다.",
    "삼백만 원을 중국으로 보냈다.",
    # a bribe: who, what and how much, giving it
    "초소장한테 담배 두 보루를 주고 지나갔다.",
    "뒷돈을 대고 겨우 나왔다.",
    "보위원한테 뇌물을 고여서 풀려났다.",
    # a phone hidden, smuggled or sold; a call to the south
    "손전화를 이불 속에 숨겨 두었다.",
    "핸드폰을 장마당에서 팔다가 들켰다.",
    "남한과 통화하다가 걸렸다.",
    # foreign radio, television and films in secret, or caught watching them
    "이불 속에서 몰래 외국 라디오를 들었다.",
    "몰래 중국 티비를 보던 시절.",
    "영화 보다가 걸려서 혼쭐났다.",
    "KBS를 몰래 들었다.",
    "USB에 담긴 드라마를 봤다.",
    "불법 손전화를 쓰다가 걸렸다.",
    # surrender
    "적군에게 손을 들고 걸어 나갔다.",
    "우크라이나 병사들한테 그냥 걸어갔다고 들었다.",
    "우크라이나 사람들이 너를 데려갔다고",
    "우리 도망친 거 말하지 마",
    "너네 집 감시받고 있어",
    # evading the security service and the police
    "공안의 감시를 따돌리고 역에 갔다.",
    "안전원 눈을 피해 다녔다.",
    "중국 공안한테 쫓겨 다녔다.",
    # leaving by boat
    "작은 목선을 타고 떠났다.",
    "고깃배를 몰고 남쪽으로 내려왔다.",
]


@pytest.mark.parametrize("text", TOPICS)
def test_risky_clauses_are_flagged_as_a_whole(rules: Rules, text: str) -> None:
    # The whole statement is covered, for review only.
    assert covered(text, text, rules, "topic"), text
    topics = [f for f in detect(text, rules) if f.kind.value == "topic"]
    assert all(f.severity.value == "review" for f in topics)


@pytest.mark.parametrize(
    "text",
    ["이불 속에서 몰래 외국 라디\n오를 들었다.", "강물을 한밤중에 헤엄쳐서 건 넌 게 벌써 십 년 전이다."],
)
def test_risky_clauses_survive_ocr_spacing(rules: Rules, text: str) -> None:
    assert [f for f in detect(text, rules) if f.kind.value == "topic"], text


TOPIC_LOOKALIKES = [
    "한강 다리를 자전거로 건넜다.",
    "강이 넓고 아름답다.",
    "얼음이 미끄러워 넘어졌다.",
    "돈을 아껴서 선물을 보냈어.",
    "돈을 은행에 맡겼다.",
    "매달 30만 원을 적금에 넣는다.",
    "라디오를 들으며 출근한다.",
    "영화 보다가 울었다.",
    "엄마 눈을 피해 과자를 먹었다.",
    "수업 시간에 손 들고 발표했다.",
    "배를 타고 제주도 여행을 갔다.",
    "핸드폰을 새로 샀다.",
    "경찰이 교통 단속을 하고 있었다.",
    "경찰에게 쫓기는 꿈을 꿨다.",
    "한국군 병사들이 훈련하러 갔다.",
    "USB에 사진을 담아서 보낼게.",
    "용돈을 아들한테 보냈다.",
    # relay itself delivers the letters: thanking it is no contact channel
    "편지를 전해 주는 분들께 감사해요.",
]


@pytest.mark.parametrize("text", TOPIC_LOOKALIKES)
def test_everyday_lookalikes_are_no_topic(rules: Rules, text: str) -> None:
    assert [f for f in detect(text, rules) if f.kind.value == "topic"] == [], text


# ---------------------------------------------------------------------------------------------- numbers

FOUND = [
    # (text, detail, kinds that may cover it)
    (
        "삼촌 번호는 플러스 칠 구이오 일이삼 사오 육칠로 걸면 돼",
        "플러스 칠 구이오 일이삼 사오 육칠",
        {"phone"},
    ),
    ("중국 번호 플러스 팔육 일삼구 일이삼사 오육칠팔", "플러스 팔육 일삼구 일이삼사 오육칠팔", {"phone"}),
    (
        "고모 번호는 플러스팔육 일삼구 일이삼사 오육칠팔로 걸어",
        "플러스팔육 일삼구 일이삼사 오육칠팔",
        {"phone"},
    ),
    ("사건번호 UN-CASE-2023-7781로 접수됐다.", "UN-CASE-2023-7781", {"id_number"}),
    ("등록은 UA-POW-이공이사 일일팔칠로 되어 있어", "UA-POW-이공이사 일일팔칠", {"id_number"}),
    ("위챗 아이디가 음 liming 2231 이거야", "liming 2231", {"messenger"}),
    ("텔레그램에서 하늘바다라고 검색해", "하늘바다", {"messenger"}),
    ("주체 구 십오년에 태어났다", "주체 구 십오년", {"date"}),
    ("천구백 팔십칠년에 태어났다", "천구백 팔십칠년", {"date"}),
    ("생일은시월 이십삼일이야", "시월 이십삼일", {"date"}),
    ("내 생일은삼월 칠일이야", "삼월 칠일", {"date"}),
]


@pytest.mark.parametrize(("text", "detail", "kinds"), FOUND)
def test_numbers_in_new_shapes_are_found(rules: Rules, text: str, detail: str, kinds: set[str]) -> None:
    start = text.index(detail)
    hit: set[int] = set()
    for f in detect(text, rules):
        if f.kind.value in kinds:
            hit.update(range(f.start, f.end))
    missing = [text[i] for i in range(start, start + len(detail)) if not text[i].isspace() and i not in hit]
    assert not missing, (text, detail, missing)


NUMBER_LOOKALIKES = [
    ("KF-94 마스크를 샀다.", {"id_number", "phone"}),
    ("AK-47 소총을 들었다.", {"id_number", "phone"}),
    ("F-16 전투기가 날아갔다.", {"id_number", "phone"}),
    ("카톡에서 사진을 찾아봤어", {"messenger"}),
    ("카톡에서 할머니를 찾아봐", {"messenger"}),
    ("이 십년 동안 고생 많았다", {"date"}),
    ("플러스 알파로 조금 더 줄게.", {"phone", "id_number"}),
]


@pytest.mark.parametrize(("text", "kinds"), NUMBER_LOOKALIKES)
def test_number_lookalikes_stay_unflagged(rules: Rules, text: str, kinds: set[str]) -> None:
    assert [f for f in detect(text, rules) if f.kind.value in kinds] == [], text

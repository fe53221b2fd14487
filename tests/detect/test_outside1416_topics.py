"""Risky-topic classes found missing, and look-alikes that must stay unflagged, in the fourteenth to
sixteenth outside writers' letters (tables outside14-16). The sentences are new ones of the same shapes."""

from __future__ import annotations

import pytest

from relay.detect import Rules
from relay.model import Kind

from .conftest import covered, found


def _topics(text: str) -> list[str]:
    return found(text, Kind.TOPIC)


@pytest.mark.parametrize(
    ("text", "piece"),
    [
        # a boat turned south (its helm, its bow), either order, OCR spacing before the particle
        ("그날 밤 기관이 멎은 척하다가 남쪽으로 배를 돌렸지.", "배를 돌렸지"),
        ("뱃머리를 곧장 남쪽으로 돌렸습니다.", "돌렸습니다"),
        ("아버지는 고깃배를 몰래 남한 쪽으로 돌렸다.", "돌렸다"),
        ("새벽에 남쪽으로 뱃머리 를 돌렸소.", "돌렸소"),
        # hiding aboard a boat
        ("어선 밑창에 숨어서 왔다.", "숨어서"),
        ("배 기관실에 숨어서 서해로 나왔소.", "숨어서"),
        ("작은 목선 에 숨어 동해 쪽으로 나왔어.", "숨어"),
        # false or someone else's papers, a word between
        ("위조한 여권으로 비행기를 탔다.", "여권으로"),
        ("남의 공민증을 빌려 기차를 탔소.", "공민증을"),
        ("신분증을 위조해서 검문을 넘겼다.", "위조해서"),
        ("가짜 중국 여권을 샀다.", "여권을"),
        ("가짜 려행증명서 들고 혜산까지 갔소.", "려행증명서"),
        ("남의 호구부에 이름을 올려 살았다.", "호구부에"),
        # asking after someone in secret
        ("네 행방을 비밀리에 알아봤다.", "알아봤다"),
        ("몰래 사람을 넣어 네 생사를 수소문했다.", "수소문했다"),
        ("형의 소식을 몰래 물어봤어.", "물어봤어"),
        # asking the authorities or a mission abroad for protection
        ("우크라이나군 쪽에 보호를 요청했다고 들었다.", "요청했다고"),
        ("그해 겨울 아내와 아이들을 데리고 나와 현지 당국에 보호를 요청했다.", "요청했다"),
        # one's family sent ahead, or into the hands of someone across
        ("아들을 먼저 국경으로 보냈다.", "보냈다"),
        ("애들을 조선족 아줌마한테 맡기고 떠났다.", "맡기고"),
        ("큰딸을먼저 중국 쪽 사람한테 보내 놓고 나는 석 달 뒤에 갔소.", "보내"),
        # by way of a country on the route, without a particle
        ("태국 경유해서 들어왔어요.", "경유해서"),
        ("캄보디아 거쳐서 여기까지 왔다.", "거쳐서"),
        # trading across the river
        ("국경에서 구리를 쌀이랑 바꿔 왔다.", "바꿔"),
        ("물목에서 건너편장사꾼이랑 약초를 바꿨지.", "바꿨지"),
        # refusing to be sent back, holding out for the south
        ("조선으로 돌려보낸다고 하면 죽어도 안 간다고 해라.", "죽어도"),
        ("고향 보내려고 하면 한국 갈 거라고 버텨.", "버텨"),
        # wanting to go south, the particle dropped in speech
        ("거기 사람들한테 한국 가고 싶다고 말해라.", "가고 싶다고"),
        # slipping into China (빠지다)
        ("그해 가을 동생 따라 중국으로 빠졌소.", "빠졌소"),
        # hiding at the house of a host on the route
        ("조선족 할머니 집에 숨어 밭일을 했다.", "숨어"),
        ("한족 농가 창고에 숨었다.", "숨었다"),
        # a blame denied does not hide a detail told in the same clause
        ("그때 보위부에 붙잡힌 건 네 탓이 아니다.", "보위부에 붙잡힌"),
        ("두만강을 건너 도망친 건 잘못이 아니야.", "두만강을 건너"),
    ],
)
def test_topics_in_new_shapes_are_found(rules: Rules, text: str, piece: str) -> None:
    assert covered(text, piece, rules, "topic"), (text, _topics(text))


@pytest.mark.parametrize(
    "text",
    [
        # a head, a car, a walk turned south; a helm turned north
        "남쪽으로 고개를 돌렸다.",
        "차를 남쪽으로 돌려 부산으로 향했다.",
        "바람이 바뀌어서 우리는 키를 북쪽으로 돌렸다.",
        "남쪽으로 방향을 돌려 산책을 계속했다.",
        "비행기가 항로를 남쪽으로 틀었다.",
        # things hidden in a boat, children behind a model boat
        "배 안에 숨겨 둔 과자를 꺼냈다.",
        "아이들이 배 모형 뒤에 숨었다.",
        # fake news, a fake bag, papers renewed or lost, someone else's house
        "가짜 뉴스를 믿지 마라.",
        "가짜 명품 가방을 샀다.",
        "신분증을 새로 발급받았다.",
        "남의 집에 신세를 졌다.",
        "여권을 잃어버려서 대사관에 갔다.",
        "남의 호구 노릇은 그만해라.",
        # asking openly, or a secret that is a surprise
        "네 소식을 여기저기 물어봤다.",
        "생일 선물로 뭐가 좋을지 몰래 물어봤다.",
        "몰래 엄마한테 물어봤다.",
        # a report to the police, child protection, protection received
        "현지 경찰에 신고했다.",
        "아동 보호를 요청하는 전화가 왔다.",
        "경찰의 보호를 받으며 지낸다.",
        "학교 측에 보호를 요청했다.",
        # a child sent to school, to study, to grandmother
        "딸을 중국 학교에 보냈다.",
        "아들을 먼저 학교에 보냈다.",
        "아이를 할머니한테 맡겼다.",
        "딸을 한국으로 유학 보냈다.",
        # holidays through the same countries
        "베트남 거쳐서 캄보디아 여행을 했다.",
        "태국 거쳐서 신혼여행을 갔다.",
        # a photo, a seat, the weather changed
        "두만강 사진으로 프로필을 바꿨다.",
        "강가에서 친구랑 자리를 바꿨다.",
        "국경 지대 날씨가 바뀌었다.",
        # a present sent back, a letter sent home, holding out in general
        "선물을 돌려보냈더니 거절했다.",
        "편지를 고향으로 보냈는데 답이 없다.",
        "고향에 보내려고 소포를 쌌는데 거절당했다.",
        "끝까지 버텨라.",
        "한국 가수한테 사인을 요구했다.",
        "한국 가요를 좋아한다.",
        "그러니 네가 한국 오겠다면 어머니는 형이 챙긴다.",
        # a talk that drifted, work at a restaurant, a cat hiding at home
        "이야기가 자꾸 딴 데로 빠졌다.",
        "조선족 식당에서 일했다.",
        "우리 집에 숨어 있던 고양이가 나왔다.",
        # the act judged and absolved: no one's route told
        "항복한 건 부끄러운 일이 아니다.",
        "투항하는 것은 죄가 아니다.",
        "살려고 도망친 건 잘못이 아니야.",
        "도망치는 게 비겁한 게 아니다.",
        "포로로 잡힌 것은 네 잘못이 아니다.",
        "항복했다고 해서 부끄러워할 것 없다.",
        "달아나는 건겁쟁이가 아니다.",
    ],
)
def test_look_alikes_are_not_flagged(text: str) -> None:
    assert _topics(text) == [], text

"""Round 14 topics: more shapes of a route read without spaces (compact rules), each checked on
phrasings written for this file (other towns, helpers and verbs than the tables that showed them
missing), typed and letter by letter; and everyday look-alikes that must stay unflagged.

- an embassy, a consulate or the UN: protection asked, gone into, fetched by, its number passed on;
  a refugee claim made to the police;
- a lift, a fetch or a bus to a place of the route; a helper of the route giving a lift or hiding
  one; a telephone number handed over by such a helper;
- the border crossed on foot or swimming, under a bridge, over to a border town, following someone;
- a route told by the country it went through; leaving by boat; a ship's crew asked;
- hidden on the way, then reaching a place; asking to be hidden; someone sent to fetch the family;
- money or a note passed through a carrier; posted abroad, then slipping away;
- following the other side's soldiers; someone's capture told; a borrowed passport.
"""

from __future__ import annotations

import pytest

from relay.model import Kind

from .conftest import covers, found


def _spaced_out(text: str) -> str:
    """``text`` written letter by letter, as some handwriting is read."""
    return " ".join(ch for ch in text if not ch.isspace())


ROUTES = [
    # embassy, consulate, UN
    "그해 겨울 선양 한국영사관에 찾아가서 보호를 요청했습니다.",
    "방콕 대사관 문 앞에서 사흘을 버티다가 겨우 들어갔어요.",
    "그 목사님이 전화하니까 영사관 사람들이 데리러 왔다.",
    "시장에서 만난 한국 상인이 대사관 연락처를 알려 줬소.",
    "몽골 인권단체 청년이 유엔난민기구 사무실까지 데려다 주었다.",
    "하바롭스크 이민국에 가서 난민이라고 밝혔다.",
    # a lift, a fetch, a bus to the route
    "어느 새벽 조선족 할머니 아들이 훈춘까지 태워 줬어.",
    "목재 싣고 하바롭스크 가는 트럭에 태워줬다.",
    "그 집 사위가 라오스 국경 근처까지 데려다 줬지.",
    "숙소 담을 넘어서 단둥행 기차를 탔다.",
    "삼촌 친구 승합차 타고 도문 쪽으로 왔다.",
    "고려인 아주머니가 자기 차에 태워줬어요.",
    "한족 농부가 헛간에 숨겨 줬다.",
    "브로커 아저씨가 한국 전화번호를 쪽지에 적어 건넸다.",
    # crossing
    "겨울밤 국경을 혼자 걸어서 넘었다.",
    "물이 빠진 틈에 헤엄쳐서 강을 건넜소.",
    "세관 다리 아래로 몰래 건넜지.",
    "새벽에 삼합으로 건너왔다.",
    "고모를 따라 장백 쪽으로 넘어왔다.",
    # a route told by a country on the way; boats
    "캄보디아를 거쳐서 서울로 왔습니다.",
    "그 사람들과 미얀마 거쳐 넘어왔어.",
    "청진 항구에서 밤배를 타고 나왔다.",
    "작은 목선 타고 동해 쪽으로 갔다.",
    "트럭 기사한테 돈 주고 짐칸에 실려 왔다.",
    # hidden, fetched, carried
    "석탄 더미 속에 숨어서 장춘까지 갔다.",
    "선교사 집 문을 두드리고 숨겨 달라고 빌었어.",
    "남편이 먼저 나가서 사람을 보내서 우리 애들을 데려왔다.",
    "언니한테 연락해 뒀더니 국경에서 기다리고 있었다.",
    # channels, postings
    "장사꾼 편으로 편지와 인민폐 천 원을 보냈다.",
    "그 화교를 통해 약을 들여보냈소.",
    "오빠는 파견으로 블라디보스토크에 있다가 몰래 빠져나왔다.",
    # capture, surrender
    "배고파서 우크라이나 병사들을 따라 나왔다고 들었다.",
    "영상에서 오빠가 잡힌 날 입었던 옷을 봤어.",
    "남의 여권을 빌려서 비행기를 탔다.",
]


@pytest.mark.parametrize("text", ROUTES)
def test_a_route_is_found_however_it_is_spaced(text: str) -> None:
    for variant in (text, _spaced_out(text)):
        assert covers(variant, variant.rstrip("."), Kind.TOPIC, share=0.9), variant


@pytest.mark.parametrize(
    "text",
    [
        "아빠가 학교까지 태워줬어.",
        "나중에 오빠 오면 내가 차 태워 줄게.",
        "누나가 꼭 데리러 갈게.",
        "어릴 때 할아버지가 자전거 태워줬잖아.",
        "선배로서 해야 할 일을 했다.",
        "택배로 서해 쪽 친척에게 김을 보냈다.",
        "배로 서해 쪽으로 낚시를 갔다.",
        "살이 많이 빠졌어, 파견 갔다가 고생해서 그래.",
        "대사관 주소는 편지 끝에 적어 두었습니다.",
        "이 편지는 검토 과정을 거쳐 전달됩니다.",
        "우크라이나 난민을 돕는 봉사를 하고 있어요.",
        "강가에서 낚시하며 기다렸다.",
        "그날 잡힌 물고기가 정말 컸다.",
        "서울 가는 버스를 탔다.",
        "아빠 배 많이 나왔어.",
        "편지는 대사관을 거쳐 들어간다고 합니다.",
        "그 일은 엄마한테 숨겨 달라고 했다.",
        "목사님이 성탄절 선물을 숨겨 두었다.",
        "중국을 거쳐 한국으로 수입된 물건이래.",
        "작년 여름에 베트남행 비행기를 탔다.",
        "균형이 잡힌 뒤에 자세가 좋아졌다.",
    ],
)
def test_everyday_sentences_are_not_topics(text: str) -> None:
    for variant in (text, _spaced_out(text)):
        assert not found(variant, Kind.TOPIC), variant

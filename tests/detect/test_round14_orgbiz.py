"""Round 14, private and civil bodies: shops, firms abroad, churches and game rooms that letters named and
the rules missed, with new sentences of the same shapes (other names, towns and spacings), and benign
look-alikes that must stay unflagged.

- franchise cafés, burger shops, cinemas and stores where young people work part-time (orgs_named.tsv);
- a game room or care centre named by a word after the word for it ("피씨방 쓰리팝");
- a quoted name and the kind of firm written apart ("'능라' 건설회사", "'X'라는 가게");
- a church of several everyday nouns spaced syllable by syllable ("금 촌 제 일 교 회");
- a named firm's subcontractor ("X 협력업체");
- a restaurant with the post held in it ("X랭면관에서 요리사로").
"""

from __future__ import annotations

import pytest

from relay.model import Kind

from .conftest import covers, found


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        # a franchise shop with its town or branch
        ("알바는 연산동 맘스터치예요.", "연산동 맘스터치"),
        ("요즘 알바는 사직동 메가커피인데 손님이 많아", "사직동 메가커피"),
        ("알바는 서면역 버거킹이야.", "서면역 버거킹"),
        ("주말에는 동탄 투썸플레이스에서 케이크 포장해요", "동탄 투썸플레이스"),
        ("알바는 범계 던킨도너츠에서 해요.", "범계 던킨도너츠"),
        # a chain's branch spelled out syllable by syllable like the line around it
        ("알 바 는 스 타 벅 스 부 평 역 점 이 야", "스 타 벅 스 부 평 역 점"),
        ("알 바 는 맘 스 터 치 광 주 첨 단 점 에 서 해", "맘 스 터 치 광 주 첨 단 점"),
        # a game room or centre named after the word for it
        ("알바는 월평동 피씨방 펀펀존에서 야간으로 해", "피씨방 펀펀존"),
        ("지금은 화정동 피시방 쓰리팝에서 일해요", "피시방 쓰리팝"),
        # a quoted name and the kind of firm
        ("나는 하바롭스크 '대동강' 무역회사에서 일했다.", "'대동강' 무역회사"),
        ("우리는 '백마' 건설 합영회사 소속이었다.", "'백마' 건설 합영회사"),
        ("우 리 '청 춘' 건 설 회 사 미 장 반 이 었 지 .", "'청 춘' 건 설 회 사"),
        ("남편은 지금 '순이네 김밥'이라는 가게를 한다.", "'순이네 김밥'"),
        # a church named by a town and 제일 or 중앙, spaced syllable by syllable
        ("어 머 니 는 매 주 봉 담 중 앙 교 회 에 나 가 신 다 .", "봉 담 중 앙 교 회"),
        ("나 는 지 금 장 항 제 일 교 회 집 사 로 있 다 .", "장 항 제 일 교 회"),
        # a named firm's subcontractor
        ("남편은 거제 대우조선 1차 하청업체에서 용접한다.", "대우조선 1차 하청업체"),
        ("지금은 LG디스플레이 협력업체에 다녀요.", "LG디스플레이 협력업체"),
        # a restaurant abroad, by the post the writer held there
        ("나는 라오스 비엔티안의 해당화랭면관에서 봉사원으로 있었다.", "해당화랭면관"),
    ],
)
def test_private_bodies_found(text: str, detail: str) -> None:
    assert covers(text, detail, Kind.ORG, Kind.PLACE, share=0.9), (text, detail, found(text))


@pytest.mark.parametrize(
    "text",
    [
        # the word for a game room or centre, then an everyday word
        "피씨방 야간 알바를 해요.",
        "노래방 가서 노래 불렀어",
        "센터 다녀왔어요",
        "피씨방 사장님이 좋아요",
        # everyday church talk spaced out
        "엄 마 는 일 요 일 마 다 교 회 에 가 요 .",
        "우 리 가 다 니 는 교 회 는 크 다 .",
        "새 벽 기 도 교 회 에 갔 다 .",
        # a quoted everyday word, then no firm
        "'행복'이라는 말을 좋아해요.",
        "'진짜' 가게라는 말을 들었다.",
        # a dish before the word for a cook
        "평양냉면 요리사로 유명한 사람이 왔다.",
    ],
)
def test_benign_lookalikes(text: str) -> None:
    assert found(text, Kind.ORG) == [], found(text)


def test_spaced_chain_then_particle_is_no_branch() -> None:
    # 에서 and a word beginning in 점 (점심) after a spaced chain: no branch to run the chain on over
    text = "알 바 는 스 타 벅 스 에 서 점 심 먹 었 다"
    assert not any("점" in f for f in found(text, Kind.ORG)), found(text)

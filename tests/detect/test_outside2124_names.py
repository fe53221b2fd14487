"""Person names found missing in the letters of tables outside21 and outside24: a bare surname before a
title that a copula (인데) follows or a hospital title, a surname with 쌤 glued on, the speaker named
after "X에 사는" with the copula 요, full names spaced syllable by syllable after a kinship word or a
word of residence, before a copula glued to the last syllable or with a form of address glued on, a
surname glued to a Western given name, a Latin name after a greeting, a patronymic before 요, a name in
religion with its title, and Jeju words for kin before a name. The sentences are new ones of the same
shapes, with benign look-alikes that must stay unflagged."""

from __future__ import annotations

import pytest

from relay.detect import Rules, detect

from .conftest import covered


def _persons(text: str, rules: Rules) -> list[str]:
    return [text[f.start : f.end] for f in detect(text, rules) if f.kind.value == "person"]


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        # a bare surname and a title, then 인데 / 인지
        ("그 배 주인이 황 사장님인데 인심이 좋아요", "황 사장님"),
        ("우리 과장이 송 부장인지 누군지 모르겠다", "송 부장"),
        # hospital titles
        ("외과 병동 윤 수간호사님이 많이 도와주셨어요", "윤 수간호사님"),
        ("그날 야간 근무는 장 책임간호사였다", "장 책임간호사"),
        # a surname with 쌤 glued on
        ("수학 학원 권쌤이 너 얘기 듣고 놀라셨어", "권쌤"),
        ("홍쌤한테 물어보니까 편지 보내도 된대요", "홍쌤"),
        # the speaker named after a word of residence, with the copula 요
        ("나는 목단강시에 사는 류영옥요.", "류영옥"),
        ("내는 훈춘에 사는 남순자요, 조선족이오", "남순자"),
        # a spaced full name after a kinship word, with a particle split off or glued on
        ("우리 외삼촌 하 명 수 는 아직 단천에 계신다", "하 명 수"),
        ("막내 고모 조 은 실이 시집갔다", "조 은 실"),
        # after a word of residence, before a comma
        ("심양에 사는 방 춘 옥, 그 사람이 소개했어", "방 춘 옥"),
        # a copula glued to the last syllable, the sentence going on
        ("나는 길주에서 온 석 용 남이다 니 외할아버지 동생이다", "석 용 남"),
        # a spaced full name with a form of address glued to its last syllable
        ("옛날 우리 동네 박 수 진언니가 제일 예뻤다", "박 수 진"),
        ("그 집 윤 정 호삼촌도 같이 왔다", "윤 정 호"),
        # a surname glued to a listed Western given name (a convert's or emigrant's name)
        ("우리 교회 담임목사 민바울입니다.", "민바울"),
        ("그때 통역은 최알렉세이가 해 줬다", "최알렉세이"),
        # a Russian name with its patronymic, then the copula 요 / 예요
        ("나는 타슈켄트 사는 박 나탈리야 페트로브나요", "박 나탈리야 페트로브나"),
        # a name taken in religion with its title
        ("본당에서는 다들 아녜스 자매님이라고 부르지요", "아녜스 자매님"),
        # a Latin given name after a greeting, or after the speaker without a particle, then a comma
        ("Hi Jenny, 나 은주 언니야", "Jenny"),
        ("저 Michael, 한국 이름은 따로 있어요", "Michael"),
        # a dialect word for a grandchild before the name
        ("우리 외손지 민재가 군대 갔수다", "민재"),
    ],
)
def test_names_found(text: str, detail: str, rules: Rules) -> None:
    assert covered(text, detail, rules, "person"), _persons(text, rules)


@pytest.mark.parametrize(
    "text",
    [
        "오늘 학교에서 쌤이 숙제를 많이 내줬다",
        "우리 쌤은 정말 착하시다",
        "나는 서울에 사는 학생이요.",
        "저는 여기서 일하는 사람이요.",
        "아버지 한 번 도 못 봤다",
        "언니 이 다 음 에 봐",
        "그 사람 정 말 좋이다",
        "이 사장님인데 정말 좋은 분이다",
        "장사라는 게 결국 사람 보는 눈이다.",
        "소 한마리가 있다",
        "우리 손지가 많이 컸수다",
        "그 때 우 리오빠가 왔다",
        "Dear Friend, 잘 지내니",
        "Hi there, 오랜만이야",
        "Hello Korea, 반가워요",
        "이 건 다 형님이 한 거다",
    ],
)
def test_look_alikes_not_flagged(text: str, rules: Rules) -> None:
    assert _persons(text, rules) == []

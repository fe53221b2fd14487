"""State and public institutions the round-14 outside letters showed missing, by class, with look-alike
sentences that must stay unflagged.

- A school, works or labour unit written syllable by syllable ("경 희 대 학 교", "제 5 림 업 사 업 소"):
  read again without its spaces.
- A body's own name in quotes before the word for its kind ("'비로봉' 건설회사"), glued or spaced.
- A work team, line or crew by its number ("제6라인조", "함남 팔작업반", "철근 3조").
- A youth-league cell by its class ("4학년 3반 초급단체").
- A staffed room of a centre (하나원 교무실) and a state restaurant abroad (X랭면관).
"""

from __future__ import annotations

import pytest

from relay.model import Kind

from .conftest import covers, found

SPACED = [
    ("저 는 경 희 대 학 교 경 영 학 과 3 학 년 이 에 요 .", "경 희 대 학 교"),
    ("내 가 다 닌 학 교 는 용 포 인 민 학 교 였 다 .", "용 포 인 민 학 교"),
    ("우 리 는 제 5 림 업 사 업 소 4 작 업 반 이 었 다 .", "제 5 림 업 사 업 소 4 작 업 반"),
    ("너 와 나 는 6 작 업 반 이 었 지 .", "6 작 업 반"),
    ("회 사 는 백 산 건 설 무 역 회 사 였 고 우 리 는 고 생 했 다 .", "백 산 건 설 무 역 회 사"),
    ("우 리 '비 로 봉' 건 설 회 사 미 장 2 조 였 잖 아 .", "'비 로 봉' 건 설 회 사"),
]

QUOTED = [
    ("나는 이르쿠츠크 '대성' 건설회사 소속이었다.", "'대성' 건설회사"),
    ("우리는 '금강' 건설사업소에 속해 있었소.", "'금강' 건설사업소"),
    ("그 '칠보산' 무역회사에서 운전을 했다.", "'칠보산' 무역회사"),
    ("나는 하바롭스크의 '룡성' 건설 합영회사에서 일했다.", "'룡성' 건설 합영회사"),
]

TEAMS = [
    ("우리는 제6라인조였고 밤낮으로 일했다.", "제6라인조"),
    ("너는 3작업조 막내였지.", "3작업조"),
    ("그때 우리 반 이름이 함남 팔작업반이었지.", "함남 팔작업반"),
    ("우리 철근 3조였잖아.", "철근 3조"),
    ("거기 삼적업반 반장을 했지.", "삼적업반"),  # OCR read 작 as 적
    ("우리 4학년 3반 초급단체 생활총화 때 말이야.", "4학년 3반 초급단체"),
]

ROOMS = [
    ("저는 하나원 교무실에서 일했어요.", "하나원 교무실"),
    ("나는 다롄의 해주랭면관에서 삼 년 있었다.", "해주랭면관"),
]

BENIGN = [
    "나 는 요 즘 미 술 학 원 에 다 녀 .",
    "지 금 은 대 학 병 원 에 있 어 .",
    "여 기 는 발 전 소 라 시 끄 럽 다 .",
    "나 는 학 교 에 서 집 으 로 갔 다 .",
    "우 리 동 네 병 원 에 갔 다 .",
    "이작업반에서 제일 힘들었다.",
    "이 작업반 사람들은 착했다.",
    "나라 빚이 4조 원이 넘는다.",
    "그 회사는 매출이 2조 3천억이다.",
    "3학년 때 초급단체 위원장을 했다.",
    "'고향의 봄' 노래를 불렀다.",
    "그 '착한' 사람들 회사에서 일한다.",
]


@pytest.mark.parametrize(("text", "detail"), SPACED + QUOTED + TEAMS + ROOMS)
def test_institution_found(text: str, detail: str) -> None:
    assert covers(text, detail, Kind.ORG)


@pytest.mark.parametrize("text", BENIGN)
def test_look_alike_unflagged(text: str) -> None:
    assert found(text, Kind.ORG) == []

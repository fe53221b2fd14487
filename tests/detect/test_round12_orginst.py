"""Round 12: organisations that are institutions (relay/detect/orgs.py, the orginst patterns of
config/detect/rules.toml and orgs.tsv), with invented sentences of each class:

- camps, prisons and factories known by their number, spaced or damaged by OCR, with the town before;
- a Hanawon class (하나원 N기) as one organisation detail;
- a town, one or two everyday nouns and an institution's ending, written apart (X 도자기 공장);
- shelters and small groups named with everyday words, with their head, office or letters sent to them;
- universities whose spaces moved, departments named apart from their university;
- labour camps and holding centres by their town, damaged by OCR; an army unit's brig;
- held-in places abroad and in the South (구치소, 구금소, 공안분국, 방첩사령부), northern spellings
  (료양소, 로인정) and associations (로인회, 여성회);

and everyday sentences of the same shapes that must stay unflagged.
"""

from __future__ import annotations

import pytest

from relay.detect import detect
from relay.model import Kind

from .conftest import covers


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        # numbered camps and factories, spaced, OCR-damaged, or read out
        ("형님은 요덕 l2호 교화소 에서 오년을 살았소.", "요덕 l2호 교화소"),
        ("우리 식구는 18호 관 리 소로 끌려갔다.", "18호 관 리 소"),
        ("삼촌은 팔십오 호 공장 에서 선반공으로 일했어요", "팔십오 호 공장"),
        ("그 사람 결국 제77호 집결소 로 넘어갔다", "제77호 집결소"),
        # a Hanawon class
        ("저는 2016년에 하나원 187기로 나왔어요.", "하나원 187기"),
        ("남편은 하나원 93기 동기입니다.", "하나원 93기"),
        # a town, everyday nouns, an ending
        ("어머니는 회령 신발 공장에서 밑창을 붙였다.", "회령 신발 공장"),
        ("외삼촌은 길주 나무 상자 공장 에서 일했다.", "길주 나무 상자 공장"),
        # shelters and groups with their head or office
        ("저는 민들레쉼터 대표 한수정입니다.", "민들레쉼터"),
        ("편지는 은빛동행 사무실로 보내 주세요.", "은빛동행"),
        ("편지는 남향 나눔센터로 보내 주세요.", "남향 나눔센터"),
        ("우리는 구리 독서모임에서 만났다.", "구리 독서모임"),
        # universities and departments
        ("딸은 부산외국 어대 다녀요", "부산외국 어대"),
        ("청주 대학교 사회복지 학과 다녀요", "청주 대학교 사회복지 학과"),
        ("딸은 용인중앙고 3학 년이에요", "용인중앙고"),
        # labour camps, holding centres, brigs
        ("그 뒤 무 산 노동단 련대 에서 석 달 있었다.", "무 산 노동단 련대"),
        ("두 번째는 회령 노동단련댄였소.", "회령 노동단련댄"),
        ("나는 경계 근무를 빼먹어 온성 연대 영창에 갇혔다.", "온성 연대 영창"),
        # held-in places and associations
        ("공안이 나를 연길 구치소 로 넘겼다.", "연길 구치소"),
        ("비엔티안 이민국 구금소에서 한 달 있었소.", "비엔티안 이민국 구금소"),
        ("장백 공안분국에 끌려갔습니다.", "장백 공안분국"),
        ("할머니는 경성 료양소에서 밥을 지었다.", "경성 료양소"),
        ("수성구 실향민 로인회에서 총무를 맡았다.", "수성구 실향민 로인회"),
        ("저는 무궁화 여성회에서 일합니다.", "무궁화 여성회"),
        # mines by what they dig, a town split by OCR before an everyday name, a church named by a phrase,
        # well-known holding centres by name
        ("큰아버지는 상농리 금 광 에서 일하셨다.", "상농리 금 광"),
        ("고모는 중계 동 소망 요양 원 에서 일한다.", "중계 동 소망 요양 원"),
        ("어머니는 분당 참 기쁜 교회 집사다.", "분당 참 기쁜 교회"),
        ("태국에서는 수안플루에 두 달 있었어요.", "수안플루"),
    ],
)
def test_institution_is_found(text: str, detail: str) -> None:
    assert covers(text, detail, Kind.ORG, Kind.PLACE, share=0.9)


@pytest.mark.parametrize(
    "text",
    [
        # numbers before a room or a class, not a camp or factory
        "우리 반은 3호 교실에서 수업을 한다.",
        "아버지도 집결소에 갔다는 말만 들었다.",
        "결국 교화소에 간다는 말을 들었다.",
        "그는 노동단련대에서 고생했다고 했다.",
        # an everyday kind of shelter, centre or group, not one of them
        "노숙인쉼터 사무실에 물어봤다.",
        "우리 독서모임 회원들이 모였다.",
        "엄마와 동행했다.",
        "나눔이 중요하다고 배웠다.",
        "그는 구치소에 한 달 있었다.",
        "영창에 간 적은 없다.",
        "우리 동네 노인회에서 잔치를 했다.",
        "여성회 모임에 나갔다.",
        "좋은 대학교 간호 학과 졸업하는 게 꿈이다.",
        "나는 교육대 다니고 싶다.",
        "금광을 찾아 떠난 사람들 이야기를 읽었다.",
        "서울 큰 교회에 다닌다.",
    ],
)
def test_everyday_words_are_no_institution(text: str) -> None:
    assert not {text[f.start : f.end] for f in detect(text) if f.kind is Kind.ORG}

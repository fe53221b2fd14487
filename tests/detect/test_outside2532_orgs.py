"""Organisations the outside25-32 letters showed missing, by class (relay.detect.orgs).

- A firm's branch or plant named after its place takes in the firm one space before it ("X운송
  Y지점", "X자동차 Y공장"), and a brand before its trade and branch ("X PC방 Y점", "X학원 Y점").
- A ministry's or society's bureau and its divisions ("X부 Y국 Z과", "X사 Y국 Z팀"), an embassy by its
  host country and owner written apart ("주X 대한민국 대사관 영사과"), a hospital's ward by its floor
  or number ("X병원 51병동").
- Numbered schools with the number written apart or OCR-damaged ("X 제 2 중학교") and a town's
  "제일" school ("X 제일 고급중학교").
- A town, what is made or sold there and a works noun written apart, then work there ("X 비료 공장에서
  일했다").
- A shop the writer runs, whatever its stem ("X세탁소를 하고 있다", "X냉면집을 한 지").
- A foreign name before a Korean institution noun ("Lakeside 교회에"), a Russian institution's name
  ("... завод"), a city's Korean or Koryo-saram church ("X 고려인 교회"), a brand's office by its place
  ("X 판교 오피스").
- A school's short name before its club or department ("X중 야구부야", "X대 중국어과 다니는"), and a
  Latin or Cyrillic acronym before what the writer studies there ("LSE 에서 ... 석사", "МГИМО X학부").
Benign look-alikes: a branch after "우리 회사", "제일" meaning "most", a town and an adjective before
a works noun, a country's works, a shop of a kind, "일부", and an acronym before no study.
"""

from __future__ import annotations

import pytest

from relay.detect import Rules

from .conftest import covered, spans

FOUND = [
    ("한빛운송 울산지점 소속이에요.", "한빛운송 울산지점"),
    ("기아자동차 광주공장 다닙니다.", "기아자동차 광주공장"),
    ("요즘 블루존 PC방 구월점에서 알바해", "블루존 PC방 구월점"),
    ("새솔수학학원 중동점에서 수학 공부 중이에요", "새솔수학학원 중동점"),
    ("저는 외교부 재외동포국 동포정책과의 김하늘 주무관입니다.", "외교부 재외동포국 동포정책과"),
    ("저는 국가보훈부 보상정책국 보상과의 이민준 사무관입니다.", "국가보훈부 보상정책국 보상과"),
    ("주태국 대한민국 대사관 영사과의 박정우 영사입니다.", "주태국 대한민국 대사관 영사과"),
    ("한림대병원 51병동에서 간호사로 일해요.", "한림대병원 51병동"),
    ("세브란스병원 12층 암병동에서 지내시게 됩니다.", "세브란스병원 12층 암병동"),
    ("우리 아버지는 청진 제 2 중학교 선생이었다.", "청진 제 2 중학교"),
    ("우리 함흥 제일 고급중학교 다닐 때 기억나냐", "함흥 제일 고급중학교"),
    ("함흥 비료 공장에서 30년 일했다.", "함흥 비료 공장"),
    ("아버지는 목포항 수산물 창고 에서 일한다.", "목포항 수산물 창고"),
    ("지금은 망원동 꽃향기세탁소를 하고 있다.", "꽃향기세탁소"),
    ("역 앞에서 명월냉면집을 한 지 열 해가 넘었다.", "명월냉면집"),
    ("나는 별내중 야구부야", "별내중"),
    ("저는 부경대 중국어과 다니는 학생이에요", "부경대"),
    ("저는 LSE 에서 Development Studies 석사 과정 중이에요.", "LSE"),
    ("МГИМО 국제관계학부에 다녔어요.", "МГИМО"),
    ("주말엔 Lakeside 교회에 나가요.", "Lakeside"),
    ("저는 Hôtel-Dieu 병원에서 청소 일을 해요.", "Hôtel-Dieu"),
    ("Sunrise Motors라는 정비소에서 일한다.", "Sunrise Motors"),
    ("딸은 Хабаровский судостроительный завод에서 일해요.", "Хабаровский судостроительный завод"),
    ("알마티 고려인 교회에 다녀요.", "알마티 고려인 교회"),
    ("시드니 한인 성당에서 만났어.", "시드니 한인 성당"),
    ("요즘 카카오 판교 오피스 다녀.", "카카오 판교 오피스"),
]


@pytest.mark.parametrize(("text", "org"), FOUND)
def test_an_organisation_of_these_shapes_is_found(text: str, org: str, rules: Rules) -> None:
    assert covered(text, org, rules, "org")


BENIGN = [
    "제일 중학교 때가 좋았다.",
    "나는 제일 고급중학교 시절이 그립다.",
    "서울 큰 공장에서 일했다.",
    "중국 신발 공장에서 일했다.",
    "부산 사람 공장에서 일했다.",
    "고향 마을 농장에서 일했다.",
    "엄마는 동네세탁소를 하고 있다.",
    "삼촌은 중국집을 한다.",
    "요즘 냉면집을 하고 있어요.",
    "그중 일부는 돌아왔다.",
    "우리 중 누구도 간부야.",
    "간부 사무실로 갔다.",
    "KBS 뉴스 보면서 박사 생각을 했다.",
    "TV 보면서 석사 공부를 했다.",
    "외교부를 통해 편지를 보냈어요.",
    "학교 친구들과 사과를 먹었다.",
    "여름엔 물냉면 하던 집에 갔다.",
    "TV 회사에서 일해.",
    "The 학교에서 만났다.",
    "우리 한인 교회에서 만났다.",
    "우리 회사 판교 오피스 다님.",
    "나 요즘 강남 사무실 다님.",
]


@pytest.mark.parametrize("text", BENIGN)
def test_look_alikes_name_no_organisation(text: str, rules: Rules) -> None:
    assert spans(text, rules, "org") == []


def test_a_branch_after_everyday_words_keeps_them_out(rules: Rules) -> None:
    found = spans("요즘 우리 회사 포항지점 소속이다.", rules, "org")
    assert all("회사" not in text for _, _, text in found)

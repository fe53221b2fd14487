"""Organisations the twentieth to twenty-third outside sets showed missing (relay.detect.orgs).

Found: the North's state firms by 조선 and their name ("조선 대동강무역 블라디보스토크 지사"), a church
or centre abroad by the community it serves ("선양 한인 은혜교회"), the name before an organisation that
has none of its own words (a bare ending or a number: "조선광명 합작회사", "하바롭스크 제5목재사업소"),
a quoted name after a shelter ("쉼터 '푸른언덕'"), the number mark 제 apart from its number ("함흥 제 2
백화점"), two bodies joined by 산하 ("국가정보원 산하 중앙합동신문센터"); firms and shops in Chinese
characters ("长白山 批发部", "图们第三中学"); a name introduced with a space before 이라는; northern
noodle houses (X랭면관); a shop's name that Kiwi reads as one proper noun ending like a particle
("미르나 마트에서"); a chain by two everyday nouns before a branch named after a 동 ("폰나라 선부점");
a church apart from its ending after its town ("원주 참빛 교회"); civic groups ending in 청년연대,
통일연대 with a name of noun, 의 and noun before them ("희망의씨앗 통일연대"); the villas of the Kim
family (특각); a department of a committee ("도당위원회 근로단체부"); numbered boats with the number in Hangul
("제삼금성호", "제오 해성호"); restaurants named after a mountain or river ("묘향 산 식당"); a short
university name before its teacher ("부경대 박민수 교수"); works named after a date apart from them
("사월십오일 방직공장", "함흥 팔일 기계공장"); a town, a name and an everyday workplace word ("하얼빈 미르
봉제공장").

Look-alikes that stay clear: a bare month before a workplace word, a phrase after 제일 ("the best"), an
everyday word before 교수, a given name before an everyday workplace word with no town before it, a
lone church word after a town, everyday words before 이라는, 조선 alone.
"""

from __future__ import annotations

import pytest

from relay.detect import Rules

from .conftest import covered_as, spans

ORGS = [
    # 조선 and the state firm's name, with its office abroad.
    ("그때 조선 대동강무역 블라디보스토크 지사에서 일했다.", "조선 대동강무역 블라디보스토크 지사"),
    ("조선 림산대표부 제3사업소 사람들이 우릴 찾았다", "조선 림산대표부 제3사업소"),
    # A community's church or centre abroad, with its city.
    ("선양 한인 은혜교회 목사님이 도와주셨다.", "선양 한인 은혜교회"),
    ("블라디보스토크 고려인 문화센터 교회에서 예배 드렸다", "블라디보스토크 고려인 문화센터 교회"),
    # The name before a bare ending or a number.
    ("나는 조선광명 합작회사 단둥 지사에서 회계를 봤다.", "조선광명 합작회사 단둥 지사"),
    ("하바롭스크 제5목재사업소에서 겨울을 났다", "하바롭스크 제5목재사업소"),
    # A quoted name after a shelter.
    ("탈북민 쉼터 '푸른언덕'에서 지냈어요.", "푸른언덕"),
    ("북향민 쉼터 '햇살의집'에서 편지 써요.", "북향민 쉼터 '햇살의집'"),
    # 제 apart from its number, in spaced typing.
    ("언니  는  함흥  제  2  백화점  에  다녀.", "함흥  제  2  백화점"),
    # Two bodies joined by 산하.
    ("처음엔 국가정보원 산하 중앙합동신문센터에 있었다.", "국가정보원 산하 중앙합동신문센터"),
    # Chinese characters: a shop, a school, with a word of its name apart.
    ("동생은 长白山 批发部 한다.", "长白山 批发部"),
    ("조카가 图们第三中学 다닌다.", "图们第三中学"),
    ("삼촌은 和龙 友谊饭店 주방에 있다.", "和龙 友谊饭店"),
    # A name, a space, then 이라는.
    ("연길 시내 해란강맛집 이라는 식당에서 서빙한다", "해란강맛집"),
    # A northern noodle house with the spaces after it lost.
    ("지금 연길 백두산랭면관에서일해요", "백두산랭면관"),
    # A shop's name Kiwi reads as one proper noun ending like a particle.
    ("토론토 미르나 마트에서 알바한다", "미르나 마트"),
    # A chain of everyday nouns before a branch named after a 동.
    ("요즘 폰나라 선부점에서 폰 고친다", "폰나라 선부점"),
    # A church apart from its ending after its town.
    ("지금은 원주 참빛 교회 청년부에 다닌다.", "원주 참빛 교회"),
    # Civic groups.
    ("희망의씨앗 통일연대 통해 편지 보냅니다.", "희망의씨앗 통일연대"),
    ("저는 대구탈북청년연대 대구지부에서 일해요.", "대구탈북청년연대 대구지부"),
    ("나는 사리원시민회 회장이오.", "사리원시민회"),
    # Villas of the Kim family; a department of a committee.
    ("경비는 원산 갈마 특각에서 섰다", "갈마 특각"),
    ("나는 평안북도당위원회 근로단체부에서 지도원으로 있었소.", "평안북도당위원회 근로단체부"),
    # Numbered boats, the number in Hangul or digits.
    ("형은 속초항에서 제삼금성호 탄다", "제삼금성호"),
    ("그 배 이름은 제11해진호였다", "제11해진호"),
    # Works named after a date apart from them.
    ("우리 동네 사월십오일 방직공장 굴뚝이 보였다", "사월십오일 방직공장"),
    ("아버지는 함흥 팔일 기계공장에서 일하셨다", "함흥 팔일 기계공장"),
    # A town, a name and an everyday workplace word.
    ("하얼빈 미르 봉제공장에서 미싱했다", "하얼빈 미르 봉제공장"),
    ("강계 뜨락또르 부속품공장에 다녔다", "강계 뜨락또르 부속품공장"),
    # A numbered boat with a space OCR put after the number.
    ("삼촌은 주문진항에서 제오 해성호 탔다", "제오 해성호"),
    # A restaurant named after a mountain or river, its ending apart.
    ("심양 묘향 산 식당 사장님이 도와줬다", "묘향 산 식당"),
    # A short university name and its teacher, named or not.
    ("그 얘기는 부경대 박민수 교수한테 들었다.", "부경대"),
    ("고려대 교수님이 편지를 전해주셨다.", "고려대"),
    # A clothing maker.
    ("형은 한길어패럴 공장에서 재단을 했다", "한길어패럴"),
]


@pytest.mark.parametrize(("text", "detail"), ORGS)
def test_orgs_are_found(text: str, detail: str, rules: Rules) -> None:
    assert covered_as(text, detail, rules, "org", "place")


BENIGN = [
    # A bare month before a workplace word: when, not which.
    "3월 기계공장 견학이 있었다.",
    "지난 5월 식료공장 견학을 갔다.",
    # A given name before an everyday workplace word, no town before it.
    "영희 봉제공장에서 일했다는 말 들었어.",
    # Everyday words before 이라는.
    "좋은 곳 이라는 식당이 있었다.",
    # A church word after a town alone, and a pronoun before it.
    "서울 우리 교회 사람들이 좋아요.",
    # "The best" before a phrase ending in 호, and an everyday word before 교수.
    "그건 제일 좋은호 였다.",
    "그 시대 교수들은 다 그랬다.",
]


@pytest.mark.parametrize("text", BENIGN)
def test_look_alikes_are_not_orgs(text: str, rules: Rules) -> None:
    assert spans(text, rules, "org") == []


def test_owner_prefix_alone_is_no_org(rules: Rules) -> None:
    assert spans("조선 사람들은 다 그렇다.", rules, "org") == []

"""Organisation classes found missing in the twenty-sixth, twenty-seventh and twenty-ninth outside
writers' letters (tables outside26, outside27, outside29), and everyday look-alikes that must stay
unflagged. The sentences are new ones of the same shapes:

- a firm named as a predicate with the copula after a vowel ("X물류라서", "X소프트라고");
- a shop run by the writer's family, said with an honorific verb ("X분식을 하십니다");
- a name given after "가게는"/"식당은" ("가게는 X랭면관이다"), and a shop's ending written apart after a
  name given ("이름은 X 면옥");
- endings missing from orgs.tsv: councils (X시의회), co-operatives and unions (X개인택시조합, X협동조합),
  auction halls, Won-Buddhist temples (X교당), forums, firms in English loanwords (X소프트, X파트너스);
- a body inside an organisation already found, one space after it ("X교구 민족화해위원회", "X수협 공판장");
- who runs a school between its place or namesake and its name ("오데사 국립대학교", "X 국립 Y대학교");
- a date named with a middle dot ("4·3평화재단");
- a name beginning with 제 that Kiwi reads as "my" (제X탄광);
- a Latin acronym before attending or working ("UCLA 졸업하고") and a club's name in Latin letters;
- a club's name that is a phrase written as one word ("동아리 평화한마당에서");
- a whole listed ending written apart after a proper noun (OCR's "X세멘트 련합기업소"), and a two-syllable
  ending whose last syllable OCR split off ("X광 산");
- an organisation's Latin acronym in brackets after it ("X복지재단(SBF)").
"""

from __future__ import annotations

import pytest

from relay.detect import Rules

from .conftest import covered, spans


@pytest.mark.parametrize(
    ("text", "org"),
    [
        # the copula after a vowel-final firm's ending
        ("남편 직장이 푸른솔물류라서 주말에도 나가요.", "푸른솔물류"),
        ("딸이 다니는 곳은 미리내소프트라고 해요.", "미리내소프트"),
        # a family shop run, honorific
        ("어머니께서 시장 앞에서 해님분식을 하십니다.", "해님분식"),
        # a shop named after "가게는"
        ("우리 가게는 백두산랭면관이다.", "백두산랭면관"),
        ("식당 이름은 솔향기 면옥인데 손님이 많아요.", "솔향기 면옥"),
        # councils, co-operatives, unions, temples, forums, loanword firms
        ("저는 원주시의회에서 일하는 공무원입니다.", "원주시의회"),
        ("아버지는 빛고을개인택시조합 소속이에요.", "빛고을개인택시조합"),
        ("저는 한울타리협동조합에서 일해요.", "한울타리협동조합"),
        ("저희 어머니는 원당교당에 다니세요.", "원당교당"),
        ("저는 새솔파트너스에서 회계 일을 해요.", "새솔파트너스"),
        # a body inside an organisation already found
        ("저는 천주교 수원교구 정의평화위원회 간사입니다.", "천주교 수원교구 정의평화위원회"),
        ("남편은 포항수협 위판장에서 일해요.", "포항수협 위판장"),
        # who runs a school, and the namesake before it
        ("저는 하르키우 국립대학교에서 공부했어요.", "하르키우 국립대학교"),
        ("동생은 리비우 프란코 국립대학교에 다녀요.", "리비우 프란코 국립대학교"),
        # a date named with a middle dot
        ("저는 4·3평화재단에서 일해요.", "4·3평화재단"),
        # 제 read as "my"
        ("아버지가 제동탄광에서 일하셨소.", "제동탄광"),
        # Latin acronyms and club names
        ("저는 NYU 졸업하고 서울에 왔어요.", "NYU"),
        ("저희 동아리 Bridge Korea Club에서 편지를 모았어요.", "Bridge Korea Club"),
        # a phrase written as one word after 동아리
        ("우리 동아리 평화한마당에서 같이 썼어요.", "평화한마당"),
        # OCR split a whole ending off a proper noun
        ("아버지는 천리마타일 련합기업소 로동자였소.", "천리마타일 련합기업소"),
        # OCR split the last syllable of a two-syllable ending off
        ("형은 룡양광 산에서 일했소.", "룡양광 산"),
        # an organisation's acronym in brackets after its name
        ("저는 새빛복지재단(SBF)에서 일해요.", "새빛복지재단(SBF)"),
    ],
)
def test_orgs_found(text: str, org: str, rules: Rules) -> None:
    assert covered(text, org, rules, "org") or covered(text, org, rules, "place"), spans(text, rules)


@pytest.mark.parametrize(
    "text",
    [
        # generic words alone
        "요즘은 물류라서 바빠요.",
        "조합에 가입하려면 서류가 필요해요.",
        "시의회에서 예산을 논의했대요.",
        "공판장에 가면 생선이 싸요.",
        "동아리 발표회에서 만났어요.",
        "동아리 친구들이 편지를 썼어요.",
        "우리 가게는 동네식당이다.",
        "가게는 작은 식당이에요.",
        "TV 다니는 사람이 많아요.",
        "동아리 SNS에 사진을 올렸어요.",
        "시의원 선거가 다음 달이에요.",
        "새 고급 중학교가 생겼대요.",
        "제 회사는 멀어요.",
        "국립대학교 등록금이 싸요.",
        "형광 산 색깔이 예뻐요.",
        "어느 대학 교수님이 오셨어요.",
    ],
)
def test_lookalikes_unflagged(text: str, rules: Rules) -> None:
    assert spans(text, rules, "org") == []

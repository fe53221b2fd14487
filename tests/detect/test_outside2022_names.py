"""Person names found missing in the letters of tables outside20, outside22 and outside23: a bare
surname before a title, a title beside a name, names taken in religion and from other languages, Russian
names with a patronymic, and full names spaced syllable by syllable. The sentences are new ones of the
same shapes, with benign look-alikes that must stay unflagged."""

from __future__ import annotations

import pytest

from relay.detect import Rules, detect

from .conftest import covered


def _persons(text: str, rules: Rules) -> list[str]:
    return [text[f.start : f.end] for f in detect(text, rules) if f.kind.value == "person"]


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        # a bare surname before a title, a rank or a form of address
        ("그때 우리를 숨겨준 분이 강 권사님이셨어요.", "강 권사님"),
        ("혹시 제 3사단에 있던 윤 중위라는 사람을 아느냐", "윤 중위"),
        ("송 반장 마누라가 얼마나 모질게 굴었는지 모른다.", "송 반장"),
        ("심양 식당 황 사장이 아직 거기 있는지 궁금해요", "황 사장"),
        ("그 환전상이 바로 곽 과장이다.", "곽 과장"),
        ("우리 교회 백 집사요, 기억하오?", "백 집사"),
        # OCR split the title
        ("소학교 때 차 선 생님이 너를 제일 아꼈다", "차 선 생님"),
        # a name beside a title, and a bare surname and 씨 before a form of address
        ("나 지금 하나고 1학년이고 박서윤 선생님이 담임이야.", "박서윤"),
        ("나는 회령시 남문동에서 살던 전도사 한예진이다.", "한예진"),
        ("단동 시장 뒤 정 씨 아주머니 집에서 숨어 지냈소.", "정 씨 아주머니"),
    ],
)
def test_surname_and_title(text: str, detail: str, rules: Rules) -> None:
    assert covered(text, detail, rules, "person")


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        # names taken in religion before a title, Protestant ones included, and split by OCR
        ("하얼빈에서 스데반 목사님께 세례를 받았다.", "스데반"),
        ("몽골 국경에서 바타르 선교사가 우리를 맞아줬다.", "바타르"),
        ("바 울 형제에게 안부 전해 주시오", "바 울"),
        ("어머니 최 헬레 나 자매님은 성당에 나오십니다.", "헬레 나"),
        ("사랑하는 요 셉 정민호에게", "요 셉 정민호"),
        # a listed foreign given name before a word for the person
        ("블라디보스톡 나따샤 할매가 너를 찾는다.", "나따샤 할매"),
        ("빅또르 아저씨가 아직 살아 계신다.", "빅또르 아저씨"),
        # a Russian name with its patronymic, in Hangul and in Cyrillic
        ("나는 하바롭스크 박 올가 니꼴라예브나다.", "박 올가 니꼴라예브나"),
        ("Иван Сергеевич 사장이 우리를 잘 봐줬소.", "Иван Сергеевич"),
        # a foreign name called so
        ("거기서 Mr. Karim이라는 현장 manager가 빵을 주곤 했지.", "Mr. Karim"),
        ("Omar 란 수단 사람이 전화를 빌려줬다.", "Omar"),
        ("거기서 올가라는 러시아 아주머니가 숨겨줬다", "올가"),
        ("러시아 애들은 나를 와냐라 했다", "와냐"),
        ("중국 사람들은 날 老金이라 불렀지.", "老金"),
        ("오빠, 나 순희야, Jessica로 이름 바꿨어.", "Jessica"),
        # a name in Chinese characters after a kinship word, and a listed name after a name label
        ("이모 딸 小梅가 이제 대학에 다녀.", "小梅"),
        ("할머니가 세례명 마리아로 너를 부르며 기도한다.", "마리아"),
    ],
)
def test_foreign_and_religious_names(text: str, detail: str, rules: Rules) -> None:
    assert covered(text, detail, rules, "person")


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        # a nickname found in a slot keeps its friendly 이 before a copula or where the word ends
        ("영철아, 나 꼼순이야, 박은주.", "꼼순이"),
        # the speaker named by home town, a word they were known by and a given name
        ("나 무산 빵집 영 호", "무산 빵집 영 호"),
        ("형 혜산 철 수다", "혜산 철 수"),
        ("언니다 회령 미용사 은 주야", "회령 미용사 은 주"),
        ("동생아. 누나다. 온성 바다 순옥.", "온성 바다 순옥"),
    ],
)
def test_nicknames_and_handles(text: str, detail: str, rules: Rules) -> None:
    assert covered(text, detail, rules, "person")


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        # a full name spaced syllable by syllable, then a copula split too, a title, or after 나 a particle
        ("나는 함경북도 무산군 출신 한 석 진 임니다.", "한 석 진"),
        ("나 는 쿠웨이트 공사장 에서 일 햇 던 박 영 철 이 다.", "박 영 철"),
        ("나는  평양시  인민위원회  지도원  이던  강  명  수  이다.", "강  명  수"),
        ("중앙  학교  에서  조  현  철  교원  한테  배웟다.", "조  현  철"),
        ("나 최 은 혁이 기계화군단 나왔다", "최 은 혁"),
    ],
)
def test_spaced_full_names(text: str, detail: str, rules: Rules) -> None:
    assert covered(text, detail, rules, "person")


@pytest.mark.parametrize(
    "text",
    [
        # determiners and prefixes that are surnames too, before a title
        "이 선생님이 우리 반 담임이세요.",
        "전 사장님은 이미 은퇴하셨어요.",
        "한 학생이 손을 들었다.",
        "나 반장이다, 다들 조용히 해.",
        "남 선생님과 여 선생님이 같이 오셨다.",
        "고 선생님의 뜻을 기리며 기도했다.",
        "도 위원장이 회의를 열었다.",
        # a title with no surname
        "사장님이 월급을 올려 주셨어요.",
        # church words that are no names before 형제 and 자매
        "우리 형제 자매 여러분 평안하세요.",
        "누가 형제에게 그 말을 했니?",
        # an English word called so, and a thing or a firm named in English
        "Hello라고 했다.",
        "Christmas라는 날이 좋아요.",
        # a beach is no patronymic
        "그 롱비치 호텔에서 일했어요.",
        # a home town and what one does there, no name
        "나 회령 가는 길이야.",
        "나 청진 출신이야.",
        "엄마 회령 갔다.",
        # syllable-spaced words that are no name
        "나 는 오 늘 학 교 에 간 다.",
        "우 리 는 정 말 기 쁘 다.",
    ],
)
def test_benign_look_alikes(text: str, rules: Rules) -> None:
    assert _persons(text, rules) == []

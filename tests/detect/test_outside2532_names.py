"""Name classes found missing by five more outside writers (tables outside25, outside28, outside30,
outside31 and outside32), with new sentences of the same shapes (other names, places and speakers):

- a foreign name of two capitalised Latin or Cyrillic words after a word for an official's, a team
  leader's or a crew's job, also as the head of a compound ("인권담당관 Maria …", "반장 Сергей …"),
  the name perhaps ending the speaker's introduction with the copula ("… Anna Kowalczyk입니다");
- such a name after 이름을/이름이, then (이)라고 ("이름을 Сергей Ткачук이라고");
- a bare surname before a title of a team, a crew, a club or an office (황 감독님, 오 선장, 정 사무관);
- an old-style opening after 우리 or 사랑하는 ("우리 경훈이 보아라");
- a full name OCR split at one or both syllable boundaries closing the speaker's sentence, with the
  copula glued or spaced ("나는 … 온 류병 식이다", "저는 김나 래에요", "태어난 손 병 호다");
- a full name (perhaps split) after a kinship word as the topic, closing its clause with a comma, the
  copula or 로 ("증조부는 이병목, 조부는 이상렬로", "딸은 조은 하, 사위는 …");
- the speaker as an old-style letter writes "I" in Chinese characters (本人은 … 출신 X이올시다).

Benign look-alikes of each shape stay unflagged: an organisation's or a city's name after a role word,
"배 선장" (a ship's captain), a verb's adnominal form before a title ("혼자 사는 삼촌", "남은 이모"),
everyday words after 우리 before 보아라, everyday words split by OCR before the copula, and a kinship
word as the topic before an everyday word, an adjective or a place.
"""

from __future__ import annotations

import pytest

from relay.detect import Rules
from relay.model import Kind

from .conftest import covered, found


def _people(text: str) -> list[str]:
    return found(text, Kind.PERSON)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a foreign name after an official's or a leader's job, the job perhaps the head of a compound
        ("저는 대한적십자사 국제협력팀의 연락관 Tomas Novak입니다.", "Tomas Novak"),
        ("현장 작업반장 Игорь Смирнов가 우리를 챙겨 줬다.", "Игорь Смирнов"),
        ("그 배의 선장 Петр Волков한테 부탁해 봐라.", "Петр Волков"),
        ("저는 제네바 사무소의 법률담당관 Lucia Fernandez입니다.", "Lucia Fernandez"),
        ("우리 팀 코치 Marco Rossi는 친절하다.", "Marco Rossi"),
        # a foreign name after 이름을/이름이, then (이)라고
        ("그 장교 이름이 Дмитрий Орлов라고 들었소.", "Дмитрий Орлов"),
        ("간호사의 이름을 Helen Carter라고 적어 두었습니다.", "Helen Carter"),
        # a bare surname before a title of a team, a crew or an office
        ("우리 야구부 석 감독님이 너를 기다린대", "석 감독님"),
        ("함께 고기잡이 하던 변 선장 기억나냐", "변 선장"),
        ("통일부 곽 사무관께서 연락을 주셨습니다.", "곽 사무관"),
        ("태권도장 윤 코치가 안부 전하래.", "윤 코치"),
        # an old-style opening after 우리 or 사랑하는
        ("우리 영식이 보아라. 엄마가 쓴다.", "영식"),
        ("사랑하는 아들 광남이 보거라.", "광남"),
        # a full name split by OCR closing the speaker's sentence
        ("나는 황해북도 사리원에서 온 장영 철이다.", "장영 철"),
        ("저는 부산에 사는 박 민 준이에요.", "박 민 준"),
        ("나 는 함흥 에서 태 어난 송 기 호다.", "송 기 호"),
        ("저는 인천에서 공부하는 정하 윤이에 요.", "정하 윤"),
        # a full name after a kinship word as the topic, closing its clause
        ("호적에는 할아버지는 박만수, 할머니는 최옥순으로 되어 있다.", "최옥순"),
        ("큰딸은 윤서 영, 막내는 윤서 진이다.", "윤서 영"),
        # the formal "I" of an old-style letter in Chinese characters
        ("本人은 咸鏡北道 會寧郡 출신 김태욱이올시다.", "김태욱"),
    ],
)
def test_names_found(text: str, name: str, rules: Rules) -> None:
    assert covered(text, name, rules, "person"), _people(text)


@pytest.mark.parametrize(
    "text",
    [
        # role words before names of places and organisations
        "저는 서울 사무소의 직원 Human Rights Watch와 일합니다.",
        "감독 Korean Studies 석사 과정이다.",
        "우리 팀장 New York에 출장 갔다.",
        # a ship's captain, not a surname
        "그 배 선장이 우리를 살렸다.",
        # titles after everyday words
        "축구 감독이 되고 싶다.",
        "회사 대표가 바뀌었다.",
        "버스 기사님이 친절하다.",
        # a verb's adnominal form before a title
        "혼자 사는 삼촌이 보고 싶다.",
        "혼자 사는 고모가 보고 싶다.",
        "식당 이모가 밥을 더 줬다.",
        "친척 이모가 왔다.",
        "옆집 이모가 김치를 줬다.",
        # everyday words after 우리 before 보아라
        "우리 하늘 보아라.",
        "우리 아기 보아라.",
        "우리 손자 보아라.",
        # everyday words split by OCR before the copula
        "나는 이제 혼 자다.",
        "저는 오 늘 도 잘 지내 요.",
        "난 이 제 다 컸 다.",
        "나는 강 원도 사람이다.",
        "나는 이 미 늙은이다.",
        "나는 늙어서 이젠 눈도 잘 안 보인다.",
        "남편은 주말마다 고기를 굽는다, 그게 취미다.",
        # a kinship word as the topic before an everyday word, an adjective or a place
        "아버지는 조용하다.",
        "동생은 안주로 갔다.",
        "형은 장사로 돈 번다.",
        "할머니는 김장으로 바쁘다.",
        "아빠는 정직하다.",
        # the formal "I" before everyday words
        "本人은 이 편지를 쓰는 사람이올시다.",
    ],
)
def test_lookalikes_not_names(text: str, rules: Rules) -> None:
    assert _people(text) == []

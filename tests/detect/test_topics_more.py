"""Risky topics said softly, and the everyday sentences that share their words.

Capture, being held or lost in battle; leaving or fleeing without the word for defection; slipping
away from a posting abroad; hiding in cargo; coming south by boat; foreign songs and dramas in
secret; asking to go south. Each class in letter, northern, chat (no spaces) and transcript
wording. The look-alikes (a trip, a pear, a schedule, hide-and-seek) must not be flagged."""

from __future__ import annotations

import pytest

from relay.detect import Rules, detect
from relay.model import Kind

from .conftest import spans

FLAGGED = [
    # capture: being caught, held, or dying rather than be taken
    "형님이 아직 거기 잡혀 있는지 소식을 알 길이 없소.",
    "아들이 그 수용소에 잡혀 있다는 편지를 받았소.",
    "니가거기잡혀있다는거듣고 잠을 못잤어",
    "어 그 우리 큰아들이 거기 잡혀 있다고 들었는데 그게 벌써 삼년 전이에요",
    "적에게 붙잡히면 끝이라고 배웠소.",
    "붙잡히느니 자폭하라고 교육받았다고 했다",
    "붙잡힐까봐무서워서 숲에서 사흘을 버텼어",
    # hiding in a ship's hold, a lorry's back, a goods wagon
    "석탄 화물칸에 숨어서 신의주까지 갔소.",
    "트럭짐칸에숨어서 국경까지 갔대",
    "그 사람이 나를 배 밑창에 숨겨 줬어요",
    "어 컨테이너 안에 숨어서 한 이틀을 갔어요",
    # coming south by boat
    "작은 목선을 타고 밤에 내려왔소.",
    "배타고 내려왔어 엄마랑",
    "어 그해 여름에 식구들이랑 배를 타고 내려왔어요",
    # leaving family behind, leaving in secret, leaving with an apology
    "가족을 북에 남기고 혼자 떠났소.",
    "자식들을 두고 떠난 죄를 어찌 다 갚겠소.",
    "애들두고 먼저 떠나서 미안해",
    "어 우리 애들을 두고 몰래 떠났어요 그때는 방법이 없었어요",
    "엄마가 먼저 떠나서 미안하다 용서해다오.",
    "그해 겨울 아무도 모르게 떠났소.",
    "인사도 못 하고 떠나서 늘 마음에 걸렸소.",
    "동무들한테 말도 없이 떠나서 면목이 없소.",
    "밤에 몰래떠났어 아무한테도 말 못하고",
    "어 그러니까 고향을 떠나서 두만강 쪽으로 갔어요",
    "아버지는 네가 군대 가던 해에 떠났다 이 못난 애비를 용서해라",
    # foreign songs and music in secret
    "이불 속에서 몰래 한국 노래를 듣곤 했소.",
    "몰래한국노래듣다가 들킬뻔함ㅋㅋ",
    "남조선 가요를 몰래 부르다가 혼났지요",
    "어 그때 몰래 남쪽 음악 듣고 그랬어요",
    # asking or wanting to go south
    "한국으로 가겠다고 하면 보내 준다고 하오.",
    "남쪽으로 가고 싶다고 말했소.",
    "한국으로보내달라고했대",
    # lost in battle; kin held, said without a particle
    "남편은 그 전선에서 실종되었소.",
    "어 우리 막내가 파병 가서 연락이 끊겼어요",
    "동생 잡혀있는거 뉴스에서 봄ㅠ",
    # sent abroad, then slipping away
    "로동 나가서 거기서 몰래 빠져나왔소.",
    "유학나갔다가 거기서 빠져나왔어",
    # foreign media in chat, glued
    "형이준드라마usb몰래봤던거 생각남",
    # crossing with four words between the river and the verb
    "압록강 그 얼음 위 로 밤에 걸어서 건넜다.",
]


@pytest.mark.parametrize("text", FLAGGED)
def test_soft_wordings_of_risky_topics_are_flagged(rules: Rules, text: str) -> None:
    topics = spans(text, rules, "topic")
    assert topics, text
    assert all(severity == "review" for _, severity, _ in topics)


# OCR damage: a space inside a word, a space lost, a line break.
OCR = [
    "형님이 거기 잡 혀 있다고 들었소.",
    "화물 칸에 숨어서\n국경까지 갔다.",
    "딸네 식구랑 배를타고 내려 왔다.",
    "너희를 두고 먼저 떠 나서 미안하다.",
    "몰래 남쪽 노 래 듣다가 걸렸지.",
    "한국으로 오 겠다고 했소.",
    "귀하가 남쪽 으로 가기를 원한다고 들었습니다.",
    "아들이 전 투 중에사라졌다는 소식을 들었소.",
]


@pytest.mark.parametrize("text", OCR)
def test_ocr_damaged_forms_are_flagged(rules: Rules, text: str) -> None:
    assert spans(text, rules, "topic"), text


NOT_FLAGGED = [
    # 떠나다 for trips, moving house, leaving home for work, the dead
    "다음 주에 가족이랑 제주도로 여행을 떠나요.",
    "아빠는 어제 부산으로 출장 떠났어.",
    "아이들을 친정에 두고 여행을 떠났다.",
    "여름휴가 떠나서 연락 못 했네 미안해.",
    "먼저 자리를 떠나서 죄송합니다.",
    "할머니는 우리를 두고 먼저 떠나셨다.",
    "고향을 떠나 서울에서 일한 지 십 년이 됐다.",
    "나이 들어 고향을 떠나려니 섭섭하오.",
    "그 배우는 말없이 떠났다.",
    "몰래여행떠났다",
    # 배 as stomach and pear, boats for fishing and holidays
    "배가 아파서 학교에 못 갔어요.",
    "추석에 배를 한 상자 받았다.",
    "배불러서 더 못 먹겠다.",
    "섬에서 배를 타고 돌아와서 회를 먹었다.",
    # 노래 듣다 generally
    "나는 노래 듣는 걸 좋아해.",
    "요즘 한국 노래를 많이 들어요.",
    "이어폰 끼고 노래 듣다가 버스를 놓쳤다.",
    "엄마몰래노래방갔다옴ㅋㅋ",
    "몰래 생일 파티를 준비했어.",
    # 잡다 for a bus, a fish, a schedule
    "버스를 겨우 잡아서 탔다.",
    "아빠랑 낚시 가서 붕어를 세 마리 잡았다.",
    "내일 약속이 잡혀 있어서 못 가.",
    "동생이 내일 면접이 잡혀 있대.",
    "경기 중에 공을 잡혀 버렸다.",
    # 숨다 in games
    "숨바꼭질할 때 나는 늘 장롱 속에 숨었다.",
    "술래잡기하다가 트럭 뒤에 숨었어.",
    "짐칸에 가방을 실었다.",
    # 받아 주다 in everyday use
    "제 부탁을 받아 주셔서 감사합니다.",
    "친구가 내 사과를 받아 줬다.",
    "선생님이 숙제 늦게 내도 받아 준다고 하셨어.",
    "다음에 꼭 한국으로 놀러 오세요.",
    # a welcome promised should a prisoner wish to come south, no one's wish told (outside40-43's
    # writers mark "한국에 오고 싶다고 하면 방법이 있다" and the like benign: topic.not_if_south)
    "어 포로들이 한국으로 오고 싶다고 하면 받아 준대요",
    # battles and postings in everyday talk
    "전쟁 영화에서 주인공이 사라졌다.",
    "유학 갔다가 방학에 잠깐 들어왔어.",
    "출장 갔다가 회의실을 빠져나왔다.",
    "오빠 약속 잡혀있어",
    # food slipped to someone in secret is kindness, not a bribe at the border
    "반장 동무가 몰래 떡 한 조각을 찔러주었소.",
    "어른들이 몰래 용돈을 찔러주셨다.",
]


@pytest.mark.parametrize("text", NOT_FLAGGED)
def test_everyday_look_alikes_are_not_flagged(rules: Rules, text: str) -> None:
    assert [f for f in detect(text, rules) if f.kind.value == "topic"] == [], text


@pytest.mark.parametrize(
    "text",
    [
        "원하시면 대한민국행 절차를 안내해 드립니다.",
        "형은 보위부 몰래 강넘었어",
        "아버지는 해주에서 배 타고 나왔소.",
    ],
)
def test_south_bound_river_and_boat_are_topics(text: str) -> None:
    assert any(f.kind is Kind.TOPIC for f in detect(text))

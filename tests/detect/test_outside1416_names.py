"""Name classes found missing in the fourteenth to sixteenth outside writers' letters (tables outside14,
outside15, outside16), with everyday look-alikes that must stay unflagged. The sentences are new ones
of the same shapes."""

from __future__ import annotations

import pytest

from relay.model import Kind

from .conftest import found


def _people(text: str) -> list[str]:
    return found(text, Kind.PERSON)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the speaker named at the end of a clause about them, opened by the northern 내레 or by a bare
        # 내, 나, 저, with the copulas of Pyongan (이우다), Hamgyong and Yanbian (임다, 꾸마)
        ("내레 사리원 협동농장에서 소 먹이던 탁만길이야요.", "탁만길"),
        ("내레 신의주 방직공장 다니던 추복녀야요.", "추복녀"),
        ("내레 강계서 나무 하던 변창식이우다.", "변창식"),
        ("내 청진 수남시장서 생선 팔던 석봉녀임다.", "석봉녀"),
        ("내 도문시서 식당 하는 맹춘화꾸마.", "맹춘화"),
        ("저 화성 부대 통신중대 있던 염광철입니다.", "염광철"),
        # a word of origin before the name (사람, 출신), and a one-syllable adnominal form (온)
        ("내 량강도 혜산시 사람 남궁만철임다.", "남궁만철"),
        ("내레 자강도 희천서 온 길순덕이야요.", "길순덕"),
        # each syllable of the name standing alone (OCR, or a careful hand), or the surname alone
        ("내레 역전서 떡 팔던 봉 순 애야요.", "봉 순 애"),
        ("내레 장마당서 국수 팔던 경 옥순이오.", "경 옥순"),
        # what one was called, with the northern 라구 for 라고
        ("동네서 '왕눈이'라구 불리던 아이가 우리 옥이다.", "왕눈이"),
        # a name taken as a writer or a performer: X(이)라는 필명, 예명, 닉네임
        ("나는 밤바다라는 필명으로 글을 써요.", "밤바다"),
        ("그 언니는 별빛이라는 예명으로 노래했어.", "별빛"),
        # a form or a transfer names its holder: 예금주, 받는 사람
        ("우체국 통장으로 보내 주세요 예금주 석만춘.", "석만춘"),
        ("받는 사람: 하 은결", "하 은결"),
        # a kinship word for the eldest or the youngest child: 큰애, 작은애
        ("우리 큰애 철용이는 군대에 갔소.", "철용"),
        # a name before a particle that Kiwi reads whole (마저, 까지) stays found
        ("동생 철수마저 떠났다.", "철수"),
        # a Chinese name in simplified characters, a Korean name in Cyrillic in Western order with a
        # two-syllable surname, a romanised given name hyphenated, an English introduction
        ("중국 남편 张立新하고 같이 살고 있슴다.", "张立新"),
        ("다들 나르 Чонсу Намгун이라고 부름다.", "Чонсу Намгун"),
        ("Hey Mi-ok아 잘 지내?", "Mi-ok"),
        ("Hi 언니, it's Sarah, 한국 이름은 은비야.", "Sarah"),
    ],
)
def test_outside1416_names_found(text: str, name: str) -> None:
    people = _people(text)
    assert any(name in p for p in people), (text, people)


@pytest.mark.parametrize(
    "text",
    [
        # a clause about the speaker, then an everyday word with the copula
        "내레 어릴 때 살던 고향이야요.",
        "내 동생이 일하던 공장임다.",
        "저 어제 본 영화입니다.",
        "나 어제 먹던 김치야.",
        "나는 그때 살던 집이오.",
        "저는 여기 있는 고 양이에요.",
        # 라구, 필명 with words that name no one
        "그 애는 바보라구 불렸다.",
        "희망이라는 이름으로 모였다.",
        "이건 먹구름이라는 뜻이야.",
        # form labels with no name after them
        "예금주 본인.",
        "작성자 미상.",
        "보호자 동의가 필요합니다.",
        "예금주 확인이 필요해요.",
        # kinship words for children, then an everyday word
        "우리 큰애 생각은 어떨지 모르겠소.",
        "큰애 말로는 괜찮대.",
        # Chinese words that open with a surname character, English after it's, words said twice
        "韩国에 왔어요.",
        "许多 사람이 왔어요.",
        "谢谢 선생님.",
        "it's Monday, 오늘은 비가 와.",
        "This is America 알지?",
        "Yo-yo가 있어.",
        # before a kinship title: adverbs, conjunctions, predicates, a verb's adnominal form split off
        "그러니까 오빠도 포기하지 마.",
        "우리 family 다 오빠 기다려.",
        "몸 잘챙겨 형아 ㅠㅠ",
        "나도 군인이라 형 마음 알아.",
        "어릴 때 누나가 업어 줬어.",
        "너 진짜 강한 애야.",
        # superlatives with 최, languages with 한
        "건강을 최우선으로 하세요.",
        "한국어랑 중국어를 배워요.",
        "최대 한 달 걸려요.",
        # a volunteer before 선생
        "봉사자선생 고마워요.",
        # a particle (마다) read across the end of a noun before a kinship word
        "주말마다 아들 집에 가요.",
        "저녁마다 딸 생각에 울어요.",
    ],
)
def test_outside1416_names_lookalikes(text: str) -> None:
    assert _people(text) == [], text

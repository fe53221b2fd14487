"""Name shapes found missing on the hard-case table outside37 (raw OCR of handwriting, transcripts,
dialects, old-style letters partly in Hanja), and everyday words the name rules took for names there.
The sentences are new ones of the same shapes: other names, places, numbers and words."""

from __future__ import annotations

import pytest

from relay.detect import detect
from relay.model import Kind


def _names(text: str) -> set[str]:
    return {text[f.start : f.end] for f in detect(text) if f.kind is Kind.PERSON}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the old-style and dialect copulas closing an introduction: 하게체 일세, 하오체 (이)라오
        ("나는 평안남도 순천에서 자란 최동길일세", "최동길"),
        ("이 늙은이는 慶州 사는 權泰鎬일세", "權泰鎬"),
        ("이 할미는 강릉 주문진 사는 선우정자라오", "선우정자"),
        # ... and the reported copula 이래 after a consonant
        ("그 아재 탁용섭이래 니 큰아버지다", "탁용섭"),
        ("나는 충청북도 괴산군에 사는 윤복례이래요", "윤복례"),
        # the writer's name split by OCR, a copula written out after a syllable Kiwi reads as an adjective
        ("저는 청주 사창동 소망교회 집사\n윤정 희예요.", "윤정 희"),
        # a given name split by OCR, a rare surname left standing before it
        ("서귀포 사는 현 말 순 할망이 보낸다", "현 말 순"),
        ("나 옥 태 준 아재다 .", "옥 태 준"),
        # the speaker, where they live or what they do, then a full name split into its syllables
        ("나 충남 논산서 배 농사 짓는 탁 용 석이여 .", "탁 용 석"),
        ("누나 . 동생 남 기 철이다 .", "남 기 철"),
        ("영미야 , 언니 고 은 숙이야 .", "고 은 숙"),
        # a two-syllable name split by OCR and called out at the start of a line
        ("명 훈아 꼭 살아 돌아오라우", "명 훈"),
        # a name split by OCR with the title glued on its second half
        ("민 규씨 소식 들었어요", "민 규"),
        # a close friend's name after 단짝, 짝꿍, 절친
        ("제 짝꿍 채 원이랑 편지 썼어요", "채 원"),
        ("제 단짝 서 윤이랑 같이 왔어요", "서 윤"),
        ("내 절친 도윤이가 안부 전해 달래", "도윤"),
    ],
)
def test_names_in_new_shapes_are_found(text: str, name: str) -> None:
    assert any(name in found for found in _names(text))


@pytest.mark.parametrize(
    "text",
    [
        # a currency or a counter after a number, a space before the copula
        "버스 요금이 1천 3백 원 이야 .",
        "우리 반 학생이 2십 명 이다",
        # a noun and its verb closing the sentence, after the writer as subject
        "저는 저녁마다 가게 문 닫습니다",
        "저는 매일 새벽 창 엽니다",
        # an everyday word ending in the same syllables as the copulas now read off names
        "그 일 이래 처음 웃었다",
        "이 노래 이래 봬도 유명하다",
        # a word before a title that Kiwi knows whole is left whole
        "옆집 아저씨가 감을 주셨다",
        # syllables of everyday words spaced apart, a kinship word and its particle among them
        "형 은 밥 을 잘 먹 었 다.",
        "오 늘 은 저 녁 마 다 산 을 본 다.",
    ],
)
def test_everyday_words_are_no_names(text: str) -> None:
    assert not _names(text)

"""Organisations, places and risky topics found missing in the hard cases of table outside37 (letters
partly in Hanja, raw OCR of handwriting, speech transcripts, dialects), and the everyday words that
place rules took for places there. The sentences are new ones of the same shapes: other names, places,
amounts and words."""

from __future__ import annotations

import pytest

from relay.detect import detect
from relay.model import Kind

_EQUIVALENT = {
    Kind.PLACE: {Kind.PLACE, Kind.ADDRESS, Kind.ORG},
    Kind.ORG: {Kind.ORG, Kind.PLACE},
    Kind.TOPIC: {Kind.TOPIC},
}


def _covered(text: str, detail: str, kind: Kind) -> bool:
    """Findings of ``kind`` (or one that redacts the same words) cover ``detail`` in ``text``."""
    start = text.index(detail)
    end = start + len(detail)
    hit: set[int] = set()
    for f in detect(text):
        if f.kind in _EQUIVALENT[kind]:
            hit.update(range(max(f.start, start), min(f.end, end)))
    return all(i in hit for i in range(start, end) if not text[i].isspace())


@pytest.mark.parametrize(
    ("text", "detail", "kind"),
    [
        # a place in Hanja ending in a port's or a peak's character, read as Hangul before the rules run
        ("누이는 元山港에서 배를 탔다네.", "元山港", Kind.PLACE),
        ("어릴 적 뒷산 飛鳳峰에 자주 올랐지.", "飛鳳峰", Kind.PLACE),
        ("나는 京都府 伏見區에서 자랐소.", "京都府 伏見區", Kind.PLACE),
        # a place split from its suffix, the suffix with the copula after it
        ("제 고향은 함경북도 회령 시라 캤다.", "회령 시", Kind.PLACE),
        # a ministry's division named for its whole task, after the ministry
        ("서류는 統一部 南北離散家族支援課로 보내게.", "統一部 南北離散家族支援課", Kind.ORG),
        # a university's graduate programme after the subject's word
        ("누나는 고려대학교 북한학 협동과정에 다녀요.", "고려대학교 북한학 협동과정", Kind.ORG),
        # a broadcaster to the north and a group of abductees' families, named
        ("삼촌 소식은 미국의소리 방송에서 들었어요.", "미국의소리", Kind.ORG),
        ("납북피해자가족연합회 사무실에서 편지를 써요.", "납북피해자가족연합회", Kind.ORG),
        # a Confucian academy, a local Confucian school and their association
        ("玉山書院 儒道會 어른들이 안부를 묻네.", "玉山書院 儒道會", Kind.ORG),
        ("아버님은 나주향교에 나가신다.", "나주향교", Kind.ORG),
        # a school named in 의 after its town, written apart
        ("저는 원주 숭의 중학교 1학년이에요.", "원주 숭의 중학교", Kind.ORG),
        # a village's name before a farm product and a co-operative's ending
        ("애월 당근 작목반에서 일해요.", "애월 당근 작목반", Kind.ORG),
        # a works named after a date, the day's 8 read by OCR as B
        ("삼촌은 4.B 청년 탄광에서 일했다.", "4.B 청년 탄광", Kind.ORG),
        # an organisation, 에서 and a word the OCR glued on
        ("언니는 대구 새빛교회에서집사 일을 해요.", "대구 새빛교회", Kind.ORG),
        # from China on to a country of the route south
        ("아빠는 중국 에서 트럭 타고 라오 스로 왔대요.", "중국 에서 트럭 타고 라오 스로 왔대요", Kind.TOPIC),
        # a transit country crossed, in the Jeju -언 form
        ("삼촌도 미얀마 길로 태국 넘언 왓수다.", "미얀마 길로 태국 넘언 왓수다", Kind.TOPIC),
        # looking for a way to get money to someone
        ("동생한테 약값을 보낼 길을 장사꾼 편으로 알아보마.", "약값을 보낼 길을", Kind.TOPIC),
        # a drone attack, then surrender
        ("형은 쿠르스크 숲에서 드론 공격을 받고 붙잡혔다.", "드론 공격을 받고", Kind.TOPIC),
        # a boat boarded, OCR splitting 타고, then south
        ("아재는 쪽배 타 고 서해 로 내려와 연평도 앞에서 구조됐다.", "쪽배 타 고 서해 로 내려와", Kind.TOPIC),
        # a broker's fee, then the debt it left, over a full stop
        ("안내인한테 900만 원 줬다. 아빠 빚 남음.", "안내인한테 900만 원 줬다. 아빠 빚 남음.", Kind.TOPIC),
    ],
)
def test_details_in_new_shapes_are_found(text: str, detail: str, kind: Kind) -> None:
    assert _covered(text, detail, kind)


@pytest.mark.parametrize(
    "text",
    [
        # a thing eaten or heard in a country every such letter's reader was in
        "중국에서 먹던 만두가 가끔 생각나요.",
        "러시아 에서 듣던 노래 를 또 들었다 .",
        # an everyday word of one syllable glued to a noun ending like a village's 리
        "할매가 꿀항아리를 보내 주셨습니다",
        "엄마가 옷보따리를 싸 주셨다",
        # a vow in a church letter, not an academy
        "하나님께 서원한 대로 살겠습니다",
        # a full stop, then a sentence about something else
        "할머니가 빚은 만두가 제일 맛있어.",
    ],
)
def test_look_alikes_are_not_flagged(text: str) -> None:
    assert detect(text) == ()


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a genitive after a town's division, and a friend's school: the town is a place, no school named
        ("춘천 시의 중학교는 다 좋다", Kind.ORG),
        ("서울 친구의 중학교에 놀러 갔다", Kind.ORG),
        # a trip on from China, not the route south
        ("삼촌은 중국에서 일하다가 베트남으로 출장 갔어요.", Kind.TOPIC),
        ("중국에서 온 친구가 태국으로 여행 갔어.", Kind.TOPIC),
        # a bank transfer asked about is no channel
        ("쌀값을 보낼 방법을 은행에 물어봤다.", Kind.TOPIC),
    ],
)
def test_look_alikes_are_not_found_as(text: str, kind: Kind) -> None:
    assert not any(f.kind is kind for f in detect(text))

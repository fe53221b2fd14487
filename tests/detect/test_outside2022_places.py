"""Place and address shapes found missing in the twentieth, twenty-second and twenty-third outside
writers' letters (tables outside20, outside22, outside23), and everyday look-alikes that must stay
unflagged. The sentences are new ones of the same shapes, with other names, places and numbers."""

from __future__ import annotations

import pytest

from relay.detect import Rules, detect

from .conftest import covered_as


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        # a lot's sub-number split off with its hyphen, and the flat after a comma
        ("누나는 부천시 원미구 길주로 12 -7, 305호에 산다", "부천시 원미구 길주로 12 -7, 305호"),
        ("삼촌은 수원시 팔달구 매산로 88 -3 ,1O2호에 있다", "수원시 팔달구 매산로 88 -3 ,1O2호"),
        # a street abroad with its town and postcode, commas or not, the number glued by OCR
        ("이모는 12 Elm Rd, Kingston KT2 6PL 에 산다", "12 Elm Rd, Kingston KT2 6PL"),
        ("이모는 12 Elm Rd Kingston KT2 6PL 에 산다", "12 Elm Rd Kingston KT2 6PL"),
        ("오빠 주소는 88 Pine St Apt 4 Fresno CA 93721 이야", "88 Pine St Apt 4 Fresno CA 93721"),
        ("오빠 주소는 40Maple Ave, Fresno CA 93721 이야", "40Maple Ave, Fresno CA 93721"),
        ("삼촌은 740 Queen St E Toronto ON M4M 1H3 에 살아", "740 Queen St E Toronto ON M4M 1H3"),
        # a Chinese address with its building, estate, block and flat
        ("회사는 大连市 中山区 人民路 58号 金泰大厦 1203室 이다.", "人民路 58号 金泰大厦 1203室"),
        ("丹东市 振兴区 锦山大街 阳光花园 12栋 602 에 있어", "锦山大街 阳光花园 12栋 602"),
        # a Russian street said the Russian way round, its number spoken or in digits
        ("우리 합숙은 울리짜 레니나 이십삼이었다", "울리짜 레니나 이십삼"),
        ("형은 울리차 뿌시끼나 34 에 살았다", "울리차 뿌시끼나 34"),
        # the office of a hospital or convent after the address's number
        (
            "편지는 대구 중구 달구벌대로 2029 동산병원 별관 2층 원무과로 보내라",
            "대구 중구 달구벌대로 2029 동산병원 별관 2층 원무과",
        ),
        ("편지는 부산 서구 대신공원로 26 동아대병원 본관 5층 간호부로보내라", "본관 5층 간호부"),
    ],
)
def test_addresses(rules: Rules, text: str, detail: str) -> None:
    assert covered_as(text, detail, rules, "address", "place"), detail


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        # districts of Shenyang and towns of Yanbian's cities
        ("외삼촌 집은 선양 혼남구 쪽이야", "혼남구"),
        ("그 사람은 심하구 시장 옆에 산다", "심하구"),
        ("화룡시 투도진 에서 숨어 지냈다", "화룡시 투도진"),
        ("훈춘 경신진 에 아는 집이 있었다", "훈춘 경신진"),
        # the Russian Far East: villages of Primorye, loggers' towns in Cyrillic
        ("블라디보스토크 근처 체르니곱까 농장에서 일했다", "체르니곱까"),
        ("2012년부터 Чегдомын 림산에서 일했다", "Чегдомын"),
        # the Gulf and Ulaanbaatar
        ("아버지는 쿠웨이트 시티 건설장에 나가 계셨다", "쿠웨이트 시티"),
        ("우리 작업반은 카타르 도하 에서 경기장을 지었다", "카타르 도하"),
        ("자이승 전망대 아래 아파트에서 살았다", "자이승 전망대"),
        # the numbered gullies of the Yalu's Chinese bank
        ("림강 근처 8도구 에서 숨어 살았다", "8도구"),
        ("장백현 십이도구 에 친척이 있다", "십이도구"),
        # guarded sites by their name: villas, guest houses, guard posts
        ("아버지는 강동 특각 경비를 섰다", "강동 특각"),
        ("그 여자는 주암산초대소 에서 일했다", "주암산초대소"),
        ("우리 소대는 양구 을지부대 GOP 에서 근무했다", "을지부대 GOP"),
        ("우리 소대는 양구 을 지부대 GOP 에서 근무했다", "을 지부대 GOP"),
        # fishing harbours and islands of the West Sea
        ("지금은 속초 대포항 에서 배를 탄다", "대포항"),
        ("삼촌은 보령 대천헝 에서 일한다", "대천헝"),
        ("우리 배는 어화도 앞바다에서 그물을 쳤다", "어화도"),
        ("우리 배는 초도 앞바다에서 떠내려갔다", "초도"),
        # a province's name damaged by OCR, its 도 whole
        ("고향은 평얀북도 신의주시다", "평얀북도"),
        # a city whose first syllable OCR split off, another division after it
        ("형은 지금 김 포시\n양촌읍에 산다", "김 포시"),
        # a letter-spaced village after its town
        ("내 딸 이 함흥 시 회 상 동 에 잇 다", "회 상 동"),
        # a quarter in Hangul after a town in Chinese characters (町 정 before 1945)
        ("할머니는 京城府 명치정 에서 자랐다", "京城府 명치정"),
        ("이 사람은 平壤府 대화정에서 태어났소", "平壤府 대화정"),
        # two places with a word of position between them
        ("나는 혜산 맞은편 장백현에서 장사한다", "혜산 맞은편 장백현"),
    ],
)
def test_places(rules: Rules, text: str, detail: str) -> None:
    assert covered_as(text, detail, rules, "place", "address", "org"), detail


@pytest.mark.parametrize(
    "text",
    [
        "내일 부대는 도하 훈련을 한다",
        "초도 물량이 많이 들어왔다",
        "그 회사 초도 생산품이 좋다",
        "몸조심 해라 진짜 다바이 다바이",
        "물을 하루에 여덟 잔이상 마시고 손을 자주 씻으세요.",
        "도구 13개를 샀다",
        "우리 GP 에서는 밤마다 추웠다",
        "요즘은 순위도 별로 안 따진다",
        "고기 좀 파 주시오",
        "울리짜 라는 말은 거리라는 뜻이야",
        "we took 2 best road trips last year",
        "I walked 3 miles down the road today",
    ],
)
def test_benign(rules: Rules, text: str) -> None:
    assert not [f for f in detect(text, rules) if f.kind.value in ("place", "address")], text


def test_spaced_particles_are_no_village(rules: Rules) -> None:
    # letter-spaced words after a place that hold a particle or an ending are no village
    text = "나 는 평양 에 가 는 동 안 울 엇 다"
    places = [text[f.start : f.end] for f in detect(text, rules) if f.kind.value in ("place", "address")]
    assert places == ["평양"], places

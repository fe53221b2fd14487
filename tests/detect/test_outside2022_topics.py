"""Risky topics in the shapes the outside20, outside22 and outside23 writers showed missing, each with
examples of its own (not those tables' sentences) and the everyday look-alikes that must stay unflagged.

* a border river misread (압록걍, 두만깅), glued to the next word or its verb glued to the word before,
  crossing under a bridge, 건넛/넘엇 for 건넜/넘었; hiding behind or in a car on the way;
* money and goods sent in (들여보내다) by a carrier, an amount sent through a middleman, 돈 부치다;
* taken over at the river bank and driven on; the Gobi crossed into Mongolia;
* handed over to the security service or a holding place; a guard paid off (who took the money);
* a boat from a port of the north, China or Russia, a southern ship boarded, picked up at sea by the
  south's coastguard or navy (fully spaced handwriting too), a fishing trip that came south; swimming
  over; sent back north through Panmunjom; hiding for days or months;
* a worker posted abroad or an officer on a visit slipping away; a town or a country on the way
  crossed; foreign news or films watched and caught at by a watcher; a borrowed phone to call far;
* goods taken from someone across the river; a bribe slipped; a soldier running south or walking over
  to the other side; a prisoner told to say he will go to the south;
* family left behind in a place named;
* and the everyday talk that is no detail: lights across the river, a desert as a figure of speech,
  Korean dramas watched in the south, a ferry to an island, a friend's phone to ring one's mother,
  a child left behind with no place told, old classmates one has lost touch with.
"""

from __future__ import annotations

import pytest

from relay.detect import Rules, detect
from relay.model import Kind

from .conftest import covered

TOPICS = [
    # rivers misread and glued, a bridge crossed under
    ("외삼촌은 압록걍 얼음 깨진 데로 혼자 건넛다.", "압록걍 얼음 깨진 데로 혼자 건넛"),
    ("두만깅 헤엄쳐서 도문 쪽으로 건넜어.", "두만깅 헤엄쳐서 도문 쪽으로 건넜"),
    ("그해 겨울 압록강얼어붙어서 새벽에 걸어 넘었다.", "압록강얼어붙어서 새벽에 걸어 넘었"),
    ("형님은 두만강 얼음 위를 기어서넘었지.", "두만강 얼음 위를 기어서넘었"),
    ("다리 밑 으로 밤중에 몰래 건넜다.", "다리 밑 으로 밤중에 몰래 건넜"),
    # hidden in a car on the way
    ("승합차 뒤에 숨어 국경 검문을 지났다.", "승합차 뒤에 숨어 국경 검문"),
    ("택시 트렁크 안에 숨어서 심양까지 갔어.", "숨어서 심양까지"),
    # money sent in
    ("장사꾼 편에 누이한테 돈하고 옷 들여보냈어.", "장사꾼 편에 누이한테 돈하고 옷 들여보냈"),
    ("작년 겨울에 고모한테 천 위안 들여보냈다.", "천 위안 들여보냈"),
    ("한 달에 이백 달러씩 조선족 상인 통해서 고향 집으로 부쳤소.", "조선족 상인 통해서 고향 집으로 부쳤"),
    ("환전꾼 통해 청진 집에 돈 부치고 있다.", "청진 집에 돈 부치"),
    # the bank, the desert
    ("내가 압록강 강가에서 받아서 단동까지 실어다 줬다.", "강가에서 받아서 단동까지 실어다"),
    ("국경에서 넘겨받아 심양으로 태워 보냈다.", "국경에서 넘겨받아 심양으로 태워"),
    ("몽골사막을 사흘 걸어서 넘었어요.", "몽골사막을 사흘 걸어서 넘었"),
    ("고비 사막 밤새 걸었다.", "고비 사막 밤새 걸었"),
    # caught, handed on, paid off
    ("잡히고 나서 무산 보위부로 넘겨졌다.", "보위부로 넘겨졌"),
    ("그 길로 집결소로 이송됐다.", "집결소로 이송"),
    ("국경 경비대원이 담배 받고 눈감아 줬다.", "경비대원이 담배 받고"),
    ("초소장이 돈 받고 길을 열어 줬어.", "초소장이 돈 받고"),
    # by sea
    ("청진항에서 어선 타고 동해로 나왔다.", "청진항에서 어선 타고"),
    ("다롄에서 한국 화물선 몰래 탔어.", "다롄에서 한국 화물선 몰래 탔"),
    ("나홋카에서 배 타고 부산까지 왔소.", "나홋카에서 배 타고"),
    ("고깃배가 떠밀려 가다가 남측 해경에 구조됐다.", "해경에 구조됐"),
    ("해군 배 만나서 살았다.", "해군 배 만나"),
    ("중 국 배 에 구 조 되 엇 다.", "배 에 구 조 되"),
    ("연평도 앞에서 해병대한테 발견됐다.", "해병대한테 발견됐"),
    ("명태잡이 나갔다가 속초까지 그대로 내려왔다.", "명태잡이 나갔다가 속초까지 그대로 내려왔"),
    ("목선 타고 동해로 밀고 내려왔지.", "밀고 내려왔"),
    ("섬으로 헤엄쳐 온 청년을 경비대가 데려갔다.", "섬으로 헤엄쳐 온"),
    ("본인이 원해서 판문점으로 돌려보냈다고 들었다.", "판문점으로 돌려보냈"),
    ("선원 둘은 북측에 인계됐다.", "북측에 인계"),
    # hidden for a while
    ("그 집 골방에 열흘 숨었다.", "열흘 숨었"),
    ("농막에 석 달 동안 숨어 지냈다.", "석 달 동안 숨어 지냈"),
    # abroad, a country crossed
    ("식당 복무원으로 나가서 상해에서 빠져나왔다.", "복무원으로 나가서 상해에서 빠져나왔"),
    ("러시아 무역 회담 수행 중에 호텔에서 몰래빠져나왔다.", "회담 수행 중에 호텔에서 몰래빠져나왔"),
    ("중국 훈춘으로 건넜다.", "중국 훈춘으로 건넜"),
    ("라오스 넘어서 왔어요.", "라오스 넘어서 왔"),
    # watched and caught at, a borrowed phone
    ("유튜브 보다가 보위원한테 걸렸다.", "유튜브 보다가 보위원한테 걸렸"),
    ("영화 USB로 보다가 규찰대한테 걸렸다.", "영화 USB로 보다가 규찰대한테 걸렸"),
    ("라오스 사람한테 폰을 빌려서 한국에 있는 딸한테 연락했다.", "폰을 빌려서 한국에 있는 딸한테 연락"),
    ("아 저 씨 전화 를 빌려 서 북 에 있는 누나 랑 통 화 했 다.", "빌려 서 북 에 있는 누나 랑 통 화"),
    # goods over the river, a bribe slipped, running south, told to ask for the south, walking over
    ("강가에서 건너편 장사꾼한테 약초랑 전화기를 건네받았다.", "건너편 장사꾼한테 약초랑 전화기를 건네받"),
    ("규찰대한테 잡혔을 때 돈 오만 원 찔러주고 나왔다.", "찔러주"),
    ("경비병 아무개한테 들켰을 때 술 두 병 고여 주고 넘어갔다.", "술 두 병 고여 주"),
    ("초소 근무 서다가 남쪽으로 냅다 뛰었다.", "남쪽으로 냅다 뛰었"),
    ("조사 받을 때 남한으로 가겠다고 분명히 말해라.", "남한으로 가겠다고 분명히 말해"),
    ("적군 쪽으로 손 들고 걸어갔다고 들었다.", "적군 쪽으로 손 들고 걸어갔"),
    # family left behind, where
    ("이북에 두고 온 누이 생각이 난다.", "이북에 두고"),
]


@pytest.mark.parametrize(("text", "piece"), TOPICS)
def test_risky_topics_are_flagged(rules: Rules, text: str, piece: str) -> None:
    assert covered(text, piece, rules, "topic"), text


LOOKALIKES = [
    "강 건너 아파트 불빛을 바라보면서 커피를 마셨다.",
    "강 건너 마을을 보곤 했어요.",
    "퇴근길에 다리 밑으로 건너가면 공원이 나온다.",
    "숨바꼭질할 때 동생이 차 뒤에 숨어서 한참 안 나왔다.",
    "택배 편에 어머니한테 김치랑 반찬 보냈다.",
    "아이를 먼저 방에 들여보냈다.",
    "한강변에서 친구 만나서 집까지 태워 줬다.",
    "강가에서 받아 온 조약돌을 책상에 올려놨다.",
    "인생은 사막을 건너는 것과 같다고 목사님이 말씀하셨다.",
    "힘든 사막을 건널 때도 주님이 함께하셨다.",
    "사막 여행 가서 낙타를 탔다.",
    "부산에서 배 타고 제주도로 갔다.",
    "인천항에서 배 타고 백령도 여행 갔다.",
    "한국 배 타고 여행 왔어요.",
    "낚시 배 타고 나가서 고기 많이 잡았다.",
    "해군에 입대한 조카가 휴가 나왔다.",
    "여름에 바다로 헤엄쳐 나갔다가 다시 돌아왔다.",
    "수영장 끝까지 헤엄쳐 갔다 왔다.",
    "며칠 숨 쉬기도 힘들 만큼 바빴다.",
    "드라마 보다가 엄마한테 걸려서 혼났어.",
    "뉴스 보다가 걸려온 전화 받았어.",
    "요즘 한국 드라마 재미있는 거 많아.",
    "친구 핸드폰 빌려서 엄마한테 전화했어.",
    "중국 요리로 넘어가자.",
    "이제 중국 얘기로 넘어갑시다.",
    "중국을 넘어 세계로 뻗어나가는 기업이다.",
    "택시 기사님이 돈 받고 거스름돈을 줬다.",
    "종업원으로 일하다가 사장님이랑 싸우고 나왔다.",
    "판문점 견학 다녀왔다.",
    "선물을 돌려보냈다.",
    "오징어잡이 배 불빛이 참 예뻐요.",
    "서울 중국집 사장님한테 만두를 받아 왔다.",
    "아이 손에 돈을 쥐어 주고 왔다.",
    "운동장 남쪽으로 뛰어가면 매점이 있다.",
    "다음 달에 한국 간다고 엄마한테 말했어.",
    "딸아, 너를 두고 온 그 새벽을 아직도 꿈에서 본다.",
    "초등학교 동창들은 이제 소식을 모른다.",
]


@pytest.mark.parametrize("text", LOOKALIKES)
def test_everyday_talk_is_no_topic(rules: Rules, text: str) -> None:
    assert not [f for f in detect(text, rules) if f.kind is Kind.TOPIC], text

import type { CoachMessages } from './messages.js';
import { nameArgument as a, quoteName as n } from '../../ui/escape.js';

/** Redis's type names, as the rules pass them, in the glossary's Korean; anything else stays as given. */
const TYPES: Record<string, string> = {
  string: '문자열', list: '리스트', hash: '해시', set: '셋', 'sorted set': '정렬된 셋', stream: '스트림', value: '값',
};
const typeKo = (type: string): string => TYPES[type] ?? type;
/** The object particle for a Korean noun: 을 after a final consonant, 를 after a vowel. */
const eul = (noun: string): string => {
  const last = noun.charCodeAt(noun.length - 1) - 0xac00;
  return last < 0 || last > 11171 ? '을(를)' : last % 28 === 0 ? '를' : '을';
};

/** The coach's notes in Korean (docs/glossary.ko.md). */
export const ko: CoachMessages = {
  setReplaced: (key: string, old: string) => `SET 명령이 ${n(key)} 키의 이전 값(${old})을 덮어썼어요. 문자열 키에는 값이 하나만 들어가요.`,
  setReplacedType: (key: string, type: string) =>
    `SET 명령이 ${typeKo(type)} 타입이던 ${n(key)} 키를 덮어썼어요. SET 명령은 어떤 타입의 키든 덮어써요.`,
  setReplacedMessages: (key: string, old: string) =>
    `SET 명령이 ${n(key)} 키의 이전 값(${old})을 덮어써서 마지막 값만 남아요. 메시지를 모두 남기려면 리스트에 추가하세요: RPUSH ${a(key)} "..."`,
  setRemovedTtl: (key: string, seconds: string) =>
    `${n(key)} 키는 ${seconds}초 뒤 만료될 예정이었는데, SET 명령이 그 만료 시간(TTL)을 없앴어요. SET ${a(key)} ... KEEPTTL 명령으로 쓰면 만료 시간이 유지돼요.`,
  wrongType: (key: string, type: string, commands: string) =>
    `${n(key)} 키에는 ${typeKo(type)} 값이 들어 있어서 이 명령을 쓸 수 없어요. ${typeKo(type)} 명령어: ${commands}.`,
  wrongTypeUnknown: (key: string) => `${n(key)} 키에는 이 명령이 다루지 않는 타입의 값이 들어 있어요. TYPE ${a(key)} 명령으로 확인하세요.`,
  incrNotIntegerUnknown: (where: string) =>
    `${where} 값은 정수가 아니에요: INCR 계열 명령은 64비트 정수로 읽히는 문자열에만 쓸 수 있어요. 소수는 INCRBYFLOAT 명령을 쓰세요.`,
  arity: (usage: string) => `문법: ${usage}`,
  keysLarge: (count: number) =>
    `KEYS 명령은 키 ${count}개를 한 번에 훑고, 그동안 서버는 다른 요청에 응답하지 못해요. 실제 서버에서는 조금씩 훑는 SCAN 0 MATCH <pattern> COUNT 100 명령을 쓰세요.`,
  delCount: (command: string, reply: string, asked: number) =>
    `키 ${asked}개를 준 ${command} 명령은 그중 존재했던 키의 개수(${reply})로 응답해요. 여러 키용 명령이 따로 있지 않아요: ${command} 명령 하나가 여러 키를 받아요.`,
  emptyVanished: (key: string, type: string) =>
    `마지막 요소가 지워져서 ${n(key)} 키는 더 이상 없어요: Redis는 빈 ${typeKo(type)}${eul(typeKo(type))} 삭제해요.`,
  lpushOrder: (key: string) =>
    `LPUSH 명령은 값을 하나씩 맨 앞에 넣어서 순서가 뒤집혀요: LRANGE ${a(key)} 0 -1 명령은 마지막 값을 먼저 보여 줘요. RPUSH 명령은 순서를 지켜요.`,
  lrangeInclusive: (stop: string, count: number) =>
    `LRANGE 명령의 끝 인덱스는 포함돼요: ${stop}까지면 요소 ${count}개가 나와요. -1은 마지막 요소를 뜻해요.`,
  incrMissing: (key: string, command: string) => `${n(key)} 키가 없어서 ${command} 명령이 0부터 시작했어요(그리고 문자열로 키를 만들었어요).`,
  incrNotInteger: (where: string, value: string) =>
    `${where}에는 ${value} 값이 들어 있는데, 정수가 아니에요: INCR 계열 명령은 64비트 정수로 읽히는 문자열에만 쓸 수 있어요. 소수는 INCRBYFLOAT 명령을 쓰세요.`,
  keyLabel: (key: string) => `${n(key)} 키`,
  fieldLabel: (key: string, field: string) => `${n(key)} 키의 ${n(field)} 필드`,
  hmset: () => `HMSET 명령은 폐기 예정이에요: HSET 명령도 필드/값 쌍을 여러 개 받고(HSET user:1 name Ada lang en), 새로 생긴 필드 수로 응답해요.`,
};

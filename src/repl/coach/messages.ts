import { translatable } from '../../ui/i18n.js';
import { ko } from './messages.ko.js';
import { nameArgument as a, quoteName as n } from '../../ui/escape.js';

/** The coach's notes: one short sentence or two, only when a command just taught something. */
const en = {
  setReplaced: (key: string, old: string) => `SET replaced the old value of ${n(key)} (${old}). A string key holds one value.`,
  setReplacedType: (key: string, type: string) => `SET replaced ${n(key)}, which was a ${type}: SET overwrites a key of any type.`,
  setReplacedMessages: (key: string, old: string) =>
    `SET replaced ${old} in ${n(key)}: only the last value is kept. To keep every message, append them to a list: RPUSH ${a(key)} "..."`,
  setRemovedTtl: (key: string, seconds: string) => `${n(key)} had ${seconds}s left to live; SET removed that TTL. SET ${a(key)} ... KEEPTTL keeps it.`,
  wrongType: (key: string, type: string, commands: string) => `${n(key)} holds a ${type}, so this command cannot use it. ${type} commands: ${commands}.`,
  wrongTypeUnknown: (key: string) => `${n(key)} holds another type of value than this command works on. TYPE ${a(key)} says which.`,
  incrNotIntegerUnknown: (where: string) =>
    `${where} does not hold a whole number: INCR and friends only work on strings that read as a 64-bit integer. INCRBYFLOAT takes decimals.`,
  arity: (usage: string) => `Syntax: ${usage}`,
  keysLarge: (count: number) =>
    `KEYS walks all ${count} keys at once and the server answers nothing else meanwhile. On a real server use SCAN 0 MATCH <pattern> COUNT 100, which walks in small steps.`,
  delCount: (command: string, reply: string, asked: number) =>
    `${command} with ${asked} keys answers how many of them existed (${reply}). There is no separate multi-key variant: one ${command} takes many keys.`,
  emptyVanished: (key: string, type: string) => `That removed the last element, so ${n(key)} no longer exists: Redis deletes an empty ${type}.`,
  lpushOrder: (key: string) => `LPUSH puts each value at the head in turn, so they end up reversed: LRANGE ${a(key)} 0 -1 shows the last one first. RPUSH keeps their order.`,
  lrangeInclusive: (stop: string, count: number) => `LRANGE's end index is inclusive: up to ${stop} gives ${count} element${count === 1 ? '' : 's'}. -1 means the last element.`,
  incrMissing: (key: string, command: string) => `${n(key)} did not exist, so ${command} started from 0 (and created it as a string).`,
  incrNotInteger: (where: string, value: string) =>
    `${where} holds ${value}, which is not a whole number: INCR and friends only work on strings that read as a 64-bit integer. INCRBYFLOAT takes decimals.`,
  keyLabel: (key: string) => `${n(key)}`,
  fieldLabel: (key: string, field: string) => `Field ${n(field)} of ${n(key)}`,
  hmset: () => `HMSET is deprecated: HSET takes many field/value pairs too (HSET user:1 name Ada lang en) and answers how many fields were new.`,
};

export type CoachMessages = typeof en;
export const coachMsg: CoachMessages = translatable(en, { ko });

import type { Bytes } from '../types.js';
import { strtod } from '../util/strtod.js';

/** A score interval as ZRANGEBYSCORE reads it: "(1" excludes, "-inf"/"+inf" are the ends. */
export interface ScoreRange {
  min: number;
  max: number;
  minExclusive: boolean;
  maxExclusive: boolean;
}

/** zslParseRange: plain strtod, so "" reads as 0 and leading spaces pass; NaN or trailing bytes do not. */
function parseScoreBound(text: string): { value: number; exclusive: boolean } | undefined {
  const exclusive = text.startsWith('(');
  const body = exclusive ? text.slice(1) : text;
  const r = strtod(body);
  if (r.end !== body.length || Number.isNaN(r.value)) return undefined;
  return { value: r.value, exclusive };
}

export function parseScoreRange(min: Buffer, max: Buffer): ScoreRange | undefined {
  const lo = parseScoreBound(min.toString('latin1'));
  const hi = parseScoreBound(max.toString('latin1'));
  if (lo === undefined || hi === undefined) return undefined;
  return { min: lo.value, max: hi.value, minExclusive: lo.exclusive, maxExclusive: hi.exclusive };
}

export const aboveMin = (score: number, r: ScoreRange): boolean => (r.minExclusive ? score > r.min : score >= r.min);
export const belowMax = (score: number, r: ScoreRange): boolean => (r.maxExclusive ? score < r.max : score <= r.max);

/** zslIsInRange's first test: a range no score can fall in. */
export const emptyScoreRange = (r: ScoreRange): boolean => r.min > r.max || (r.min === r.max && (r.minExclusive || r.maxExclusive));

/** One end of a ZRANGEBYLEX interval: "-" and "+" are below and above every member. */
export type LexBound = { kind: 'min' } | { kind: 'max' } | { kind: 'value'; value: Bytes; exclusive: boolean };

export interface LexRange {
  min: LexBound;
  max: LexBound;
}

function parseLexBound(text: string): LexBound | undefined {
  switch (text[0]) {
    case '+':
      return text.length === 1 ? { kind: 'max' } : undefined;
    case '-':
      return text.length === 1 ? { kind: 'min' } : undefined;
    case '(':
      return { kind: 'value', value: text.slice(1), exclusive: true };
    case '[':
      return { kind: 'value', value: text.slice(1), exclusive: false };
    default:
      return undefined;
  }
}

export function parseLexRange(min: Buffer, max: Buffer): LexRange | undefined {
  const lo = parseLexBound(min.toString('latin1'));
  const hi = parseLexBound(max.toString('latin1'));
  return lo === undefined || hi === undefined ? undefined : { min: lo, max: hi };
}

/** sdscmplex: a member (or bound) against a bound, with "-" lowest and "+" highest. */
function compareLex(a: LexBound, b: LexBound): number {
  if (a.kind === b.kind && a.kind !== 'value') return 0;
  if (a.kind === 'min' || b.kind === 'max') return -1;
  if (a.kind === 'max' || b.kind === 'min') return 1;
  const x = (a as { value: Bytes }).value;
  const y = (b as { value: Bytes }).value;
  return x < y ? -1 : x > y ? 1 : 0;
}

const asBound = (member: Bytes): LexBound => ({ kind: 'value', value: member, exclusive: false });
const exclusive = (b: LexBound): boolean => b.kind !== 'value' || b.exclusive;

export function lexAboveMin(member: Bytes, r: LexRange): boolean {
  const c = compareLex(asBound(member), r.min);
  return exclusive(r.min) ? c > 0 : c >= 0;
}

export function lexBelowMax(member: Bytes, r: LexRange): boolean {
  const c = compareLex(asBound(member), r.max);
  return exclusive(r.max) ? c < 0 : c <= 0;
}

export function emptyLexRange(r: LexRange): boolean {
  const c = compareLex(r.min, r.max);
  return c > 0 || (c === 0 && (exclusive(r.min) || exclusive(r.max)));
}

import { array, bulk, integer, NIL, type RespReply } from '../../resp/types.js';
import { Deque } from '../list/deque.js';
import { membersInOrder } from '../set/set-value.js';
import type { SortedSet } from '../zset/sorted-set.js';
import { fromBytes, toBytes, WRONGTYPE, type Bytes, type CommandContext, type CommandSpec, type HandlerResult, type Keyspace } from '../types.js';
import { keyword, longArg } from '../util/args.js';
import { fail, SYNTAX_ERROR } from '../util/reply-error.js';
import { command } from '../util/spec.js';
import { strtod } from '../util/strtod.js';
import { lookupByPattern } from './lookup-pattern.js';

interface SortOptions {
  desc: boolean;
  alpha: boolean;
  limitStart: number;
  limitCount: number;
  by: Bytes | undefined;
  gets: Bytes[];
  store: Bytes | undefined;
}

function parseOptions(args: Buffer[], readonly: boolean): SortOptions {
  const o: SortOptions = { desc: false, alpha: false, limitStart: 0, limitCount: -1, by: undefined, gets: [], store: undefined };
  for (let j = 2; j < args.length; j++) {
    const left = args.length - j - 1;
    const word = keyword(args[j]);
    if (word === 'asc') o.desc = false;
    else if (word === 'desc') o.desc = true;
    else if (word === 'alpha') o.alpha = true;
    else if (word === 'limit' && left >= 2) {
      o.limitStart = longArg(args[j + 1]!);
      o.limitCount = longArg(args[j + 2]!);
      j += 2;
    } else if (!readonly && word === 'store' && left >= 1) o.store = toBytes(args[++j]!);
    else if (word === 'by' && left >= 1) o.by = toBytes(args[++j]!);
    else if (word === 'get' && left >= 1) o.gets.push(toBytes(args[++j]!));
    else fail(SYNTAX_ERROR);
  }
  return o;
}

const compareBytes = (a: Bytes, b: Bytes): number => (a < b ? -1 : a > b ? 1 : 0);

/** The elements to sort, in the order Redis loads them (a list's own order, an intset ascending ...). */
function load(db: Keyspace, key: Bytes): { items: Bytes[]; kind: 'list' | 'set' | 'zset' } {
  const value = db.get(key);
  if (value === undefined) return { items: [], kind: 'list' };
  if (value.type === 'list') return { items: [...value.value], kind: 'list' };
  if (value.type === 'set') return { items: membersInOrder(value), kind: 'set' };
  if (value.type === 'zset') {
    // Redis converts a listpack sorted set to a skiplist for SORT, for good (OBJECT ENCODING shows it).
    value.encoding = 'skiplist';
    return { items: [...(value.value as SortedSet)].map((e) => e.member), kind: 'zset' };
  }
  return fail(WRONGTYPE);
}

/** sortCommandGeneric, for SORT and SORT_RO. */
function sort({ db }: CommandContext, args: Buffer[], readonly: boolean): HandlerResult {
  const o = parseOptions(args, readonly);
  const { items, kind } = load(db, toBytes(args[1]!));
  let dontsort = o.by !== undefined && !o.by.includes('*');
  let alpha = o.alpha;
  let by = o.by;
  // A set in BY-nosort order would store in an order no replica could repeat: Redis sorts it by bytes.
  if (dontsort && kind === 'set' && o.store !== undefined) {
    dontsort = false;
    alpha = true;
    by = undefined;
  }
  const n = items.length;
  let start = o.limitStart < 0 ? 0 : o.limitStart;
  let end = o.limitCount < 0 ? n - 1 : start + o.limitCount - 1;
  if (start >= n) {
    start = n - 1;
    end = n - 2;
  }
  if (end >= n) end = n - 1;

  let vector = items;
  if (dontsort && kind !== 'set') {
    // Lists and sorted sets keep their own order, walked from the far end for DESC.
    vector = end >= start ? (o.desc ? [...items].reverse() : items).slice(start, end + 1) : [];
    end -= start;
    start = 0;
  } else if (!dontsort) {
    vector = sortVector(db, items, by, alpha, o.desc);
  }

  const picked = end >= start ? vector.slice(start, end + 1) : [];
  if (o.store === undefined) {
    const out: RespReply[] = [];
    for (const element of picked) {
      if (o.gets.length === 0) out.push(bulk(fromBytes(element)));
      for (const get of o.gets) {
        const v = lookupByPattern(db, get, element);
        out.push(v === undefined ? NIL : bulk(fromBytes(v)));
      }
    }
    return array(out);
  }
  const stored = new Deque();
  for (const element of picked) {
    if (o.gets.length === 0) stored.push(element);
    for (const get of o.gets) stored.push(lookupByPattern(db, get, element) ?? '');
  }
  if (stored.length > 0) db.set(o.store, { type: 'list', value: stored, encoding: 'quicklist' });
  else db.delete(o.store);
  return integer(stored.length);
}

/**
 * Scores (or bytes, for ALPHA) from the elements or their BY pattern; numeric ties fall back to the
 * elements' bytes. Redis's ALPHA compares with strcoll, which is byte order in the C locale it runs in.
 * A stable sort keeps ALPHA ties in load order, as glibc's merge-sorting qsort does.
 */
function sortVector(db: Keyspace, items: Bytes[], by: Bytes | undefined, alpha: boolean, desc: boolean): Bytes[] {
  const keyed = items.map((element) => {
    const byValue = by === undefined ? element : lookupByPattern(db, by, element);
    if (alpha) return { element, text: by === undefined ? element : byValue, score: 0 };
    let score = 0;
    if (byValue !== undefined) {
      const r = strtod(byValue);
      if (r.end !== byValue.length || r.erange || Number.isNaN(r.value)) fail("ERR One or more scores can't be converted into double");
      score = r.value;
    }
    return { element, text: undefined as Bytes | undefined, score };
  });
  const sign = desc ? -1 : 1;
  keyed.sort((a, b) => {
    if (!alpha) return sign * (a.score > b.score ? 1 : a.score < b.score ? -1 : compareBytes(a.element, b.element));
    if (a.text === undefined || b.text === undefined) return sign * (a.text === b.text ? 0 : a.text === undefined ? -1 : 1);
    return sign * compareBytes(a.text, b.text);
  });
  return keyed.map((k) => k.element);
}

export const sortCommands: CommandSpec[] = [
  command('sort', -2, ['write', 'denyoom'], [1, 1, 1], (ctx, args) => sort(ctx, args, false)),
  command('sort_ro', -2, ['readonly'], [1, 1, 1], (ctx, args) => sort(ctx, args, true)),
];

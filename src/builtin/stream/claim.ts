import { array, NIL, type RespReply } from '../../resp/types.js';
import { toBytes, type CommandSpec } from '../types.js';
import { integerArg, keyword } from '../util/args.js';
import { parseInt64 } from '../numbers.js';
import { fail, ReplyError, SYNTAX_ERROR } from '../util/reply-error.js';
import { command } from '../util/spec.js';
import { groupOf, noKeyOrGroup } from './group-commands.js';
import { dropPending, reassign, touchConsumer, type Consumer, type ConsumerGroup, type Pending } from './groups.js';
import { compareIds, intervalId, MIN_ID, strictId, type StreamId } from './id.js';
import type { Stream } from './stream.js';
import { entryReply, idReply } from './value.js';

/** The claimed entry as XCLAIM and XAUTOCLAIM answer it: its id (JUSTID) or the entry itself. */
function claimedReply(s: Stream, id: StreamId, justId: boolean): RespReply {
  if (justId) return idReply(id);
  const e = s.get(id);
  return e === undefined ? NIL : entryReply(e);
}

/** Takes a pending entry for `consumer`, with a delivery time and count as XCLAIM/XAUTOCLAIM set them. */
function take(id: StreamId, p: Pending, consumer: Consumer, deliveryTime: number, count: number | undefined, justId: boolean): void {
  reassign(id, p, consumer);
  p.deliveryTime = deliveryTime;
  if (count !== undefined) p.deliveryCount = count;
  else if (!justId) p.deliveryCount++;
}

const isId = (arg: Buffer): boolean => {
  try {
    strictId(arg);
    return true;
  } catch (e) {
    if (e instanceof ReplyError) return false;
    throw e;
  }
};

const xclaim = command('xclaim', -6, ['write', 'fast'], [1, 1, 1], (ctx, args) => {
  const found = groupOf(ctx, args) ?? noKeyOrGroup(args);
  const { s, group } = found;
  const minIdleRaw = integerArg(args[4]!, 'ERR Invalid min-idle-time argument for XCLAIM');
  const minIdle = minIdleRaw < 0n ? 0n : minIdleRaw;
  let j = 5;
  while (j < args.length && isId(args[j]!)) j++;
  const idArgs = args.slice(5, j);
  const now = ctx.now;
  let deliveryTime: bigint | undefined;
  let retryCount: number | undefined;
  let force = false;
  let justId = false;
  let lastId: StreamId = MIN_ID;
  for (; j < args.length; j++) {
    const opt = keyword(args[j]);
    const more = j + 1 < args.length;
    if (opt === 'force') force = true;
    else if (opt === 'justid') justId = true;
    else if (opt === 'idle' && more) deliveryTime = BigInt(now) - integerArg(args[++j]!, 'ERR Invalid IDLE option argument for XCLAIM');
    else if (opt === 'time' && more) deliveryTime = integerArg(args[++j]!, 'ERR Invalid TIME option argument for XCLAIM');
    else if (opt === 'retrycount' && more) {
      const n = integerArg(args[++j]!, 'ERR Invalid RETRYCOUNT option argument for XCLAIM');
      retryCount = n < 0n ? undefined : Number(n);
    } else if (opt === 'lastid' && more) lastId = strictId(args[++j]!);
    else fail(`ERR Unrecognized XCLAIM option '${args[j]!.toString('latin1')}'`);
  }
  if (compareIds(lastId, group.lastId) > 0) group.lastId = lastId;
  const time = deliveryTime === undefined || deliveryTime < 0n || deliveryTime > BigInt(now) ? now : Number(deliveryTime);
  let consumer: Consumer | undefined;
  const out: RespReply[] = [];
  for (const arg of idArgs) {
    const id = strictId(arg);
    let p = group.pel.get(id);
    if (s.get(id) === undefined) {
      if (p !== undefined) dropPending(group, id, p);
      continue;
    }
    if (force && p === undefined) {
      // A NACK made from nothing (delivered once), then claimed like any other: 2 deliveries, 1 with JUSTID.
      consumer ??= touchConsumer(group, toBytes(args[3]!), now);
      p = { consumer, deliveryTime: time, deliveryCount: 1 };
      group.pel.add(id, p);
      consumer.pel.add(id, p);
    } else if (p === undefined) continue;
    else if (minIdle !== 0n && BigInt(now - p.deliveryTime) < minIdle) continue;
    consumer ??= touchConsumer(group, toBytes(args[3]!), now);
    take(id, p, consumer, time, retryCount, justId);
    out.push(claimedReply(s, id, justId));
  }
  return array(out);
});

/** COUNT's ceiling: LONG_MAX / max(sizeof(streamID), attempts factor 10) = LONG_MAX / 16. */
const MAX_AUTOCLAIM_COUNT = (2n ** 63n - 1n) / 16n;
const ALLOCATABLE_IDS = (48 * 2 ** 40) / 16;

const xautoclaim = command('xautoclaim', -6, ['write', 'fast'], [1, 1, 1], (ctx, args) => {
  const minIdleRaw = integerArg(args[4]!, 'ERR Invalid min-idle-time argument for XAUTOCLAIM');
  const minIdle = minIdleRaw < 0n ? 0n : minIdleRaw;
  const start = intervalId(args[5]!, false);
  let count = 100;
  let justId = false;
  for (let j = 6; j < args.length; j++) {
    const opt = keyword(args[j]);
    if (opt === 'count' && j + 1 < args.length) {
      const n = parseInt64(args[++j]!);
      if (n === null || n < 1n || n > MAX_AUTOCLAIM_COUNT) fail('ERR COUNT must be > 0');
      count = Number(n);
    } else if (opt === 'justid') justId = true;
    else fail(SYNTAX_ERROR);
  }
  const { s, group } = groupOf(ctx, args) ?? noKeyOrGroup(args);
  // Redis allocates COUNT stream ids up front; past what the allocator will map (48 TiB with jemalloc
  // on x86-64, asked of a real server) it gives up.
  if (count > ALLOCATABLE_IDS) fail('ERR Insufficient memory, failed allocating transient memory, COUNT too high.');
  return autoclaim(s, group, toBytes(args[3]!), start, count, minIdle, justId, ctx.now);
});

function autoclaim(s: Stream, group: ConsumerGroup, name: string, start: StreamId, count: number, minIdle: bigint, justId: boolean, now: number): RespReply {
  let attempts = count * 10;
  let consumer: Consumer | undefined;
  const claimed: RespReply[] = [];
  const deleted: RespReply[] = [];
  let next: StreamId = MIN_ID;
  const walk = group.pel.from(start);
  for (;;) {
    if (attempts-- === 0 || count === 0) {
      next = walk.next().value?.[0] ?? MIN_ID;
      break;
    }
    const step = walk.next();
    if (step.done === true) break;
    const [id, p] = step.value;
    if (s.get(id) === undefined) {
      dropPending(group, id, p);
      deleted.push(idReply(id));
      count--;
      continue;
    }
    if (minIdle !== 0n && BigInt(now - p.deliveryTime) < minIdle) continue;
    consumer ??= touchConsumer(group, name, now);
    take(id, p, consumer, now, undefined, justId);
    claimed.push(claimedReply(s, id, justId));
    count--;
  }
  return array([idReply(next), array(claimed), array(deleted)]);
}

export const claimCommands: CommandSpec[] = [xclaim, xautoclaim];

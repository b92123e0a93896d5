import { array, bulk, error, NIL_ARRAY, type RespReply } from '../../resp/types.js';
import { internals } from '../dispatch.js';
import { map, type Reply } from '../reply.js';
import { fromBytes, toBytes, WRONGTYPE, type BlockRequest, type Bytes, type CommandContext, type CommandSpec } from '../types.js';
import { keyword } from '../util/args.js';
import { parseInt64 } from '../numbers.js';
import { fail, guardedServe, SYNTAX_ERROR } from '../util/reply-error.js';
import { command } from '../util/spec.js';
import { deliverHistory, deliverNew } from './deliver.js';
import { cText } from './help.js';
import { touchConsumer, type ConsumerGroup } from './groups.js';
import { compareIds, MAX_ID, MIN_ID, nextId, strictId, type StreamId } from './id.js';
import type { Stream } from './stream.js';
import { entryReply, streamAt } from './value.js';

/** Redis's XREAD_BLOCKED_DEFAULT_COUNT: a blocked read without COUNT gets at most this many entries. */
const BLOCKED_DEFAULT_COUNT = 1000;
const MAX_TIMER_MS = 2 ** 31 - 1;

interface ReadArgs {
  timeoutMs: number | undefined;
  count: number;
  keys: Bytes[];
  idArgs: Buffer[];
  group: { name: Bytes; consumer: Bytes; noack: boolean } | undefined;
}

function parseRead(args: Buffer[], grouped: boolean, name: string): ReadArgs {
  let timeoutMs: number | undefined;
  let count = 0;
  let streamsAt = 0;
  let groupName: Bytes | undefined;
  let consumer: Bytes = '';
  let noack = false;
  for (let i = 1; i < args.length; i++) {
    const more = args.length - i - 1;
    const opt = keyword(args[i]);
    if (opt === 'block' && more > 0) {
      const n = parseInt64(args[++i]!) ?? fail('ERR timeout is not an integer or out of range');
      if (n < 0n) fail('ERR timeout is negative');
      timeoutMs = Number(n > BigInt(MAX_TIMER_MS) ? MAX_TIMER_MS : n);
    } else if (opt === 'count' && more > 0) {
      const n = parseInt64(args[++i]!) ?? fail('ERR value is not an integer or out of range');
      count = n < 0n ? 0 : Number(n);
    } else if (opt === 'streams' && more > 0) {
      streamsAt = i + 1;
      if ((args.length - streamsAt) % 2 !== 0) {
        fail("ERR Unbalanced XREAD list of streams: for each stream key an ID or '$' must be specified.");
      }
      break;
    } else if (opt === 'group' && more >= 2) {
      if (!grouped) fail('ERR The GROUP option is only supported by XREADGROUP. You called XREAD instead.');
      groupName = toBytes(args[i + 1]!);
      consumer = toBytes(args[i + 2]!);
      i += 2;
    } else if (opt === 'noack') {
      if (!grouped) fail('ERR The NOACK option is only supported by XREADGROUP. You called XREAD instead.');
      noack = true;
    } else fail(SYNTAX_ERROR);
  }
  if (streamsAt === 0) fail(SYNTAX_ERROR);
  if (grouped && groupName === undefined) fail('ERR Missing GROUP option for XREADGROUP');
  const n = (args.length - streamsAt) / 2;
  return {
    timeoutMs,
    count,
    keys: args.slice(streamsAt, streamsAt + n).map(toBytes),
    idArgs: args.slice(streamsAt + n),
    group: groupName === undefined ? undefined : { name: groupName, consumer, noack },
  };
}

/** `>` as Redis marks it internally: the group's last id is read when serving. */
const NEW_ONLY = MAX_ID;

/** The ids to read after, one per stream, with the groups resolved (xreadCommand's second loop). */
function resolveIds(ctx: CommandContext, r: ReadArgs): { ids: StreamId[]; groups: ConsumerGroup[] } {
  const ids: StreamId[] = [];
  const groups: ConsumerGroup[] = [];
  r.keys.forEach((key, i) => {
    const value = ctx.db.get(key);
    if (value !== undefined && value.type !== 'stream') fail(WRONGTYPE);
    const s = value?.value as Stream | undefined;
    if (r.group !== undefined) {
      const group = s?.groups.get(r.group.name);
      if (group === undefined) fail(`NOGROUP No such key '${cText(key)}' or consumer group '${cText(r.group.name)}' in XREADGROUP with GROUP option`);
      groups.push(group);
    }
    const arg = r.idArgs[i]!;
    if (arg.length === 1 && arg[0] === 0x24) {
      if (r.group !== undefined) {
        fail('ERR The $ ID is meaningless in the context of XREADGROUP: you want to read the history of this consumer by specifying a proper ID, or use the > ID to get new messages. The $ ID would just return an empty result set.');
      }
      ids.push(s?.lastId ?? MIN_ID);
    } else if (arg.length === 1 && arg[0] === 0x3e) {
      if (r.group === undefined) fail('ERR The > ID can be specified only when calling XREADGROUP using the GROUP <group> <consumer> option.');
      ids.push(NEW_ONLY);
    } else ids.push(strictId(arg));
  });
  return { ids, groups };
}

/** RESP2: [[key, entries], ...]; RESP3: a map of key to entries (as Redis 7.0 answers both). */
function streamsReply(ctx: CommandContext, served: Array<[Bytes, RespReply[]]>): Reply {
  if (internals(ctx).client.writer.resp === 3) return map(served.flatMap(([k, entries]) => [bulk(fromBytes(k)), array(entries)]));
  return array(served.map(([k, entries]) => array([bulk(fromBytes(k)), array(entries)])));
}

function readCommand(name: string, grouped: boolean): CommandSpec {
  return command(name, grouped ? -7 : -4, grouped ? ['write', 'blocking'] : ['readonly', 'blocking'], [0, 0, 0], (ctx, args) => {
    const r = parseRead(args, grouped, name);
    const { ids, groups } = resolveIds(ctx, r);
    const served: Array<[Bytes, RespReply[]]> = [];
    r.keys.forEach((key, i) => {
      const s = streamAt(ctx.db, key);
      if (s === undefined) return;
      let after = ids[i]!;
      let history = false;
      if (r.group !== undefined) {
        const group = groups[i]!;
        if (compareIds(after, NEW_ONLY) !== 0) history = true;
        else if (s.length > 0 && compareIds(s.edgeId(false)!, group.lastId) > 0) after = group.lastId;
        else return;
        const consumer = touchConsumer(group, r.group.consumer, ctx.now);
        const start = nextId(after) ?? MIN_ID;
        served.push([key, history ? deliverHistory(s, consumer, start, r.count, ctx.now) : deliverNew(s, group, consumer, start, r.count, r.group.noack, ctx.now)]);
        return;
      }
      if (s.length === 0 || compareIds(s.edgeId(false)!, after) <= 0) return;
      served.push([key, plainRead(s, nextId(after) ?? MIN_ID, r.count)]);
    });
    if (served.length > 0) return streamsReply(ctx, served);
    if (r.timeoutMs === undefined) return NIL_ARRAY;
    return blockFor(r, ids);
  });
}

function plainRead(s: Stream, start: StreamId, count: number): RespReply[] {
  const out: RespReply[] = [];
  for (const e of s.range(start, MAX_ID)) {
    out.push(entryReply(e));
    if (out.length === count) break;
  }
  return out;
}

const KEY_GONE = 'UNBLOCKED the stream key no longer exists';

/** Waits for an XADD to one of the streams (serveClientsBlockedOnStreamKey), served from that key only. */
function blockFor(r: ReadArgs, ids: StreamId[]): BlockRequest {
  const count = r.count === 0 ? BLOCKED_DEFAULT_COUNT : r.count;
  const group = r.group;
  return {
    type: 'block',
    keys: r.keys,
    timeoutMs: r.timeoutMs!,
    tryServe: guardedServe((ctx, readyKey) => {
      for (const key of readyKey === undefined ? r.keys : [readyKey]) {
        const value = ctx.db.get(key);
        if (value?.type !== 'stream') {
          if (group !== undefined) return error(KEY_GONE);
          continue;
        }
        const s = value.value as Stream;
        let after = ids[r.keys.indexOf(key)]!;
        const g = group === undefined ? undefined : s.groups.get(group.name);
        if (group !== undefined) {
          if (g === undefined) return error('NOGROUP the consumer group this client was blocked on no longer exists');
          after = g.lastId;
        }
        if (compareIds(s.lastId, after) <= 0) continue;
        const start = nextId(after) ?? MIN_ID;
        if (g === undefined) return streamsReply(ctx, [[key, plainRead(s, start, count)]]);
        const consumer = touchConsumer(g, group!.consumer, ctx.now);
        return streamsReply(ctx, [[key, deliverNew(s, g, consumer, start, count, group!.noack, ctx.now)]]);
      }
      return undefined;
    }),
    // A group reader whose stream was deleted or replaced is told at once (Redis 7.0.15's UNBLOCKED).
    gone:
      group === undefined
        ? undefined
        : (ctx) => {
            for (const key of r.keys) if (ctx.db.get(key)?.type !== 'stream') return error(KEY_GONE);
            return undefined;
          },
    onTimeout: NIL_ARRAY,
    deniedReply: NIL_ARRAY,
  };
}

export const readCommands: CommandSpec[] = [readCommand('xread', false), readCommand('xreadgroup', true)];

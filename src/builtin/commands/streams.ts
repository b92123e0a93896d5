import { array, integer, NIL, NIL_ARRAY, OK } from '../../resp/types.js';
import { parseAddOrTrim } from '../stream/add-args.js';
import { claimCommands } from '../stream/claim.js';
import { groupCommands } from '../stream/group-commands.js';
import { compareIds, intervalId, isZero, nextId, strictId, U64_MAX, type StreamId } from '../stream/id.js';
import { infoCommands } from '../stream/info.js';
import { nodeLimits } from '../stream/limits.js';
import { readCommands } from '../stream/read.js';
import { trimStream } from '../stream/trim.js';
import { entryReply, idReply, newStreamValue, streamAt, watchOnly } from '../stream/value.js';
import { toBytes, type CommandSpec } from '../types.js';
import { integerArg, keyword } from '../util/args.js';
import { fail, SYNTAX_ERROR } from '../util/reply-error.js';
import { command } from '../util/spec.js';

/** XADD, XLEN, XRANGE, XREVRANGE, XDEL, XTRIM, XSETID; reads, groups, claims and XINFO live in stream/. */

const xadd = command('xadd', -5, ['write', 'denyoom', 'fast'], [1, 1, 1], (ctx, args) => {
  const { db, now } = ctx;
  const limits = nodeLimits(ctx);
  const parsed = parseAddOrTrim(args, true, limits);
  const fieldsAt = parsed.idIndex + 1;
  if (args.length - fieldsAt < 2 || (args.length - fieldsAt) % 2 === 1) fail("ERR wrong number of arguments for 'xadd' command");
  if (parsed.id !== undefined && parsed.seqGiven && isZero(parsed.id)) fail('ERR The ID specified in XADD must be greater than 0-0');
  const key = toBytes(args[1]!);
  let s = streamAt(db, key);
  if (s === undefined) {
    if (parsed.noMkStream) return NIL;
    const created = newStreamValue();
    db.set(key, created);
    s = created.value;
  }
  if (s.lastId.ms === U64_MAX && s.lastId.seq === U64_MAX) fail('ERR The stream has exhausted the last possible ID, unable to add more items');
  let id: StreamId;
  const last = s.lastId;
  if (parsed.id === undefined) {
    const ms = BigInt(now);
    id = ms > last.ms ? { ms, seq: 0n } : nextId(last)!;
  } else if (parsed.seqGiven) {
    id = parsed.id;
  } else if (last.ms === parsed.id.ms) {
    if (last.seq === U64_MAX) fail('ERR The ID specified in XADD is equal or smaller than the target stream top item');
    id = { ms: last.ms, seq: last.seq + 1n };
  } else id = parsed.id;
  if (compareIds(id, last) <= 0) fail('ERR The ID specified in XADD is equal or smaller than the target stream top item');
  s.append(id, args.slice(fieldsAt).map(toBytes), limits);
  if (parsed.trim !== undefined) trimStream(s, parsed.trim);
  db.touched(key);
  return idReply(id);
});

const xlen = command('xlen', 2, ['readonly', 'fast'], [1, 1, 1], ({ db }, args) => integer(streamAt(db, toBytes(args[1]!))?.length ?? 0));

function rangeCommand(name: string, rev: boolean): CommandSpec {
  return command(name, -4, ['readonly'], [1, 1, 1], ({ db }, args) => {
    const start = intervalId(args[rev ? 3 : 2]!, false);
    const end = intervalId(args[rev ? 2 : 3]!, true);
    let count = -1;
    for (let j = 4; j < args.length; j++) {
      if (keyword(args[j]) === 'count' && j + 1 < args.length) {
        const n = integerArg(args[++j]!);
        count = n < 0n ? 0 : Number(n);
      } else fail(SYNTAX_ERROR);
    }
    const s = streamAt(db, toBytes(args[1]!));
    if (s === undefined) return array([]);
    if (count === 0) return NIL_ARRAY;
    const out = [];
    for (const e of s.range(start, end, rev)) {
      out.push(entryReply(e));
      if (out.length === count) break;
    }
    return array(out);
  });
}

const xdel = command('xdel', -3, ['write', 'fast'], [1, 1, 1], (ctx, args) => {
  const { db } = ctx;
  const key = toBytes(args[1]!);
  const s = streamAt(db, key);
  if (s === undefined) return integer(0);
  const ids = args.slice(2).map(strictId);
  let deleted = 0;
  let firstGone = false;
  for (const id of ids) {
    if (!s.delete(id)) continue;
    if (compareIds(id, s.firstId) === 0) firstGone = true;
    if (compareIds(id, s.maxDeletedId) > 0) s.maxDeletedId = id;
    deleted++;
  }
  if (deleted > 0) {
    if (s.length === 0) s.firstId = { ms: 0n, seq: 0n };
    else if (firstGone) s.firstId = s.edgeId(true)!;
    watchOnly(ctx, key);
  }
  return integer(deleted);
});

const xtrim = command('xtrim', -4, ['write'], [1, 1, 1], (ctx, args) => {
  const { db } = ctx;
  const parsed = parseAddOrTrim(args, false, nodeLimits(ctx));
  const key = toBytes(args[1]!);
  const s = streamAt(db, key);
  if (s === undefined) return integer(0);
  const deleted = trimStream(s, parsed.trim!);
  if (deleted > 0) watchOnly(ctx, key);
  return integer(deleted);
});

const xsetid = command('xsetid', -3, ['write', 'denyoom', 'fast'], [1, 1, 1], ({ db }, args) => {
  const id = strictId(args[2]!);
  let entriesAdded = -1;
  let maxDeleted: StreamId = { ms: 0n, seq: 0n };
  for (let i = 3; i < args.length; i += 2) {
    const opt = keyword(args[i]);
    const more = i + 1 < args.length;
    if (opt === 'entriesadded' && more) {
      const n = integerArg(args[i + 1]!);
      if (n < 0n) fail('ERR entries_added must be positive');
      entriesAdded = Number(n);
    } else if (opt === 'maxdeletedid' && more) {
      maxDeleted = strictId(args[i + 1]!);
      if (compareIds(id, maxDeleted) < 0) fail('ERR The ID specified in XSETID is smaller than the provided max_deleted_entry_id');
    } else fail(SYNTAX_ERROR);
  }
  const s = streamAt(db, toBytes(args[1]!)) ?? fail('ERR no such key');
  if (s.length > 0) {
    if (compareIds(id, s.edgeId(false)!) < 0) fail('ERR The ID specified in XSETID is smaller than the target stream top item');
    if (entriesAdded !== -1 && s.length > entriesAdded) fail('ERR The entries_added specified in XSETID is smaller than the target stream length');
  }
  s.lastId = id;
  if (entriesAdded !== -1) s.entriesAdded = entriesAdded;
  if (!isZero(maxDeleted)) s.maxDeletedId = maxDeleted;
  return OK;
});

export const streamCommands: CommandSpec[] = [
  xadd,
  xlen,
  rangeCommand('xrange', false),
  rangeCommand('xrevrange', true),
  xdel,
  xtrim,
  xsetid,
  ...readCommands,
  ...groupCommands,
  ...claimCommands,
  ...infoCommands,
];

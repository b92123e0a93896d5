import { array, bulk, integer, NIL, NIL_ARRAY, OK, type RespReply } from '../../resp/types.js';
import { internals } from '../dispatch.js';
import type { Database } from '../keyspace.js';
import { fromBytes, toBytes, WRONGTYPE, type CommandContext, type CommandSpec } from '../types.js';
import { integerArg, keyword } from '../util/args.js';
import { fail, SYNTAX_ERROR } from '../util/reply-error.js';
import { command } from '../util/spec.js';
import { addConsumer, byName, dropPending, newGroup, UNKNOWN_READS, type ConsumerGroup } from './groups.js';
import { cText, helpReply, subcommandSyntaxError } from './help.js';
import { compareIds, intervalId, parseIdArg, strictId, type StreamId } from './id.js';
import type { Stream } from './stream.js';
import { idReply, newStreamValue, streamAt } from './value.js';

const noGroup = (group: string, key: string): never => fail(`NOGROUP No such consumer group '${cText(group)}' for key name '${cText(key)}'`);

interface Prologue {
  s: Stream | undefined;
  group: ConsumerGroup | undefined;
  mkstream: boolean;
  entriesRead: number;
}

/** What xgroupCommand checks before any subcommand: options (CREATE, SETID), the key, the group. */
function prologue(ctx: CommandContext, args: Buffer[]): Prologue {
  const sub = keyword(args[1]);
  let mkstream = false;
  let entriesRead = UNKNOWN_READS;
  if (sub === 'create' || sub === 'setid') {
    for (let i = 5; i < args.length; ) {
      const opt = keyword(args[i]);
      if (sub === 'create' && opt === 'mkstream') {
        mkstream = true;
        i++;
      } else if (opt === 'entriesread' && i + 1 < args.length) {
        const n = integerArg(args[i + 1]!);
        if (n < 0n && n !== -1n) fail('ERR value for ENTRIESREAD must be positive or -1');
        entriesRead = Number(n);
        i += 2;
      } else fail(subcommandSyntaxError(args));
    }
  }
  const key = toBytes(args[2]!);
  const s = streamAt(ctx.db, key);
  const name = toBytes(args[3]!);
  const group = s?.groups.get(name);
  if (!mkstream) {
    if (s === undefined) {
      fail('ERR The XGROUP subcommand requires the key to exist. Note that for CREATE you may want to use the MKSTREAM option to create an empty stream automatically.');
    }
    if (group === undefined && (sub === 'setid' || sub === 'createconsumer' || sub === 'delconsumer')) noGroup(name, key);
  }
  return { s, group, mkstream, entriesRead };
}

const create = command('xgroup|create', -5, ['write', 'denyoom'], [2, 2, 1], (ctx, args) => {
  const p = prologue(ctx, args);
  if (args.length > 8) fail(subcommandSyntaxError(args));
  const key = toBytes(args[2]!);
  let id: StreamId;
  if (args[4]!.length === 1 && args[4]![0] === 0x24) id = p.s?.lastId ?? { ms: 0n, seq: 0n };
  else id = strictId(args[4]!);
  let s = p.s;
  if (s === undefined) {
    const created = newStreamValue();
    ctx.db.set(key, created);
    s = created.value;
  }
  const name = toBytes(args[3]!);
  if (s.groups.has(name)) fail('BUSYGROUP Consumer Group name already exists');
  s.groups.set(name, newGroup(id, p.entriesRead));
  return OK;
});

const setid = command('xgroup|setid', -5, ['write'], [2, 2, 1], (ctx, args) => {
  const p = prologue(ctx, args);
  if (args.length !== 5 && args.length !== 7) fail(subcommandSyntaxError(args));
  const group = p.group!;
  const id = args[4]!.length === 1 && args[4]![0] === 0x24 ? p.s!.lastId : parseIdArg(args[4]!).id;
  group.lastId = id;
  group.entriesRead = p.entriesRead;
  return OK;
});

const destroy = command('xgroup|destroy', 4, ['write'], [2, 2, 1], (ctx, args) => {
  const p = prologue(ctx, args);
  if (p.group === undefined) return integer(0);
  p.s!.groups.delete(toBytes(args[3]!));
  // Wakes the XREADGROUP clients blocked on the group (they answer NOGROUP); WATCH hears nothing, as in Redis.
  internals(ctx).engine.blocking.signal(ctx.db as Database, toBytes(args[2]!));
  return integer(1);
});

const createconsumer = command('xgroup|createconsumer', 5, ['write', 'denyoom'], [2, 2, 1], (ctx, args) => {
  const group = prologue(ctx, args).group!;
  const name = toBytes(args[4]!);
  if (group.consumers.has(name)) return integer(0);
  addConsumer(group, name, ctx.now);
  return integer(1);
});

const delconsumer = command('xgroup|delconsumer', 5, ['write'], [2, 2, 1], (ctx, args) => {
  const group = prologue(ctx, args).group!;
  const consumer = group.consumers.get(toBytes(args[4]!));
  if (consumer === undefined) return integer(0);
  const pending = consumer.pel.size;
  for (const [id, p] of consumer.pel.from()) dropPending(group, id, p);
  group.consumers.delete(consumer.name);
  return integer(pending);
});

const XGROUP_HELP = [
  'CREATE <key> <groupname> <id|$> [option]',
  '    Create a new consumer group. Options are:',
  '    * MKSTREAM',
  '      Create the empty stream if it does not exist.',
  '    * ENTRIESREAD entries_read',
  '      Set the group\'s entries_read counter (internal use).',
  'CREATECONSUMER <key> <groupname> <consumer>',
  '    Create a new consumer in the specified group.',
  'DELCONSUMER <key> <groupname> <consumer>',
  '    Remove the specified consumer.',
  'DESTROY <key> <groupname>',
  '    Remove the specified group.',
  'SETID <key> <groupname> <id|$> [ENTRIESREAD entries_read]',
  '    Set the current group ID and entries_read counter.',
];

const xgroup: CommandSpec = {
  ...command('xgroup', -2, [], [0, 0, 0], () => fail(SYNTAX_ERROR)),
  subcommands: [create, setid, destroy, createconsumer, delconsumer, command('xgroup|help', 2, ['loading', 'stale'], [0, 0, 0], (_ctx, args) => helpReply(args[0]!, XGROUP_HELP))],
};

/** The stream and group of XACK, XPENDING, XCLAIM and XAUTOCLAIM: WRONGTYPE first, then undefined when either is missing. */
export function groupOf(ctx: CommandContext, args: Buffer[]): { s: Stream; group: ConsumerGroup } | undefined {
  const value = ctx.db.get(toBytes(args[1]!));
  if (value === undefined) return undefined;
  if (value.type !== 'stream') fail(WRONGTYPE);
  const s = value.value as Stream;
  const group = s.groups.get(toBytes(args[2]!));
  return group === undefined ? undefined : { s, group };
}

export const noKeyOrGroup = (args: Buffer[]): never => fail(`NOGROUP No such key '${cText(toBytes(args[1]!))}' or consumer group '${cText(toBytes(args[2]!))}'`);

const xack = command('xack', -4, ['write', 'fast'], [1, 1, 1], (ctx, args) => {
  const found = groupOf(ctx, args);
  if (found === undefined) return integer(0);
  const ids = args.slice(3).map(strictId);
  let acked = 0;
  for (const id of ids) {
    const p = found.group.pel.get(id);
    if (p === undefined) continue;
    dropPending(found.group, id, p);
    acked++;
  }
  return integer(acked);
});

const xpending = command('xpending', -3, ['readonly'], [1, 1, 1], (ctx, args) => {
  if (args.length !== 3 && (args.length < 6 || args.length > 9)) fail(SYNTAX_ERROR);
  let minIdle = 0n;
  let range: { start: StreamId; end: StreamId; count: number; consumer: string | undefined } | undefined;
  if (args.length >= 6) {
    let at = 3;
    if (keyword(args[3]) === 'idle') {
      minIdle = integerArg(args[4]!);
      if (args.length < 8) fail(SYNTAX_ERROR);
      at += 2;
    }
    const count = integerArg(args[at + 2]!);
    const start = intervalId(args[at]!, false);
    const end = intervalId(args[at + 1]!, true);
    range = { start, end, count: count < 0n ? 0 : Number(count), consumer: at + 3 < args.length ? toBytes(args[at + 3]!) : undefined };
  }
  const found = groupOf(ctx, args);
  if (found === undefined) noKeyOrGroup(args);
  const { group } = found!;
  if (range === undefined) return pendingSummary(group);
  let pel = group.pel;
  if (range.consumer !== undefined) {
    const consumer = group.consumers.get(range.consumer);
    if (consumer === undefined) return array([]);
    pel = consumer.pel;
  }
  const out: RespReply[] = [];
  let left = range.count;
  if (left === 0) return array(out);
  for (const [id, p] of pel.from(range.start)) {
    if (compareIds(id, range.end) > 0) break;
    const idle = ctx.now - p.deliveryTime;
    if (minIdle !== 0n && BigInt(idle) < minIdle) continue;
    out.push(array([idReply(id), bulk(fromBytes(p.consumer.name)), integer(Math.max(0, idle)), integer(p.deliveryCount)]));
    if (--left === 0) break;
  }
  return array(out);
});

function pendingSummary(group: ConsumerGroup): RespReply {
  const first = group.pel.first();
  if (first === undefined) return array([integer(0), NIL, NIL, NIL_ARRAY]);
  const consumers: RespReply[] = [];
  for (const [name, c] of byName(group.consumers)) if (c.pel.size > 0) consumers.push(array([bulk(fromBytes(name)), bulk(String(c.pel.size))]));
  return array([integer(group.pel.size), idReply(first), idReply(group.pel.last()!), array(consumers)]);
}

export const groupCommands: CommandSpec[] = [xgroup, xack, xpending];

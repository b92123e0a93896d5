import { array, bulk, error, NIL, NIL_ARRAY, type RespReply } from '../../resp/types.js';
import { fromBytes, toBytes, WRONGTYPE, type BlockRequest, type Bytes, type CommandContext, type CommandSpec, type HandlerResult, type Keyspace } from '../types.js';
import { fail, guardedServe, SYNTAX_ERROR } from '../util/reply-error.js';
import { command } from '../util/spec.js';
import { listAt, listTouched, pop, push, side, type ListValue } from './list-value.js';
import { parseTimeout } from './timeout.js';

/**
 * LMOVE's core, in Redis's order: the destination is type-checked first, the element is popped and
 * pushed, and only then is an emptied source deleted; so rotating a one-element list onto itself keeps
 * the key and its TTL.
 */
function move(db: Keyspace, source: Bytes, list: ListValue, destination: Bytes, fromLeft: boolean, toLeft: boolean): RespReply {
  const target = source === destination ? list : listAt(db, destination);
  const value = (fromLeft ? list.value.shift() : list.value.pop())!;
  push(db, destination, target, value, toLeft);
  if (list.value.length === 0) db.delete(source);
  else if (source !== destination) listTouched(db, source, list);
  return bulk(fromBytes(value));
}

function sides(args: Buffer[], at: number): [boolean, boolean] {
  const from = side(args[at]!);
  const to = side(args[at + 1]!);
  if (from === undefined || to === undefined) fail(SYNTAX_ERROR);
  return [from, to];
}

function lmoveReply(ctx: CommandContext, source: Bytes, destination: Bytes, fromLeft: boolean, toLeft: boolean): RespReply | undefined {
  const list = listAt(ctx.db, source);
  return list === undefined ? undefined : move(ctx.db, source, list, destination, fromLeft, toLeft);
}

const lmove = command('lmove', 5, ['write', 'denyoom'], [1, 2, 1], (ctx, args) => {
  const [fromLeft, toLeft] = sides(args, 3);
  return lmoveReply(ctx, toBytes(args[1]!), toBytes(args[2]!), fromLeft, toLeft) ?? NIL;
});

const rpoplpush = command('rpoplpush', 3, ['write', 'denyoom'], [1, 2, 1], (ctx, args) =>
  lmoveReply(ctx, toBytes(args[1]!), toBytes(args[2]!), false, true) ?? NIL,
);

/** BLPOP/BRPOP: the first non-empty list among `keys`, in order; a key of another type is WRONGTYPE now. */
function popFirst(db: Keyspace, keys: Bytes[], left: boolean): RespReply | undefined {
  for (const key of keys) {
    const list = listAt(db, key);
    if (list !== undefined) return array([bulk(fromBytes(key)), bulk(fromBytes(pop(db, key, list, left)))]);
  }
  return undefined;
}

function blockingPop(name: string, left: boolean): CommandSpec {
  return command(name, -3, ['write', 'blocking'], [1, -2, 1], (ctx, args) => {
    const timeoutMs = parseTimeout(args[args.length - 1]!);
    const keys = args.slice(1, -1).map(toBytes);
    const ready = popFirst(ctx.db, keys, left);
    if (ready !== undefined) return ready;
    const request: BlockRequest = {
      type: 'block',
      keys,
      timeoutMs,
      // Served from the key that became ready, as Redis does; a key now holding another type is passed over.
      tryServe: guardedServe(({ db }, readyKey) => {
        for (const key of readyKey === undefined ? keys : [readyKey]) {
          const value = db.get(key);
          if (value?.type === 'list') return popFirst(db, [key], left);
        }
        return undefined;
      }),
      onTimeout: NIL_ARRAY,
      deniedReply: NIL_ARRAY,
    };
    return request;
  });
}

/** BLMOVE source destination wherefrom whereto timeout, and BRPOPLPUSH source destination timeout. */
const blmove = command('blmove', 6, ['write', 'denyoom', 'blocking'], [1, 2, 1], (ctx, args) => {
  const [fromLeft, toLeft] = sides(args, 3);
  return blockingMove(ctx, args, fromLeft, toLeft, parseTimeout(args[5]!));
});

const brpoplpush = command('brpoplpush', 4, ['write', 'denyoom', 'blocking'], [1, 2, 1], (ctx, args) => blockingMove(ctx, args, false, true, parseTimeout(args[3]!)));

function blockingMove(ctx: CommandContext, args: Buffer[], fromLeft: boolean, toLeft: boolean, timeoutMs: number): HandlerResult {
  const source = toBytes(args[1]!);
  const destination = toBytes(args[2]!);
  const ready = lmoveReply(ctx, source, destination, fromLeft, toLeft);
  if (ready !== undefined) return ready;
  const request: BlockRequest = {
    type: 'block',
    keys: [source],
    timeoutMs,
    tryServe: guardedServe(({ db }) => {
      const found = db.get(source);
      if (found?.type !== 'list') return undefined;
      const list = found as ListValue;
      const target = db.get(destination);
      // Redis answers the woken client WRONGTYPE (and puts the element back) when the target changed type.
      if (target !== undefined && target.type !== 'list') return error(WRONGTYPE);
      return move(db, source, list, destination, fromLeft, toLeft);
    }),
    onTimeout: NIL_ARRAY,
    deniedReply: NIL,
  };
  return request;
}

export const moveCommands: CommandSpec[] = [
  lmove,
  rpoplpush,
  blockingPop('blpop', true),
  blockingPop('brpop', false),
  blmove,
  brpoplpush,
];

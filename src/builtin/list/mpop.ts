import { array, bulk, NIL_ARRAY, type RespReply } from '../../resp/types.js';
import { fromBytes, type BlockRequest, type Bytes, type CommandSpec, type Keyspace } from '../types.js';
import { parseMpop } from '../util/mpop-args.js';
import { guardedServe } from '../util/reply-error.js';
import { command } from '../util/spec.js';
import { listAt, listWritten } from './list-value.js';
import { parseTimeout } from './timeout.js';

const text = (s: Bytes): RespReply => bulk(fromBytes(s));

/** The first non-empty list among `keys` (WRONGTYPE for one of another type met first): [key, [elements]]. */
function popFrom(db: Keyspace, keys: Bytes[], left: boolean, count: number): RespReply | undefined {
  for (const key of keys) {
    const list = listAt(db, key);
    if (list === undefined) continue;
    const taken: Bytes[] = [];
    while (taken.length < count && list.value.length > 0) taken.push((left ? list.value.shift() : list.value.pop())!);
    listWritten(db, key, list);
    return array([text(key), array(taken.map(text))]);
  }
  return undefined;
}

const lmpop = command('lmpop', -4, ['write'], [0, 0, 0], ({ db }, args) => {
  const { keys, where, count } = parseMpop(args, 1, ['left', 'right'] as const);
  return popFrom(db, keys, where === 'left', count) ?? NIL_ARRAY;
});

const blmpop = command('blmpop', -5, ['write', 'blocking'], [0, 0, 0], ({ db }, args) => {
  const { keys, where, count } = parseMpop(args, 2, ['left', 'right'] as const);
  // Redis reads the timeout after the rest (unlike BLPOP, where it comes first).
  const timeoutMs = parseTimeout(args[1]!);
  const left = where === 'left';
  const ready = popFrom(db, keys, left, count);
  if (ready !== undefined) return ready;
  const request: BlockRequest = {
    type: 'block',
    keys,
    timeoutMs,
    tryServe: guardedServe((ctx, readyKey) => {
      const candidates = (readyKey === undefined ? keys : [readyKey]).filter((k) => ctx.db.get(k)?.type === 'list');
      return popFrom(ctx.db, candidates, left, count);
    }),
    onTimeout: NIL_ARRAY,
    deniedReply: NIL_ARRAY,
  };
  return request;
});

export const mpopCommands: CommandSpec[] = [lmpop, blmpop];

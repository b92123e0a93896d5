import { bulk, integer, NIL, OK, type RespReply } from '../../resp/types.js';
import { toBytes, type CommandContext, type CommandSpec } from '../types.js';
import { keyword } from '../util/args.js';
import { fail, SYNTAX_ERROR } from '../util/reply-error.js';
import { command } from '../util/spec.js';
import { optionExpireAt } from './expire-time.js';
import { encodingOf, stringAt, stringValue } from './string-value.js';

type Unit = 'ex' | 'px' | 'exat' | 'pxat';

interface SetOptions {
  nx: boolean;
  xx: boolean;
  get: boolean;
  keepTtl: boolean;
  unit: Unit | undefined;
  expire: Buffer | undefined;
}

/** SET's options, accepted in any order as Redis 7.0's parseExtendedStringArgumentsOrReply does. */
function parseSetOptions(args: Buffer[]): SetOptions {
  const o: SetOptions = { nx: false, xx: false, get: false, keepTtl: false, unit: undefined, expire: undefined };
  for (let j = 3; j < args.length; j++) {
    const opt = keyword(args[j]);
    const next = args[j + 1];
    if (opt === 'nx' && !o.xx) o.nx = true;
    else if (opt === 'xx' && !o.nx) o.xx = true;
    else if (opt === 'get') o.get = true;
    else if (opt === 'keepttl' && o.unit === undefined) o.keepTtl = true;
    else if ((opt === 'ex' || opt === 'px' || opt === 'exat' || opt === 'pxat') && !o.keepTtl && (o.unit === undefined || o.unit === opt) && next !== undefined) {
      o.unit = opt;
      o.expire = next;
      j++;
    } else fail(SYNTAX_ERROR);
  }
  return o;
}

/** setGenericCommand: validates the expiry, answers GET, applies NX/XX, stores, sets the TTL. */
function setGeneric(ctx: CommandContext, command: string, key: Buffer, value: Buffer, o: SetOptions, okReply: RespReply, abortReply: RespReply): RespReply {
  const { db, now } = ctx;
  const at = o.unit === undefined ? undefined : optionExpireAt(o.expire!, o.unit === 'ex' || o.unit === 'exat', o.unit === 'ex' || o.unit === 'px', now, command);
  const k = toBytes(key);
  let old: RespReply | undefined;
  if (o.get) {
    const s = stringAt(db, k);
    old = s === undefined ? NIL : bulk(s.value);
  }
  const found = db.get(k) !== undefined;
  if ((o.nx && found) || (o.xx && !found)) return old ?? abortReply;
  db.set(k, stringValue(value), { keepTtl: o.keepTtl });
  if (at !== undefined) db.setExpire(k, at);
  return old ?? okReply;
}

/** SET key value without options, the common case: setGeneric without an options record made and read. */
function plainSet({ db }: CommandContext, key: Buffer, value: Buffer): RespReply {
  const k = toBytes(key);
  // The lookup deletes the key if its time has passed (the `expired` event), as Redis's lookupKeyWrite does.
  db.get(k);
  db.setString(k, value, encodingOf(value));
  return OK;
}

const NO_OPTIONS: SetOptions = { nx: false, xx: false, get: false, keepTtl: false, unit: undefined, expire: undefined };

export const setCommands: CommandSpec[] = [
  command('set', -3, ['write', 'denyoom'], [1, 1, 1], (ctx, args) =>
    args.length === 3 ? plainSet(ctx, args[1]!, args[2]!) : setGeneric(ctx, 'set', args[1]!, args[2]!, parseSetOptions(args), OK, NIL),
  ),
  command('setnx', 3, ['write', 'denyoom', 'fast'], [1, 1, 1], (ctx, args) => setGeneric(ctx, 'setnx', args[1]!, args[2]!, { ...NO_OPTIONS, nx: true }, integer(1), integer(0))),
  command('setex', 4, ['write', 'denyoom'], [1, 1, 1], (ctx, args) =>
    setGeneric(ctx, 'setex', args[1]!, args[3]!, { ...NO_OPTIONS, unit: 'ex', expire: args[2]! }, OK, NIL),
  ),
  command('psetex', 4, ['write', 'denyoom'], [1, 1, 1], (ctx, args) =>
    setGeneric(ctx, 'psetex', args[1]!, args[3]!, { ...NO_OPTIONS, unit: 'px', expire: args[2]! }, OK, NIL),
  ),
];

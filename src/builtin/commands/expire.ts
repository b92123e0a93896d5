import { integer, type RespReply } from '../../resp/types.js';
import { NOT_INTEGER, parseInt64 } from '../numbers.js';
import { toBytes, type CommandContext, type CommandSpec } from '../types.js';
import { keyword } from '../util/args.js';
import { fail } from '../util/reply-error.js';
import { command } from '../util/spec.js';
import { expireTimeError } from './expire-time.js';

const LLONG_MAX = 2n ** 63n - 1n;
const LLONG_MIN = -(2n ** 63n);
const ZERO = integer(0);
const ONE = integer(1);

/** EXPIRE, PEXPIRE, EXPIREAT, PEXPIREAT with NX/XX/GT/LT, as Redis 7.0's expireGenericCommand. */
function expireCommand(name: string, seconds: boolean, relative: boolean): CommandSpec {
  return command(name, -3, ['write', 'fast'], [1, 1, 1], (ctx: CommandContext, args: Buffer[]): RespReply => {
    let nx = false;
    let xx = false;
    let gt = false;
    let lt = false;
    for (let j = 3; j < args.length; j++) {
      const opt = keyword(args[j]);
      if (opt === 'nx') nx = true;
      else if (opt === 'xx') xx = true;
      else if (opt === 'gt') gt = true;
      else if (opt === 'lt') lt = true;
      else fail(`ERR Unsupported option ${cString(args[j]!)}`);
    }
    if (nx && (xx || gt || lt)) fail('ERR NX and XX, GT or LT options at the same time are not compatible');
    if (gt && lt) fail('ERR GT and LT options at the same time are not compatible');
    let when = parseInt64(args[2]!);
    if (when === null) fail(NOT_INTEGER);
    if (seconds) {
      if (when > LLONG_MAX / 1000n || when < LLONG_MIN / 1000n) fail(expireTimeError(name));
      when *= 1000n;
    }
    const base = relative ? BigInt(ctx.now) : 0n;
    if (when > LLONG_MAX - base) fail(expireTimeError(name));
    when += base;
    const { db, now } = ctx;
    const key = toBytes(args[1]!);
    if (db.get(key) === undefined) return ZERO;
    const at = Number(when);
    if (nx || xx || gt || lt) {
      const current = db.getExpire(key);
      if (nx && current !== undefined) return ZERO;
      if (xx && current === undefined) return ZERO;
      if (gt && (current === undefined || at <= current)) return ZERO;
      if (lt && current !== undefined && at >= current) return ZERO;
    }
    if (at <= now) db.delete(key);
    else db.setExpire(key, at);
    return ONE;
  });
}

/** TTL, PTTL, EXPIRETIME, PEXPIRETIME: -2 missing, -1 no expiry, else the time (seconds rounded). */
function ttlCommand(name: string, ms: boolean, absolute: boolean): CommandSpec {
  return command(name, 2, ['readonly', 'fast'], [1, 1, 1], ({ db, now }, args) => {
    const key = toBytes(args[1]!);
    if (db.get(key) === undefined) return integer(-2);
    const at = db.getExpire(key);
    if (at === undefined) return integer(-1);
    const value = absolute ? at : Math.max(0, at - now);
    return integer(ms ? value : Math.floor((value + 500) / 1000));
  });
}

const persist = command('persist', 2, ['write', 'fast'], [1, 1, 1], ({ db }, args) => {
  const key = toBytes(args[1]!);
  if (db.get(key) === undefined || db.getExpire(key) === undefined) return ZERO;
  db.setExpire(key, undefined);
  return ONE;
});

function cString(b: Buffer): string {
  const nul = b.indexOf(0);
  return (nul < 0 ? b : b.subarray(0, nul)).toString('latin1');
}

export const expireCommands: CommandSpec[] = [
  expireCommand('expire', true, true),
  expireCommand('pexpire', false, true),
  expireCommand('expireat', true, false),
  expireCommand('pexpireat', false, false),
  ttlCommand('ttl', false, false),
  ttlCommand('pttl', true, false),
  ttlCommand('expiretime', false, true),
  ttlCommand('pexpiretime', true, true),
  persist,
];

import { array, bulk, integer, OK, simple } from '../../resp/types.js';
import { internals } from '../dispatch.js';
import { map } from '../reply.js';
import type { CommandSpec } from '../types.js';
import { keyword } from '../util/args.js';
import { parseInt64 } from '../numbers.js';
import { fail } from '../util/reply-error.js';
import { command } from '../util/spec.js';
import { REDIS_VERSION } from './server.js';

const PONG = simple('PONG');
const PONG_BULK = bulk('pong');
const EMPTY = bulk(Buffer.alloc(0));

const ping = command('ping', -1, ['fast'], [0, 0, 0], (ctx, args) => {
  if (args.length > 2) fail("ERR wrong number of arguments for 'ping' command");
  const { client } = internals(ctx);
  if (client.subscriptions > 0 && client.writer.resp === 2) return array([PONG_BULK, args.length === 2 ? bulk(args[1]!) : EMPTY]);
  return args.length === 2 ? bulk(args[1]!) : PONG;
});

const echo = command('echo', 2, ['fast'], [0, 0, 0], (_ctx, args) => bulk(args[1]!));

const select = command('select', 2, ['loading', 'stale', 'fast'], [0, 0, 0], (ctx, args) => {
  const { client, engine } = internals(ctx);
  const index = parseInt64(args[1]!);
  if (index === null) fail('ERR value is not an integer or out of range');
  if (index > 2147483647n || index < -2147483648n) fail('ERR value is out of range, value must between -2147483648 and 2147483647');
  if (index < 0n || index >= BigInt(engine.databaseCount)) fail('ERR DB index is out of range');
  client.dbIndex = Number(index);
  ctx.db = engine.database(client.dbIndex);
  return OK;
});

/** QUIT is answered by the dispatcher before lookup, as Redis 7.0 does; this entry is for COMMAND. */
const quit = command('quit', -1, ['allow_busy', 'fast'], [0, 0, 0], () => OK);

/** Client names: printable ASCII without spaces (clientSetNameOrReply). */
export function setName(name: Buffer): Buffer | null {
  if (name.length === 0) return null;
  for (const c of name) {
    if (c < 0x21 || c > 0x7e) fail('ERR Client names cannot contain spaces, newlines or special characters.');
  }
  return Buffer.from(name);
}

/** The only user is `default`, with no password (nopass), as on a bare Redis 7.0. */
const WRONGPASS = 'WRONGPASS invalid username-password pair or user is disabled.';

const hello = command('hello', -1, ['noscript', 'loading', 'stale', 'fast', 'no_auth', 'allow_busy'], [0, 0, 0], (ctx, args) => {
  const { client } = internals(ctx);
  let next = 1;
  let version: 2 | 3 | undefined;
  if (args.length >= 2) {
    const v = parseInt64(args[next++]!);
    if (v === null) fail('ERR Protocol version is not an integer or out of range');
    if (v !== 2n && v !== 3n) fail('NOPROTO unsupported protocol version');
    version = v === 2n ? 2 : 3;
  }
  // Redis 7.0 applies each option as it reads it: a SETNAME before a refused AUTH or a bad option stays.
  for (let j = next; j < args.length; j++) {
    const opt = keyword(args[j]);
    const more = args.length - 1 - j;
    if (opt === 'auth' && more >= 2) {
      if (args[j + 1]!.toString('latin1') !== 'default') fail(WRONGPASS);
      j += 2;
    } else if (opt === 'setname' && more >= 1) {
      client.name = setName(args[j + 1]!);
      j++;
    } else fail(`ERR Syntax error in HELLO option '${cString(args[j]!)}'`);
  }
  // The switch happens before the reply, so HELLO 3 already answers in RESP3 (and HELLO 2 in RESP2).
  if (version !== undefined) client.writer.resp = version;
  return map([
    bulk('server'), bulk('redis'),
    bulk('version'), bulk(REDIS_VERSION),
    bulk('proto'), integer(client.writer.resp),
    bulk('id'), integer(client.id),
    bulk('mode'), bulk('standalone'),
    bulk('role'), bulk('master'),
    bulk('modules'), array([]),
  ]);
});

/** AUTH on a password-less server: the default user takes any password, the one-argument form is refused. */
const auth = command('auth', -2, ['noscript', 'loading', 'stale', 'fast', 'no_auth', 'allow_busy'], [0, 0, 0], (_ctx, args) => {
  if (args.length > 3) fail('ERR syntax error');
  if (args.length === 2) {
    fail('ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?');
  }
  if (args[1]!.toString('latin1') !== 'default') fail(WRONGPASS);
  return OK;
});

/** An argument as C's %s prints it: up to the first NUL byte. */
function cString(b: Buffer): string {
  const nul = b.indexOf(0);
  return (nul < 0 ? b : b.subarray(0, nul)).toString('latin1');
}

export const connectionCommands: CommandSpec[] = [ping, echo, select, quit, hello, auth];

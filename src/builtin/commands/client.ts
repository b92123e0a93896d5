import { bulk, error, integer, NIL, OK, type RespReply } from '../../resp/types.js';
import type { Client } from '../client.js';
import { clientInfoLine, clientType, type ClientType } from '../clients/info-line.js';
import { localId, peerId } from '../clients/addresses.js';
import { internals } from '../dispatch.js';
import type { Engine } from '../engine.js';
import { verbatim } from '../reply.js';
import { helpReply, subcommandSyntaxError } from '../stream/help.js';
import type { CommandSpec } from '../types.js';
import { integerArg, keyword } from '../util/args.js';
import { fail, SYNTAX_ERROR } from '../util/reply-error.js';
import { command } from '../util/spec.js';
import { setName } from './connection.js';

/** CLIENT and its subcommands as Redis 7.0.15 has them (TRACKING, CACHING and PAUSE are not in the engine). */

const ADMIN = ['admin', 'noscript', 'loading', 'stale'];
const CONN = ['noscript', 'loading', 'stale'];

const HELP = [
  'CACHING (YES|NO)',
  '    Enable/disable tracking of the keys for next command in OPTIN/OPTOUT modes.',
  'GETREDIR',
  '    Return the client ID we are redirecting to when tracking is enabled.',
  'GETNAME',
  '    Return the name of the current connection.',
  'ID',
  '    Return the ID of the current connection.',
  'INFO',
  '    Return information about the current client connection.',
  'KILL <ip:port>',
  '    Kill connection made from <ip:port>.',
  'KILL <option> <value> [<option> <value> [...]]',
  '    Kill connections. Options are:',
  '    * ADDR (<ip:port>|<unixsocket>:0)',
  '      Kill connections made from the specified address',
  '    * LADDR (<ip:port>|<unixsocket>:0)',
  '      Kill connections made to specified local address',
  '    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)',
  '      Kill connections by type.',
  '    * USER <username>',
  '      Kill connections authenticated by <username>.',
  '    * SKIPME (YES|NO)',
  '      Skip killing current connection (default: yes).',
  'LIST [options ...]',
  '    Return information about client connections. Options:',
  '    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)',
  '      Return clients of specified type.',
  'UNPAUSE',
  '    Stop the current client pause, resuming traffic.',
  'PAUSE <timeout> [WRITE|ALL]',
  '    Suspend all, or just write, clients for <timeout> milliseconds.',
  'REPLY (ON|OFF|SKIP)',
  '    Control the replies sent to the current connection.',
  'SETNAME <name>',
  '    Assign the name <name> to the current connection.',
  'UNBLOCK <clientid> [TIMEOUT|ERROR]',
  '    Unblock the specified blocked client.',
  'TRACKING (ON|OFF) [REDIRECT <id>] [BCAST] [PREFIX <prefix> [...]]',
  '         [OPTIN] [OPTOUT] [NOLOOP]',
  '    Control server assisted client side caching.',
  'TRACKINGINFO',
  '    Report tracking status for the current connection.',
  'NO-EVICT (ON|OFF)',
  '    Protect current client connection from eviction.',
];

/** TYPE's argument (getClientTypeByName: `slave` is `replica`), or Redis's error. */
function typeArg(arg: Buffer): ClientType {
  const t = keyword(arg);
  if (t === 'normal' || t === 'master' || t === 'pubsub') return t;
  if (t === 'replica' || t === 'slave') return 'replica';
  return fail(`ERR Unknown client type '${arg.toString('latin1')}'`);
}

const list = command('client|list', -2, ADMIN, [0, 0, 0], (ctx, args) => {
  const { engine, client } = internals(ctx);
  let type: ClientType | undefined;
  let ids: Set<number> | undefined;
  if (args.length === 4 && keyword(args[2]) === 'type') type = typeArg(args[3]!);
  else if (args.length >= 4 && keyword(args[2]) === 'id') {
    ids = new Set();
    for (const a of args.slice(3)) {
      ids.add(Number(integerArg(a, 'ERR Invalid client ID')));
    }
  } else if (args.length !== 2) fail(SYNTAX_ERROR);
  let text = '';
  for (const c of engine.clients.values()) {
    if (type !== undefined && clientType(c) !== type) continue;
    if (ids !== undefined && !ids.has(c.id)) continue;
    text += clientInfoLine(engine, c, { client, args }) + '\n';
  }
  return verbatim(text);
});

const info = command('client|info', 2, [...CONN], [0, 0, 0], (ctx, args) => {
  const { engine, client } = internals(ctx);
  return verbatim(clientInfoLine(engine, client, { client, args }) + '\n');
});

/** Closes a client as CLIENT KILL does: at once, or (itself) after this reply. */
function kill(engine: Engine, self: Client, target: Client): void {
  if (target === self) {
    self.closing = true;
    return;
  }
  engine.dropClient(target);
  target.socket?.destroy();
}

interface KillFilter {
  id?: number;
  addr?: string;
  laddr?: string;
  type?: ClientType;
  skipMe: boolean;
}

function killFilter(args: Buffer[]): KillFilter {
  const filter: KillFilter = { skipMe: true };
  for (let i = 2; i < args.length; i += 2) {
    if (i + 1 >= args.length) fail(SYNTAX_ERROR);
    const opt = keyword(args[i]);
    const value = args[i + 1]!;
    if (opt === 'id') {
      const id = integerArg(value, 'ERR client-id should be greater than 0');
      if (id < 1n) fail('ERR client-id should be greater than 0');
      filter.id = Number(id);
    } else if (opt === 'type') filter.type = typeArg(value);
    else if (opt === 'addr') filter.addr = value.toString('latin1');
    else if (opt === 'laddr') filter.laddr = value.toString('latin1');
    else if (opt === 'user') {
      if (value.toString('latin1') !== 'default') fail(`ERR No such user '${value.toString('latin1')}'`);
    } else if (opt === 'skipme') {
      const v = keyword(value);
      if (v !== 'yes' && v !== 'no') fail(SYNTAX_ERROR);
      filter.skipMe = v === 'yes';
    } else fail(SYNTAX_ERROR);
  }
  return filter;
}

const killCommand = command('client|kill', -3, ADMIN, [0, 0, 0], (ctx, args): RespReply => {
  const { engine, client } = internals(ctx);
  if (args.length === 3) {
    // The old form: one ip:port, +OK or an error, and the caller itself may go.
    const addr = args[2]!.toString('latin1');
    const target = [...engine.clients.values()].find((c) => peerId(c) === addr);
    if (target === undefined) return error('ERR No such client');
    kill(engine, client, target);
    return OK;
  }
  const f = killFilter(args);
  let killed = 0;
  for (const c of [...engine.clients.values()]) {
    if (f.id !== undefined && c.id !== f.id) continue;
    if (f.type !== undefined && clientType(c) !== f.type) continue;
    if (f.addr !== undefined && peerId(c) !== f.addr) continue;
    if (f.laddr !== undefined && localId(c) !== f.laddr) continue;
    if (c === client && f.skipMe) continue;
    kill(engine, client, c);
    killed++;
  }
  return integer(killed);
});

const UNBLOCKED = error('UNBLOCKED client unblocked via CLIENT UNBLOCK');

const unblock = command('client|unblock', -3, ADMIN, [0, 0, 0], (ctx, args) => {
  const { engine } = internals(ctx);
  if (args.length > 4) fail(subcommandSyntaxError(args));
  // Redis reads the reason before the id.
  let how = 'timeout';
  if (args.length === 4) {
    how = keyword(args[3]);
    if (how !== 'timeout' && how !== 'error') fail('ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR');
  }
  const id = integerArg(args[2]!);
  const target = engine.clients.get(Number(id));
  if (target?.blocked == null) return integer(0);
  const reply = how === 'error' ? UNBLOCKED : target.blocked.request.onTimeout;
  engine.blocking.unblock(target);
  target.reply(reply);
  engine.output(target);
  engine.resume(target);
  return integer(1);
});

const reply = command('client|reply', 3, [...CONN], [0, 0, 0], (ctx, args) => {
  const { client } = internals(ctx);
  const mode = keyword(args[2]);
  if (mode === 'on') {
    client.replyOff = false;
    client.skipping = false;
  } else if (mode === 'off') client.replyOff = true;
  else if (mode === 'skip') {
    if (!client.replyOff) client.skipNext = client.skipping = true;
  } else fail(SYNTAX_ERROR);
  return OK;
});

const noEvict = command('client|no-evict', 3, ADMIN, [0, 0, 0], (ctx, args) => {
  const mode = keyword(args[2]);
  if (mode !== 'on' && mode !== 'off') fail(SYNTAX_ERROR);
  internals(ctx).client.noEvict = mode === 'on';
  return OK;
});

export const clientCommand: CommandSpec = {
  ...command('client', -2, [], [0, 0, 0], () => NIL),
  subcommands: [
    command('client|setname', 3, [...CONN], [0, 0, 0], (ctx, args) => {
      internals(ctx).client.name = setName(args[2]!);
      return OK;
    }),
    command('client|getname', 2, [...CONN], [0, 0, 0], (ctx) => {
      const name = internals(ctx).client.name;
      return name === null ? NIL : bulk(name);
    }),
    command('client|id', 2, [...CONN], [0, 0, 0], (ctx): RespReply => integer(internals(ctx).client.id)),
    list,
    info,
    killCommand,
    unblock,
    reply,
    noEvict,
    command('client|getredir', 2, [...CONN], [0, 0, 0], () => integer(-1)),
    command('client|help', 2, ['loading', 'stale'], [0, 0, 0], (_ctx, args) => helpReply(args[0]!, HELP)),
  ],
};

export const clientCommands: CommandSpec[] = [clientCommand];

// Imported, not the global: Node's global `performance` is a getter, read on every use.
import { performance } from 'node:perf_hooks';
import { error, OK, simple, type RespReply } from '../resp/types.js';
import type { Client } from './client.js';
import type { CommandEntry } from './command-entry.js';
import type { Lookup } from './command-table.js';
import type { Engine } from './engine.js';
import { countLookups } from './info/lookups.js';
import { timeCall } from './info/stats.js';
import { feedMonitors } from './monitor.js';
import type { CommandContext, HandlerResult } from './types.js';

export const QUEUED = simple('QUEUED');
export const OOM = error("OOM command not allowed when used memory > 'maxmemory'.");

/** Allowed while subscribed in RESP2, as Redis 7.0 lists them (RESP3 allows every command). */
const SUBSCRIBED_ALLOWED = new Set(['ping', 'subscribe', 'psubscribe', 'unsubscribe', 'punsubscribe', 'ssubscribe', 'sunsubscribe', 'quit', 'reset']);
/** Run at once inside MULTI instead of being queued. */
const NOT_QUEUED = new Set(['exec', 'discard', 'multi', 'watch', 'quit', 'reset']);

/** The engine's Client and Engine behind a handler's context (core command files only). */
export function internals(ctx: CommandContext): { client: Client; engine: Engine } {
  return { client: ctx.client as Client, engine: ctx.engine as Engine };
}

/**
 * Runs one command from a client, as Redis's processCommand does: lookup and arity, the memory cap,
 * subscribed-mode limits, MULTI queueing, then the handler. Replies go to the client's writer; a
 * blocking command that must wait leaves the client blocked and writes nothing.
 */
export function execute(engine: Engine, client: Client, args: Buffer[]): void {
  engine.clock.forCommand();
  client.lastInteraction = engine.clock.now;
  client.skipping = client.skipNext;
  client.skipNext = false;
  if (isQuit(args[0]!)) {
    client.reply(OK);
    client.closing = true;
    if (engine.monitors.size > 0) feedMonitors(engine, client, args);
    return;
  }
  const found = engine.table.lookup(args);
  if (found.kind !== 'found') {
    const reply = rejection(found, args);
    client.lastCommand = found.kind === 'arity' ? found.fullName : 'NULL';
    if (found.kind === 'arity' && found.fullName === 'exec') abortExec(engine, client, reply);
    else reject(client, reply, found.kind === 'arity' ? found.fullName : undefined);
    return;
  }
  const spec = found.spec;
  const name = spec.name;
  client.lastCommand = name;
  // As Redis's performEvictions: any command first makes room as the policy allows (under the cap, nothing more to check).
  if (engine.memory.overLimit() && !engine.memory.makeRoom(engine.clock.now)) {
    // As Redis 7.0: inside MULTI every command but EXEC, DISCARD, QUIT and RESET counts, since queueing
    // itself takes memory; EXEC only when it holds a command that may grow the data.
    const inMulti = client.multi !== null && name !== 'exec' && name !== 'discard' && name !== 'reset';
    if (spec.flags.includes('denyoom') || inMulti || (name === 'exec' && client.multi !== null && client.multiDenyOom)) {
      if (name === 'exec') abortExec(engine, client, OOM);
      else reject(client, OOM, name);
      return;
    }
  }
  if (client.subscriptions > 0 && client.writer.resp === 2 && !SUBSCRIBED_ALLOWED.has(name.split('|')[0]!)) {
    const reply = error(`ERR Can't execute '${name}': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context`);
    if (name === 'exec') abortExec(engine, client, reply);
    else reject(client, reply, name);
    return;
  }
  if (client.multi !== null && !NOT_QUEUED.has(name)) {
    // SAVE and kin (flagged no_multi) are refused while queuing, dooming the transaction.
    if (spec.flags.includes('no_multi')) return reject(client, error('ERR Command not allowed inside a transaction'), name);
    client.multi.push({ spec, args: args.map(copy) });
    if (spec.flags.includes('denyoom')) client.multiDenyOom = true;
    client.reply(QUEUED);
    return;
  }
  client.inExec = name === 'exec';
  const result = call(engine, client, spec, args);
  client.inExec = false;
  if (!spec.quick) engine.clock.slow();
  if (result.type === 'block') {
    engine.blocking.block(client, result, client.dbIndex);
  } else {
    client.reply(result);
  }
  if (engine.blocking.size > 0) engine.blocking.serveReady();
}

/** Calls a handler with the client's context brought up to date. */
export function call(engine: Engine, client: Client, spec: CommandEntry, args: Buffer[]): HandlerResult {
  const ctx = client.ctx;
  const db = engine.databases[client.dbIndex]!;
  ctx.db = db;
  ctx.now = engine.clock.now;
  // A record dropped by CONFIG RESETSTAT is as none: the call is timed and counted in a fresh one.
  const stat = spec.stat === undefined || spec.stat.dropped ? undefined : spec.stat;
  const started = timeCall(stat) ? performance.now() : -1;
  let result: HandlerResult;
  try {
    result = engine.runHandler(spec, ctx, args);
  } catch (err) {
    // A bug in one command must not take the engine (and the tutor around it) down.
    result = error(`ERR internal error in redis-tutor's built-in engine running '${spec.name}': ${(err as Error)?.message ?? String(err)}`);
  }
  // EXEC answers its last command's reply, whose error that command's own call counted already.
  const failed = result.type === 'error' && (spec.name !== 'exec' || result.value.startsWith('EXECABORT')) ? result.value : undefined;
  const counted = engine.stats.called(spec.name, stat, started < 0 ? undefined : (performance.now() - started) * 1000, failed);
  // Stored only when new: a store of an object costs a write barrier, even of the same one.
  if (counted !== spec.stat) spec.stat = counted;
  countLookups(engine.stats, engine.notify, spec, args, db);
  if (engine.monitors.size > 0) feedMonitors(engine, client, args, spec);
  return result;
}

/** A queue-time error inside MULTI also dooms the transaction (EXECABORT). `name`: the command, when found. */
function reject(client: Client, reply: RespReply, name?: string): void {
  (client.ctx.engine as Engine).stats.rejected(name, String(reply.value));
  if (client.multi !== null) client.multiFailed = true;
  client.reply(reply);
}

/** EXEC refused before it runs ends the transaction, naming why (Redis's execCommandAbort). */
function abortExec(engine: Engine, client: Client, reply: RespReply): void {
  engine.stats.rejected('exec', String(reply.value));
  client.multi = null;
  client.multiFailed = false;
  client.multiDenyOom = false;
  client.dirtyCas = false;
  engine.watch.unwatchAll(client);
  const why = String(reply.value).replace(/^ERR /, '');
  client.reply(error(`EXECABORT Transaction discarded because of: ${why}`));
}

function rejection(found: Exclude<Lookup, { kind: 'found' }>, args: Buffer[]): RespReply {
  switch (found.kind) {
    case 'unknown': {
      let rest = '';
      for (let j = 1; j < args.length && rest.length < 128; j++) rest += `'${cString(args[j]!).slice(0, 128 - rest.length)}' `;
      return error(`ERR unknown command '${cString(args[0]!).slice(0, 128)}', with args beginning with: ${rest}`);
    }
    case 'unknown-subcommand':
      return error(`ERR unknown subcommand '${cString(args[1]!).slice(0, 128)}'. Try ${found.container} HELP.`);
    case 'arity':
      return error(`ERR wrong number of arguments for '${found.fullName}' command`);
    case 'not-available':
      return error(`ERR '${found.name}' is not available in redis-tutor's built-in engine; run it against a real Redis (see redis-tutor doctor)`);
  }
}

/** An argument as C's %s prints it: up to the first NUL byte. */
function cString(b: Buffer): string {
  const nul = b.indexOf(0);
  return (nul < 0 ? b : b.subarray(0, nul)).toString('latin1');
}

/** QUIT in any case, read from the bytes (no string for every 4-letter command: INCR, LPOP, SADD ...). */
function isQuit(b: Buffer): boolean {
  return b.length === 4 && (b[0]! | 0x20) === 0x71 && (b[1]! | 0x20) === 0x75 && (b[2]! | 0x20) === 0x69 && (b[3]! | 0x20) === 0x74;
}

function copy(b: Buffer): Buffer {
  return Buffer.from(b);
}

import type { Client } from '../client.js';
import type { Engine } from '../engine.js';
import { localId, peerId } from './addresses.js';

/** Redis's client types, as CLIENT LIST TYPE and CLIENT KILL TYPE name them (monitors are normal). */
export type ClientType = 'normal' | 'master' | 'replica' | 'pubsub';

export function clientType(client: Client): ClientType {
  return client.subscriptions > 0 ? 'pubsub' : 'normal';
}

/** Redis's flag letters, in getClientInfoString's order; N when none. */
function flags(engine: Engine, client: Client): string {
  let out = '';
  if (engine.monitors.has(client)) out += 'O';
  if (client.subscriptions > 0) out += 'P';
  if (client.multi !== null) out += 'x';
  if (client.blocked !== null) out += 'b';
  if (client.dirtyCas) out += 'd';
  if (client.closing) out += 'c';
  if (client.noEvict) out += 'e';
  return out === '' ? 'N' : out;
}

/** The bytes of a command as its client sent it (a multibulk): what Redis's query buffer holds while it runs. */
function requestBytes(args: readonly Buffer[]): number {
  let n = 3 + String(args.length).length;
  for (const a of args) n += 5 + String(a.length).length + a.length;
  return n;
}

/** Redis's PROTO_IOBUF_LEN query buffer as jemalloc sizes it: what qbuf and qbuf-free add up to. */
const QUERY_BUFFER = 20474;
/** The reply buffer Redis gives a client that is answering (rbs, rbp), and what clientsCron shrinks an idle one's to. */
const REPLY_BUFFER = 16384;
const IDLE_REPLY_BUFFER = 1024;
/** sizeof(client) and the rest of a connection's fixed cost in Redis 7.0 (what tot-mem adds to the buffers). */
const CLIENT_STRUCT = 790;

/**
 * One line of CLIENT LIST / CLIENT INFO, with Redis 7.0.15's fields in its order. `running` is the command
 * the asking client is running (its query buffer and argv), for that client's own line.
 */
export function clientInfoLine(engine: Engine, client: Client, running?: { client: Client; args: readonly Buffer[] }): string {
  const now = engine.clock.now;
  const own = running?.client === client ? running.args : undefined;
  const qbuf = own === undefined ? 0 : requestBytes(own);
  const qbufFree = QUERY_BUFFER - qbuf;
  const rbs = own === undefined ? IDLE_REPLY_BUFFER : REPLY_BUFFER;
  let argvMem = 0;
  for (const a of own ?? []) argvMem += a.length;
  let multiMem = 0;
  for (const q of client.multi ?? []) for (const a of q.args) multiMem += a.length + 8;
  const fd = (client.socket as unknown as { _handle?: { fd?: number } } | null)?._handle?.fd ?? -1;
  const totMem = qbuf + qbufFree + argvMem + multiMem + rbs + CLIENT_STRUCT;
  const fields: [string, string | number][] = [
    ['id', client.id],
    ['addr', peerId(client)],
    ['laddr', localId(client)],
    ['fd', fd],
    ['name', client.name?.toString('latin1') ?? ''],
    ['age', Math.floor((now - client.createdAt) / 1000)],
    ['idle', Math.floor((now - client.lastInteraction) / 1000)],
    ['flags', flags(engine, client)],
    ['db', client.dbIndex],
    ['sub', client.channels.size],
    ['psub', client.patterns.size],
    ['ssub', client.shardChannels.size],
    ['multi', client.multi === null ? -1 : client.multi.length],
    ['qbuf', qbuf],
    ['qbuf-free', qbufFree],
    ['argv-mem', argvMem],
    ['multi-mem', multiMem],
    ['rbs', rbs],
    ['rbp', own === undefined ? 0 : REPLY_BUFFER],
    ['obl', 0],
    ['oll', 0],
    ['omem', 0],
    ['tot-mem', totMem],
    ['events', 'r'],
    ['cmd', client.lastCommand],
    ['user', 'default'],
    ['redir', -1],
    ['resp', client.writer.resp],
  ];
  return fields.map(([k, v]) => `${k}=${v}`).join(' ');
}

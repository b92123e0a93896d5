import os from 'node:os';
import { verbatim } from '../reply.js';
import { array, bulk, integer, OK } from '../../resp/types.js';
import { internals } from '../dispatch.js';
import type { Engine } from '../engine.js';
import type { CommandContext, CommandSpec } from '../types.js';
import { keyword } from '../util/args.js';
import { fail, SYNTAX_ERROR } from '../util/reply-error.js';
import { command } from '../util/spec.js';
import { persistenceCommands, persistenceInfo } from './persistence.js';

/** What the engine reports as its version: the Redis release whose behaviour it reproduces. */
export const REDIS_VERSION = '7.0.15';

function flushMode(args: Buffer[]): void {
  if (args.length > 2) fail(SYNTAX_ERROR);
  if (args.length === 2 && keyword(args[1]) !== 'sync' && keyword(args[1]) !== 'async') fail(SYNTAX_ERROR);
}

const flushdb = command('flushdb', -1, ['write'], [0, 0, 0], (ctx, args) => {
  flushMode(args);
  const { engine, client } = internals(ctx);
  engine.database(client.dbIndex).flush();
  engine.memory.invalidate();
  return OK;
});

const flushall = command('flushall', -1, ['write'], [0, 0, 0], (ctx, args) => {
  flushMode(args);
  const { engine } = internals(ctx);
  for (const db of engine.databases) db.flush();
  engine.memory.invalidate();
  // As Redis 7.0: with save points set, FLUSHALL saves the (now empty) snapshot at once.
  if (engine.config.get('save') !== '') engine.persistence.save();
  return OK;
});

const dbsize = command('dbsize', 1, ['readonly', 'fast'], [0, 0, 0], ({ db }) => integer(db.size()));

const time = command('time', 1, ['loading', 'stale', 'fast'], [0, 0, 0], (ctx) => {
  const micros = internals(ctx).engine.clock.micros();
  return array([bulk(String(micros / 1000000n)), bulk(String(micros % 1000000n))]);
});

type Section = (engine: Engine, ctx: CommandContext) => string[];

const SECTIONS: Record<string, Section> = {
  server: (engine) => [
    `redis_version:${REDIS_VERSION}`,
    'redis_git_sha1:00000000',
    'redis_git_dirty:0',
    'redis_build_id:0',
    'redis_mode:standalone',
    'redis_tutor_engine:builtin',
    "redis_tutor_note:redis-tutor's built-in engine (its snapshot and AOF are its own formats), not a real Redis",
    `os:${os.type()} ${os.release()} ${os.arch()}`,
    'arch_bits:64',
    'multiplexing_api:node',
    `process_id:${process.pid}`,
    'run_id:0000000000000000000000000000000000000000',
    `tcp_port:${engine.port}`,
    `uptime_in_seconds:${Math.floor((engine.clock.now - engine.startedAt) / 1000)}`,
    `uptime_in_days:${Math.floor((engine.clock.now - engine.startedAt) / 86_400_000)}`,
    `hz:${engine.config.get('hz')}`,
    'executable:redis-tutor',
  ],
  clients: (engine) => [`connected_clients:${engine.clients.size}`, `blocked_clients:${engine.blocking.size}`],
  memory: (engine) => {
    const used = engine.memory.used();
    return [`used_memory:${used}`, `maxmemory:${engine.memory.maxBytes}`, `maxmemory_policy:${engine.config.get('maxmemory-policy')}`];
  },
  persistence: persistenceInfo,
  keyspace: (engine) =>
    engine.databases
      .filter((db) => db.size() > 0)
      .map((db) => `db${db.index}:keys=${db.size()},expires=${db.expiresCount()},avg_ttl=0`),
};

const info = command('info', -1, ['loading', 'stale'], [0, 0, 0], (ctx, args) => {
  const { engine } = internals(ctx);
  const wanted = args.slice(1).map((a) => keyword(a));
  const all = wanted.length === 0 || wanted.some((w) => w === 'all' || w === 'default' || w === 'everything');
  const parts: string[] = [];
  for (const [name, section] of Object.entries(SECTIONS)) {
    if (!all && !wanted.includes(name)) continue;
    const title = name[0]!.toUpperCase() + name.slice(1);
    parts.push([`# ${title}`, ...section(engine, ctx)].join('\r\n') + '\r\n');
  }
  return verbatim(parts.join('\r\n'));
});

export const serverCommands: CommandSpec[] = [flushdb, flushall, dbsize, time, info, ...persistenceCommands];

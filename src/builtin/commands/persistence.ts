import { error, integer, OK, simple } from '../../resp/types.js';
import { internals } from '../dispatch.js';
import type { Engine } from '../engine.js';
import type { CommandSpec } from '../types.js';
import { keyword } from '../util/args.js';
import { fail, SYNTAX_ERROR } from '../util/reply-error.js';
import { command } from '../util/spec.js';

/**
 * SAVE, BGSAVE, LASTSAVE and BGREWRITEAOF. The engine has no fork: the "background" ones save at once,
 * before answering as Redis does (inside EXEC Redis schedules them, and says so).
 */
const ADMIN = ['admin', 'noscript', 'no_async_loading'];

/** Redis answers a failed SAVE with a bare "ERR" (the reason goes to its log). */
const save = command('save', 1, [...ADMIN, 'no_multi'], [0, 0, 0], (ctx) => (internals(ctx).engine.persistence.backgroundSave() ? OK : error('ERR')));

/** A failed BGSAVE is only seen later, in INFO's rdb_last_bgsave_status, as with Redis's child. */
const bgsave = command('bgsave', -1, ADMIN, [0, 0, 0], (ctx, args) => {
  if (args.length > 2 || (args.length === 2 && keyword(args[1]) !== 'schedule')) fail(SYNTAX_ERROR);
  const { engine, client } = internals(ctx);
  engine.persistence.backgroundSave();
  return simple(client.inExec ? 'Background saving scheduled' : 'Background saving started');
});

const lastsave = command('lastsave', 1, ['loading', 'stale', 'fast'], [0, 0, 0], (ctx) =>
  integer(Math.floor(internals(ctx).engine.persistence.lastSave / 1000)),
);

const bgrewriteaof = command('bgrewriteaof', 1, ADMIN, [0, 0, 0], (ctx) => {
  const { engine, client } = internals(ctx);
  engine.persistence.rewriteAof();
  return simple(client.inExec ? 'Background append only file rewriting scheduled' : 'Background append only file rewriting started');
});

export const persistenceCommands: CommandSpec[] = [save, bgsave, lastsave, bgrewriteaof];

/** INFO persistence with Redis 7.0.15's fields: nothing is ever in progress, since saves happen at once. */
export function persistenceInfo(engine: Engine): string[] {
  const p = engine.persistence;
  const aofOn = p.aofOn;
  const size = p.aofSize;
  return [
    'loading:0',
    'async_loading:0',
    'current_cow_peak:0',
    'current_cow_size:0',
    'current_cow_size_age:0',
    'current_fork_perc:0.00',
    'current_save_keys_processed:0',
    'current_save_keys_total:0',
    `rdb_changes_since_last_save:${p.dirty}`,
    'rdb_bgsave_in_progress:0',
    `rdb_last_save_time:${Math.floor(p.lastSave / 1000)}`,
    `rdb_last_bgsave_status:${p.lastSaveOk ? 'ok' : 'err'}`,
    `rdb_last_bgsave_time_sec:${p.saves > 0 ? 0 : -1}`,
    'rdb_current_bgsave_time_sec:-1',
    `rdb_saves:${p.saves}`,
    'rdb_last_cow_size:0',
    `rdb_last_load_keys_expired:${p.lastLoad.expired}`,
    `rdb_last_load_keys_loaded:${p.lastLoad.loaded}`,
    `aof_enabled:${aofOn ? 1 : 0}`,
    'aof_rewrite_in_progress:0',
    'aof_rewrite_scheduled:0',
    `aof_last_rewrite_time_sec:${p.aofRewrites > 0 ? 0 : -1}`,
    'aof_current_rewrite_time_sec:-1',
    'aof_last_bgrewrite_status:ok',
    `aof_rewrites:${p.aofRewrites}`,
    'aof_rewrites_consecutive_failures:0',
    'aof_last_write_status:ok',
    'aof_last_cow_size:0',
    'module_fork_in_progress:0',
    'module_fork_last_cow_size:0',
    ...(aofOn
      ? [`aof_current_size:${size.current}`, `aof_base_size:${size.base}`, 'aof_pending_rewrite:0', 'aof_buffer_length:0', 'aof_pending_bio_fsync:0', 'aof_delayed_fsync:0']
      : []),
  ];
}

import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { Engine } from '../engine.js';
import { memoryInfo, statsInfo } from '../commands/memory-info.js';
import { persistenceInfo } from '../commands/persistence.js';
import { REDIS_VERSION } from '../commands/server.js';
import { percentiles } from './stats.js';

export type Section = (engine: Engine) => string[];

/** A run id and replication id per engine start, as Redis draws them (40 hex digits). */
const ids = new WeakMap<Engine, { run: string; repl: string }>();
function idsOf(engine: Engine): { run: string; repl: string } {
  let found = ids.get(engine);
  if (found === undefined) {
    found = { run: randomBytes(20).toString('hex'), repl: randomBytes(20).toString('hex') };
    ids.set(engine, found);
  }
  return found;
}

const seconds = (micros: number): string => (micros / 1e6).toFixed(6);

function server(engine: Engine): string[] {
  const now = engine.clock.now;
  const uptime = now - engine.startedAt;
  return [
    `redis_version:${REDIS_VERSION}`,
    'redis_git_sha1:00000000',
    'redis_git_dirty:0',
    'redis_build_id:0',
    'redis_mode:standalone',
    `os:${os.type()} ${os.release()} ${os.arch()}`,
    'arch_bits:64',
    'monotonic_clock:POSIX clock_gettime',
    'multiplexing_api:node',
    'atomicvar_api:c11-builtin',
    'gcc_version:0.0.0',
    `process_id:${process.pid}`,
    'process_supervised:no',
    `run_id:${idsOf(engine).run}`,
    `tcp_port:${engine.port}`,
    `server_time_usec:${engine.clock.micros()}`,
    `uptime_in_seconds:${Math.floor(uptime / 1000)}`,
    `uptime_in_days:${Math.floor(uptime / 86_400_000)}`,
    `hz:${engine.config.get('hz')}`,
    `configured_hz:${engine.config.get('hz')}`,
    `lru_clock:${Math.floor(now / 1000) & ((1 << 24) - 1)}`,
    'executable:redis-tutor',
    'config_file:',
    'io_threads_active:0',
    'redis_tutor_engine:builtin',
    "redis_tutor_note:redis-tutor's built-in engine (its snapshot and AOF are its own formats), not a real Redis",
  ];
}

function clients(engine: Engine): string[] {
  let timeouts = 0;
  for (const c of engine.clients.values()) if (c.blocked?.deadline !== undefined) timeouts++;
  return [
    `connected_clients:${engine.clients.size}`,
    'cluster_connections:0',
    'maxclients:10000',
    'client_recent_max_input_buffer:0',
    'client_recent_max_output_buffer:0',
    `blocked_clients:${engine.blocking.size}`,
    'tracking_clients:0',
    `clients_in_timeout_table:${timeouts}`,
  ];
}

function stats(engine: Engine): string[] {
  const s = engine.stats;
  const evictions = Object.fromEntries(statsInfo(engine).map((line) => line.split(':') as [string, string]));
  return [
    `total_connections_received:${s.connectionsReceived}`,
    `total_commands_processed:${s.commandsProcessed}`,
    `instantaneous_ops_per_sec:${s.opsPerSec()}`,
    `total_net_input_bytes:${s.netInputBytes}`,
    `total_net_output_bytes:${s.netOutputBytes}`,
    'total_net_repl_input_bytes:0',
    'total_net_repl_output_bytes:0',
    'instantaneous_input_kbps:0.00',
    'instantaneous_output_kbps:0.00',
    'instantaneous_input_repl_kbps:0.00',
    'instantaneous_output_repl_kbps:0.00',
    'rejected_connections:0',
    'sync_full:0',
    'sync_partial_ok:0',
    'sync_partial_err:0',
    `expired_keys:${s.expiredKeys}`,
    'expired_stale_perc:0.00',
    'expired_time_cap_reached_count:0',
    'expire_cycle_cpu_milliseconds:0',
    `evicted_keys:${evictions['evicted_keys'] ?? 0}`,
    `evicted_clients:${evictions['evicted_clients'] ?? 0}`,
    'total_eviction_exceeded_time:0',
    'current_eviction_exceeded_time:0',
    `keyspace_hits:${s.keyspaceHits}`,
    `keyspace_misses:${s.keyspaceMisses}`,
    `pubsub_channels:${engine.pubsub.channels.size}`,
    `pubsub_patterns:${engine.pubsub.patterns.size}`,
    `pubsubshard_channels:${engine.pubsub.shardChannels.size}`,
    'latest_fork_usec:0',
    'total_forks:0',
    'migrate_cached_sockets:0',
    'slave_expires_tracked_keys:0',
    'active_defrag_hits:0',
    'active_defrag_misses:0',
    'active_defrag_key_hits:0',
    'active_defrag_key_misses:0',
    'total_active_defrag_time:0',
    'current_active_defrag_time:0',
    'tracking_total_keys:0',
    'tracking_total_items:0',
    'tracking_total_prefixes:0',
    'unexpected_error_replies:0',
    `total_error_replies:${s.errorReplies}`,
    'dump_payload_sanitizations:0',
    `total_reads_processed:${s.commandsProcessed}`,
    `total_writes_processed:${s.commandsProcessed}`,
    'io_threaded_reads_processed:0',
    'io_threaded_writes_processed:0',
    'reply_buffer_shrinks:0',
    'reply_buffer_expands:0',
  ];
}

function replication(engine: Engine): string[] {
  return [
    'role:master',
    'connected_slaves:0',
    'master_failover_state:no-failover',
    `master_replid:${idsOf(engine).repl}`,
    'master_replid2:0000000000000000000000000000000000000000',
    'master_repl_offset:0',
    'second_repl_offset:-1',
    'repl_backlog_active:0',
    'repl_backlog_size:1048576',
    'repl_backlog_first_byte_offset:0',
    'repl_backlog_histlen:0',
  ];
}

function cpu(): string[] {
  const { user, system } = process.cpuUsage();
  return [
    `used_cpu_sys:${seconds(system)}`,
    `used_cpu_user:${seconds(user)}`,
    'used_cpu_sys_children:0.000000',
    'used_cpu_user_children:0.000000',
    `used_cpu_sys_main_thread:${seconds(system)}`,
    `used_cpu_user_main_thread:${seconds(user)}`,
  ];
}

function commandstats(engine: Engine): string[] {
  return [...engine.stats.commands].map(
    ([name, s]) => `cmdstat_${name}:calls=${s.calls},usec=${Math.round(s.usec)},usec_per_call=${s.calls === 0 ? '0.00' : (s.usec / s.calls).toFixed(2)},rejected_calls=${s.rejected},failed_calls=${s.failed}`,
  );
}

function errorstats(engine: Engine): string[] {
  return [...engine.stats.errors].map(([prefix, count]) => `errorstat_${prefix}:count=${count}`);
}

function latencystats(engine: Engine): string[] {
  return [...engine.stats.commands].filter(([, s]) => s.recent.length > 0).map(([name, s]) => `latency_percentiles_usec_${name}:${percentiles(s.recent)}`);
}

function keyspace(engine: Engine): string[] {
  return engine.databases.filter((db) => db.size() > 0).map((db) => `db${db.index}:keys=${db.size()},expires=${db.expiresCount()},avg_ttl=0`);
}

/** Every section, in the order Redis 7.0 prints them, and whether a bare INFO (`default`) shows it. */
export const SECTIONS: readonly { name: string; title: string; lines: Section; inDefault: boolean }[] = [
  { name: 'server', title: 'Server', lines: server, inDefault: true },
  { name: 'clients', title: 'Clients', lines: clients, inDefault: true },
  { name: 'memory', title: 'Memory', lines: memoryInfo, inDefault: true },
  { name: 'persistence', title: 'Persistence', lines: persistenceInfo, inDefault: true },
  { name: 'stats', title: 'Stats', lines: stats, inDefault: true },
  { name: 'replication', title: 'Replication', lines: replication, inDefault: true },
  { name: 'cpu', title: 'CPU', lines: cpu, inDefault: true },
  { name: 'modules', title: 'Modules', lines: () => [], inDefault: true },
  { name: 'commandstats', title: 'Commandstats', lines: commandstats, inDefault: false },
  { name: 'errorstats', title: 'Errorstats', lines: errorstats, inDefault: true },
  { name: 'latencystats', title: 'Latencystats', lines: latencystats, inDefault: false },
  { name: 'cluster', title: 'Cluster', lines: () => ['cluster_enabled:0'], inDefault: true },
  { name: 'keyspace', title: 'Keyspace', lines: keyspace, inDefault: true },
];

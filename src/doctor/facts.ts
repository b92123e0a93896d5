import { openClient, probeError } from '../connection/client.js';
import { address, connectionArgs, connectionRequest, maskPassword, PLAYGROUND_DB, type Endpoint, type GlobalOptions } from '../connection/options.js';
import { inspectPlayground, type PlaygroundState } from '../connection/playground.js';
import { probe } from '../connection/probe.js';
import { LOCAL_PROBE_MS, EXPLICIT_TIMEOUT_MS } from '../connection/resolve.js';
import { findRedisServer, serverBinaryVersion } from '../connection/spawn.js';
import { UserError } from '../errors.js';
import { progressFile } from '../progress/paths.js';
import { commandGaps, readMemory, type CommandGaps, type MemoryState } from '../connection/capabilities.js';
import { loadCourse } from '../course/load.js';
import { clusterFacts } from '../connection/cluster-mode.js';
import { clusterMsg } from '../cluster/messages.js';

/** What one server address turned out to be. */
export type ServerFact =
  | { state: 'redis'; address: string; version: string; playground: PlaygroundState; db: number; commands?: CommandGaps; memory?: MemoryState }
  | { state: 'unusable'; address: string; problem: string }
  | { state: 'absent'; address: string; problem: string };

/** Everything `doctor` looked at, gathered read-only: it writes to no server and no file. */
export interface DoctorFacts {
  mode: 'explicit' | 'auto' | 'spawn' | 'builtin';
  /** The database asked for with --spawn or --builtin (--db), checked against the tutor's own servers. */
  ownedDb?: number;
  redisUrl?: string;
  explicit?: { source: string; server: ServerFact };
  local?: ServerFact;
  binary?: { path: string; version?: string };
  configuredBinary?: string;
  node: string;
  progressFile: string;
  platform: NodeJS.Platform;
  /** The options the learner typed to choose a Redis, for the advice's commands (passwords masked). */
  args: string[];
  /** The same without --db, for advice that names another database. */
  argsWithoutDb: string[];
}

export async function gatherFacts(opts: GlobalOptions, env: NodeJS.ProcessEnv): Promise<DoctorFacts> {
  const request = connectionRequest(opts, env);
  const binPath = findRedisServer(env);
  const facts: DoctorFacts = {
    mode: request.kind,
    node: process.versions.node,
    progressFile: progressFile(env),
    platform: process.platform,
    args: connectionArgs(opts),
    argsWithoutDb: connectionArgs(opts, { withDb: false }),
  };
  if (env.REDIS_URL) facts.redisUrl = maskPassword(env.REDIS_URL);
  if (env.REDIS_SERVER_BIN) facts.configuredBinary = env.REDIS_SERVER_BIN;
  if (binPath !== undefined) {
    const version = await serverBinaryVersion(binPath);
    facts.binary = version === undefined ? { path: binPath } : { path: binPath, version };
  }
  if ((request.kind === 'spawn' || request.kind === 'builtin') && request.db !== undefined) facts.ownedDb = request.db;
  if (request.kind === 'explicit') {
    facts.explicit = { source: request.endpoint.source, server: await examine(request.endpoint, request.db ?? PLAYGROUND_DB, EXPLICIT_TIMEOUT_MS) };
  } else if (request.kind === 'auto') {
    facts.local = await examine(request.local, request.db ?? PLAYGROUND_DB, LOCAL_PROBE_MS);
  }
  return facts;
}

async function examine(endpoint: Endpoint, db: number, timeoutMs: number): Promise<ServerFact> {
  const where = address(endpoint);
  const found = await probe(endpoint, timeoutMs);
  if (found.kind !== 'redis') {
    const state = found.kind === 'refused' || found.kind === 'unknown-host' ? 'absent' : 'unusable';
    return { state, address: where, problem: probeError(endpoint, found).message };
  }
  try {
    const { client, version } = await openClient(endpoint, Math.max(timeoutMs, EXPLICIT_TIMEOUT_MS));
    try {
      // A Redis Cluster node has no playground database to inspect (db 0 only): said as what it is.
      const cluster = await clusterFacts(client, endpoint);
      if (cluster !== undefined) return { state: 'unusable', address: where, problem: clusterMsg.doctorCluster(version, cluster.primaries, cluster.keys) };
      const playground = await inspectPlayground(client, db);
      const commands = await commandGaps(client, loadCourse());
      const memory = await readMemory(client);
      return { state: 'redis', address: where, version, db, playground, ...(commands ? { commands } : {}), ...(memory ? { memory } : {}) };
    } finally {
      client.disconnect();
    }
  } catch (err) {
    if (err instanceof UserError) return { state: 'unusable', address: where, problem: err.message };
    throw err;
  }
}

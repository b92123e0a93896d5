import { UserError } from '../errors.js';
import { msg } from '../ui/messages.js';
import { openClient, versionAtLeast, type RedisClient } from './client.js';
import { address, DEFAULT_HOST, PLAYGROUND_DB, type ConnectionRequest, type Endpoint } from './options.js';
import { claimPlayground } from './playground.js';
import { probe } from './probe.js';
import { selectDatabase } from './select.js';
import type { CourseCommands } from './reclaim.js';
import { findRedisServer, startPrivateServer } from './spawn.js';
import type { ServerControl } from './control.js';
import { clusterFacts, type ClusterFacts } from './cluster-mode.js';
import { clusterMsg } from '../cluster/messages.js';

/** The Redis every command talks to, however it was found. */
export interface Connection {
  client: RedisClient;
  /**
   * external: named by the learner; local: found on 127.0.0.1:6379; private: a redis-server started by
   * the tutor; builtin: the tutor's own in-memory engine (src/builtin), when there is no Redis at all.
   */
  kind: 'external' | 'local' | 'private' | 'builtin';
  /** True when the tutor started the server, so it may do anything there. */
  owned: boolean;
  endpoint: Endpoint;
  db: number;
  version: string;
  /** One line saying what the tutor is connected to. */
  header: string;
  /** Things the learner should know before starting (an old server, say). */
  warnings: string[];
  /** Stops and starts the server (R5): only a server the tutor started, whose data and files are its own. */
  control?: ServerControl;
  /** The server runs Redis Cluster (a learner's own, named by --url): the REPL follows redirects there. */
  cluster?: ClusterFacts;
  /** Moves the server's clock forward at once: only the built-in engine can (lessons' `@wait`). */
  advanceClock?: (ms: number) => void;
  close(): Promise<void>;
}

export interface ResolveOptions {
  /** Work in the playground database on a server the tutor did not start (lessons; the REPL without --db). */
  playground: boolean;
  /** For lessons (not the REPL): a Redis Cluster, which has no playground database, is refused without a write. */
  lessons?: boolean;
  env: NodeJS.ProcessEnv;
  /**
   * The course's command lines, asked for only when the playground holds keys but no marker: if they name
   * every key there, the marker was lost (a FLUSHDB, a DEL) and the tutor takes its playground back.
   * Without it such a database is refused like any other.
   */
  courseCommands?: CourseCommands;
}

/** How long 127.0.0.1:6379 gets to answer before the chain moves on. */
export const LOCAL_PROBE_MS = 300;
export const EXPLICIT_TIMEOUT_MS = 3000;
/** The course uses commands older servers lack; this names them. */
export const MIN_VERSION = '6.2';

export async function resolveConnection(request: ConnectionRequest, options: ResolveOptions): Promise<Connection> {
  switch (request.kind) {
    case 'explicit':
      return attach(request.endpoint, 'external', request.db, options, EXPLICIT_TIMEOUT_MS);
    case 'spawn':
      return spawnPrivate(request.db, options.env);
    case 'builtin':
      return startBuiltin(request.db);
    case 'auto': {
      const local = await probe(request.local, LOCAL_PROBE_MS);
      if (local.kind === 'redis') return attach(request.local, 'local', request.db, options, EXPLICIT_TIMEOUT_MS);
      // The last step of the chain: no server and no redis-server binary, so the tutor's own engine.
      if (findRedisServer(options.env) === undefined) return startBuiltin(request.db);
      const spawned = await spawnPrivate(request.db, options.env);
      if (versionAtLeast(spawned.version, MIN_VERSION)) return spawned;
      // An old redis-server on PATH (Windows' archived 3.2 port, say) would refuse the course's commands:
      // the built-in engine teaches better, and the learner is told why it was passed over.
      await spawned.close();
      const builtin = await startBuiltin(request.db);
      return { ...builtin, warnings: [...builtin.warnings, msg.oldPrivatePassedOver(spawned.version, MIN_VERSION)] };
    }
  }
}

async function attach(endpoint: Endpoint, kind: 'external' | 'local', db: number | undefined, options: ResolveOptions, timeoutMs: number): Promise<Connection> {
  const { client, version } = await openClient(endpoint, timeoutMs);
  try {
    // A cluster has db 0 only and no playground: lessons refuse it unwritten, the REPL works there as redis-cli -c does.
    const cluster = await clusterFacts(client, endpoint);
    if (cluster !== undefined) return onCluster(client, endpoint, kind, version, db, cluster, options);
    const chosenDb = db ?? (options.playground ? PLAYGROUND_DB : 0);
    if (options.playground) {
      await claimPlayground(client, chosenDb, options.courseCommands);
    } else if (chosenDb !== 0) {
      await selectDatabase(client, chosenDb);
    }
    const warnings = versionAtLeast(version, MIN_VERSION) ? [] : [msg.oldServer(version, MIN_VERSION)];
    return {
      client,
      kind,
      owned: false,
      endpoint,
      db: chosenDb,
      version,
      header: msg.headerExternal(version, address(endpoint), chosenDb),
      warnings,
      close: async () => client.disconnect(),
    };
  } catch (err) {
    client.disconnect();
    throw err;
  }
}

async function onCluster(client: RedisClient, endpoint: Endpoint, kind: 'external' | 'local', version: string, db: number | undefined, cluster: ClusterFacts, options: ResolveOptions): Promise<Connection> {
  if (options.lessons) throw new UserError(clusterMsg.noLessonsOnCluster(address(endpoint), cluster.primaries, cluster.keys));
  if (db !== undefined && db !== 0) throw new UserError(clusterMsg.onlyDbZero(address(endpoint), db));
  const warnings = versionAtLeast(version, MIN_VERSION) ? [] : [msg.oldServer(version, MIN_VERSION)];
  const header = clusterMsg.headerCluster(version, address(endpoint), cluster.primaries);
  return { client, kind, owned: false, endpoint, db: 0, version, header, warnings, cluster, close: async () => client.disconnect() };
}

async function spawnPrivate(db: number | undefined, env: NodeJS.ProcessEnv): Promise<Connection> {
  const bin = findRedisServer(env);
  if (bin === undefined) throw new UserError(msg.spawnNoBinary(env.REDIS_SERVER_BIN));
  const server = await startPrivateServer(bin);
  const owned = await connectOwned('private', { host: DEFAULT_HOST, port: server.port, tls: false, source: 'the private server' }, db, msg.headerPrivate, async () => server.stop());
  const connection = { ...owned, control: reconnecting(server.control, owned.client, owned.db) };
  return versionAtLeast(connection.version, MIN_VERSION) ? connection : { ...connection, warnings: [msg.oldServer(connection.version, MIN_VERSION)] };
}

/** Starts the built-in engine in this process (loaded only now, to keep start-up fast) and connects to it. */
async function startBuiltin(db: number | undefined): Promise<Connection> {
  const { startBuiltinEngine } = await import('../builtin/start.js');
  const engine = await startBuiltinEngine();
  const connection = await connectOwned('builtin', { host: engine.host, port: engine.port, tls: false, source: 'the built-in engine' }, db, (_version, where) => msg.headerBuiltin(where), () => engine.close());
  return { ...connection, advanceClock: (ms) => engine.advanceClock(ms), control: reconnecting(engine.control, connection.client, connection.db) };
}

/** Connects to a server the tutor started itself (so it may do anything there); `stop` ends that server. */
async function connectOwned(
  kind: 'private' | 'builtin',
  endpoint: Endpoint,
  db: number | undefined,
  header: (version: string, where: string) => string,
  stop: () => Promise<void>,
): Promise<Connection> {
  try {
    const { client, version } = await openClient(endpoint, EXPLICIT_TIMEOUT_MS);
    const chosenDb = db ?? 0;
    if (chosenDb !== 0) await selectDatabase(client, chosenDb);
    return {
      client,
      kind,
      owned: true,
      endpoint,
      db: chosenDb,
      version,
      header: header(version, address(endpoint)),
      warnings: [],
      close: async () => {
        client.disconnect();
        await stop();
      },
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** The tutor's own client, connected again (and in its database again) after each stop and start of the server. */
function reconnecting(control: ServerControl, client: RedisClient, db: number): ServerControl {
  const again = (step: () => Promise<void>) => async () => {
    // Closed for good first (the 'end' event), or connect() below would find it still connected.
    const ended = client.status === 'end' ? Promise.resolve() : new Promise<void>((resolve) => client.once('end', () => resolve()));
    client.disconnect();
    await ended;
    await step();
    await client.connect();
    if (db !== 0) await selectDatabase(client, db);
  };
  return { fresh: again(() => control.fresh()), restart: again(() => control.restart()), crash: again(() => control.crash()), restartFromConfig: again(() => control.restartFromConfig()) };
}

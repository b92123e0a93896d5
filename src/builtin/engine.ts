import { Replication } from './replication.js';
import { DEFAULT_LIMITS, ENCODING, LIMIT_PARAMS, limitsFrom, type EncodingLimits } from './encoding-limits.js';
import type { Reply } from './reply.js';
import { BlockingRegistry } from './blocking.js';
import { Client } from './client.js';
import { EngineClock } from './clock.js';
import type { CommandEntry } from './command-entry.js';
import { CommandTable } from './command-table.js';
import { Database, type ChangeCause, type KeyspaceEvents } from './keyspace.js';
import { MemoryGuard } from './memory.js';
import type { EvictionPolicy } from './memory/eviction.js';
import { MemoryTally } from './memory/tally.js';
import { activeOutputLimits, mergeOutputLimits, type ActiveOutputLimits } from './output-limits.js';
import { defaultValues, type ConfigValues } from './persistence/config-params.js';
import { Persistence } from './persistence/persistence.js';
import { elementsChanged } from './persistence/dirty-counts.js';
import { replayableKey } from './persistence/replayable.js';
import { call } from './dispatch.js';
import { streamKeysWritten } from './persistence/stream-writes.js';
import { PubSubRegistry } from './pubsub.js';
import { Notifier, notifyFlags } from './notify/notifier.js';
import { runNotifying } from './notify/run.js';
import { EngineStats } from './info/stats.js';
import type { Bytes, CommandContext, CommandSpec, EngineHandle, HandlerResult, Keyspace } from './types.js';
import { WatchRegistry } from './watch.js';

export const DATABASES = 16;
export const DEFAULT_MAX_MEMORY = 256 * 1024 * 1024;
/** Keys with a TTL checked per database per cron run; more runs follow at once while many expire. */
const EXPIRE_SAMPLE = 200;

export interface EngineOptions {
  maxMemoryBytes?: number;
  commands: CommandSpec[];
  /**
   * The configuration it starts with (CONFIG GET's text by parameter name) over Redis's defaults; `dir`
   * is where SAVE and the AOF write. Without one the engine has no folder: saving fails.
   */
  config?: Record<string, string>;
}

/** A CONFIG SET the engine could not apply: the parameter and Redis's reason. */
export interface ConfigProblem {
  key: string;
  why: string;
}

/**
 * The engine's state, independent of sockets: 16 databases, clients, WATCH, blocked clients, pub/sub
 * and the memory cap. The server feeds it commands; `output` tells the server a client has replies to send.
 */
export class Engine implements EngineHandle, KeyspaceEvents {
  readonly databaseCount = DATABASES;
  readonly clock = new EngineClock();
  readonly databases: Database[] = [];
  readonly watch = new WatchRegistry();
  readonly pubsub = new PubSubRegistry();
  /** Keyspace notifications (notify-keyspace-events); `notify.flags` is 0 when off. */
  readonly notify = new Notifier(this.pubsub, (client, reply) => this.deliver(client, reply));
  /** INFO's counters (stats, commandstats, errorstats, latencystats). */
  readonly stats = new EngineStats();
  /** Clients in MONITOR mode. */
  readonly monitors = new Set<Client>();
  readonly blocking: BlockingRegistry;
  readonly memory: MemoryGuard;
  readonly table: CommandTable;
  readonly clients = new Map<number, Client>();
  /** On the engine's clock, so uptime grows with an advance as it would with a real wait; a restart resets it. */
  startedAt = this.clock.read();
  /**
   * CONFIG REWRITE: present once the engine runs as if from a configuration file (server control's
   * `fresh`), when it makes the running configuration the one `restartFromConfig` starts from.
   */
  rewriteConfig: (() => void) | undefined;
  /** The running configuration (CONFIG GET/SET), by parameter name. */
  config: ConfigValues;
  readonly persistence: Persistence;
  /** The normal and pub/sub clients' output limits, undefined while both are off (no check at all). */
  outputLimits: ActiveOutputLimits | undefined;
  /** Filled in by the server once it listens (INFO reports it). */
  port = 0;
  private nextClientId = 1;
  private replayClient: Client | undefined;
  private cron: NodeJS.Timeout | undefined;
  /** Set by the server: a client outside the current command has something to send or to resume. */
  output: (client: Client) => void = () => {};
  resume: (client: Client) => void = () => {};

  constructor(options: EngineOptions) {
    const tally = new MemoryTally();
    for (let i = 0; i < DATABASES; i++) this.databases.push(new Database(i, this, tally));
    this.blocking = new BlockingRegistry({
      database: (i) => this.database(i),
      clock: this.clock,
      release: (client, reply) => {
        client.reply(reply);
        this.output(client);
        this.resume(client);
      },
    });
    const maxMemory = options.maxMemoryBytes ?? DEFAULT_MAX_MEMORY;
    this.config = defaultValues({ save: '', appendonly: 'no', maxmemory: String(maxMemory), ...options.config });
    this.memory = new MemoryGuard(Number(this.config.get('maxmemory')), this.databases, tally);
    this.configChanged('maxmemory-policy');
    this.configChanged('maxmemory-samples');
    this.configChanged('client-output-buffer-limit');
    this.memory.onEvicted = (db, key) => {
      if (this.notify.flags !== 0) this.notify.emit('e', 'evicted', key, db.index);
    };
    this.encodingLimits = limitsFrom(this.config);
    this.persistence = new Persistence({ databases: this.databases, config: this.config, now: () => this.clock.read(), rerun: (db, t, args) => this.rerun(db, t, args) });
    this.notify.flags = notifyFlags(this.config.get('notify-keyspace-events') ?? '');
    this.table = new CommandTable(options.commands);
  }

  /**
   * Runs a command's handler with the bookkeeping every command has (dispatch's `call` calls it): the
   * encoding thresholds installed, keyspace notifications, Redis's dirty, and the AOF and replicas
   * written before the reply goes out. A handler that throws leaves its error to the caller.
   */
  runHandler(spec: CommandEntry, ctx: CommandContext, args: Buffer[]): HandlerResult {
    // Installed for this engine's handlers (another engine in the process may have run last); stored only
    // when it differs, since a store of an object costs a write barrier.
    if (ENCODING.limits !== this.encodingLimits) ENCODING.limits = this.encodingLimits;
    const persistence = this.persistence;
    persistence.depth++;
    const replicating = this.replication.replicas.size > 0;
    const dirtyBefore = persistence.dirty;
    let outcome: HandlerResult | undefined;
    if (replicating) this.replication.begin();
    try {
      const result = this.notify.flags === 0 ? spec.handler(ctx, args) : runNotifying(this.notify, this.databases, spec, ctx, args);
      outcome = result;
      if (spec.writes && result.type !== 'block') this.countWrite(spec, ctx, args, result);
      if (spec.mayWriteStreams) {
        const streams = streamKeysWritten(spec, args);
        if (streams.length > 0) this.streamsWritten(result, ctx, streams);
      }
      return result;
    } finally {
      persistence.depth--;
      persistence.commandDone();
      // Propagated when it changed something (Redis's dirty), as Redis does.
      if (replicating) this.replication.end(spec, ctx, args, outcome, persistence.dirty !== dirtyBefore);
    }
  }

  /** A write that answered: Redis's dirty by its elements, and the command itself for the AOF when it may be replayed. */
  private countWrite(spec: CommandEntry, ctx: CommandContext, args: Buffer[], result: Reply): void {
    const elements = elementsChanged(spec.name, args.length, result);
    if (elements !== undefined) this.persistence.countElements(elements);
    const key = this.persistence.aofOn ? replayableKey(spec.name, args) : undefined;
    if (key !== undefined && result.type !== 'error') this.persistence.recordAsSent(this.databases[ctx.db.index]!, key, ctx.now, args);
  }

  /** Runs a command recorded in the AOF, as it ran then: on its database, at its time, for no client. */
  private rerun(db: number, t: number, args: Buffer[]): void {
    const found = this.table.lookup(args);
    if (found.kind !== 'found') throw new Error(`the AOF holds a command the engine cannot run: ${args[0]?.toString('latin1')}`);
    this.replayClient ??= new Client(0, null, this, this.databases[0]!);
    this.replayClient.dbIndex = db;
    const now = this.clock.now;
    this.clock.now = t;
    try {
      call(this, this.replayClient, found.spec, args);
    } finally {
      this.clock.now = now;
    }
  }

  /** Streams whose groups a command changed (now, or when its blocked XREADGROUP is served). */
  private streamsWritten(result: HandlerResult, ctx: CommandContext, keys: Bytes[]): void {
    const note = (db: Keyspace): void => {
      for (const key of keys) this.persistence.noteChange(this.databases[db.index]!, key, false);
    };
    if (result.type === 'error') return;
    if (result.type !== 'block') return note(ctx.db);
    const tryServe = result.tryServe;
    result.tryServe = (served, readyKey) => {
      const reply = tryServe(served, readyKey);
      if (reply !== undefined) {
        note(served.db);
        this.persistence.commandDone();
      }
      return reply;
    };
  }

  /**
   * CONFIG SET's changes, already checked: refused as a whole when one cannot be applied, else stored
   * and put into effect (the memory cap, the cron's rate, the AOF started or stopped).
   */
  applyConfig(changes: { key: string; value: string }[]): ConfigProblem | undefined {
    for (const { key, value } of changes) {
      if (key === 'port' && Number(value) !== this.port) return { key, why: 'Unable to listen on this port' };
      if (key === 'bind' && value !== this.config.get('bind')) return { key, why: 'Failed to bind to specified addresses.' };
    }
    const before = new Map(changes.map(({ key }) => [key, this.config.get(key)!]));
    // client-output-buffer-limit changes only the classes it names.
    for (const { key, value } of changes) this.config.set(key, key === 'client-output-buffer-limit' ? mergeOutputLimits(this.config.get(key)!, value) : value);
    for (const { key } of changes) {
      if (before.get(key) === this.config.get(key)) continue;
      try {
        this.configChanged(key);
      } catch {
        // As Redis when an apply fails (the AOF cannot be written): every value goes back.
        for (const [k, v] of before) this.config.set(k, v);
        for (const [k] of before) this.configChanged(k);
        return { key, why: key === 'appendonly' ? 'Unable to turn on AOF. Check server logs.' : 'Unable to apply the new value' };
      }
    }
    return undefined;
  }

  /** Puts the running configuration's value of `key` into effect. */
  configChanged(key: string): void {
    if (key === 'notify-keyspace-events') this.notify.flags = notifyFlags(this.config.get(key)!);
    else if (LIMIT_PARAMS.has(key)) this.encodingLimits = limitsFrom(this.config);
    else if (key === 'maxmemory') {
      this.memory.maxBytes = Number(this.config.get('maxmemory'));
      // As Redis's updateMaxmemory: a lower cap evicts at once (and publishes `evicted`), not at the next command.
      if (this.memory.maxBytes > 0 && this.memory.overLimit()) this.memory.makeRoom(this.clock.now);
    }
    else if (key === 'maxmemory-policy') this.memory.setPolicy(this.config.get(key) as EvictionPolicy);
    else if (key === 'maxmemory-samples') this.memory.samples = Number(this.config.get(key));
    else if (key === 'client-output-buffer-limit') this.outputLimits = activeOutputLimits(this.config.get(key)!);
    else if (key === 'hz' && this.cron !== undefined) this.startCron();
    else if (key === 'appendonly') {
      if (this.config.get('appendonly') === 'yes') this.persistence.startAof();
      else this.persistence.stopAof();
    }
  }

  database(index: number): Database {
    return this.databases[index]!;
  }

  newClient(socket: Client['socket']): Client {
    const client = new Client(this.nextClientId++, socket, this, this.databases[0]!);
    this.stats.connectionsReceived++;
    client.createdAt = client.lastInteraction = this.clock.now;
    this.clients.set(client.id, client);
    return client;
  }

  dropClient(client: Client): void {
    client.closed = true;
    this.clients.delete(client.id);
    this.monitors.delete(client);
    this.replication.detach(client);
    this.blocking.unblock(client);
    this.watch.unwatchAll(client);
    this.pubsub.drop(client);
  }

  modified(db: Database, key: Bytes, cause?: ChangeCause): void {
    if (cause === 'expired') {
      this.stats.expiredKeys++;
      if (this.replication.replicas.size > 0) this.replication.expired(db.index, key);
    }
    if (this.notify.flags !== 0) {
      if (cause === 'expired') this.notify.emit('x', 'expired', key, db.index);
      else if (cause === undefined && this.notify.depth > 0) this.notify.changed.push({ db: db.index, key });
    }
    this.watch.touch(db, key);
    if (cause !== 'flush') this.persistence.noteChange(db, key, cause === 'expired');
  }

  created(db: Database, key: Bytes): void {
    if (this.notify.flags !== 0) this.notify.emit('n', 'new', key, db.index);
  }

  flushed(db: Database, keys: number): void {
    this.persistence.noteFlush(db, keys);
  }

  maybeReady(db: Database, key: Bytes): void {
    this.blocking.signal(db, key);
  }

  deliver = (client: Client, reply: Reply): void => {
    client.reply(reply);
    this.output(client);
  };

  /** DEBUG SET-ACTIVE-EXPIRE 0 turns the cron's active expiry off (lazy expiry goes on). */
  activeExpireEnabled = true;
  /** Connections that sent SYNC, and the writes propagated to them (replication.ts). */
  readonly replication = new Replication((client, reply) => this.deliver(client, reply));
  /** CONFIG's encoding thresholds, installed in ENCODING.limits before each command runs. */
  encodingLimits: EncodingLimits = DEFAULT_LIMITS;

  /** Runs `hz` times a second (Redis's serverCron): active expiry, AOF fsync, save points. */
  startCron(): void {
    if (this.cron !== undefined) clearInterval(this.cron);
    this.cron = setInterval(() => {
      if (this.activeExpireEnabled) this.activeExpire();
      this.stats.sample(Date.now());
      this.persistence.cron();
    }, 1000 / Number(this.config.get('hz')));
    this.cron.unref();
  }

  stopCron(): void {
    if (this.cron !== undefined) clearInterval(this.cron);
    this.cron = undefined;
    for (const client of this.clients.values()) this.blocking.unblock(client);
  }

  /** Every client connection closed, as a server going down closes them (blocked clients and subscriptions go too). */
  dropAllClients(): void {
    for (const client of [...this.clients.values()]) {
      this.dropClient(client);
      client.socket?.destroy();
    }
  }

  /**
   * Moves the engine's time forward by `ms` without waiting (a lesson's `@wait`): keys whose TTL has
   * passed are deleted at once (telling WATCH), and blocked clients whose timeout has passed get their
   * timeout reply, as if the time had really gone by.
   */
  advanceClock(ms: number): void {
    this.clock.advance(ms);
    for (const db of this.databases) db.sweepExpired();
    this.blocking.clockMoved();
    this.persistence.commandDone();
    this.persistence.cron();
  }

  /** Redis's active expiry in spirit: keep sampling while more than a quarter of a sample expired. */
  activeExpire(): void {
    this.clock.tick();
    // A budget of real CPU time, not of the data's time: it stays on the wall clock.
    const deadline = Date.now() + 10;
    for (const db of this.databases) {
      for (;;) {
        const { checked, expired } = db.activeExpire(EXPIRE_SAMPLE);
        if (checked === 0 || expired * 4 <= checked || Date.now() > deadline) break;
      }
    }
  }
}

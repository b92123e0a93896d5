import type { Connection } from '../connection/resolve.js';
import { address } from '../connection/options.js';
import { clearPlayground, restoreMarker } from '../connection/playground.js';
import { classifyLine, describeWait, MAIN } from '../course/lines.js';
import { BAD_REPEAT, INVALID_ARGUMENTS, parseCommandLine } from '../repl/parse.js';
import { formatForCommand } from '../repl/format.js';
import { UserError } from '../errors.js';
import { ConnectionClosedError, RespClient } from '../resp/client.js';
import type { RespReply } from '../resp/types.js';
import { blockingTimeoutMs, boundedExample, LESSON_BLOCK_CAP_MS } from './blocking.js';
import { HelperConnections, labelled } from './helpers.js';
import { runnerMsg } from './messages.js';
import { clusterMsg } from '../cluster/messages.js';
import { race } from './race.js';
import { loadFixture } from './fixture.js';
import { probe } from './probe.js';
import { count, describeProbe } from './probe-text.js';
import { refusal } from './refused.js';
import { learnerKeys, readKey, type KeySnapshot } from './snapshot.js';
import { programUrl } from './code/url.js';
import { namespacedChannels, SHARED_NOTHING } from './channels.js';
import type { ReceivedMessage } from './checks.js';
import type { Interference } from '../course/schema.js';
import type { ControlAction } from '../course/lines.js';

/** One line as the learner (or the lesson) typed it, run on Redis. */
export type Executed =
  | {
      kind: 'ran';
      line: string;
      /** The connection it ran on: A (the lesson's own) or a helper such as B. */
      on: string;
      name: string;
      args: string[];
      reply: RespReply;
      text: string;
      /** Redis did not know the command (a typo): it does not count as using anything. */
      unknown: boolean;
      /** A helper's command still waiting (BLPOP on B): its reply arrives as output later. */
      pending?: Promise<string>;
    }
  /** A directive (`@wait`, `@race`) ran: what it did, in a line of its own. */
  | { kind: 'directive'; line: string; text: string }
  /** Nothing was sent: the line could not be split, or the command is not allowed in a lesson. */
  | { kind: 'refused'; line: string; text: string };

/** The longest a real server's lesson sleeps for `@wait`; longer waits need the built-in engine's clock. */
export const REAL_WAIT_CAP_MS = 5000;

/** The Redis a lesson works on: typed replies for what the learner sees, reads for the checks. */
export interface LessonRedis {
  /** redis-cli's prompt for a connection (the lesson's own by default): `127.0.0.1:6379[15]> `. */
  readonly prompt: string;
  promptOf(on: string): string;
  /** REDIS_URL for a learner's program (code steps): this server and the playground db; undefined when there is none. */
  readonly url: string | undefined;
  /** The tutor started this server (no playground marker in it). */
  readonly owned: boolean;
  /** Time can jump (the built-in engine's clock) rather than pass. */
  readonly clockJumps: boolean;
  /** Runs a lesson line: a command (`B> ` for a helper connection, `on` for a learner typing on one) or a directive. */
  execute(line: string, on?: string): Promise<Executed>;
  /** Pushed messages and late replies from helpers since the last call, labelled, in arrival order. */
  output(): string[];
  /** Gives a listening helper (subscribed, or blocked) a moment to receive what the last command caused. */
  settle(): Promise<void>;
  /** Puts the playground marker back on a server the tutor did not start: a learner's program may have flushed it. */
  guard(): Promise<void>;
  /** Closes the helper connections: a step's helpers live for that step (and ends any interference). */
  endStep(): void;
  /** Pub/sub messages the helpers received during the step (R2). */
  received(): readonly ReceivedMessage[];
  /** Server parameters as CONFIG GET answers them (R11); a parameter it does not know is left out. */
  config(names: string[]): Promise<Record<string, string>>;
  /**
   * Arms another client's write (R19) for the lines run from now until the step ends: after the first
   * `times` commands named `after`, `run` is sent on helper `on` and shown as that client's.
   */
  interfere(plan: Interference | undefined): void;
  /** The command may write (COMMAND INFO does not flag it readonly); asked once per name. */
  writes(name: string): Promise<boolean>;
  /** Snapshots of the named keys, and every learner key (for "did you mean"). */
  read(keys: string[]): Promise<{ keys: Record<string, KeySnapshot>; allKeys: string[] }>;
  /** `show <key>` and `help <command>`, drawn as the REPL draws them. */
  show(key: string): Promise<string>;
  help(topic: string): Promise<string>;
  /**
   * Empties the playground (the marker stays on a server the tutor did not start); helpers are closed.
   * `fresh` (lessons with `needs: [server-control]`): the whole server is made fresh instead, files and
   * configuration included (R5).
   */
  clear(options?: { fresh?: boolean }): Promise<void>;
  close(): void;
}

export async function openLessonRedis(connection: Connection): Promise<LessonRedis> {
  let resp = await RespClient.connect(connection.endpoint, { db: connection.db });
  const client = connection.client;
  // Channels are server-wide: on a server the tutor did not start, the lesson's are its own (R21).
  const channels = connection.owned ? SHARED_NOTHING : namespacedChannels();
  const helpers = new HelperConnections(connection.endpoint, connection.db, channels);
  let interference: { plan: Interference; fired: number } | undefined;
  // `show` and `help` look on a connection of the tutor's own: on the learner's, inside their MULTI, they
  // would be QUEUED and then answered inside EXEC. Opened when first asked for.
  let aside: Promise<RespClient> | undefined;
  const lookOn = () => (aside ??= RespClient.connect(connection.endpoint, { db: connection.db }));
  const closeAside = () => {
    void aside?.then((c) => c.close(), () => undefined);
    aside = undefined;
  };
  const writers = new Map<string, boolean>();
  const lost = (err: unknown) => {
    if (err instanceof ConnectionClosedError) return new UserError(runnerMsg.connectionLost(err.message), { cause: err });
    return err;
  };
  const call = async (args: Buffer[]) => {
    try {
      return await resp.call(args);
    } catch (err) {
      throw lost(err);
    }
  };
  const promptOf = (on: string) => `${on === MAIN ? '' : `${on} `}${address(connection.endpoint)}${connection.db === 0 ? '' : `[${connection.db}]`}> `;

  /** R5: stops and starts the server the tutor owns; every connection to it is opened again. */
  async function control(action: ControlAction | 'fresh'): Promise<void> {
    const server = connection.control;
    if (server === undefined) throw new UserError(runnerMsg.controlFailed(action, runnerMsg.notOwned()));
    helpers.closeAll();
    resp.close();
    closeAside();
    try {
      if (action === 'fresh') await server.fresh();
      else if (action === 'restart') await server.restart();
      else if (action === 'crash') await server.crash();
      else await server.restartFromConfig();
    } catch (err) {
      throw new UserError(runnerMsg.controlFailed(action, err instanceof Error ? err.message : String(err)), { cause: err });
    }
    resp = await RespClient.connect(connection.endpoint, { db: connection.db });
  }

  /** R19: another client's write, after the learner's command that arms it. */
  async function interfereAfter(done: Executed): Promise<void> {
    if (interference === undefined || done.kind !== 'ran' || done.unknown) return;
    const { plan } = interference;
    if (done.name !== plan.after || interference.fired >= plan.times) return;
    interference.fired++;
    for (const line of plan.run) {
      const ran = await helpers.run(plan.on, commandOf(line).map((a) => Buffer.from(a)), false).catch((err) => {
        throw lost(err);
      });
      helpers.note(runnerMsg.interfered(plan.on, line));
      helpers.note(labelled(plan.on, ran.text));
    }
  }

  async function wait(line: string, ms: number): Promise<Executed> {
    if (connection.advanceClock) connection.advanceClock(ms);
    else await new Promise((r) => setTimeout(r, Math.min(ms, REAL_WAIT_CAP_MS)));
    return { kind: 'directive', line, text: runnerMsg.waited(describeWait(ms)) };
  }

  return {
    prompt: promptOf(MAIN),
    promptOf,
    url: programUrl(connection.endpoint, connection.db),
    owned: connection.owned,
    clockJumps: connection.advanceClock !== undefined,
    async execute(line, typedOn) {
      const meant = classifyLine(line);
      if (meant.kind === 'wait') return wait(line, meant.ms);
      if (meant.kind === 'control') {
        await control(meant.action);
        return { kind: 'directive', line, text: runnerMsg.controlled(meant.action) };
      }
      if (meant.kind === 'race') {
        const seconds = await race(connection.endpoint, connection.db, meant.clients, meant.times, meant.script).catch((err) => {
          throw lost(err);
        });
        return { kind: 'directive', line, text: runnerMsg.raced(meant.clients, meant.times, meant.script.join(' | '), seconds.toFixed(1)) };
      }
      if (meant.kind === 'fixture' || meant.kind === 'probe') {
        const args = commandOf(meant.command);
        const refused = refusal(args[0]!.toUpperCase(), false) ?? (blockingTimeoutMs(args) === undefined ? undefined : runnerMsg.directiveBlocks(meant.command));
        if (refused !== undefined) return { kind: 'refused', line, text: refused };
        if (meant.kind === 'fixture') {
          const loaded = await loadFixture(resp, meant.count, meant.command).catch((err) => {
            throw lost(err);
          });
          if (loaded.error !== undefined) return { kind: 'refused', line, text: runnerMsg.fixtureFailed(meant.command, loaded.error) };
          return { kind: 'directive', line, text: runnerMsg.fixtureLoaded(count(meant.count), meant.command, loaded.seconds.toFixed(2)) };
        }
        const probed = await probe(connection.endpoint, connection.db, args, connection.kind === 'builtin').catch((err) => {
          throw lost(err);
        });
        if (!connection.owned) await restoreMarker(client);
        return { kind: 'directive', line, text: describeProbe(meant.command, probed) };
      }
      if (meant.kind === 'bad') return { kind: 'refused', line, text: INVALID_ARGUMENTS };
      // `@node`, `@kill` ...: only the local cluster's lesson Redis (src/cluster/lesson-redis.ts) runs them.
      if (meant.kind !== 'command') return { kind: 'refused', line, text: clusterMsg.noLocalCluster(line) };
      const on = meant.labelled ? meant.on : (typedOn ?? MAIN);
      const parsed = parseCommandLine(meant.command);
      if (parsed.kind === 'invalid') return { kind: 'refused', line, text: INVALID_ARGUMENTS };
      if (parsed.kind === 'bad-repeat') return { kind: 'refused', line, text: BAD_REPEAT };
      if (parsed.kind === 'empty') return { kind: 'refused', line, text: '' };
      const name = parsed.args[0]!.toString('utf8').toUpperCase();
      const args = parsed.args.map((a) => a.toString('utf8'));
      const refused = refusal(name, on !== MAIN, connection.control !== undefined);
      if (refused !== undefined) return { kind: 'refused', line, text: refused };
      // A repeat count (`3 BLPOP jobs 5`) waits each time.
      const waitsMs = (blockingTimeoutMs(args) ?? 0) * parsed.repeat;
      if (on === MAIN && waitsMs > LESSON_BLOCK_CAP_MS) {
        return { kind: 'refused', line, text: runnerMsg.refusedBlocking(meant.command, LESSON_BLOCK_CAP_MS / 1000, boundedExample(args, parsed.repeat, LESSON_BLOCK_CAP_MS), waitsMs / 1000) };
      }
      if (on !== MAIN && helpers.busy(on)) return { kind: 'refused', line, text: runnerMsg.helperBusy(on) };
      let result: Executed;
      if (on === MAIN) {
        let reply: RespReply = { type: 'bulk', value: null };
        let text = '';
        for (let i = 0; i < parsed.repeat; i++) {
          reply = channels.strip(await call(channels.wrap(parsed.args)));
          text += formatForCommand(parsed.args, reply, 'human');
        }
        result = { kind: 'ran', line, on, name, args, reply, text: text.replace(/\n$/, ''), unknown: isUnknown(reply) };
      } else {
        // A repeat count runs the command again only once it answered: a blocking one runs once.
        const blocking = blockingTimeoutMs(args) !== undefined;
        let ran: Awaited<ReturnType<HelperConnections['run']>> | undefined;
        const texts: string[] = [];
        for (let i = 0; i < (blocking ? 1 : parsed.repeat); i++) {
          ran = await helpers.run(on, parsed.args, blocking).catch((err) => {
            throw lost(err);
          });
          texts.push(ran.text);
        }
        result = { kind: 'ran', line, on, name, args, reply: ran!.reply, text: texts.join('\n'), unknown: isUnknown(ran!.reply), ...(ran!.pending ? { pending: ran!.pending } : {}) };
      }
      await interfereAfter(result);
      // A FLUSHDB, DEL or EXPIRE may have taken the marker: the playground must stay the tutor's.
      if (!connection.owned) await restoreMarker(client);
      return result;
    },
    async writes(name) {
      let known = writers.get(name);
      if (known === undefined) {
        // Asked on the tutor's own connection: on the learner's, inside their MULTI, it would be QUEUED.
        const info = ((await client.call('COMMAND', 'INFO', name)) as unknown[] | null)?.[0];
        const flags = Array.isArray(info) ? info[2] : undefined;
        // A command the server does not know wrote nothing; WATCH and UNWATCH (not flagged readonly) neither.
        known = Array.isArray(info) && !(Array.isArray(flags) && flags.includes('readonly')) && !CONNECTION_STATE.has(name.toUpperCase());
        writers.set(name, known);
      }
      return known;
    },
    async guard() {
      if (!connection.owned) await restoreMarker(client);
    },
    output: () => helpers.drain(),
    settle: () => helpers.settle(),
    endStep: () => {
      helpers.closeAll();
      interference = undefined;
    },
    received: () => helpers.received(),
    async config(names) {
      const found: Record<string, string> = {};
      for (const name of names) {
        const reply = await call([Buffer.from('CONFIG'), Buffer.from('GET'), Buffer.from(name)]);
        const [key, value] = reply.type === 'array' ? (reply.value ?? []) : [];
        if (key?.type === 'bulk' && value?.type === 'bulk' && value.value !== null) found[name] = value.value.toString('utf8');
      }
      return found;
    },
    interfere(plan) {
      interference = plan === undefined ? undefined : { plan, fired: 0 };
    },
    async read(keys) {
      const snaps: Record<string, KeySnapshot> = {};
      for (const key of keys) snaps[key] = await readKey(client, key);
      return { keys: snaps, allKeys: await learnerKeys(client) };
    },
    // `show` and `help` draw as the REPL does; their code (tables, command docs) is loaded when first asked for.
    show: async (key) => (await import('../repl/show.js')).renderShow(await lookOn(), key),
    help: async (topic) => (await import('../repl/help.js')).renderHelp(await lookOn(), topic),
    async clear(options = {}) {
      helpers.closeAll();
      interference = undefined;
      if (options.fresh && connection.control !== undefined) return control('fresh');
      // A MULTI the learner left open would queue the replayed commands instead of running them, and a
      // WATCH left set would fail the next EXEC.
      await call([Buffer.from('DISCARD')]);
      await call([Buffer.from('UNWATCH')]);
      await clearPlayground(client, connection.owned);
    },
    close: () => {
      helpers.closeAll();
      resp.close();
      closeAside();
    },
  };
}

/** Commands that change only the connection's own state, never the data: not an attempt at a step. */
const CONNECTION_STATE = new Set(['WATCH', 'UNWATCH']);

/** A directive's command, split as redis-cli splits it (validation proved it splits). */
function commandOf(command: string): string[] {
  const parsed = parseCommandLine(command);
  return parsed.kind === 'command' ? parsed.args.map((a) => a.toString('utf8')) : [command];
}

function isUnknown(reply: RespReply): boolean {
  return reply.type === 'error' && reply.value.startsWith('ERR unknown command');
}

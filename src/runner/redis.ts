import type { Connection } from '../connection/resolve.js';
import { address } from '../connection/options.js';
import { clearPlayground, restoreMarker } from '../connection/playground.js';
import { BAD_REPEAT, INVALID_ARGUMENTS, parseCommandLine } from '../repl/parse.js';
import { formatForCommand } from '../repl/format.js';
import { renderHelp } from '../repl/help.js';
import { renderShow } from '../repl/show.js';
import { UserError } from '../errors.js';
import { ConnectionClosedError, RespClient } from '../resp/client.js';
import type { RespReply } from '../resp/types.js';
import { runnerMsg } from './messages.js';
import { learnerKeys, readKey, type KeySnapshot } from './snapshot.js';

/** One line as the learner (or the lesson) typed it, run on Redis. */
export type Executed =
  | { kind: 'ran'; line: string; name: string; args: string[]; reply: RespReply; text: string }
  /** Nothing was sent: the line could not be split, or the command is not allowed in a lesson. */
  | { kind: 'refused'; line: string; text: string };

/**
 * Commands a lesson refuses: they would leave the playground database, touch other databases, stop the
 * server or block the connection the lesson reads from. The REPL is the place for them.
 */
const REFUSED = new Set(['SELECT', 'SWAPDB', 'MOVE', 'FLUSHALL', 'SHUTDOWN', 'DEBUG', 'CONFIG', 'MIGRATE', 'MONITOR', 'SUBSCRIBE', 'PSUBSCRIBE', 'SSUBSCRIBE', 'SYNC', 'PSYNC', 'REPLICAOF', 'SLAVEOF', 'FAILOVER', 'RESET', 'AUTH', 'HELLO', 'CLIENT']);

/** The Redis a lesson works on: typed replies for what the learner sees, reads for the checks. */
export interface LessonRedis {
  /** redis-cli's prompt for this connection: `127.0.0.1:6379[15]> `. */
  readonly prompt: string;
  /** The tutor started this server (no playground marker in it). */
  readonly owned: boolean;
  execute(line: string): Promise<Executed>;
  /** Snapshots of the named keys, and every learner key (for "did you mean"). */
  read(keys: string[]): Promise<{ keys: Record<string, KeySnapshot>; allKeys: string[] }>;
  /** `show <key>` and `help <command>`, drawn as the REPL draws them. */
  show(key: string): Promise<string>;
  help(topic: string): Promise<string>;
  /** Empties the playground (the marker stays on a server the tutor did not start). */
  clear(): Promise<void>;
  close(): void;
}

export async function openLessonRedis(connection: Connection): Promise<LessonRedis> {
  const resp = await RespClient.connect(connection.endpoint, { db: connection.db });
  const client = connection.client;
  const call = async (args: Buffer[]) => {
    try {
      return await resp.call(args);
    } catch (err) {
      if (err instanceof ConnectionClosedError) throw new UserError(runnerMsg.connectionLost(err.message), { cause: err });
      throw err;
    }
  };
  return {
    prompt: `${address(connection.endpoint)}${connection.db === 0 ? '' : `[${connection.db}]`}> `,
    owned: connection.owned,
    async execute(line) {
      const parsed = parseCommandLine(line);
      if (parsed.kind === 'invalid') return { kind: 'refused', line, text: INVALID_ARGUMENTS };
      if (parsed.kind === 'bad-repeat') return { kind: 'refused', line, text: BAD_REPEAT };
      if (parsed.kind === 'empty') return { kind: 'refused', line, text: '' };
      const name = parsed.args[0]!.toString('utf8').toUpperCase();
      if (REFUSED.has(name)) return { kind: 'refused', line, text: runnerMsg.refusedCommand(name) };
      let reply: RespReply = { type: 'bulk', value: null };
      let text = '';
      for (let i = 0; i < parsed.repeat; i++) {
        reply = await call(parsed.args);
        text += formatForCommand(parsed.args, reply, 'human');
      }
      // A FLUSHDB, DEL or EXPIRE may have taken the marker: the playground must stay the tutor's.
      if (!connection.owned) await restoreMarker(client);
      const args = parsed.args.map((a) => a.toString('utf8'));
      return { kind: 'ran', line, name, args, reply, text: text.replace(/\n$/, '') };
    },
    async read(keys) {
      const snaps: Record<string, KeySnapshot> = {};
      for (const key of keys) snaps[key] = await readKey(client, key);
      return { keys: snaps, allKeys: await learnerKeys(client) };
    },
    show: (key) => renderShow(resp, key),
    help: (topic) => renderHelp(resp, topic),
    async clear() {
      // A MULTI the learner left open would queue the replayed commands instead of running them.
      await call([Buffer.from('DISCARD')]);
      await clearPlayground(client, connection.owned);
    },
    close: () => resp.close(),
  };
}

import { connectionRequest, type GlobalOptions } from '../connection/options.js';
import { restoreMarker } from '../connection/playground.js';
import { resolveConnection } from '../connection/resolve.js';
import { UserError } from '../errors.js';
import { historyFile } from '../repl/history.js';
import { replMsg } from '../repl/messages.js';
import { Session } from '../repl/session.js';
import { theme } from '../ui/theme.js';

export interface ReplOptions extends GlobalOptions {
  raw?: boolean;
  /** false with --no-coach. */
  coach?: boolean;
  yes?: boolean;
}

/** The shipped course's command lines, for taking back a playground that lost its marker (loaded only then). */
async function shippedCourseCommands(): Promise<string[][]> {
  const { loadCourse } = await import('../course/load.js');
  const { courseCommands } = await import('../connection/course-keys.js');
  return courseCommands(loadCourse());
}

/**
 * `redis-tutor repl`: interactive when standard input is a terminal, pipe mode otherwise. Works in the
 * playground database unless a database was named (--db or the URL's /db).
 */
export async function repl(opts: ReplOptions, env: NodeJS.ProcessEnv): Promise<number> {
  const request = connectionRequest(opts, env);
  const playground = request.db === undefined;
  const connection = await resolveConnection(request, { playground, env, courseCommands: playground ? shippedCourseCommands : undefined });
  const interactive = process.stdin.isTTY === true;
  const say = (text: string) => (interactive ? process.stdout : process.stderr).write(`${text}\n`);
  say(theme.header(connection.header));
  for (const warning of connection.warnings) say(theme.warn(warning));
  const session = new Session({
    endpoint: connection.endpoint,
    db: connection.db,
    owned: connection.owned,
    mode: opts.raw ? 'raw' : 'human',
    coach: opts.coach !== false,
    coachProbes: interactive,
    yes: opts.yes === true,
    // On a playground the tutor claimed, a FLUSHDB or a DEL of the marker must not make it foreign. The
    // connection the chain opened stays in the playground database whatever the learner SELECTs.
    keepMarker: playground && !connection.owned && connection.cluster === undefined ? () => restoreMarker(connection.client) : undefined,
    // A Redis Cluster node (issue 15): redirects are followed as redis-cli -c follows them.
    ...(connection.cluster ? { cluster: true } : {}),
  });
  try {
    try {
      await session.connect();
    } catch (err) {
      throw new UserError(replMsg.notConnected(session.where, (err as Error).message), { cause: err });
    }
    if (interactive) {
      const { runInteractive } = await import('../repl/interactive.js');
      await runInteractive(session, { input: process.stdin, output: process.stdout, historyPath: historyFile(env) });
    } else {
      const { runPipe } = await import('../repl/pipe.js');
      await runPipe(session, process.stdin, process.stdout, process.stderr);
    }
  } finally {
    session.close();
    await connection.close();
  }
  return 0;
}

/**
 * What the REPL shares with the course runner: run a learner's line exactly as redis-cli would, print the
 * reply as redis-cli does, and teach from it.
 *
 * ```ts
 * import { Coach, RespClient, formatForCommand, parseCommandLine, renderShow } from '../repl/index.js';
 * const client = await RespClient.connect(connection.endpoint, { db: connection.db });
 * const coach = new Coach();                         // keep one per learner session ("once" notes)
 * const line = parseCommandLine('RPUSH chat "hi there"');
 * if (line.kind === 'command') {
 *   const { reply, note } = await coach.run(client, line.args);   // or client.call(line.args)
 *   print(formatForCommand(line.args, reply, 'human'));            // "(integer) 1\n"
 *   if (note) print(note);
 * }
 * print(await renderShow(client, 'chat'));           // the list as a table
 * ```
 */
export { BAD_REPEAT, INVALID_ARGUMENTS, parseCommandLine, splitArgs, type ParsedLine } from './parse.js';
export { formatForCommand, formatReply, quote, type OutputMode } from './format.js';
export { Coach, COACH_RULES, type CoachContext, type CoachRule } from './coach/index.js';
export { renderShow } from './show.js';
export { helpText, renderHelp } from './help.js';
export { fallbackDocs, loadDocs, type DocsIndex } from './docs/index.js';
export { RespClient, ConnectionClosedError, type Arg, type ConnectOptions } from '../resp/client.js';
export type { RespReply } from '../resp/types.js';

import { array, simple, type RespReply } from '../../resp/types.js';
import type { Bytes } from '../types.js';

/** addReplyHelp: a header naming the command as typed (upper-cased), the lines, and HELP's own. */
export function helpReply(typed: Buffer, lines: readonly string[]): RespReply {
  const cmd = typed.toString('latin1').toUpperCase();
  return array([simple(`${cmd} <subcommand> [<arg> [value] [opt] ...]. Subcommands are:`), ...lines.map(simple), simple('HELP'), simple('    Prints this help.')]);
}

/** C's %s: up to the first NUL byte. */
export const cText = (s: Bytes): string => {
  const nul = s.indexOf('\0');
  return nul < 0 ? s : s.slice(0, nul);
};

/** addReplySubcommandSyntaxError. */
export const subcommandSyntaxError = (args: Buffer[]): string =>
  `ERR unknown subcommand or wrong number of arguments for '${cText(args[1]!.toString('latin1')).slice(0, 128)}'. Try ${args[0]!.toString('latin1').toUpperCase()} HELP.`;

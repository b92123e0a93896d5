import { array, bulk, error, integer, OK, simple } from '../../resp/types.js';
import { arrayOf, map } from '../reply.js';
import type { CommandSpec } from '../types.js';
import { fail } from '../util/reply-error.js';
import { command } from '../util/spec.js';

/**
 * FUNCTION as Redis 7.0.15 answers it on a server where no library is loaded, which the engine always
 * is: it has no Lua, so FUNCTION LOAD, RESTORE, FCALL and EVAL stay outside it (their lookup answers
 * the engine's "not available" error). FLUSH, LIST, STATS, DUMP, DELETE and KILL answer exactly as a
 * real server with no library does; Redis's test framework sends FUNCTION FLUSH before every block.
 */
const HELP = [
  'FUNCTION <subcommand> [<arg> [value] [opt] ...]. Subcommands are:',
  'LOAD [REPLACE] <FUNCTION CODE>',
  '    Create a new library with the given library name and code.',
  'DELETE <LIBRARY NAME>',
  '    Delete the given library.',
  'LIST [LIBRARYNAME PATTERN] [WITHCODE]',
  '    Return general information on all the libraries:',
  '    * Library name',
  '    * The engine used to run the Library',
  '    * Library description',
  '    * Functions list',
  '    * Library code (if WITHCODE is given)',
  '    It also possible to get only function that matches a pattern using LIBRARYNAME argument.',
  'STATS',
  '    Return information about the current function running:',
  '    * Function name',
  '    * Command used to run the function',
  '    * Duration in MS that the function is running',
  '    If no function is running, return nil',
  '    In addition, returns a list of available engines.',
  'KILL',
  '    Kill the current running function.',
  'FLUSH [ASYNC|SYNC]',
  '    Delete all the libraries.',
  '    When called without the optional mode argument, the behavior is determined by the',
  '    lazyfree-lazy-user-flush configuration directive. Valid modes are:',
  '    * ASYNC: Asynchronously flush the libraries.',
  '    * SYNC: Synchronously flush the libraries.',
  'DUMP',
  '    Return a serialized payload representing the current libraries, can be restored using FUNCTION RESTORE command',
  'RESTORE <PAYLOAD> [FLUSH|APPEND|REPLACE]',
  '    Restore the libraries represented by the given payload, it is possible to give a restore policy to',
  '    control how to handle existing libraries (default APPEND):',
  '    * FLUSH: delete all existing libraries.',
  '    * APPEND: appends the restored libraries to the existing libraries. On collision, abort.',
  '    * REPLACE: appends the restored libraries to the existing libraries, On collision, replace the old',
  '      libraries with the new libraries (notice that even on this option there is a chance of failure',
  '      in case of functions name collision with another library).',
  'HELP',
  '    Prints this help.',
];

/** FUNCTION DUMP of no library: RDB version 10 (two bytes, little-endian) and the CRC64 of those bytes. */
const EMPTY_DUMP = Buffer.from([0x0a, 0x00, 0x5d, 0x9b, 0x5c, 0x40, 0x0f, 0x7f, 0xa2, 0xda]);

const lower = (b: Buffer): string => b.toString('latin1').toLowerCase();

const flush = command('function|flush', -2, ['write', 'noscript'], [0, 0, 0], (_ctx, args) => {
  if (args.length > 3) fail(`ERR unknown subcommand or wrong number of arguments for '${args[1]!.toString('latin1')}'. Try FUNCTION HELP.`);
  if (args.length === 3 && lower(args[2]!) !== 'sync' && lower(args[2]!) !== 'async') fail('ERR FUNCTION FLUSH only supports SYNC|ASYNC option');
  return OK;
});

/** functionListCommand: WITHCODE and LIBRARYNAME <pattern>, each once; nothing to list. */
const list = command('function|list', -2, ['noscript'], [0, 0, 0], (_ctx, args) => {
  let withCode = false;
  let library = false;
  for (let i = 2; i < args.length; i++) {
    const word = lower(args[i]!);
    if (!withCode && word === 'withcode') withCode = true;
    else if (!library && word === 'libraryname') {
      if (i >= args.length - 1) fail('ERR library name argument was not given');
      library = true;
      i++;
    } else fail(`ERR Unknown argument ${args[i]!.toString('latin1')}`);
  }
  return array([]);
});

const stats = command('function|stats', 2, ['noscript', 'allow_busy'], [0, 0, 0], () =>
  map([
    bulk('running_script'),
    bulk(null),
    bulk('engines'),
    map([bulk('LUA'), map([bulk('libraries_count'), integer(0), bulk('functions_count'), integer(0)])]),
  ]),
);

const dump = command('function|dump', 2, ['noscript'], [0, 0, 0], () => bulk(EMPTY_DUMP));

const del = command('function|delete', 3, ['write', 'noscript'], [0, 0, 0], () => error('ERR Library not found'));

const kill = command('function|kill', 2, ['noscript', 'allow_busy'], [0, 0, 0], () => error('NOTBUSY No scripts in execution right now.'));

const help = command('function|help', 2, ['loading', 'stale'], [0, 0, 0], () => arrayOf(HELP.map((line) => simple(line))));

const fn: CommandSpec = {
  ...command('function', -2, [], [0, 0, 0], () => fail("ERR wrong number of arguments for 'function' command")),
  subcommands: [flush, list, stats, dump, del, kill, help],
};

export const functionCommands: CommandSpec[] = [fn];

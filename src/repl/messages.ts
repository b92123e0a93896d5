import { translatable } from '../ui/i18n.js';
import { ko } from './messages.ko.js';
import { quoteName } from '../ui/escape.js';

/** What the REPL itself says (replies are Redis's own words and are never translated). */
const en = {
  helpIntro: (groups: string[]) =>
    [
      'redis-tutor repl: type Redis commands as you would in redis-cli.',
      '  help <command>     syntax, summary, complexity and an example (help SET)',
      '  help @<group>      every command of a group (help @list)',
      '  show <key>         the value drawn as a table, with its type, TTL and encoding',
      '  quit, exit, Ctrl+D leave; Ctrl+C clears the line; Tab completes; Ctrl+R searches history',
      `Groups: ${groups.map((g) => `@${g}`).join(' ')}`,
      '',
    ].join('\n'),
  /** Help for the words the tutor answers itself (they are not Redis commands). */
  tutorCommandHelp: (name: string): string | undefined =>
    ({
      show: '\n  show key\n  summary: Draw the value of a key as a table, with its type, TTL and encoding (a tutor command, not Redis)\n  example: show user:1\n',
      help: '\n  help [command | @group]\n  summary: Syntax, summary, complexity and an example of a command, or every command of a group\n  example: help @list\n',
      quit: '\n  quit\n  summary: Leave the REPL (also exit, or Ctrl+D)\n',
      exit: '\n  exit\n  summary: Leave the REPL (also quit, or Ctrl+D)\n',
      clear: '\n  clear\n  summary: Clear the screen\n',
    })[name],
  unknownGroup: (group: string, groups: string[]) => `There is no command group "${group}". Groups: ${groups.map((g) => `@${g}`).join(' ')}\n`,
  unknownHelp: (name: string) => `No help for ${quoteName(name)}: it is not a command this server or the tutor knows. Try help @string, or help alone.\n`,
  helpSummary: () => 'summary',
  helpSince: () => 'since',
  helpGroup: () => 'group',
  helpComplexity: () => 'complexity',
  helpSubcommands: () => 'subcommands',
  helpExample: () => 'example',

  // show
  showUsage: () => 'show <key>: draws the value of a key. For example: show user:1\n',
  showInMulti: () => 'show cannot read inside MULTI: its reads would be queued into your transaction. EXEC or DISCARD first.',
  showSubscribed: () => 'show cannot read in subscribed mode. Press Ctrl+C (or UNSUBSCRIBE) first.',
  showMissing: (key: string | Buffer) => `(no key ${quoteName(key)} in this database)\n`,
  showFacts: (type: string, ttl: string, encoding: string) => `type: ${type}   TTL: ${ttl}   encoding: ${encoding}`,
  showNoTtl: () => 'none (persists)',
  showTtl: (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`,
  showMore: (shown: number, total: number) => `... ${total - shown} more not shown (${total} in all)`,
  // `show <key>` table headings
  colValue: () => 'value',
  colSize: () => 'size',
  colIndex: () => 'index',
  colFromEnd: () => 'from end',
  colField: () => 'field',
  colMemberNoOrder: () => 'member (no order)',
  colRank: () => 'rank',
  colMember: () => 'member',
  colScore: () => 'score',
  colId: () => 'id',
  colFields: () => 'fields',
  showStringSize: (bytes: number, chars: number | undefined | 'cut') =>
    `${bytes} byte${bytes === 1 ? '' : 's'}${chars === 'cut' ? ' (the start shown)' : chars === undefined ? ', not valid UTF-8' : `, ${chars} character${chars === 1 ? '' : 's'}`}`,
  showUnsupported: (type: string) => `(show does not draw ${type} values yet; try TYPE and the ${type} commands)`,

  // Session
  connectionLost: (where: string) => `The connection to ${where} was lost. The next command reconnects.`,
  serverShutDown: (where: string) => `Redis at ${where} has shut down: that is what SHUTDOWN does. Commands fail until someone starts it again.`,
  ownServerShutDown: (where: string) =>
    `The Redis the tutor started at ${where} has shut down: that is what SHUTDOWN does, and it is gone for this session. Type quit, then start the REPL again for a new one.`,
  reconnected: (where: string) => `Reconnected to ${where}.`,
  notConnected: (where: string, detail: string) => `Could not connect to Redis at ${where}: ${detail}`,
  refusedInPipe: (command: string) => `Refused: ${command} on a server the tutor did not start. It changes or stops the whole server; add --yes to run it anyway.`,
  confirm: (command: string, why: string) => `${command} ${why} on a server the tutor did not start. Run it? (y/N) `,
  whyFlush: () => 'deletes data',
  whyStop: () => 'can stop or change the whole server',
  whyKeys: (n: number) => `walks all ${n} keys and blocks the server meanwhile`,
  cancelled: () => '(not run)',
  markerNotRestored: (detail: string) =>
    `The tutor could not put its playground marker back (${detail}). If the next start refuses this database, delete its keys or choose another with --db.`,
  resp3: () => 'The tutor speaks RESP2 (as redis-cli does by default); HELLO 3 is not supported here.',
  subscribedHint: () => 'Subscribed: messages appear as they arrive. Ctrl+C leaves subscribed mode.',
  monitorRefused: () => 'MONITOR streams every command the server runs; the tutor does not support it. Use redis-cli for MONITOR.',
  interrupted: () => '(interrupted: the tutor stopped waiting for that reply; the next command reconnects)',
  howToLeave: () => '(Ctrl+C clears the line. To leave, press Ctrl+D or type quit.)',
  searchPrompt: (query: string, match: string) => `(reverse-i-search)\`${query}': ${match}`,
};

export type ReplMessages = typeof en;
export const replMsg: ReplMessages = translatable(en, { ko });

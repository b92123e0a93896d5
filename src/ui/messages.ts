import { translatable } from './i18n.js';
import { ko } from './messages.ko.js';

/**
 * Every learner-facing sentence of the tutor's own (lessons carry theirs in their files). Each is a
 * function of its values, so a translation can reorder words freely; a missing translation falls back
 * to English.
 */
const en = {
  // Inquirer's key legend under a list of choices (its own English words, through its theme)
  keyNavigate: () => 'navigate',
  keySelect: () => 'select',
  unknownLanguage: (given: string, known: string) => `The tutor does not speak "${given}". Use --lang with one of: ${known}.`,

  // Options and input
  badUrl: (source: string, text: string, why: string) =>
    `${source} "${text}" is not a Redis URL: ${why}.\nExpected redis://[user:password@]host:port[/db], for example redis://127.0.0.1:6379/15 (rediss:// for TLS).`,
  badNumber: (source: string, text: string, expected: string, example: string) =>
    `${source} expects ${expected}, but got "${text}". For example: ${example}`,
  // `redis-tutor list` column headings
  colLessonId: () => 'id',
  colLessonTitle: () => 'title',
  colSteps: () => 'steps',
  colMinutes: () => 'minutes',
  colStatus: () => 'status',
  expectedPort: () => 'a port from 1 to 65535',
  expectedDb: () => 'a database number such as 0 or 15',
  conflictingOptions: (chosen: string[]) =>
    `These options each choose a different Redis: ${chosen.join(', ')}. Give only one of them.`,

  // Reaching a server
  refused: (where: string, source: string) =>
    `Nothing is listening at ${where}${source === 'default' ? '' : `, given by ${source}`} (connection refused).\n` +
    `Start Redis there, check the host and port, or leave the address out and the tutor will find or start a Redis for you.`,
  unknownHost: (host: string, source: string) =>
    `The host name "${host}" (from ${source}) could not be found. Check its spelling, or use 127.0.0.1 for this machine.`,
  timeout: (where: string) =>
    `${where} did not answer in time (a firewall, a wrong address or a network problem). Check the host and port, and that the server is up.`,
  silentPeer: (where: string) =>
    `Something at ${where} accepted the connection but did not answer a Redis PING. It may be another program, or a server that expects TLS (add --tls or use rediss://).`,
  notRedis: (where: string, firstBytes: string) =>
    `The program listening at ${where} is not Redis: it answered "${firstBytes}".\n` +
    `Another service is using that port. Point the tutor at your Redis with --port or --url, or leave the address out to use a private Redis.`,
  closedMaybeTls: (where: string) =>
    `${where} closed the connection without answering. If this server uses TLS, add --tls (or use rediss://); otherwise check that it is a Redis server.`,
  closedOnTls: (where: string) =>
    `${where} closed the TLS connection without answering. Check that the server speaks TLS on this port, or drop --tls / use redis://.`,
  tlsMismatch: (where: string) =>
    `${where} does not speak TLS, but the tutor was told to use it. Drop --tls, or use redis:// instead of rediss://.`,
  networkError: (where: string, detail: string) => `Could not reach ${where}: ${detail}. Check the address and your network.`,
  noAuth: (where: string) =>
    `The Redis at ${where} needs a password (NOAUTH). Give it with --password <password>, in the URL (redis://:password@host:port), or in the REDISCLI_AUTH environment variable.`,
  /** `user`: as quoteName shows it. */
  wrongPass: (where: string, user: string | undefined) =>
    `The Redis at ${where} refused the ${user ? `user name ${user} or its ` : ''}password (WRONGPASS). Check --password / --user, REDISCLI_AUTH, or the password in --url.`,
  passwordNotNeeded: (where: string) => `The Redis at ${where} has no password set, so it refused the one given. Leave out --password.`,
  connectFailed: (where: string, detail: string) => `Could not use the Redis at ${where}: ${detail}`,
  /**
   * `count`: how many databases the server has, when it said (CONFIG GET databases); `defaultFits`: the
   * database used when none is named exists there, so leaving the number out is a way out too.
   */
  dbOutOfRange: (db: number, count?: number, defaultFits = false) =>
    count === undefined
      ? `This server has fewer than ${db + 1} databases, so database ${db} does not exist. Choose a smaller one with --db, or use --spawn for a private Redis.`
      : `This server has only ${count} database${count === 1 ? '' : 's'} (${count === 1 ? '0' : `0 to ${count - 1}`}), so there is no database ${db}: use --db ${count - 1}${defaultFits ? ', or leave the database number out' : ''}.`,
  selectRefused: (db: number, detail: string) =>
    `This server refused to switch to database ${db} (${detail}). Clusters and some managed services only have database 0.\n` +
    `The tutor never works in a database that may hold your data: use --spawn for a private Redis, or point --url at a server just for practice.`,
  oldPrivatePassedOver: (version: string, min: string) =>
    `The redis-server on your PATH is Redis ${version}, older than ${min}, the oldest this course's commands run on: the built-in engine is used instead. To use a real Redis, install a newer one (on Windows: WSL or Memurai), or name it with --url.`,
  oldServer: (version: string, min: string) =>
    `This is Redis ${version}; the course uses commands added in Redis ${min} and 7.0 (GETDEL, GETEX, LMOVE, SMISMEMBER, ZRANGE BYSCORE, SET ... GET, EXPIRE ... NX) that it will reject. Upgrade, or use --spawn with a newer redis-server.`,

  // The playground
  /** `sample`: key names already shown as quoteName shows them (src/ui/escape.ts). */
  foreignPlayground: (db: number, keys: number, sample: string[]) =>
    `Database ${db} on this server already holds ${keys} key${keys === 1 ? '' : 's'} the tutor did not create (${sample.join(', ')}${keys > sample.length ? ', ...' : ''}).\n` +
    `The tutor never touches data it did not create, so it wrote nothing. Choose an empty database with --db <n> (0-15), or use --spawn for a private Redis.`,

  // Starting a private server
  spawnFailed: (bin: string, output: string) => `Could not start a private Redis with ${bin}.${output ? `\nIt said: ${output}` : ''}`,
  spawnNoBinary: (configured: string | undefined) =>
    configured
      ? `REDIS_SERVER_BIN is "${configured}", which is not a file. Point it at a redis-server binary, or unset it.`
      : `--spawn needs a redis-server program, and none is on your PATH. Install Redis (see redis-tutor doctor), or set REDIS_SERVER_BIN.`,
  installRedis: () =>
    'install Redis 7 (Debian/Ubuntu: sudo apt-get install redis-server; Fedora: sudo dnf install redis; macOS: brew install redis; Windows: WSL or Memurai, not the old Microsoft port 3.2, which is too old for this course)',

  // Headers
  headerExternal: (version: string, where: string, db: number) => `Redis ${version} at ${where}, db ${db}`,
  headerPrivate: (version: string, where: string) => `private Redis ${version} at ${where} (started for you, discarded on exit)`,
  headerBuiltin: (where: string) => `built-in engine (in memory, ${where}; discarded on exit)`,

  // redis-tutor server
  serverListening: (where: string, port: number) =>
    `redis-tutor's built-in engine is listening on ${where} (in memory: everything is gone when it stops).\n` +
    `Connect with: redis-cli -p ${port}    or from code: redis://${where}\n` +
    `Press Ctrl+C to stop.`,
  serverBadMaxmemory: (text: string) => `--maxmemory ${text}: give a number of bytes, or one with a unit as Redis reads it (100mb, 1gb).`,
  serverPortInUse: (port: number) => `Port ${port} is already in use on 127.0.0.1. Choose another with --port <n>, or leave --port out for a free one.`,

  // main.ts
  unexpected: (detail: string) => `Something went wrong inside redis-tutor: ${detail}\nRun the same command with --debug to see the details, and please report it.`,
};

export type Messages = typeof en;

export const msg: Messages = translatable(en, { ko });

import { translatable } from '../ui/i18n.js';
import { ko } from './messages.ko.js';

/** What `doctor` says: row names, findings and the one recommendation. */
const en = {
  itemRedisUrl: () => 'REDIS_URL',
  itemBinary: () => 'redis-server on PATH',
  itemBuiltin: () => 'built-in engine',
  itemPlayground: (db: number) => `playground (db ${db})`,
  itemNode: () => 'Node.js',
  itemProgress: () => 'progress file',
  notSet: () => 'not set',
  notFound: () => 'not found',
  binaryNotAFile: (configured: string) => `REDIS_SERVER_BIN=${configured} is not a file`,
  binaryFound: (path: string, version: string | undefined) => `${path} (${version ? `Redis ${version}` : 'version unknown'})`,
  builtinAvailable: () => 'available: in memory, used when no Redis is found (or with --builtin)',
  serverVersion: (version: string, oldThan: string | undefined) => `Redis ${version}${oldThan ? ` (older than ${oldThan})` : ''}`,
  playgroundEmpty: () => 'empty: the tutor will claim it',
  playgroundOurs: (keys: number) => `the tutor's playground (${keys} lesson key${keys === 1 ? '' : 's'})`,
  playgroundForeign: (keys: number) => `holds ${keys} key${keys === 1 ? '' : 's'} the tutor did not create: it will not be used`,
  nodeVersion: (version: string, needs: string | undefined) => `${version}${needs ? ` (needs ${needs} or newer)` : ''}`,

  usesBuiltin: () => 'the built-in engine',
  usesPrivate: () => 'a private redis-server',
  usesServer: (version: string, where: string, db: number) => `Redis ${version} at ${where}, db ${db}`,
  installNode: (min: string) => `Install Node.js ${min} or newer, then run redis-tutor doctor again.`,
  forcedBuiltin: () => "Lessons will use the tutor's built-in engine (in memory, discarded on exit).",
  forcedSpawn: () => 'Lessons will use a private redis-server, started for you and discarded on exit.',
  spawnImpossible: (install: string) => `--spawn needs redis-server: ${install}`,
  foreignPlayground: (db: number, where: string, spawnable: boolean) =>
    `Database ${db} at ${where} holds data the tutor did not create. Run with --db <an empty database>${spawnable ? ' or --spawn' : ''}.`,
  colWhat: () => 'what',
  colStatus: () => 'status',
  colFound: () => 'found',
  /** ok, warn, fail, info: the status column's words (the JSON keeps the codes). */
  statusWord: (status: string) => status,
  runOnServer: (uses: string) => `Run npx redis-tutor start: lessons will use ${uses}.`,
  runOnPrivate: (version: string | undefined) =>
    `Run npx redis-tutor start: lessons will use a private redis-server (${version ? `Redis ${version}, ` : ''}started for you, discarded on exit).`,
  runOnBuiltin: (install: string) =>
    `Run npx redis-tutor start: lessons will use the tutor's built-in engine (in memory, discarded on exit). For the lessons that need a real Redis, ${install}, or point the tutor at one with --url.`,
};

export type DoctorMessages = typeof en;
export const doctorMsg: DoctorMessages = translatable(en, { ko });

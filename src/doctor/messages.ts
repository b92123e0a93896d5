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
  /** `doctor`, `start`, `startSpawn`: the commands to run, with the connection options the learner typed. */
  installNode: (min: string, doctor: string) => `Install Node.js ${min} or newer, then run ${doctor} again.`,
  forcedBuiltin: () => "Lessons will use the tutor's built-in engine (in memory, discarded on exit).",
  forcedSpawn: () => 'Lessons will use a private redis-server, started for you and discarded on exit.',
  spawnImpossible: (install: string) => `--spawn needs redis-server: ${install}`,
  foreignPlayground: (db: number, where: string, start: string, startSpawn: string | undefined) =>
    `Database ${db} at ${where} holds data the tutor did not create. Run ${start} --db <an empty database>${startSpawn ? `, or ${startSpawn}` : ''}.`,
  itemCommands: () => 'commands',
  itemMemory: () => 'memory',
  lessonsLack: (lessons: { id: string; commands: string[] }[], lessonSpawn: (id: string) => string) =>
    lessons.map((l) => `lesson ${l.id} needs ${l.commands.join(', ')}, which this server lacks`).join('; ') +
    `: enable ${lessons.length === 1 && lessons[0]!.commands.length === 1 ? 'it' : 'them'} on this server, or play ${lessons.length === 1 ? 'it' : 'them'} on the tutor's private server (${lessonSpawn(lessons[0]!.id)}).`,
  colWhat: () => 'what',
  colStatus: () => 'status',
  colFound: () => 'found',
  /** ok, warn, fail, info: the status column's words (the JSON keeps the codes). */
  statusWord: (status: string) => status,
  runOnServer: (uses: string, start: string) => `Run ${start}: lessons will use ${uses}.`,
  runOnPrivate: (version: string | undefined, start: string) =>
    `Run ${start}: lessons will use a private redis-server (${version ? `Redis ${version}, ` : ''}started for you, discarded on exit).`,
  runOnBuiltin: (install: string, start: string) =>
    `Run ${start}: lessons will use the tutor's built-in engine (in memory, discarded on exit). For the lessons that need a real Redis, ${install}, or point the tutor at one with --url.`,
};

export type DoctorMessages = typeof en;
export const doctorMsg: DoctorMessages = translatable(en, { ko });

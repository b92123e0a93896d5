import { translatable } from './i18n.js';
import { ko } from './help-messages.ko.js';

/** The command line's own words: descriptions of commands, options and arguments in --help. */
const en = {
  program: () => "Learn Redis by typing real commands against a live Redis, checked and explained.",
  optVersion: () => "print the version",
  optHelp: () => "show help",
  optUrl: () => "the Redis to use: redis[s]://[user:password@]host:port[/db] (also REDIS_URL)",
  optHost: () => "Redis host",
  optPort: () => "Redis port",
  optUser: () => "user name (ACL)",
  optPassword: () => "password (also REDISCLI_AUTH)",
  optTls: () => "connect with TLS",
  optDb: () => "logical database to use (default: 15, the playground, on a server the tutor did not start)",
  optSpawn: () => "start a private redis-server for this run",
  optBuiltin: () => "use the tutor's built-in engine (in memory, no Redis needed)",
  optDebug: () => "show error details (stack traces)",
  optLang: () => "the language to teach in: en or ko (also REDIS_TUTOR_LANG; default: your choice in the menu, else the system's)",
  optWorkspace: () => "the folder for the files you write in code steps (default: a folder per lesson under the tutor's config folder)",
  helpCommand: () => "show help for a command",
  // Commander's headings, through its styleTitle
  titleUsage: () => "Usage:",
  titleOptions: () => "Options:",
  titleGlobalOptions: () => "Global Options:",
  titleCommands: () => "Commands:",
  titleArguments: () => "Arguments:",
  // Commander's errors, recognised by their English text (see src/ui/commander-text.ts)
  errUnknownOption: (flag: string) => `error: unknown option '${flag}'`,
  errUnknownCommand: (name: string) => `error: unknown command '${name}'`,
  errMissingArgument: (name: string) => `error: missing required argument '${name}'`,
  errArgumentMissing: (flags: string) => `error: option '${flags}' argument missing`,
  errTooManyArguments: (rest: string) => `error: too many arguments${rest}`,
  didYouMean: (what: string) => `(Did you mean ${what}?)`,
  didYouMeanOneOf: (what: string) => `(Did you mean one of ${what}?)`,
  optLessons: () => "use the lesson files in <dir> instead of the built-in course (for lesson authors)",
  cmdStart: () => "the course: a menu of lessons, continuing where you left off",
  cmdLesson: () => "run one lesson, by id or number (redis-tutor lesson strings, redis-tutor lesson 2)",
  optAutoplay: () => "play the lesson with its own solutions and answers, print the transcript, exit 0 only if every check passed",
  optRestart: () => "start the lesson from its first step instead of where you left off",
  cmdList: () => "the lessons, with their steps, minutes and your status",
  optListJson: () => "print the list as JSON",
  cmdReset: () => "forget your progress in one lesson, or in all of them",
  optResetYes: () => "do not ask first",
  cmdRepl: () => "free-form Redis commands with the tutor beside you (pipe a file in to run it as redis-cli would)",
  optRaw: () => "print replies as redis-cli --raw does",
  optNoCoach: () => "no teaching notes after commands",
  optReplYes: () => "run FLUSHALL, SHUTDOWN and the like on a server the tutor did not start without asking",
  cmdDoctor: () => "check what Redis the tutor can use, and what to do if none",
  optDoctorJson: () => "print the findings as JSON",
  cmdServer: () => "run the tutor's built-in engine in the foreground for redis-cli or your own code, until Ctrl+C",
  serverAfterHelp: () => "\nThe address comes from the global --port <n> (redis-tutor server --port 7000); without it, a free port.",
  cmdLessons: () => "tools for lesson authors",
  argLessonsDir: () => "a folder of lesson files (default: the course shipped with the tutor)",
  cmdLessonsCheck: () => "validate every lesson file, then prove each try step fails from its start and passes with its solution",
};

export type HelpMessages = typeof en;
export const helpMsg: HelpMessages = translatable(en, { ko });

import { Command, CommanderError, Option } from 'commander';
import type { GlobalOptions } from './connection/options.js';
import { packageVersion } from './version.js';

/** The command tree. Each action imports its module only when it runs, so `--help` stays fast. */
export async function run(argv: string[]): Promise<number> {
  let exitCode = 0;
  const program = new Command('redis-tutor')
    .description('Learn Redis by typing real commands against a live Redis, checked and explained.')
    .version(packageVersion(), '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text) });

  program
    .addOption(new Option('--url <url>', 'the Redis to use: redis[s]://[user:password@]host:port[/db] (also REDIS_URL)'))
    .addOption(new Option('--host <host>', 'Redis host'))
    .addOption(new Option('--port <port>', 'Redis port'))
    .addOption(new Option('--user <user>', 'user name (ACL)'))
    .addOption(new Option('--password <password>', 'password (also REDISCLI_AUTH)'))
    .addOption(new Option('--tls', 'connect with TLS'))
    .addOption(new Option('--db <n>', 'logical database to use (default: 15, the playground, on a server the tutor did not start)'))
    .addOption(new Option('--spawn', 'start a private redis-server for this run'))
    .addOption(new Option('--builtin', "use the tutor's built-in engine (in memory, no Redis needed)"))
    .addOption(new Option('--debug', 'show error details (stack traces)'));

  const globals = (cmd: Command) => cmd.optsWithGlobals() as GlobalOptions & Record<string, unknown>;

  const lessonsDir = () => new Option('--lessons <dir>', 'use the lesson files in <dir> instead of the built-in course (for lesson authors)');

  program
    .command('start')
    .description('the course: a menu of lessons, continuing where you left off')
    .addOption(lessonsDir())
    .action(async (_opts, cmd: Command) => {
      const { start } = await import('./commands/start.js');
      exitCode = await start(globals(cmd), process.env);
    });

  program
    .command('lesson <name>')
    .description('run one lesson, by id or number (redis-tutor lesson strings, redis-tutor lesson 2)')
    .option('--autoplay', 'play the lesson with its own solutions and answers, print the transcript, exit 0 only if every check passed')
    .option('--restart', 'start the lesson from its first step instead of where you left off')
    .addOption(lessonsDir())
    .action(async (name: string, _opts, cmd: Command) => {
      const { lesson } = await import('./commands/lesson.js');
      exitCode = await lesson(name, globals(cmd), process.env);
    });

  program
    .command('list')
    .description('the lessons, with their steps, minutes and your status')
    .option('--json', 'print the list as JSON')
    .addOption(lessonsDir())
    .action(async (_opts, cmd: Command) => {
      const { list } = await import('./commands/list.js');
      exitCode = await list(globals(cmd), process.env);
    });

  program
    .command('reset [lesson]')
    .description('forget your progress in one lesson, or in all of them')
    .option('-y, --yes', 'do not ask first')
    .addOption(lessonsDir())
    .action(async (name: string | undefined, _opts, cmd: Command) => {
      const { reset } = await import('./commands/reset.js');
      exitCode = await reset(name, globals(cmd), process.env);
    });

  program
    .command('repl')
    .description('free-form Redis commands with the tutor beside you (pipe a file in to run it as redis-cli would)')
    .option('--raw', 'print replies as redis-cli --raw does')
    .option('--no-coach', 'no teaching notes after commands')
    .option('--yes', 'run FLUSHALL, SHUTDOWN and the like on a server the tutor did not start without asking')
    .action(async (_opts, cmd: Command) => {
      const { repl } = await import('./commands/repl.js');
      exitCode = await repl(globals(cmd), process.env);
    });

  program
    .command('doctor')
    .description('check what Redis the tutor can use, and what to do if none')
    .option('--json', 'print the findings as JSON')
    .action(async (_opts, cmd: Command) => {
      const { doctor } = await import('./commands/doctor.js');
      exitCode = await doctor(globals(cmd), process.env);
    });

  program
    .command('server')
    .description("run the tutor's built-in engine in the foreground for redis-cli or your own code, until Ctrl+C")
    .addHelpText('after', '\nThe address comes from the global --port <n> (redis-tutor server --port 7000); without it, a free port.')
    .action(async (_opts, cmd: Command) => {
      const { server } = await import('./commands/server.js');
      exitCode = await server(globals(cmd));
    });

  program
    .command('lessons')
    .description('tools for lesson authors')
    .command('check')
    .argument('[dir]', 'a folder of lesson files (default: the course shipped with the tutor)')
    .description('validate every lesson file, then prove each try step fails from its start and passes with its solution')
    .action(async (dir: string | undefined, _opts, cmd: Command) => {
      const { lessonsCheck } = await import('./commands/lessons-check.js');
      exitCode = await lessonsCheck(dir, globals(cmd), process.env);
    });

  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    throw err;
  }
  return exitCode;
}

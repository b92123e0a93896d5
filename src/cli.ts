import { Command, CommanderError, Option } from 'commander';
import type { GlobalOptions } from './connection/options.js';
import { helpMsg as h } from './ui/help-messages.js';
import { commanderError, title } from './ui/commander-text.js';
import { LANGUAGES, supported } from './ui/i18n.js';
import { msg } from './ui/messages.js';
import { UserError } from './errors.js';
import { packageVersion } from './version.js';

/** The command tree. Each action imports its module only when it runs, so `--help` stays fast. */
export async function run(argv: string[]): Promise<number> {
  let exitCode = 0;
  const program = new Command('redis-tutor')
    .description(h.program())
    .version(packageVersion(), '-v, --version', h.optVersion())
    .helpOption('-h, --help', h.optHelp())
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(commanderError(text)) })
    .configureHelp({ styleTitle: title })
    .helpCommand('help [command]', h.helpCommand());

  program
    .addOption(new Option('--url <url>', h.optUrl()))
    .addOption(new Option('--host <host>', h.optHost()))
    .addOption(new Option('--port <port>', h.optPort()))
    .addOption(new Option('--user <user>', h.optUser()))
    .addOption(new Option('--password <password>', h.optPassword()))
    .addOption(new Option('--tls', h.optTls()))
    .addOption(new Option('--db <n>', h.optDb()))
    .addOption(new Option('--spawn', h.optSpawn()))
    .addOption(new Option('--builtin', h.optBuiltin()))
    .addOption(new Option('--debug', h.optDebug()))
    .addOption(new Option('--lang <code>', h.optLang()))
    .addOption(new Option('--workspace <dir>', h.optWorkspace()));

  // The language itself was chosen before anything was drawn (src/ui/choose-language.ts); here a code the
  // tutor does not speak is refused, before any command runs.
  program.hook('preAction', (cmd) => {
    const code = cmd.optsWithGlobals().lang as string | undefined;
    if (code !== undefined && supported(code) === undefined) throw new UserError(msg.unknownLanguage(code, LANGUAGES.join(', ')));
  });

  const globals = (cmd: Command) => cmd.optsWithGlobals() as GlobalOptions & Record<string, unknown>;

  const lessonsDir = () => new Option('--lessons <dir>', h.optLessons());

  program
    .command('start')
    .description(h.cmdStart())
    .addOption(lessonsDir())
    .action(async (_opts, cmd: Command) => {
      const { start } = await import('./commands/start.js');
      exitCode = await start(globals(cmd), process.env);
    });

  program
    .command('lesson <name>')
    .description(h.cmdLesson())
    .option('--autoplay', h.optAutoplay())
    .option('--restart', h.optRestart())
    .addOption(lessonsDir())
    .action(async (name: string, _opts, cmd: Command) => {
      const { lesson } = await import('./commands/lesson.js');
      exitCode = await lesson(name, globals(cmd), process.env);
    });

  program
    .command('list')
    .description(h.cmdList())
    .option('--json', h.optListJson())
    .addOption(lessonsDir())
    .action(async (_opts, cmd: Command) => {
      const { list } = await import('./commands/list.js');
      exitCode = await list(globals(cmd), process.env);
    });

  program
    .command('reset [lesson]')
    .description(h.cmdReset())
    .option('-y, --yes', h.optResetYes())
    .addOption(lessonsDir())
    .action(async (name: string | undefined, _opts, cmd: Command) => {
      const { reset } = await import('./commands/reset.js');
      exitCode = await reset(name, globals(cmd), process.env);
    });

  program
    .command('repl')
    .description(h.cmdRepl())
    .option('--raw', h.optRaw())
    .option('--no-coach', h.optNoCoach())
    .option('--yes', h.optReplYes())
    .action(async (_opts, cmd: Command) => {
      const { repl } = await import('./commands/repl.js');
      exitCode = await repl(globals(cmd), process.env);
    });

  program
    .command('doctor')
    .description(h.cmdDoctor())
    .option('--json', h.optDoctorJson())
    .action(async (_opts, cmd: Command) => {
      const { doctor } = await import('./commands/doctor.js');
      exitCode = await doctor(globals(cmd), process.env);
    });

  program
    .command('server')
    .description(h.cmdServer())
    .addHelpText('after', h.serverAfterHelp())
    .option('--maxmemory <bytes>', h.optServerMaxmemory())
    .action(async (opts: { maxmemory?: string }, cmd: Command) => {
      const { server } = await import('./commands/server.js');
      exitCode = await server(globals(cmd), process.stdout, opts.maxmemory);
    });

  program
    .command('lessons')
    .description(h.cmdLessons())
    .command('check')
    .argument('[dir]', h.argLessonsDir())
    .description(h.cmdLessonsCheck())
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

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
    .addOption(new Option('--debug', 'show error details (stack traces)'));

  const globals = (cmd: Command) => cmd.optsWithGlobals() as GlobalOptions & Record<string, unknown>;

  program
    .command('doctor')
    .description('check what Redis the tutor can use, and what to do if none')
    .option('--json', 'print the findings as JSON')
    .action(async (_opts, cmd: Command) => {
      const { doctor } = await import('./commands/doctor.js');
      exitCode = await doctor(globals(cmd), process.env);
    });

  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    throw err;
  }
  return exitCode;
}

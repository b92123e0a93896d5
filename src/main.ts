import { runExitTasks } from './connection/cleanup.js';
import { QuitSignal, UserError } from './errors.js';
import { msg } from './ui/messages.js';
import { chooseLanguage } from './ui/choose-language.js';
import { setLanguage } from './ui/i18n.js';
import { wrapText, wrapWidth } from './ui/wrap.js';
import { escapeText } from './ui/escape.js';

/**
 * The only place the process ends. Commands return or throw; this maps what they throw to one message
 * and an exit code, and makes sure a private redis-server never outlives the tutor.
 */
const debug = process.argv.includes('--debug');

function fail(err: unknown): never {
  if (err instanceof QuitSignal) process.exit(130);
  if (err instanceof UserError) {
    process.stderr.write(`${forTerminal(err.message)}\n`);
    if (debug) process.stderr.write(`${describe(err)}\n${err.cause === undefined ? '' : `caused by: ${describe(err.cause)}\n`}`);
    process.exit(err.exitCode);
  }
  process.stderr.write(`${forTerminal(msg.unexpected(escapeText(err instanceof Error ? err.message : String(err))))}\n`);
  if (debug) process.stderr.write(`${describe(err)}\n`);
  process.exit(70);
}

/** A message wrapped at spaces to the terminal, so that no word is broken at its edge. */
function forTerminal(text: string): string {
  return wrapText(text, wrapWidth(process.stderr));
}

function describe(err: unknown): string {
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}

for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
  process.on(signal, () => {
    runExitTasks();
    process.exit(code);
  });
}
// A reader that stops reading (`repl < file | head -1`) is a normal end: redis-cli dies of SIGPIPE there,
// which the shell reports as 141. Node ignores SIGPIPE, so the tutor ends quietly with that same status.
const EXIT_OUTPUT_CLOSED = 128 + 13;
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => (err.code === 'EPIPE' ? process.exit(EXIT_OUTPUT_CLOSED) : fail(err)));
}
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);

try {
  const args = process.argv.slice(2);
  // `--version` alone is answered before the command tree loads (and before the language is chosen): it
  // is what scripts call most.
  const version = args.length === 1 && (args[0] === '--version' || args[0] === '-v');
  if (!version) setLanguage(chooseLanguage(args, process.env));
  const code = version
    ? (process.stdout.write(`${(await import('./version.js')).packageVersion()}\n`), 0)
    : await (await import('./cli.js')).run(process.argv);
  process.exitCode = code;
  // Let pending output drain; an open handle left by a command must not keep the tutor alive.
  setTimeout(() => process.exit(code), 200).unref();
} catch (err) {
  fail(err);
}

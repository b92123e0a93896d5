/**
 * The only place the process ends. Commands return or throw; this maps what they throw to one message
 * and an exit code, and makes sure a private redis-server never outlives the tutor.
 *
 * Nothing is imported before `--version` is answered: it is what scripts call most, and every module
 * costs start-up time (issue 13). Everything else is imported once it is known to be needed.
 */
const debug = process.argv.includes('--debug');
// A reader that stops reading (`repl < file | head -1`) is a normal end: redis-cli dies of SIGPIPE there,
// which the shell reports as 141. Node ignores SIGPIPE, so the tutor ends quietly with that same status.
const EXIT_OUTPUT_CLOSED = 128 + 13;
const args = process.argv.slice(2);

if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  process.stdout.on('error', () => process.exit(EXIT_OUTPUT_CLOSED));
  process.stdout.write(`${(await import('./version.js')).packageVersion()}\n`);
} else {
  await runCommand();
}

async function runCommand(): Promise<void> {
  const [{ runExitTasks }, { QuitSignal, UserError }, { msg }, { chooseLanguage }, { setLanguage }, { wrapText, wrapWidth }, { escapeText }] =
    await Promise.all([
      import('./connection/cleanup.js'),
      import('./errors.js'),
      import('./ui/messages.js'),
      import('./ui/choose-language.js'),
      import('./ui/i18n.js'),
      import('./ui/wrap.js'),
      import('./ui/escape.js'),
    ]);

  /** A message wrapped at spaces to the terminal, so that no word is broken at its edge. */
  const forTerminal = (text: string): string => wrapText(text, wrapWidth(process.stderr));

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

  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    process.on(signal, () => {
      runExitTasks();
      process.exit(code);
    });
  }
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => (err.code === 'EPIPE' ? process.exit(EXIT_OUTPUT_CLOSED) : fail(err)));
  }
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);

  try {
    setLanguage(chooseLanguage(args, process.env));
    const code = await (await import('./cli.js')).run(process.argv);
    process.exitCode = code;
    // Let pending output drain; an open handle left by a command must not keep the tutor alive.
    setTimeout(() => process.exit(code), 200).unref();
  } catch (err) {
    fail(err);
  }
}

function describe(err: unknown): string {
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}

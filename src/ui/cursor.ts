import { onExit } from '../connection/cleanup.js';

/** Shows the cursor (DECTCEM) and ends the line. */
export const SHOW_CURSOR_AND_END_LINE = '\x1b[?25h\n';

/**
 * Waits for an inquirer prompt. A prompt hides the cursor (a menu does) and leaves it mid-line; its own
 * clean-up runs after it settles, which never happens when a signal (SIGTERM, SIGHUP) ends the tutor while it
 * waits. Until then, any end of the process shows the cursor and ends the line, so that the shell's prompt
 * comes back visible and on a line of its own. Only on a terminal: a pipe gets no escape codes.
 */
export async function restoringCursor<T>(prompt: Promise<T>, out: NodeJS.WriteStream = process.stdout): Promise<T> {
  if (!out.isTTY) return prompt;
  const unregister = onExit(() => out.write(SHOW_CURSOR_AND_END_LINE));
  try {
    return await prompt;
  } finally {
    unregister();
  }
}

import input from '@inquirer/input';
import { QuitSignal } from '../errors.js';
import { theme } from '../ui/theme.js';
import { keysHelpTip } from '../ui/prompt-theme.js';
import { restoringCursor } from '../ui/cursor.js';
import { LineGate } from './line-gate.js';
import { runnerMsg as m } from './messages.js';
import type { Player } from './player.js';

/**
 * Ctrl+C in any prompt ends the lesson cleanly: inquirer's ExitPromptError becomes the tutor's QuitSignal. A
 * signal that ends the tutor meanwhile leaves the cursor shown, on a new line.
 */
export async function guard<T>(prompt: Promise<T>): Promise<T> {
  try {
    return await restoringCursor(prompt);
  } catch (err) {
    if (err instanceof Error && err.name === 'ExitPromptError') throw new QuitSignal();
    throw err;
  }
}

/**
 * No prefix at all, so the try prompt reads exactly as redis-cli's (`127.0.0.1:6379[15]> `). An empty
 * string would still leave the space inquirer puts after a prefix; undefined icons leave none.
 */
const NO_PREFIX = { idle: undefined, done: undefined } as unknown as string;

/**
 * A learner at a terminal, answering through inquirer's prompts (each package alone: the set loads them all),
 * all reading through one LineGate, so lines pasted or typed ahead reach the prompts that follow.
 */
export function terminalPlayer(): Player {
  const gate = new LineGate(process.stdin);
  return {
    auto: false,
    line: (prompt, _step, signal) =>
      guard(gate.prompt((input_) => input({ message: prompt.trimEnd(), theme: { prefix: NO_PREFIX, style: { message: (t: string) => theme.dim(t), answer: (t: string) => t } } }, signal ? { input: input_, signal } : { input: input_ }))),
    // Once answered, no ✔ beside the choice: it may be the wrong one, and the verdict follows below it.
    // Loaded when a step first asks: a lesson opens with text and a pause, and start-up stays fast.
    choose: async (question, choices) => {
      const { default: select } = await import('@inquirer/select');
      return guard(gate.prompt((input_) => select({ message: question, choices: choices.map((name, value) => ({ name, value })), theme: { prefix: { idle: theme.dim('?'), done: theme.dim('›') }, style: { keysHelpTip } } }, { input: input_ })));
    },
    // Cleared once answered: the transcript keeps the lesson, not a trail of "press Enter" lines.
    pause: () => guard(gate.prompt((input_) => input({ message: theme.dim(m.continue()), theme: { prefix: NO_PREFIX } }, { clearPromptOnDone: true, input: input_ }))),
  };
}

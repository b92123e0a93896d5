import { tell, type StepContext } from './context.js';
import type { Layout, TryInput } from './input.js';
import { runnerMsg as m } from './messages.js';
import { theme } from '../ui/theme.js';

/**
 * Tells a learner whose keyboard is still in Korean mode what the tutor made of their line: a tutor word
 * (`ㅗㅑㅜㅅ`, hint) is obeyed with a note; a Redis command (`ㄴㄷㅅ`, SET) is not sent, with the note. Returns
 * true when the line must not run.
 */
export async function noticeLayout(ctx: StepContext, input: TryInput & Layout): Promise<boolean> {
  if (input.layout === undefined) return false;
  const { typed, keys } = input.layout;
  if (input.kind !== 'command') {
    tell(ctx, m.koreanLayoutWord(typed, keys), theme.dim);
    return false;
  }
  // The command list is big: loaded only for a line that looks typed in the wrong layout.
  const { REDIS_COMMAND_NAMES } = await import('../builtin/command-data.generated.js');
  if (!REDIS_COMMAND_NAMES.includes(keys)) return false;
  tell(ctx, m.koreanLayoutCommand(typed, keys.toUpperCase()), theme.warn);
  return true;
}

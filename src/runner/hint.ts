import type { Text } from '../course/schema.js';
import { localize } from '../course/text.js';
import { reflow, renderInline } from '../ui/prose.js';
import { theme } from '../ui/theme.js';
import type { StepContext } from './context.js';
import { runnerMsg as m } from './messages.js';

/** Shows the next of a step's hints (`shown` were shown before) and returns how many are shown now. */
export function showHint(ctx: StepContext, hints: readonly Text[], shown: number): number {
  const hint = hints[shown];
  if (hint === undefined) {
    ctx.out(renderInline(m.noMoreHints()));
    return shown;
  }
  const label = m.hint(shown + 1, hints.length);
  // Wrapped as lesson prose is; the label's own columns come first on the line.
  const text = reflow(`${label} ${localize(hint, ctx.lang)}`, ctx.width).slice(label.length);
  ctx.out(`${theme.warn(label)}${renderInline(text)}`);
  return shown + 1;
}

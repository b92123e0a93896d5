import type { Lesson, Text } from '../course/schema.js';
import { localize } from '../course/text.js';
import type { StepOutcome } from '../progress/model.js';
import { theme } from '../ui/theme.js';
import { runnerMsg as m } from './messages.js';
import { reflow, renderInline } from '../ui/prose.js';

export interface SummaryFacts {
  lesson: Lesson;
  /** Command names the learner typed, in the order first used. */
  commands: string[];
  seconds: number;
  outcomes: Record<string, StepOutcome>;
  /** The lesson after it: its id and title are all the summary names. */
  next?: Pick<Lesson, 'id' | 'title'>;
}

/** Pure: the text shown after a lesson's last step; "what you learned" wraps to `width`, hanging under its bullet. */
export function lessonSummary(f: SummaryFacts, lang: string, width = 100): string {
  const lines = [theme.ok(theme.bold(reflow(m.summaryTitle(localize(f.lesson.title, lang)), width)))];
  if (f.lesson.learned.length > 0) {
    const item = (t: Text) => renderInline(reflow(localize(t, lang), width - 4).replace(/\n/g, '\n    '));
    lines.push(m.learned(), ...f.lesson.learned.map((t) => `  • ${item(t)}`));
  }
  lines.push(reflow(m.commandsUsed(f.commands), width));
  const seconds = Math.round(f.seconds);
  lines.push(m.timeSpent(Math.floor(seconds / 60), seconds % 60));
  const notPassed = Object.values(f.outcomes).filter((o) => o !== 'passed').length;
  if (notPassed > 0) lines.push(theme.dim(reflow(m.stepsShown(notPassed), width)));
  lines.push(f.next ? reflow(m.nextLesson(f.next.id, localize(f.next.title, lang)), width) : theme.bold(reflow(m.courseDone(), width)));
  return lines.join('\n');
}

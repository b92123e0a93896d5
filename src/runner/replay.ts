import { classifyLine } from '../course/lines.js';
import type { Lesson, Step } from '../course/schema.js';
import type { Executed, LessonRedis } from './redis.js';

/** The commands that leave Redis as a step found it, had every earlier step gone by the book. */
export function stateChanges(step: Step): string[] {
  switch (step.kind) {
    case 'run':
    case 'predict':
      return [...step.setup, ...step.commands];
    case 'try':
      return [...step.setup, ...step.solution];
    default:
      return step.setup;
  }
}

/**
 * Rebuilds the state step `index` starts from: a clean playground, the lesson's setup, every earlier
 * step's commands (reference solutions for `try` steps), then the step's own setup. Used when a lesson
 * opens, on `back`, `skip`, `solution` and `retry`, on resume, and by `lessons check`, so all of them
 * start a step from the same state (races excepted: see below). Helper connections close at each step's end, as they do in play.
 */
export async function rebuildState(redis: LessonRedis, lesson: Lesson, index: number): Promise<void> {
  await redis.clear();
  await runLines(redis, lesson.setup);
  for (const step of lesson.steps.slice(0, index)) {
    // A race (`@race`) is a demonstration whose end depends on timing: nothing after it can rely on its
    // result, so a rebuild does not run it again (4,000 commands each time a learner skips or goes back).
    const lines = stateChanges(step).filter((line) => classifyLine(line).kind !== 'race');
    await runLines(redis, lines, step.kind === 'try' ? step.connection : undefined);
    redis.endStep();
  }
  await runLines(redis, lesson.steps[index]?.setup ?? []);
}

/** Runs lines unseen (a setup, a skipped step's solution): what helpers receive meanwhile is dropped. */
export async function runLines(redis: LessonRedis, lines: readonly string[], on?: string): Promise<Executed[]> {
  const done: Executed[] = [];
  for (const line of lines) done.push(await redis.execute(line, on));
  await redis.settle();
  redis.output();
  return done;
}

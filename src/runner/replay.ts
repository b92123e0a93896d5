import type { Lesson, Step } from '../course/schema.js';
import type { LessonRedis } from './redis.js';

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
 * opens, on `back`, on resume, and by `lessons check`, so all of them start a step from the same state.
 */
export async function rebuildState(redis: LessonRedis, lesson: Lesson, index: number): Promise<void> {
  await redis.clear();
  const lines = [...lesson.setup, ...lesson.steps.slice(0, index).flatMap(stateChanges), ...(lesson.steps[index]?.setup ?? [])];
  for (const line of lines) await redis.execute(line);
}

import type { Lesson, Step } from './schema.js';

/** Every command line a step holds, wherever it is written (setup, commands, solution, right and wrong answers, replay). */
export function stepLines(step: Step): string[] {
  switch (step.kind) {
    case 'run':
    case 'predict':
      return [...step.setup, ...step.commands];
    case 'try':
      return [...step.setup, ...step.solution, ...step.right.flat(), ...step.wrong.flatMap((w) => w.commands), ...(step.replay?.setup ?? [])];
    case 'code':
      return [...step.setup, ...step.reruns.flatMap((r) => r.setup)];
    default:
      return step.setup;
  }
}

/** Every command line of a lesson: its setup, then each step's lines. */
export function lessonLines(lesson: Lesson): string[] {
  return [...lesson.setup, ...lesson.steps.flatMap(stepLines)];
}

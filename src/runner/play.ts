import type { Lesson, Step } from '../course/schema.js';
import { localize } from '../course/text.js';
import type { StepOutcome } from '../progress/model.js';
import { theme } from '../ui/theme.js';
import type { StepContext } from './context.js';
import { initialState, transition, type RunState, type StepEnd } from './machine.js';
import { runnerMsg as m } from './messages.js';
import { reflow } from '../ui/prose.js';
import { rebuildState, runLines } from './replay.js';
import { playPredict, playQuiz, playRun, playSay } from './steps.js';

export interface PlayHooks {
  /** A step is on screen (progress records where the learner is). */
  enter?(step: Step): void;
  /** A step ended with an outcome. */
  done?(step: Step, outcome: StepOutcome): void;
}

export interface PlayResult {
  state: RunState;
  /** Every `try` and `code` step ended with its checks holding (not shown, not skipped). */
  allPassed: boolean;
}

/**
 * Runs a lesson from `startIndex` until it is finished or the learner quits. The state machine decides
 * what comes next; this only runs steps and reports to the hooks.
 */
export async function playLesson(ctx: StepContext, lesson: Lesson, startIndex: number, hooks: PlayHooks = {}): Promise<PlayResult> {
  let state = initialState(lesson.steps.length, startIndex);
  // A fresh start still needs the lesson's setup on a clean playground; a resume needs the steps before it.
  await rebuildState(ctx.redis, lesson, state.index);
  let allPassed = true;
  let previous = state.index;
  while (state.status === 'running') {
    const step = lesson.steps[state.index]!;
    const index = state.index;
    if (state.rebuild) await rebuildState(ctx.redis, lesson, index);
    else if (index === previous + 1) await runLines(ctx.redis, step.setup);
    previous = index;
    hooks.enter?.(step);
    ctx.out(`\n${theme.dim(m.stepOf(index + 1, state.total))}`);
    const end = await playStep(ctx, step, lesson.id, () => rebuildState(ctx.redis, lesson, index));
    // A step's helper connections (a subscriber, a blocked BLPOP) end with it.
    ctx.redis.endStep();
    if (end.type === 'back' && state.index === 0) ctx.out(theme.dim(m.atFirstStep()));
    if (end.type === 'done') {
      hooks.done?.(step, end.outcome);
      if ((step.kind === 'try' || step.kind === 'code') && end.outcome !== 'passed') allPassed = false;
    }
    state = transition(state, step.id, end);
  }
  return { state, allPassed };
}

// A try step's checks and a code step's runner (with tables, Node child processes) load when a lesson first
// reaches one: a lesson's first prompt does not wait for them.
async function playStep(ctx: StepContext, step: Step, lessonId: string, rebuild: () => Promise<void>): Promise<StepEnd> {
  switch (step.kind) {
    case 'say':
      return playSay(ctx, step);
    case 'run':
      return playRun(ctx, step);
    case 'predict':
      return playPredict(ctx, step);
    case 'quiz':
      return playQuiz(ctx, step);
    case 'try':
      return (await import('./try.js')).playTry(ctx, step, rebuild);
    case 'code':
      return (await import('./code/play.js')).playCode(ctx, step, lessonId, rebuild);
  }
}

/** The title block a lesson opens with. */
export function lessonHeader(lesson: Lesson, lang: string, width: number): string {
  return `${theme.bold(reflow(m.lessonTitle(lesson.order, localize(lesson.title, lang), lesson.minutes), width))}\n${reflow(m.goal(localize(lesson.goal, lang)), width)}`;
}

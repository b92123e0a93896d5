import type { Lesson } from '../course/schema.js';
import { QuitSignal } from '../errors.js';
import { addTime, atStep, finishLesson, lessonProgress, recordStep, resumeIndex, type Progress } from '../progress/model.js';
import { theme } from '../ui/theme.js';
import type { StepContext } from './context.js';
import { runnerMsg as m } from './messages.js';
import { lessonHeader, playLesson } from './play.js';
import { renderInline } from '../ui/prose.js';
import { lessonSummary } from './summary.js';

/** Where progress goes; `set` must not throw (a failed save is told once, and the lesson goes on). */
export interface ProgressSink {
  get(): Progress;
  set(progress: Progress): void;
  /** False while the last save failed (the learner was told why): the runner then never says "saved". */
  readonly saved?: boolean;
}

export interface SessionResult {
  finished: boolean;
  allPassed: boolean;
}

/**
 * One lesson with progress: opens where the learner left it, records every step as it ends (so Ctrl+C
 * loses nothing), and ends with the summary. `now` is injected so tests control time.
 */
export async function runLesson(
  ctx: StepContext,
  lesson: Lesson,
  options: { progress?: ProgressSink; next?: Pick<Lesson, 'id' | 'title'>; now?: () => number; fromStart?: boolean },
): Promise<SessionResult> {
  const now = options.now ?? Date.now;
  const sink = options.progress;
  const stepIds = lesson.steps.map((s) => s.id);
  const start = options.fromStart || !sink ? 0 : resumeIndex(sink.get(), lesson.id, stepIds);
  let clock = now();
  const tick = (p: Progress) => {
    const t = now();
    const spent = (t - clock) / 1000;
    clock = t;
    return addTime(p, lesson.id, spent);
  };
  ctx.out(lessonHeader(lesson, ctx.lang, ctx.width));
  if (start > 0) ctx.out(theme.dim(m.resumed(start + 1, lesson.steps.length)));
  const began = now();
  try {
    const result = await playLesson(ctx, lesson, start, {
      enter: (step) => sink?.set(tick(atStep(sink.get(), lesson.id, step.id))),
      done: (step, outcome) => sink?.set(tick(recordStep(sink.get(), lesson.id, step.id, outcome))),
    });
    if (result.state.status === 'quit') {
      if (sink) sink.set(tick(sink.get()));
      if (sink?.saved !== false) ctx.out(renderInline(m.saved()));
      return { finished: false, allPassed: result.allPassed };
    }
    if (sink) sink.set(tick(finishLesson(sink.get(), lesson.id)));
    const seconds = sink ? lessonProgress(sink.get(), lesson.id).seconds : (now() - began) / 1000;
    ctx.out('');
    ctx.out(lessonSummary({ lesson, commands: [...ctx.used], seconds, outcomes: result.state.outcomes, ...(options.next ? { next: options.next } : {}) }, ctx.lang, ctx.width));
    return { finished: true, allPassed: result.allPassed };
  } catch (err) {
    if (err instanceof QuitSignal) {
      if (sink) sink.set(tick(sink.get()));
      if (sink?.saved !== false) ctx.out(`\n${renderInline(m.saved())}`);
    }
    throw err;
  }
}

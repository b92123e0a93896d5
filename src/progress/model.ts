/**
 * What a learner has done, keyed by lesson id and step id (never by position, so a lesson that gains a
 * step keeps everyone's progress). Pure: every change returns a new value.
 */
export const PROGRESS_VERSION = 1;

/** passed: the checks held (or the step was read/answered); shown: the solution was shown; skipped. */
export type StepOutcome = 'passed' | 'shown' | 'skipped';

export interface LessonProgress {
  steps: Record<string, StepOutcome>;
  /** The step to continue from; absent once the lesson is finished. */
  current?: string;
  finished: boolean;
  /** Seconds spent in the lesson, over all sessions. */
  seconds: number;
}

export interface Progress {
  version: number;
  /** The welcome has been shown. */
  welcomed: boolean;
  /** The lesson the learner was in last, for "continue where you left off". */
  last?: string;
  /** The language the learner chose in the menu (`en`, `ko`); the locale decides while there is none. */
  language?: string;
  lessons: Record<string, LessonProgress>;
}

export type LessonStatus = 'done' | 'in progress' | 'new';

export const emptyProgress = (): Progress => ({ version: PROGRESS_VERSION, welcomed: false, lessons: {} });

const emptyLesson = (): LessonProgress => ({ steps: {}, finished: false, seconds: 0 });

export function lessonProgress(p: Progress, lessonId: string): LessonProgress {
  return p.lessons[lessonId] ?? emptyLesson();
}

function update(p: Progress, lessonId: string, change: (l: LessonProgress) => LessonProgress): Progress {
  return { ...p, last: lessonId, lessons: { ...p.lessons, [lessonId]: change(lessonProgress(p, lessonId)) } };
}

const RANK: Record<StepOutcome, number> = { skipped: 0, shown: 1, passed: 2 };

/** The better of two outcomes of one step: a step once solved stays solved when it is later skipped. */
export function bestOutcome(before: StepOutcome | undefined, now: StepOutcome): StepOutcome {
  return before !== undefined && RANK[before] > RANK[now] ? before : now;
}

export function recordStep(p: Progress, lessonId: string, stepId: string, outcome: StepOutcome): Progress {
  return update(p, lessonId, (l) => ({ ...l, steps: { ...l.steps, [stepId]: bestOutcome(l.steps[stepId], outcome) } }));
}

/** Where the learner is now (the step on screen), so a restart lands there. */
export function atStep(p: Progress, lessonId: string, stepId: string): Progress {
  return update(p, lessonId, (l) => ({ ...l, current: stepId }));
}

export function finishLesson(p: Progress, lessonId: string): Progress {
  return update(p, lessonId, ({ current: _current, ...l }) => ({ ...l, finished: true }));
}

export function addTime(p: Progress, lessonId: string, seconds: number): Progress {
  return update(p, lessonId, (l) => ({ ...l, seconds: l.seconds + Math.max(0, Math.round(seconds)) }));
}

export function resetLesson(p: Progress, lessonId: string): Progress {
  const { [lessonId]: _gone, ...lessons } = p.lessons;
  return { ...p, ...(p.last === lessonId ? { last: undefined } : {}), lessons };
}

export function resetAll(p: Progress): Progress {
  return { ...emptyProgress(), welcomed: p.welcomed };
}

export function lessonStatus(p: Progress, lessonId: string): LessonStatus {
  const l = p.lessons[lessonId];
  if (!l) return 'new';
  if (l.finished) return 'done';
  return l.current !== undefined || Object.keys(l.steps).length > 0 ? 'in progress' : 'new';
}

/** The step a lesson should open on: where the learner left it, if that step still exists. */
export function resumeIndex(p: Progress, lessonId: string, stepIds: string[]): number {
  const l = p.lessons[lessonId];
  if (!l || l.finished || l.current === undefined) return 0;
  return Math.max(0, stepIds.indexOf(l.current));
}

/**
 * Checks the shape of data read from disk. Anything unexpected means the file is damaged: the caller sets
 * it aside rather than guessing.
 */
export function isProgress(data: unknown): data is Progress {
  if (data === null || typeof data !== 'object') return false;
  const p = data as Record<string, unknown>;
  if (p.version !== PROGRESS_VERSION || typeof p.welcomed !== 'boolean') return false;
  if (p.last !== undefined && typeof p.last !== 'string') return false;
  if (p.language !== undefined && typeof p.language !== 'string') return false;
  if (p.lessons === null || typeof p.lessons !== 'object' || Array.isArray(p.lessons)) return false;
  return Object.values(p.lessons as object).every((l: unknown) => {
    if (l === null || typeof l !== 'object') return false;
    const lp = l as Record<string, unknown>;
    return (
      typeof lp.finished === 'boolean' &&
      typeof lp.seconds === 'number' &&
      (lp.current === undefined || typeof lp.current === 'string') &&
      lp.steps !== null &&
      typeof lp.steps === 'object' &&
      Object.values(lp.steps as object).every((o) => o === 'passed' || o === 'shown' || o === 'skipped')
    );
  });
}

import type { CodeStep, Lesson, TryStep } from '../course/schema.js';
import { runReference } from './code/reference.js';
import { formatMsg as f } from '../course/format-messages.js';
import { classifyLine } from '../course/lines.js';
import type { Problem } from '../course/problems.js';
import { stepLines } from '../course/step-lines.js';
import { parseCommandLine } from '../repl/parse.js';
import { judgeStep, newAttempt, record } from './attempt.js';
import { lessonExtras } from './extras.js';
import { playLesson } from './play.js';
import { autoPlayer } from './player.js';
import type { LessonRedis } from './redis.js';
import { rebuildState, runLines } from './replay.js';

export interface LessonProof {
  lesson: Lesson;
  tries: number;
  wrongs: number;
  /** Other right answers proven to pass. */
  rights: number;
  /** Predict steps whose `expect` was compared with the server's replies. */
  predicts: number;
  /** Code steps whose starter fails and whose solution program passes. */
  codes: number;
  problems: Problem[];
}

/** Markup is for the terminal; feedback in a lesson file is compared with the words alone. */
const plain = (s: string) => s.replace(/\*\*|`/g, '');

/**
 * Proves a lesson against a real Redis: every command line splits; every `try` step fails from its
 * starting state and passes with its reference solution (and its replay), as does every other recorded
 * right answer (`right`); every recorded wrong answer
 * fails with the feedback the file expects; every `code` step fails with its starter and passes with its
 * solution program, and its wrong programs get their feedback. Then the whole lesson is played twice, as autoplay does and
 * with every try step skipped: every predict's replies must be its `expect`, and every skipped step's
 * checks must hold after the skip.
 */
export async function proveLesson(redis: LessonRedis, lesson: Lesson, authored: Lesson = lesson): Promise<LessonProof> {
  const problems: Problem[] = [];
  // `lesson` may be the lesson as played here (guards applied): a path names the step's place in the file.
  const place = (id: string) => authored.steps.findIndex((s) => s.id === id);
  const at = (i: number, rest = '') => `steps[${place(lesson.steps[i]!.id)}] (${lesson.steps[i]!.id})${rest}`;
  const problem = (path: string, expected: string, found: string) => problems.push({ file: lesson.file, path, expected, found });

  lesson.setup.forEach((line, j) => unsplittable(line) && problem(`setup[${j}]`, f.splittable(), JSON.stringify(line)));
  lesson.steps.forEach((step, i) =>
    stepLines(step).forEach((line) => unsplittable(line) && problem(at(i), f.splittableLines(), JSON.stringify(line))),
  );
  if (problems.length > 0) return { lesson, tries: 0, wrongs: 0, rights: 0, predicts: 0, codes: 0, problems };

  let tries = 0;
  let wrongs = 0;
  let rights = 0;
  let codes = 0;
  for (const [i, step] of lesson.steps.entries()) {
    if (step.kind === 'code') {
      codes++;
      wrongs += step.wrong.length;
      await proveCode(redis, lesson, i, step, (rest, expected, found) => problem(at(i, rest), expected, found));
      continue;
    }
    if (step.kind !== 'try') continue;
    tries++;
    await rebuildState(redis, lesson, i);
    const before = await judgeStep(redis, step, newAttempt());
    if (before.ok) problem(at(i, '.checks'), f.failFirst(), f.allHold());

    const solved = await typeLines(redis, step, step.solution);
    if (!solved.ok) problem(at(i, '.solution'), f.solutionPasses(), solved.failures.map(plain).join(' / '));

    for (const [j, right] of step.right.entries()) {
      rights++;
      await rebuildState(redis, lesson, i);
      const result = await typeLines(redis, step, right);
      if (!result.ok) problem(at(i, `.right[${j}]`), f.rightPasses(), result.failures.map(plain).join(' / '));
    }

    for (const [j, wrong] of step.wrong.entries()) {
      wrongs++;
      await rebuildState(redis, lesson, i);
      const result = await typeLines(redis, step, wrong.commands);
      if (result.ok) problem(at(i, `.wrong[${j}]`), f.wrongFails(), f.everyCheckHolds());
      else if (!result.failures.some((f) => plain(f).includes(plain(wrong.feedback)))) {
        problem(at(i, `.wrong[${j}].feedback`), f.feedbackContaining(wrong.feedback), JSON.stringify(result.failures.map(plain).join(' / ')));
      }
    }
  }
  // Played whole only once every step holds on its own: a broken step would be reported three times.
  if (problems.length === 0) for (const skipAll of [false, true]) problems.push(...(await playThrough(redis, lesson, skipAll, place)));
  const predicts = lesson.steps.filter((s) => s.kind === 'predict' && s.expect !== undefined).length;
  return { lesson, tries, wrongs, rights, predicts, codes, problems };
}

/**
 * A code step (R17): its starter fails (the learner has something to write), its solution program passes
 * (reruns included), and each recorded wrong program fails with its feedback, each from the step's start.
 */
async function proveCode(redis: LessonRedis, lesson: Lesson, i: number, step: CodeStep, problem: (rest: string, expected: string, found: string) => void): Promise<void> {
  const from = async (program: string) => {
    await rebuildState(redis, lesson, i);
    return runReference(redis, step, { program });
  };
  if ((await from(step.starter)).ok) problem('.starter', f.starterFails(), f.everyCheckHolds());
  const solved = await from(step.solution);
  if (!solved.ok) problem('.solution', f.programPasses(), solved.failures.map(plain).join(' / '));
  for (const [j, wrong] of step.wrong.entries()) {
    const result = await from(wrong.program);
    if (result.ok) problem(`.wrong[${j}]`, f.programFails(), f.everyCheckHolds());
    else if (!result.failures.some((x) => plain(x).includes(plain(wrong.feedback)))) {
      problem(`.wrong[${j}].feedback`, f.feedbackContaining(wrong.feedback), JSON.stringify(result.failures.map(plain).join(' / ')));
    }
  }
}

/** Plays the whole lesson unseen, as autoplay does (or skipping every try step), and lists what went wrong. */
async function playThrough(redis: LessonRedis, lesson: Lesson, skipAll: boolean, index: (id: string) => number): Promise<Problem[]> {
  const problems: Problem[] = [];
  const mode = skipAll ? 'every try step skipped' : 'autoplay';
  const ctx = {
    redis,
    player: autoPlayer({ skipAll }),
    extras: lessonExtras(redis),
    lang: 'en',
    out: () => {},
    used: new Set<string>(),
    width: 100,
    report: (p: { step: string; expected: string; found: string }) =>
      problems.push({ file: lesson.file, path: `steps[${index(p.step)}] (${p.step}), ${mode}`, expected: p.expected, found: p.found }),
  };
  const result = await playLesson(ctx, lesson, 0);
  if (!skipAll && !result.allPassed) problems.push({ file: lesson.file, path: mode, expected: f.solutionPasses(), found: f.autoplayFailed() });
  return problems;
}

/** Runs lines as if the learner typed them in the step, then judges the step once. */
async function typeLines(redis: LessonRedis, step: TryStep, lines: string[]) {
  const attempt = newAttempt();
  redis.interfere(step.interfere);
  for (const done of await runLines(redis, lines, step.connection)) record(attempt, done);
  const judged = await judgeStep(redis, step, attempt);
  redis.endStep();
  return judged;
}

function unsplittable(line: string): boolean {
  const meant = classifyLine(line);
  return meant.kind === 'bad' || (meant.kind === 'command' && parseCommandLine(meant.command).kind !== 'command');
}

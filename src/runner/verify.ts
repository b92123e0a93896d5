import type { Lesson, TryStep } from '../course/schema.js';
import { formatMsg as f } from '../course/format-messages.js';
import type { Problem } from '../course/problems.js';
import { parseCommandLine } from '../repl/parse.js';
import type { LessonRedis } from './redis.js';
import { rebuildState, stateChanges } from './replay.js';
import { judgeStep, type Attempt } from './try.js';

export interface LessonProof {
  lesson: Lesson;
  tries: number;
  wrongs: number;
  problems: Problem[];
}

/** Markup is for the terminal; feedback in a lesson file is compared with the words alone. */
const plain = (s: string) => s.replace(/\*\*|`/g, '');

/**
 * Proves a lesson against a real Redis: every command line splits; every `try` step fails from its
 * starting state and passes with its reference solution; every recorded wrong answer fails with the
 * feedback the file expects.
 */
export async function proveLesson(redis: LessonRedis, lesson: Lesson): Promise<LessonProof> {
  const problems: Problem[] = [];
  const at = (i: number, rest = '') => `steps[${i}] (${lesson.steps[i]!.id})${rest}`;
  const problem = (path: string, expected: string, found: string) => problems.push({ file: lesson.file, path, expected, found });

  lesson.setup.forEach((line, j) => unsplittable(line) && problem(`setup[${j}]`, f.splittable(), JSON.stringify(line)));
  lesson.steps.forEach((step, i) =>
    stateChanges(step).forEach((line) => unsplittable(line) && problem(at(i), f.splittableLines(), JSON.stringify(line))),
  );
  if (problems.length > 0) return { lesson, tries: 0, wrongs: 0, problems };

  let tries = 0;
  let wrongs = 0;
  for (const [i, step] of lesson.steps.entries()) {
    if (step.kind !== 'try') continue;
    tries++;
    await rebuildState(redis, lesson, i);
    const before = await judgeStep(redis, step, { used: new Set(), typed: new Set() });
    if (before.ok) problem(at(i, '.checks'), f.failFirst(), f.allHold());

    const solved = await typeLines(redis, step, step.solution);
    if (!solved.ok) problem(at(i, '.solution'), f.solutionPasses(), solved.failures.map(plain).join(' / '));

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
  return { lesson, tries, wrongs, problems };
}

/** Runs lines as if the learner typed them in the step, then judges the step once. */
async function typeLines(redis: LessonRedis, step: TryStep, lines: string[]) {
  const attempt: Attempt = { used: new Set(), typed: new Set() };
  for (const line of lines) {
    const done = await redis.execute(line);
    if (done.kind === 'ran') {
      attempt.used.add(done.name);
      for (const arg of done.args) attempt.typed.add(arg);
      attempt.lastReply = done.text;
    }
  }
  return judgeStep(redis, step, attempt);
}

function unsplittable(line: string): boolean {
  return parseCommandLine(line).kind !== 'command';
}

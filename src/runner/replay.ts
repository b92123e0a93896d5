import { classifyLine } from '../course/lines.js';
import type { CodeStep, Interference, Lesson, Step } from '../course/schema.js';
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
 * step's commands (reference solutions for `try` steps, the solution program of `code` steps), then the
 * step's own setup. Used when a lesson
 * opens, on `back`, `skip`, `solution` and `retry`, on resume, and by `lessons check`, so all of them
 * start a step from the same state (races excepted: see below). Helper connections close at each step's end, as they do in play.
 */
export async function rebuildState(redis: LessonRedis, lesson: Lesson, index: number): Promise<void> {
  const parts: { lines: string[]; on?: string; code?: CodeStep; interfere?: Interference }[] = [{ lines: lesson.setup }];
  for (const step of lesson.steps.slice(0, index)) {
    // A race (`@race`) is a demonstration whose end depends on timing: nothing after it can rely on its
    // result, so a rebuild does not run it again (4,000 commands each time a learner skips or goes back).
    // A probe (`@probe`) leaves what its command leaves: the command alone does that, without the timing.
    const lines = stateChanges(step).flatMap((line) => {
      const meant = classifyLine(line);
      return meant.kind === 'race' ? [] : meant.kind === 'probe' ? [meant.command] : [line];
    });
    parts.push({
      lines,
      ...(step.kind === 'try' && step.connection ? { on: step.connection } : {}),
      ...(step.kind === 'try' && step.interfere ? { interfere: step.interfere } : {}),
      ...(step.kind === 'code' ? { code: step } : {}),
    });
  }
  parts.push({ lines: lesson.steps[index]?.setup ?? [] });
  // A lesson that stops and starts the server starts from a fresh server: its files and configuration too.
  const fresh = lesson.needs.includes('server-control');
  await redis.clear({ fresh });
  // Nothing before the last FLUSHDB survives it: start there (a lesson that loads 100,000 keys, then
  // empties the playground, does not load them again on every skip). A FLUSHDB keeps the server's
  // configuration, so the CONFIG SET lines before it are run first.
  // On the local cluster a FLUSHDB empties one node only; there the last `@cluster` line is where to start: it
  // makes its shape fresh, empty and whole whatever ran before (a node killed, the other shape), as the clear did.
  const [from, at] = lastLine(parts, lesson.needs.includes('cluster') ? 'topology' : 'flushdb');
  if (fresh) await runLines(redis, configBefore(parts, from, at));
  for (const [i, part] of parts.entries()) {
    if (i < from) continue;
    // A try step's solution meets the same other client's write it met when played (R19).
    redis.interfere(part.interfere);
    await runLines(redis, i === from ? part.lines.slice(at) : part.lines, part.on);
    // A code step's program, as its solution left the data (reruns included): run again, unseen.
    if (part.code) await (await import('./code/memo.js')).replayReference(redis, part.code); // loaded only when there is one
    if (i > 0 && i < parts.length - 1) redis.endStep();
  }
}

/**
 * The CONFIG SET lines before [part, line] that still hold there: those after the last
 * `@restart-from-config` (which goes back to the configuration file). Directives before it are left out:
 * what a restart or a crash did to the data, the FLUSHDB undoes.
 */
function configBefore(parts: readonly { lines: string[] }[], part: number, line: number): string[] {
  const before = parts.slice(0, part + 1).flatMap((p, i) => (i === part ? p.lines.slice(0, line) : p.lines));
  const reset = before.findLastIndex((l) => {
    const meant = classifyLine(l);
    return meant.kind === 'control' && meant.action === 'restart-from-config';
  });
  return before.slice(reset + 1).filter((l) => {
    const meant = classifyLine(l);
    return meant.kind === 'command' && /^config\s+set\b/i.test(meant.command.trim());
  });
}

/** Where the last FLUSHDB line (or `@cluster` line) is, as [part, line]; [0, 0] when there is none. */
function lastLine(parts: readonly { lines: string[] }[], what: 'flushdb' | 'topology'): [number, number] {
  for (let i = parts.length - 1; i >= 0; i--) {
    const at = parts[i]!.lines.findLastIndex((line) => {
      const meant = classifyLine(line);
      return what === 'topology' ? meant.kind === 'topology' : meant.kind === 'command' && /^flushdb\b/i.test(meant.command.trim());
    });
    if (at >= 0) return [i, at];
  }
  return [0, 0];
}

/** Runs lines unseen (a setup, a skipped step's solution): what helpers receive meanwhile is dropped. */
export async function runLines(redis: LessonRedis, lines: readonly string[], on?: string): Promise<Executed[]> {
  const done: Executed[] = [];
  for (const line of lines) done.push(await redis.execute(line, on));
  await redis.settle();
  redis.output();
  return done;
}

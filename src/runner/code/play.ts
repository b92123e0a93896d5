import path from 'node:path';
import type { CodeStep } from '../../course/schema.js';
import { formatMsg as f } from '../../course/format-messages.js';
import { reflow, renderInline } from '../../ui/prose.js';
import { theme } from '../../ui/theme.js';
import { cutToWidth } from '../../ui/tables.js';
import { lookUp, runShown, say, tell, type StepContext } from '../context.js';
import { showHint } from '../hint.js';
import { classifyInput } from '../input.js';
import { hasHangul, keysOf } from '../korean-keys.js';
import { noticeLayout } from '../layout-notice.js';
import type { StepEnd } from '../machine.js';
import { runnerMsg as m } from '../messages.js';
import { attemptProgram, type ProgramOptions, type ProgramVerdict } from './attempt.js';
import { runReference } from './reference.js';
import { ProgramWatch } from './watch.js';
import { placeStarter, prepareWorkspace, readProgram, restoreStarter, scratchWorkspace, solutionName, writeProgram } from './workspace.js';

/** Lines of a program's output shown per run. */
const SHOWN_LINES = 200;

/** `run` runs the learner's file; so does 실행, and `run` typed with the Korean layout on (ㄱㅕㅜ). */
function isRun(line: string): boolean {
  return isWord(line, 'run', '실행');
}

/** `watch` (감시) runs the file at every save, until typed again. */
function isWatch(line: string): boolean {
  return isWord(line, 'watch', '감시');
}

function isWord(line: string, english: string, korean: string): boolean {
  const word = line.trim();
  return word.toLowerCase() === english || word === korean || (hasHangul(word) && keysOf(word)?.toLowerCase() === english);
}

/** What a saved file means at the prompt: the same as typing `run`. */
const SAVED = '\0saved';

/**
 * The next line, or, while the file is watched, the next save of it (SAVED), whichever comes first. A save
 * ends the half-typed prompt (inquirer's abort), as if `run` had been typed.
 */
async function nextLine(ctx: StepContext, step: CodeStep, watching: ProgramWatch | undefined): Promise<string> {
  if (watching === undefined) return ctx.player.line(`${step.file}> `, step);
  const stop = new AbortController();
  const typed = ctx.player.line(`${step.file}> `, step, stop.signal).then(
    (line) => ({ line }),
    (err: unknown) => {
      if (stop.signal.aborted) return { line: SAVED };
      throw err;
    },
  );
  const saved = watching.next().then(() => ({ line: SAVED }));
  const first = await Promise.race([typed, saved]);
  if (first.line === SAVED) {
    stop.abort();
    await typed;
  }
  return first.line;
}

/**
 * A code step (R17): the starter goes in the learner's workspace (never over a file they edited), they
 * edit it in their own editor and type `run`; the tutor runs it against the lesson's Redis, its output
 * shown as it comes, and judges the state and output it left. Every run starts from the step's starting
 * state. `hint`, `solution`, `skip`, `retry`, `back` and `quit` work as in a try step; a Redis command
 * typed here runs, to look at the data. Autoplay runs the solution, in the tutor's scratch folder.
 */
export async function playCode(ctx: StepContext, step: CodeStep, lessonId: string, rebuild: () => Promise<void>): Promise<StepEnd> {
  say(ctx, step.text);
  const auto = ctx.player.auto;
  const dir = auto ? scratchWorkspace() : (ctx.code?.workspace?.(lessonId) ?? path.join(scratchWorkspace(), lessonId));
  const where = path.join(dir, step.file);
  try {
    prepareWorkspace(dir);
    if (auto) writeProgram(dir, step.file, step.solution);
    else tell(ctx, placeStarter(dir, step.file, step.starter) === 'kept' ? m.codeFileKept(where) : m.codeFileAt(where));
  } catch (err) {
    tell(ctx, m.codeWorkspaceFailed(dir, (err as Error).message), theme.error);
  }
  tell(ctx, m.codeWords(), theme.dim);
  let shown = 0;
  const options: ProgramOptions = {
    lang: ctx.lang,
    ...(ctx.code?.timeoutMs === undefined ? {} : { timeoutMs: ctx.code.timeoutMs }),
    onLine: (line, stream) => {
      // A loop that prints forever would bury the lesson: the first lines are enough to see it.
      shown++;
      if (shown <= SHOWN_LINES) ctx.out(`${(stream === 'stdout' ? theme.dim : theme.warn)('│')} ${line}`);
      else if (shown === SHOWN_LINES + 1) tell(ctx, m.codeOutputCut(SHOWN_LINES), theme.dim);
    },
    onRerun: (command) => tell(ctx, m.codeRerunning(command), theme.dim),
  };
  let hints = 0;
  /** Redis is as the step found it: the first run needs no rebuild. */
  let fresh = true;
  let last: ProgramVerdict | undefined;
  let watching: ProgramWatch | undefined;
  try {
    for (;;) {
      const line = await nextLine(ctx, step, watching);
      if (isWatch(line)) {
        if (watching) {
          watching.close();
          watching = undefined;
          tell(ctx, m.codeWatchOff(), theme.dim);
        } else {
          watching = new ProgramWatch(dir, step.file);
          tell(ctx, m.codeWatchOn(step.file), theme.dim);
        }
        continue;
      }
      if (line === SAVED) tell(ctx, m.codeSaved(step.file), theme.dim);
      if (line === SAVED || isRun(line)) {
        if (!fresh) await rebuild();
        fresh = false;
        if (readProgram(dir, step.file) === undefined) {
          placeStarter(dir, step.file, step.starter);
          tell(ctx, m.codeFileMissing(where), theme.warn);
          continue;
        }
        tell(ctx, m.codeRunning(`node ${step.file}`), theme.dim);
        shown = 0;
        last = await attemptProgram(ctx.redis, step, dir, options);
        if (last.ok) {
          ctx.out(theme.ok(m.passed()));
          say(ctx, step.after);
          if (auto) ctx.out(theme.dim(m.autoplayCheck(true)));
          return { type: 'done', outcome: 'passed' };
        }
        if (auto) continue;
        if (last.failure) {
          tell(ctx, last.failure.message, theme.warn);
          // Their line as their editor shows it, cut to the screen rather than wrapped mid-word.
          if (last.failure.source !== undefined) ctx.out(`  ${theme.dim(cutToWidth(last.failure.source, ctx.width - 3))}`);
        } else ctx.out(renderInline(reflow(`${m.notYet()} ${last.failures.join('\n')}`, ctx.width)));
        continue;
      }
      const input = classifyInput(line);
      if (await noticeLayout(ctx, input)) continue;
      switch (input.kind) {
        case 'empty':
          continue;
        case 'quit':
        case 'back':
          return { type: input.kind };
        case 'skip': {
          // Autoplay skips only when the solution did not pass: say why, it is a broken lesson.
          if (auto && last !== undefined) ctx.out(`${theme.error(m.autoplayCheck(false))} ${renderInline(last.failures.join('\n'))}`);
          await rebuild();
          const played = await runReference(ctx.redis, step, { ...options, onLine: () => {}, onRerun: () => {} });
          tell(ctx, m.skipped(), theme.dim);
          say(ctx, step.after);
          if (ctx.report && !played.ok) ctx.report({ step: step.id, expected: f.checksAfterSkip(), found: played.failures.join(' / ') });
          return { type: 'done', outcome: 'skipped' };
        }
        case 'retry':
          await rebuild();
          fresh = true;
          tell(ctx, m.retried(), theme.dim);
          await offerStarter(ctx, step, dir);
          continue;
        case 'hint':
          hints = showHint(ctx, step.hints, hints);
          continue;
        case 'show':
        case 'help':
          await lookUp(ctx, input);
          continue;
        case 'solution': {
          await rebuild();
          const name = solutionName(step.file);
          try {
            writeProgram(dir, name, step.solution);
          } catch {
            // The folder is not writable: the solution is still shown below.
          }
          tell(ctx, m.codeSolutionAt(path.join(dir, name)), theme.warn);
          ctx.out(step.solution.trimEnd());
          tell(ctx, m.codeRunning(`node ${name}`), theme.dim);
          shown = 0;
          const played = await runReference(ctx.redis, step, options);
          if (ctx.report && !played.ok) ctx.report({ step: step.id, expected: f.solutionPasses(), found: played.failures.join(' / ') });
          say(ctx, step.after);
          return { type: 'done', outcome: 'shown' };
        }
        case 'command': {
          await runShown(ctx, input.line, auto);
          fresh = false;
          continue;
        }
      }
    }
  } finally {
    watching?.close();
  }
}

/** On `retry`, a learner whose file is no longer the starter may take the starter back (theirs is kept as .bak). */
async function offerStarter(ctx: StepContext, step: CodeStep, dir: string): Promise<void> {
  if (ctx.player.auto) return;
  const mine = readProgram(dir, step.file);
  if (mine === undefined || mine === step.starter) return;
  const question = renderInline(reflow(m.codeStarterBack(step.file), ctx.width - 2));
  if ((await ctx.player.choose(question, [m.codeKeepMine(), m.codeTakeStarter()], 0)) !== 1) return;
  tell(ctx, m.codeStarterRestored(restoreStarter(dir, step.file, step.starter)), theme.dim);
}

import type { Check, TryStep } from '../course/schema.js';
import { theme } from '../ui/theme.js';
import { MAIN } from '../course/lines.js';
import { judgeStep, newAttempt, record } from './attempt.js';
import { lookUp, runShown, say, tell, type StepContext } from './context.js';
import { runLines } from './replay.js';
import { classifyInput } from './input.js';
import { noticeLayout } from './layout-notice.js';
import { showHint } from './hint.js';
import type { StepEnd } from './machine.js';
import { runnerMsg as m } from './messages.js';
import { reflow, renderInline } from '../ui/prose.js';
import { formatMsg as f } from '../course/format-messages.js';

/**
 * The learner types until every check holds. After each command the checks are judged; what is still
 * wrong is said after a write, or when it changed; a read that changed nothing stays quiet.
 * `rebuild` puts Redis back as this step found it: `skip`, `solution` and `retry` all start from there.
 */
/** The step judges what the learner's commands answered, not only the data they left. */
function asksForReply(checks: Check[]): boolean {
  return checks.some((c) => c.kind === 'reply' || c.kind === 'reply_matches' || c.kind === 'reply_unordered' || (c.kind === 'any_of' && asksForReply(c.groups.flat())));
}

export async function playTry(ctx: StepContext, step: TryStep, rebuildStart: () => Promise<void>): Promise<StepEnd> {
  // Another client's write (R19) waits for the learner's command, after every rebuild too.
  const rebuild = async () => {
    await rebuildStart();
    ctx.redis.interfere(step.interfere);
  };
  ctx.redis.interfere(step.interfere);
  say(ctx, step.text);
  tell(ctx, m.tryWords(), theme.dim);
  const on = step.connection;
  let attempt = newAttempt();
  let hints = 0;
  // What is wrong before anything is typed, and the data then: a read that changes nothing says nothing
  // new; a command that changes the data hears the advice again, even when it is the same.
  let last = await judgeStep(ctx.redis, step, attempt, ctx.lang);
  /** The line and advice last printed: the same write, changing nothing again, is not told the same again. */
  let shown = '';
  /** The learner's connection is inside MULTI. */
  let queuing = false;
  for (;;) {
    // Asked each time: on a cluster the lesson's connection moves to the node a redirect named (issue 15).
    const line = await ctx.player.line(ctx.redis.promptOf(on ?? MAIN), step);
    const input = classifyInput(line);
    if (await noticeLayout(ctx, input)) continue;
    switch (input.kind) {
      case 'empty':
        continue;
      case 'quit':
      case 'back':
        return { type: input.kind };
      case 'skip': {
        // Autoplay skips only when the reference solution did not pass: say why, it is a broken lesson.
        if (ctx.player.auto && attempt.used.size > 0) ctx.out(`${theme.error(m.autoplayCheck(false))} ${renderInline(last.failures.join('\n'))}`);
        await rebuild();
        const played = newAttempt();
        for (const done of await runLines(ctx.redis, step.solution, on)) record(played, done);
        tell(ctx, m.skipped(), theme.dim);
        // What the step would have said once solved: a skipped step still explains itself.
        say(ctx, step.after);
        if (ctx.report) {
          const after = await judgeStep(ctx.redis, step, played, ctx.lang);
          if (!after.ok) ctx.report({ step: step.id, expected: f.checksAfterSkip(), found: after.failures.join(' / ') });
        }
        return { type: 'done', outcome: 'skipped' };
      }
      case 'retry':
        await rebuild();
        attempt = newAttempt();
        last = await judgeStep(ctx.redis, step, attempt, ctx.lang);
        shown = '';
        queuing = false;
        tell(ctx, m.retried(), theme.dim);
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
        tell(ctx, m.solutionIs(), theme.warn);
        for (const solutionLine of step.solution) await runShown(ctx, solutionLine, true, on);
        say(ctx, step.after);
        return { type: 'done', outcome: 'shown' };
      }
      case 'command': {
        const done = await runShown(ctx, input.line, ctx.player.auto, on);
        if (done.kind === 'refused') continue;
        record(attempt, done);
        if (done.kind === 'ran' && !done.unknown) ctx.used.add(done.name);
        const result = await judgeStep(ctx.redis, step, attempt, ctx.lang);
        if (result.ok) {
          ctx.out(theme.ok(m.passed()));
          say(ctx, step.after);
          if (ctx.player.auto) ctx.out(theme.dim(m.autoplayCheck(true)));
          return { type: 'done', outcome: 'passed' };
        }
        const advice = result.failures.join('\n');
        // Inside MULTI every command answers QUEUED and nothing has happened yet: advice waits for EXEC.
        queuing = done.kind === 'ran' && (done.name === 'MULTI' ? !done.text.startsWith('(error)') : queuing && done.name !== 'EXEC' && done.name !== 'DISCARD');
        if (queuing) {
          last = result;
          continue;
        }
        // Quiet after a read that changed nothing. A write that changed nothing is still an attempt: it hears
        // why it fell short (only the very same line again is not told the very same thing again); so is a
        // read where the step asks for a reply (its answer is the attempt, even when the advice is the same).
        const changed = advice !== last.failures.join('\n') || result.seen !== last.seen;
        const said = `${input.line}\n${advice}`;
        const attempted = said !== shown && done.kind === 'ran' && (asksForReply(step.checks) || (await ctx.redis.writes(done.name)));
        if ((changed || attempted) && !ctx.player.auto) {
          ctx.out(renderInline(reflow(`${m.notYet()} ${advice}`, ctx.width)));
          shown = said;
        }
        last = result;
      }
    }
  }
}


import type { TryStep } from '../course/schema.js';
import { localize } from '../course/text.js';
import { theme } from '../ui/theme.js';
import { judgeAll, keysOf } from './checks.js';
import { runShown, say, type StepContext } from './context.js';
import { classifyInput } from './input.js';
import type { StepEnd } from './machine.js';
import { runnerMsg as m } from './messages.js';
import type { LessonRedis } from './redis.js';
import { reflow, renderInline } from '../ui/prose.js';

/** What the learner has done so far in one `try` step, besides changing Redis. */
export interface Attempt {
  lastReply?: string;
  used: Set<string>;
  /** Every argument typed, for "did you mean". */
  typed: Set<string>;
}

/** Reads what the checks need and judges them; no printing. */
export async function judgeStep(redis: LessonRedis, step: TryStep, attempt: Attempt): Promise<{ ok: boolean; failures: string[] }> {
  const { keys, allKeys } = await redis.read(keysOf(step.checks));
  return judgeAll(step.checks, { keys, allKeys, used: attempt.used, typed: attempt.typed, ...(attempt.lastReply === undefined ? {} : { lastReply: attempt.lastReply }) });
}

/**
 * The learner types until every check holds. After each command the checks are judged; what is still
 * wrong is said, but not again when nothing changed (a GET does not repeat the same advice).
 */
export async function playTry(ctx: StepContext, step: TryStep): Promise<StepEnd> {
  say(ctx, step.text);
  ctx.out(theme.dim(renderInline(m.tryWords())));
  const attempt: Attempt = { used: new Set(), typed: new Set() };
  let hints = 0;
  let lastAdvice = '';
  for (;;) {
    const line = await ctx.player.line(ctx.redis.prompt, step);
    const input = classifyInput(line);
    switch (input.kind) {
      case 'empty':
        continue;
      case 'quit':
      case 'back':
        return { type: input.kind };
      case 'skip':
        // Autoplay skips only when the reference solution did not pass: say why, it is a broken lesson.
        if (ctx.player.auto) ctx.out(`${theme.error(m.autoplayCheck(false))} ${renderInline(lastAdvice)}`);
        ctx.out(theme.dim(m.skipped()));
        return { type: 'done', outcome: 'skipped' };
      case 'hint': {
        const hint = step.hints[hints];
        if (hint === undefined) ctx.out(renderInline(m.noMoreHints()));
        else {
          hints++;
          ctx.out(`${theme.warn(m.hint(hints, step.hints.length))} ${renderInline(localize(hint, ctx.lang))}`);
        }
        continue;
      }
      case 'show':
        ctx.out(input.key === undefined ? renderInline(m.showUsage()) : (await ctx.extras.show(input.key)).trimEnd());
        continue;
      case 'help':
        ctx.out((await ctx.extras.help(input.topic)).trimEnd());
        continue;
      case 'solution': {
        ctx.out(theme.warn(m.solutionIs()));
        for (const solutionLine of step.solution) await runShown(ctx, solutionLine, true);
        say(ctx, step.after);
        return { type: 'done', outcome: 'shown' };
      }
      case 'command': {
        const done = await runShown(ctx, input.line, ctx.player.auto);
        if (done.kind === 'refused') continue;
        attempt.used.add(done.name);
        for (const arg of done.args) attempt.typed.add(arg);
        ctx.used.add(done.name);
        attempt.lastReply = done.text;
        const result = await judgeStep(ctx.redis, step, attempt);
        if (result.ok) {
          ctx.out(theme.ok(m.passed()));
          say(ctx, step.after);
          if (ctx.player.auto) ctx.out(theme.dim(m.autoplayCheck(true)));
          return { type: 'done', outcome: 'passed' };
        }
        const advice = result.failures.join('\n');
        if (advice !== lastAdvice && !ctx.player.auto) ctx.out(renderInline(reflow(`${m.notYet()} ${advice}`, ctx.width)));
        lastAdvice = advice;
      }
    }
  }
}

import type { PredictStep, QuizStep, RunStep, SayStep } from '../course/schema.js';
import { localize } from '../course/text.js';
import { theme } from '../ui/theme.js';
import { runShown, say, type StepContext } from './context.js';
import type { StepEnd } from './machine.js';
import { runnerMsg as m } from './messages.js';
import { renderInline } from '../ui/prose.js';

/** After a step the learner read: on, or back / quit if they typed that at the pause. */
async function read(ctx: StepContext): Promise<StepEnd> {
  const word = await ctx.player.pause();
  return word === undefined ? { type: 'done', outcome: 'passed' } : { type: word };
}

export async function playSay(ctx: StepContext, step: SayStep): Promise<StepEnd> {
  say(ctx, step.text);
  return read(ctx);
}

export async function playRun(ctx: StepContext, step: RunStep): Promise<StepEnd> {
  say(ctx, step.text);
  for (const line of step.commands) await runShown(ctx, line, true);
  say(ctx, step.after);
  return read(ctx);
}

/** The pitfall: the commands are shown, the learner predicts, then they run for real and the why is told. */
export async function playPredict(ctx: StepContext, step: PredictStep): Promise<StepEnd> {
  say(ctx, step.text);
  ctx.out(step.commands.map((c) => `${theme.dim(ctx.redis.prompt)}${c}`).join('\n'));
  const chosen = await ask(ctx, step);
  ctx.out(theme.dim(m.letsSee()));
  for (const line of step.commands) await runShown(ctx, line, true);
  verdict(ctx, step, chosen);
  return read(ctx);
}

export async function playQuiz(ctx: StepContext, step: QuizStep): Promise<StepEnd> {
  verdict(ctx, step, await ask(ctx, step));
  return read(ctx);
}

async function ask(ctx: StepContext, step: PredictStep | QuizStep): Promise<number> {
  const question = renderInline(localize(step.question, ctx.lang));
  const choices = step.choices.map((c) => localize(c, ctx.lang));
  const chosen = await ctx.player.choose(question, choices, step.answer);
  if (ctx.player.auto) ctx.out(`${question}\n${m.autoplayAnswer(choices[chosen] ?? '')}`);
  return chosen;
}

function verdict(ctx: StepContext, step: PredictStep | QuizStep, chosen: number): void {
  const right = localize(step.choices[step.answer]!, ctx.lang);
  ctx.out(chosen === step.answer ? theme.ok(m.right()) : theme.warn(renderInline(m.wrongAnswer(right))));
  say(ctx, step.explain);
}

import type { PredictStep, QuizStep, RunStep, SayStep } from '../course/schema.js';
import { localize } from '../course/text.js';
import { theme } from '../ui/theme.js';
import { lookUp, runShown, say, tell, type StepContext } from './context.js';
import type { StepEnd } from './machine.js';
import { runnerMsg as m } from './messages.js';
import { reflow, renderInline } from '../ui/prose.js';
import { formatMsg as f } from '../course/format-messages.js';
import { classifyInput } from './input.js';
import { noticeLayout } from './layout-notice.js';
import { classifyLine, describeWait } from '../course/lines.js';
import { clusterMsg } from '../cluster/messages.js';
import { PROBE_EVERY_MS } from './probe.js';
import { count } from './probe-text.js';
import type { Executed } from './redis.js';

/**
 * After a step the learner read: Enter goes on; back and quit do what they say. A Redis command typed
 * here runs (an `after:` text may invite a look), and the pause comes again; nothing typed is dropped.
 */
async function read(ctx: StepContext): Promise<StepEnd> {
  for (;;) {
    const input = classifyInput((await ctx.player.pause()) ?? '');
    if (await noticeLayout(ctx, input)) continue;
    switch (input.kind) {
      case 'empty':
      case 'skip':
        return { type: 'done', outcome: 'passed' };
      case 'back':
      case 'quit':
        return { type: input.kind };
      case 'command': {
        const done = await runShown(ctx, input.line, true);
        if (done.kind === 'ran' && !done.unknown) ctx.used.add(done.name);
        continue;
      }
      case 'show':
      case 'help':
        await lookUp(ctx, input);
        continue;
      default:
        tell(ctx, m.nothingToSolve(), theme.dim);
    }
  }
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
  ctx.out(step.commands.map((c) => preview(ctx, c)).join('\n'));
  const chosen = await ask(ctx, step);
  ctx.out(theme.dim(m.letsSee()));
  const shown: Executed[] = [];
  for (const line of step.commands) shown.push(await runShown(ctx, line, true));
  if (ctx.report && step.expect) await compareExpect(ctx, step, shown);
  verdict(ctx, step, chosen);
  return read(ctx);
}

/** A predict's line before it runs: a command after its connection's prompt, a directive said in words. */
function preview(ctx: StepContext, line: string): string {
  const meant = classifyLine(line);
  switch (meant.kind) {
    case 'command':
      return `${theme.dim(ctx.redis.promptOf(meant.on))}${meant.command}`;
    case 'probe':
      return `${theme.dim(ctx.redis.prompt)}${meant.command}  ${theme.dim(m.previewProbe(PROBE_EVERY_MS))}`;
    case 'wait':
      return theme.dim(m.previewWait(describeWait(meant.ms)));
    case 'race':
      return theme.dim(m.previewRace(meant.clients, meant.times, meant.script.join(' | ')));
    case 'fixture':
      return theme.dim(m.previewFixture(meant.command, count(meant.count)));
    case 'control':
      return theme.dim(renderInline(m.controlled(meant.action)));
    case 'node':
      return `${theme.dim(ctx.redis.promptOf(meant.node))}${meant.command}`;
    case 'kill':
      return theme.dim(clusterMsg.previewKill(meant.node));
    case 'failover':
      return theme.dim(clusterMsg.previewFailover(meant.node));
    case 'topology':
      return theme.dim(clusterMsg.previewTopology(meant.shape));
    case 'bad':
      return line;
  }
}

export async function playQuiz(ctx: StepContext, step: QuizStep): Promise<StepEnd> {
  verdict(ctx, step, await ask(ctx, step));
  return read(ctx);
}

async function ask(ctx: StepContext, step: PredictStep | QuizStep): Promise<number> {
  // Wrapped like prose, two columns short for the "? " in front of it.
  const question = renderInline(reflow(localize(step.question, ctx.lang), ctx.width - 2));
  const choices = step.choices.map((c) => renderInline(localize(c, ctx.lang)));
  const chosen = await ctx.player.choose(question, choices, step.answer);
  if (ctx.player.auto) ctx.out(`${question}\n${m.autoplayAnswer(choices[chosen] ?? '')}`);
  return chosen;
}

/** Tells `lessons check` where a predict's replies differ from what its text says Redis answers. */
async function compareExpect(ctx: StepContext, step: PredictStep, shown: Executed[]): Promise<void> {
  const replies = shown.filter((d) => d.kind !== 'directive');
  for (const [i, want] of (step.expect ?? []).entries()) {
    const done = replies[i];
    if (want === null || done === undefined) continue;
    // A helper's blocking command answers later: its reply is the one it got by the end of the step.
    const got = done.kind === 'ran' && done.pending ? await Promise.race([done.pending, new Promise<string>((r) => setTimeout(() => r('(no reply yet)'), 500))]) : done.text;
    const holds = typeof want === 'string' ? got === want : new RegExp(want.matches).test(got);
    if (!holds) ctx.report!({ step: step.id, expected: typeof want === 'string' ? f.expectMatches(want) : f.expectPattern(want.matches), found: JSON.stringify(got) });
  }
}

function verdict(ctx: StepContext, step: PredictStep | QuizStep, chosen: number): void {
  const right = localize(step.choices[step.answer]!, ctx.lang);
  if (chosen === step.answer) ctx.out(theme.ok(m.right()));
  else tell(ctx, m.wrongAnswer(right), theme.warn);
  say(ctx, step.explain);
}

import { localize } from '../course/text.js';
import type { Text } from '../course/schema.js';
import { PLAYGROUND_MARKER } from '../connection/playground.js';
import { theme } from '../ui/theme.js';
import { runnerMsg as m } from './messages.js';
import type { Player } from './player.js';
import type { Executed, LessonRedis } from './redis.js';
import { reflow, renderInline } from '../ui/prose.js';
import { classifyLine, describeWait, MAIN } from '../course/lines.js';
import { parseCommandLine } from '../repl/parse.js';
import { blockingTimeoutMs, LESSON_BLOCK_CAP_MS } from './blocking.js';

/** What `show <key>` and `help <command>` print; supplied by the REPL's modules. */
export interface Extras {
  show(key: string): Promise<string>;
  help(topic: string | undefined): Promise<string>;
}

/** Everything a step needs while it runs. */
export interface StepContext {
  redis: LessonRedis;
  player: Player;
  extras: Extras;
  lang: string;
  /** Writes one block of text (a newline is added). */
  out(text: string): void;
  /** Command names typed by the learner during the lesson, for the summary. */
  used: Set<string>;
  /** Columns to wrap lesson prose to. */
  width: number;
  /** Code steps (R17): the folder a lesson's files go in (lesson-env.ts: --workspace or the config folder), a time limit for tests. */
  code?: { workspace?: (lessonId: string) => string; timeoutMs?: number };
  /** `lessons check` listens here for what a learner would not notice: a predict whose replies differ from its `expect`, checks that fail after a skip. */
  report?: (problem: { step: string; expected: string; found: string }) => void;
}

/** One of the runner's own lines, wrapped to the terminal like lesson prose, with its markup rendered. */
export function tell(ctx: StepContext, text: string, style: (s: string) => string = (s) => s): void {
  ctx.out(style(renderInline(reflow(text, ctx.width))));
}

/** Lesson text in the learner's language, with `code` and **bold** rendered. */
export function say(ctx: StepContext, text: Text | undefined): void {
  if (text !== undefined) ctx.out(renderInline(reflow(localize(text, ctx.lang).trimEnd(), ctx.width)));
}

/**
 * Runs a line and shows it as redis-cli would, with the prompt of the connection it runs on (unless the
 * learner already saw it typed), then whatever helper connections received meanwhile, labelled.
 */
export async function runShown(ctx: StepContext, line: string, echo: boolean, on?: string): Promise<Executed> {
  const meant = classifyLine(line);
  const shownOn = meant.kind === 'command' && meant.labelled ? meant.on : meant.kind === 'node' ? meant.node : (on ?? MAIN);
  // A directive is not a command anyone types: only what it did is shown, "(4 s later)". `@node` sends one, shown after that node's prompt.
  if (echo && (meant.kind === 'command' || meant.kind === 'node')) ctx.out(`${theme.dim(ctx.redis.promptOf(shownOn))}${meant.command}`);
  if (meant.kind === 'command' && shownOn === MAIN) {
    const parsed = parseCommandLine(meant.command);
    const blocks = parsed.kind === 'command' ? (blockingTimeoutMs(parsed.args.map(String)) ?? 0) * parsed.repeat : 0;
    if (blocks > 0 && blocks <= LESSON_BLOCK_CAP_MS) ctx.out(theme.dim(m.blockingWait(describeWait(blocks))));
  }
  const done = await ctx.redis.execute(line, on);
  // A directive's line wraps like prose; a reply is shown exactly as redis-cli prints it.
  if (done.text !== '') {
    if (done.kind === 'refused') ctx.out(renderInline(reflow(done.text, ctx.width)));
    else if (done.kind === 'directive') tell(ctx, done.text, theme.dim);
    else ctx.out(done.text);
  }
  if (!ctx.redis.owned && done.text.includes(PLAYGROUND_MARKER)) ctx.out(theme.dim(renderInline(m.markerNote(PLAYGROUND_MARKER))));
  await ctx.redis.settle();
  for (const text of ctx.redis.output()) ctx.out(text);
  return done;
}

/** `show <key>` and `help <command>`, typed at a try prompt or at a pause: drawn as the REPL draws them. */
export async function lookUp(ctx: StepContext, input: { kind: 'show'; key?: string } | { kind: 'help'; topic?: string }): Promise<void> {
  if (input.kind === 'help') ctx.out((await ctx.extras.help(input.topic)).trimEnd());
  else ctx.out(input.key === undefined ? renderInline(m.showUsage()) : (await ctx.extras.show(input.key)).trimEnd());
}


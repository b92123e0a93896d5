import { localize } from '../course/text.js';
import type { Text } from '../course/schema.js';
import { PLAYGROUND_MARKER } from '../connection/playground.js';
import { theme } from '../ui/theme.js';
import { runnerMsg as m } from './messages.js';
import type { Player } from './player.js';
import type { Executed, LessonRedis } from './redis.js';
import { reflow, renderInline } from '../ui/prose.js';

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
}

/** Lesson text in the learner's language, with `code` and **bold** rendered. */
export function say(ctx: StepContext, text: Text | undefined): void {
  if (text !== undefined) ctx.out(renderInline(reflow(localize(text, ctx.lang).trimEnd(), ctx.width)));
}

/** Runs a command and shows it as redis-cli would, with the prompt, unless the learner already saw it typed. */
export async function runShown(ctx: StepContext, line: string, echo: boolean): Promise<Executed> {
  if (echo) ctx.out(`${theme.dim(ctx.redis.prompt)}${line}`);
  const done = await ctx.redis.execute(line);
  if (done.text !== '') ctx.out(done.kind === 'refused' ? renderInline(done.text) : done.text);
  if (!ctx.redis.owned && done.text.includes(PLAYGROUND_MARKER)) ctx.out(theme.dim(renderInline(m.markerNote(PLAYGROUND_MARKER))));
  return done;
}

import type { Lesson, Step } from '../course/schema.js';
import type { RedisClient } from './client.js';
import { classifyLine } from '../course/lines.js';
import { parseCommandLine } from '../repl/parse.js';

/**
 * What a server the tutor did not start lets it do: which of the commands the course needs it has (a
 * `rename-command FLUSHDB ""` in its configuration takes one away) and whether its memory still takes writes.
 * Found before a lesson starts, so that a lesson is refused in one sentence instead of failing halfway.
 */

/** What the tutor sends itself on a playground it does not own: claim it, clear it, read what the learner did. */
export const TUTOR_COMMANDS = ['SET', 'FLUSHDB', 'MULTI', 'EXEC', 'DBSIZE', 'EXISTS', 'SCAN', 'TYPE', 'TTL'];

/**
 * Pure: the commands a lesson runs itself or asks the learner to type (setup, run and predict lines, the
 * commands inside its `@probe`, `@fixture` and `@race` directives, solutions, replays), upper-case, each
 * once. Typos are left out: recorded wrong answers, and a name a predict expects Redis not to know (INCRR).
 */
export function lessonCommands(lesson: Lesson): string[] {
  const names = new Set<string>();
  for (const line of [...lesson.setup, ...lesson.steps.flatMap(linesNeeded)]) {
    for (const command of commandsIn(line)) {
      const name = commandName(command);
      if (name !== undefined) names.add(name);
    }
  }
  for (const typo of expectedUnknown(lesson)) names.delete(typo);
  return [...names];
}

function expectedUnknown(lesson: Lesson): string[] {
  return lesson.steps
    .flatMap((step) => (step.kind === 'predict' ? (step.expect ?? []) : []))
    .map((reply) => (typeof reply === 'string' ? /unknown command '([^']+)'/.exec(reply)?.[1]?.toUpperCase() : undefined))
    .filter((name): name is string => name !== undefined);
}

/**
 * A line's command name, upper-case. A plain first word (after a repeat count: `3 INCR n`) is read as it
 * stands, which keeps a whole course quick to read at start-up; a quoted one is split as Redis would.
 */
function commandName(command: string): string | undefined {
  const plain = /^\s*(?:\d+\s+(?=\S+\s))?([^\s"']+)(?:\s|$)/.exec(command)?.[1];
  if (plain !== undefined) return plain.toUpperCase();
  const parsed = parseCommandLine(command);
  return parsed.kind === 'command' ? parsed.args[0]?.toString('utf8').toUpperCase() : undefined;
}

function commandsIn(line: string): string[] {
  const meant = classifyLine(line);
  switch (meant.kind) {
    case 'command':
    case 'probe':
    case 'fixture':
      return [meant.command];
    case 'race':
      return meant.script;
    default:
      return [];
  }
}

function linesNeeded(step: Step): string[] {
  switch (step.kind) {
    case 'run':
    case 'predict':
      return [...step.setup, ...step.commands];
    case 'try':
      return [...step.setup, ...step.solution, ...(step.replay?.setup ?? [])];
    case 'code':
      return [...step.setup, ...step.reruns.flatMap((r) => r.setup)];
    default:
      return step.setup;
  }
}

/**
 * Which of `names` the server does not know (COMMAND INFO answers nil for a renamed or disabled one), or
 * undefined when it will not say (COMMAND itself renamed): then nothing is refused on a guess.
 */
export async function missingCommands(client: RedisClient, names: readonly string[]): Promise<string[] | undefined> {
  const unique = [...new Set(names.map((n) => n.toUpperCase()))];
  if (unique.length === 0) return [];
  try {
    const infos = (await client.call('COMMAND', 'INFO', ...unique)) as unknown[];
    return unique.filter((_, i) => !Array.isArray(infos[i]));
  } catch {
    return undefined;
  }
}

/** The commands the tutor and a course's lessons need that a server lacks (renamed or disabled). */
export interface CommandGaps {
  /** The tutor's own (TUTOR_COMMANDS): without them no lesson runs. */
  tutor: string[];
  /** Each lesson's own, by lesson id; lessons missing none are left out. */
  lessons: { id: string; commands: string[] }[];
}

/**
 * What this server lacks of what the tutor and `lessons` need, or undefined where it will not say. A lesson
 * that restarts its server (server-control) is left out: on a server the tutor did not start it is played
 * on one of the tutor's own.
 */
export async function commandGaps(client: RedisClient, lessons: readonly Lesson[]): Promise<CommandGaps | undefined> {
  const needs = lessons.filter((l) => !l.needs.includes('server-control')).map((l) => ({ id: l.id, commands: lessonCommands(l) }));
  const missing = await missingCommands(client, [...TUTOR_COMMANDS, ...needs.flatMap((l) => l.commands)]);
  if (missing === undefined) return undefined;
  const lacking = (names: readonly string[]) => names.filter((name) => missing.includes(name));
  return {
    tutor: lacking(TUTOR_COMMANDS),
    lessons: needs.map((l) => ({ id: l.id, commands: lacking(l.commands) })).filter((l) => l.commands.length > 0),
  };
}

/** The server's memory, as far as a full one matters: how much is used of how much, under which policy. */
export interface MemoryState {
  used: string;
  max: string;
  policy: string;
  /** Redis refuses writes now: used_memory is past a set maxmemory and the policy evicts nothing. */
  full: boolean;
}

/** Pure: reads `INFO memory`'s text. */
export function memoryState(info: string): MemoryState | undefined {
  const field = (name: string) => new RegExp(`^${name}:(.*?)\\r?$`, 'm').exec(info)?.[1];
  const used = Number(field('used_memory'));
  const max = Number(field('maxmemory'));
  const policy = field('maxmemory_policy') ?? 'unknown';
  if (!Number.isFinite(used) || !Number.isFinite(max)) return undefined;
  return { used: field('used_memory_human') ?? String(used), max: field('maxmemory_human') ?? String(max), policy, full: max > 0 && used >= max && policy === 'noeviction' };
}

/** The server's memory state, or undefined where INFO is refused. Read-only. */
export async function readMemory(client: RedisClient): Promise<MemoryState | undefined> {
  try {
    return memoryState(String(await client.info('memory')));
  } catch {
    return undefined;
  }
}

/** Redis refused a write for want of memory (OOM), or a transaction because one of its writes was. */
export function isOutOfMemory(err: unknown): boolean {
  return causes(err).some((text) => /^OOM /.test(text));
}

/** The command Redis did not know, in an error or in a transaction it discarded because of one. */
export function unknownCommand(err: unknown): string | undefined {
  for (const text of causes(err)) {
    const name = /^ERR unknown command '([^']*)'/.exec(text)?.[1];
    if (name !== undefined) return name.toUpperCase();
  }
  return undefined;
}

/** An error's text, then those of the queued commands that made Redis discard a transaction (ioredis keeps them). */
function causes(err: unknown): string[] {
  const queued = (err as { previousErrors?: unknown[] } | undefined)?.previousErrors ?? [];
  return [err, ...queued].map((e) => (e as Error | undefined)?.message ?? '');
}

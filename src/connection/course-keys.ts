import { classifyLine } from '../course/lines.js';
import type { Lesson } from '../course/schema.js';
import { lessonLines } from '../course/step-lines.js';
import { parseCommandLine } from '../repl/parse.js';

/**
 * Which keys are the course's own: pure. A playground that lost its marker (a FLUSHDB or a DEL of it, and
 * the tutor killed before putting it back) is taken back only when every key in it is one the course's
 * command lines name. Which arguments of a line are keys is the server's to say (COMMAND GETKEYS, in
 * ./reclaim.ts); this file only gathers the lines and makes the final comparison.
 */

/** A database holding more keys than this is never taken back: checking it would mean reading it all. */
export const RECLAIM_LIMIT = 1000;

/**
 * The argument vectors of every command line of the course, each once: the lesson's setup, and each step's
 * lines as the course reads them (stepLines: setup, commands, solution, recorded right and wrong answers, replay
 * setup). A connection label (`B> `) is dropped, directives (`@wait 2s`) and lines that do not split are
 * skipped, a repeat count (`3 INCR n`) is dropped.
 */
export function courseCommands(lessons: readonly Lesson[]): string[][] {
  const seen = new Set<string>();
  const commands: string[][] = [];
  for (const line of lessons.flatMap(lessonLines)) {
    const args = commandArgs(line);
    if (args === undefined) continue;
    const id = args.join('\0');
    if (seen.has(id)) continue;
    seen.add(id);
    commands.push(args);
  }
  return commands;
}

/** One authored line as the arguments Redis receives, or undefined for a directive or an unsplittable line. */
export function commandArgs(line: string): string[] | undefined {
  const meant = classifyLine(line);
  if (meant.kind !== 'command') return undefined;
  const parsed = parseCommandLine(meant.command);
  return parsed.kind === 'command' ? parsed.args.map((a) => a.toString('utf8')) : undefined;
}

/**
 * The keys named by COMMAND GETKEYS replies (one per course line, in any order): an array of keys, or an
 * error for a line without keys. Keys are compared as bytes, so they are kept as latin1 strings.
 */
export function namedKeys(replies: readonly (Buffer[] | Error)[]): Set<string> {
  const keys = new Set<string>();
  for (const reply of replies) {
    if (reply instanceof Error) continue;
    for (const key of reply) keys.add(key.toString('latin1'));
  }
  return keys;
}

/** True when there are at most RECLAIM_LIMIT keys and the course names every one of them. */
export function onlyCourseKeys(keys: readonly Buffer[], courseKeys: ReadonlySet<string>): boolean {
  return keys.length <= RECLAIM_LIMIT && keys.every((key) => courseKeys.has(key.toString('latin1')));
}

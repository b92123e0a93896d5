import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runnerMsg as m } from '../messages.js';
import type { ProgramRun } from './run-node.js';

/** Why a run of the learner's program cannot be judged: one message, and the line of their file it names. */
export interface ProgramFailure {
  message: string;
  /** The line of their file the error points at, numbered as their editor shows it (`4 │ await ...`). */
  source?: string;
}

/**
 * Pure. Undefined when the program ended on its own with exit code 0. Otherwise the one thing to tell:
 * the error's first line and where in their file (never the tutor's stack), a client left open, a
 * program that never finished, or an exit code.
 */
export function programFailure(run: ProgramRun, dir: string, file: string, source: string | undefined, limitMs: number): ProgramFailure | undefined {
  const seconds = Math.round(limitMs / 1000);
  if (run.spawnError !== undefined) return { message: m.codeNoNode(run.spawnError) };
  if (run.end === 'timeout') {
    // Its top level finished and a socket is what keeps it alive: a Redis client nobody closed.
    if (run.mainDone && run.active.includes('TCPSocketWrap')) return { message: m.codeNotEnded(file, seconds) };
    return { message: m.codeTimedOut(file, seconds) };
  }
  if (run.error !== undefined) {
    const first = run.error.message.split('\n')[0]!.trim();
    const said = run.error.name === 'thrown' ? first : `${run.error.name}: ${first}`;
    const line = lineInFile(run.error.stack, path.join(dir, file));
    const text = line === undefined ? undefined : source?.split('\n')[line - 1];
    return { message: m.codeThrew(said, file, line), ...(text === undefined ? {} : { source: `${String(line)} │ ${text}` }) };
  }
  if (run.code !== 0) return { message: m.codeExitCode(file, run.code ?? -1) };
  return undefined;
}

/** The first line of `file` a stack names (`file:///.../x.mjs:4:14`, or `/.../x.mjs:2` from node --check). */
export function lineInFile(stack: string, file: string): number | undefined {
  for (const name of [pathToFileURL(file).href, file]) {
    const at = new RegExp(`${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:(\\d+)`).exec(stack);
    if (at) return Number(at[1]);
  }
  return undefined;
}

import type { Check, CodeRerun, CodeStep } from '../../course/schema.js';
import { judgeAll, keysOf } from '../checks.js';
import { runnerMsg as m } from '../messages.js';
import type { LessonRedis } from '../redis.js';
import { programFailure, type ProgramFailure } from './failure.js';
import { CODE_TIME_LIMIT_MS, runNode } from './run-node.js';
import { readProgram } from './workspace.js';

/** How a program fared in a code step: every check held, or why not (one failure, or the checks that fail). */
export interface ProgramVerdict {
  ok: boolean;
  failures: string[];
  /** The program itself failed (threw, hung, left its client open): nothing was judged. */
  failure?: ProgramFailure;
}

export interface ProgramOptions {
  lang?: string;
  timeoutMs?: number;
  /** A line the program printed. */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
  /** A rerun is about to start (its command line, `NAME=민수 node hello.mjs`). */
  onRerun?: (command: string) => void;
}

/**
 * Runs the program in `dir` against the lesson's Redis and judges the step's checks on what it left and
 * printed; once they hold, each rerun: its setup lines, the program again with its input, its checks.
 * The caller has put Redis in the step's starting state.
 */
export async function attemptProgram(redis: LessonRedis, step: CodeStep, dir: string, options: ProgramOptions = {}): Promise<ProgramVerdict> {
  const url = redis.url;
  if (url === undefined) return { ok: false, failures: [m.codeNoUrl()], failure: { message: m.codeNoUrl() } };
  const limit = options.timeoutMs ?? CODE_TIME_LIMIT_MS;
  const once = async (checks: Check[], rerun?: CodeRerun): Promise<ProgramVerdict> => {
    const run = await runNode({ dir, file: step.file, url, timeoutMs: limit, ...(rerun ? { args: rerun.args, env: rerun.env } : {}), ...(options.onLine ? { onLine: options.onLine } : {}) });
    // A FLUSHDB in their program took the marker with it: the playground must stay the tutor's.
    await redis.guard();
    const failure = programFailure(run, dir, step.file, readProgram(dir, step.file), limit);
    if (failure !== undefined) return { ok: false, failures: [failure.message], failure };
    const { keys, allKeys } = await redis.read(keysOf(checks));
    return judgeAll(checks, { keys, allKeys, used: new Set(), stdout: run.stdout, lang: options.lang ?? 'en' });
  };
  const first = await once(step.checks);
  if (!first.ok) return first;
  for (const rerun of step.reruns) {
    for (const line of rerun.setup) await redis.execute(line);
    await redis.settle();
    redis.output();
    const command = rerunCommand(step.file, rerun);
    options.onRerun?.(command);
    const again = await once(rerun.checks, rerun);
    if (!again.ok) return { ...again, failures: [m.codeRerunFails(command, again.failures.join(' '))] };
  }
  return { ok: true, failures: [] };
}

/** `NAME=민수 node hello.mjs 500`: how a rerun would be typed in a shell. Pure. */
export function rerunCommand(file: string, rerun: Pick<CodeRerun, 'env' | 'args'>): string {
  const quote = (s: string) => (/^[\p{L}\p{N}_./:@%+=,-]+$/u.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
  const env = Object.entries(rerun.env).map(([k, v]) => `${k}=${quote(v)}`);
  return [...env, 'node', file, ...rerun.args.map(quote)].join(' ');
}

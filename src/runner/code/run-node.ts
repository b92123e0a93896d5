import { spawn } from 'node:child_process';
import path from 'node:path';
import { HARNESS } from './harness.js';

/** How long a learner's program may run before the tutor stops it. */
export const CODE_TIME_LIMIT_MS = 10_000;
/** Output kept for the checks: a loop printing for 10 s must not fill the tutor's memory. */
const KEPT_OUTPUT = 1_000_000;

/** An error that stopped a program, as the harness reported it. */
export interface ProgramError {
  name: string;
  message: string;
  stack: string;
}

/** How one run of a learner's program went. */
export interface ProgramRun {
  /** exited: on its own (see `code`); threw: an uncaught error (see `error`); timeout: the tutor stopped it. */
  end: 'exited' | 'threw' | 'timeout';
  code: number | null;
  stdout: string;
  stderr: string;
  error?: ProgramError;
  /** The file's top level finished (every top-level `await` done). */
  mainDone: boolean;
  /** What kept the process alive when last asked, after its top level finished (TCPSocketWrap: a client). */
  active: string[];
  /** `node` itself could not start: why. */
  spawnError?: string;
}

export interface RunOptions {
  /** The workspace folder: the program runs there, where `redis` resolves. */
  dir: string;
  file: string;
  /** REDIS_URL for the program. */
  url: string;
  args?: readonly string[];
  env?: Readonly<Record<string, string>>;
  timeoutMs?: number;
  /** Each line the program prints, as it prints it. */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
}

/** Runs `node <file>` in the workspace with REDIS_URL set, within the time limit. Never throws. */
export function runNode(options: RunOptions): Promise<ProgramRun> {
  const { dir, file, url } = options;
  return new Promise((resolve) => {
    const run: ProgramRun = { end: 'exited', code: null, stdout: '', stderr: '', mainDone: false, active: [] };
    const child = spawn(process.execPath, ['--input-type=module', '-e', HARNESS, '--', path.join(dir, file), ...(options.args ?? [])], {
      cwd: dir,
      env: { ...process.env, ...options.env, REDIS_URL: url },
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
      windowsHide: true,
    });
    const timer = setTimeout(() => {
      run.end = 'timeout';
      child.kill('SIGKILL');
    }, options.timeoutMs ?? CODE_TIME_LIMIT_MS);
    const lines = (stream: 'stdout' | 'stderr') => {
      let partial = '';
      return {
        data(chunk: Buffer) {
          const text = chunk.toString('utf8');
          if (run[stream].length < KEPT_OUTPUT) run[stream] += text;
          const parts = (partial + text).split('\n');
          partial = parts.pop() ?? '';
          for (const line of parts) options.onLine?.(line.replace(/\r$/, ''), stream);
        },
        end() {
          if (partial !== '') options.onLine?.(partial, stream);
          partial = '';
        },
      };
    };
    const out = lines('stdout');
    const err = lines('stderr');
    child.stdout!.on('data', out.data);
    child.stderr!.on('data', err.data);
    let reports = '';
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (chunk: Buffer) => {
      reports += chunk.toString('utf8');
      const parts = reports.split('\n');
      reports = parts.pop() ?? '';
      for (const part of parts) note(run, part);
    });
    child.on('error', (e) => {
      run.spawnError = e.message;
      // Never started: no 'close' may follow.
      if (child.pid === undefined) {
        clearTimeout(timer);
        resolve(run);
      }
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      out.end();
      err.end();
      run.code = code;
      if (run.end !== 'timeout' && run.error !== undefined) run.end = 'threw';
      resolve(run);
    });
  });
}

/** One report from the harness. */
function note(run: ProgramRun, line: string): void {
  try {
    const report = JSON.parse(line) as { error?: ProgramError; main?: boolean; active?: string[] };
    if (report.error) run.error = report.error;
    if (report.main) run.mainDone = true;
    if (report.active) run.active = report.active;
  } catch {
    // Not the harness's: ignore.
  }
}

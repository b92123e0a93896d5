import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * What every run of the bin in a test starts from: no colour, no REDIS_URL, and a local address where
 * nothing listens (port 1), so a Redis the developer runs on 6379 is never found nor touched. A test that
 * wants the local step sets REDIS_TUTOR_LOCAL itself.
 */
export const HERMETIC_ENV: Record<string, string> = { NO_COLOR: '1', FORCE_COLOR: '0', REDIS_URL: '', REDIS_TUTOR_LOCAL: '127.0.0.1:1', REDIS_TUTOR_LANG: 'en' };

export const BIN = fileURLToPath(new URL('../../bin/redis-tutor.js', import.meta.url));
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface BinResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  pid: number;
}

/**
 * Runs the real, compiled bin (built by `npm test`'s pretest) with its own environment, stdin closed
 * unless `input` is given.
 */
export function runBin(args: string[], options: { env?: NodeJS.ProcessEnv; input?: string; timeoutMs?: number; node?: string } = {}): Promise<BinResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(options.node ?? process.execPath, [BIN, ...args], {
      env: { ...process.env, ...HERMETIC_ENV, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`redis-tutor ${args.join(' ')} did not finish in time.\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, options.timeoutMs ?? 20_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, pid: child.pid ?? -1 });
    });
    if (options.input !== undefined) child.stdin.end(options.input);
    else child.stdin.end();
  });
}

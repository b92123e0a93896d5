import { rmSync, writeFileSync } from 'node:fs';
import { readdir, readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { RespClient } from '../resp/client.js';

/**
 * A private server's folder (`redis-tutor-` and mkdtemp's six characters) names the tutor that owns it in
 * this file. A folder whose owner is gone is a leftover of a run that was killed (`kill -9`, a power cut):
 * the next run that starts a private server removes it, after stopping its redis-server if that still runs.
 */
export const OWNER_FILE = 'tutor.pid';
const FOLDER = /^redis-tutor-[A-Za-z0-9]{6}$/;

export function markOwner(dir: string, pid: number = process.pid): void {
  writeFileSync(path.join(dir, OWNER_FILE), `${pid}\n`);
}

/** Removes folder with Windows' patience: a server just killed may still hold its files for a moment. */
export function removeFolder(dir: string): void {
  rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
}

/**
 * Removes the leftover folders in `tmp` (never `except`, never a live tutor's); returns those removed. Reads
 * asynchronously, so that it runs beside the tutor's start without holding it up.
 */
export async function sweepLeftovers(tmp: string, except?: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(tmp);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const dir = path.join(tmp, name);
    if (!FOLDER.test(name) || dir === except) continue;
    const owner = await ownerOf(dir);
    // No owner file: another program's folder, a tutor of an older version, or one being created now.
    if (owner === undefined || isRunning(owner)) continue;
    if (!(await serverGone(dir))) continue;
    removeFolder(dir);
    removed.push(dir);
  }
  return removed;
}

async function ownerOf(dir: string): Promise<number | undefined> {
  try {
    const pid = Number((await readFile(path.join(dir, OWNER_FILE), 'utf8')).trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // Someone else's process: alive all the same.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether the folder's redis-server is gone, once killed if it still ran. The server is asked where it runs
 * (CONFIG GET dir) and its pid (INFO server), so that a pid reused by another program is never killed; one
 * that refuses the connection is gone. One that cannot say (it does not answer, or wants a password) may
 * still use the folder, which is then left for a later run.
 */
async function serverGone(dir: string): Promise<boolean> {
  const port = await configuredPort(dir);
  if (port === undefined) return true;
  let client: RespClient;
  try {
    client = await RespClient.connect({ host: '127.0.0.1', port, tls: false, source: 'a leftover private server' }, { timeoutMs: 1000 });
  } catch (err) {
    return /ECONNREFUSED/.test((err as Error).message);
  }
  try {
    const answers = await Promise.race([
      Promise.all([client.call(['CONFIG', 'GET', 'dir']), client.call(['INFO', 'server'])]),
      new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 1000)),
    ]);
    if (answers === undefined) return false;
    const [where, info] = answers;
    if (where.type === 'error' || info.type === 'error') return false;
    const served = where.type === 'array' && where.value?.[1]?.type === 'bulk' ? String(where.value[1].value) : undefined;
    // Another server took the port since: the folder's own is gone.
    if (served !== (await realpath(dir))) return true;
    const pid = Number(/^process_id:(\d+)/m.exec(info.type === 'bulk' ? String(info.value) : '')?.[1]);
    if (!(pid > 0)) return false;
    process.kill(pid, 'SIGKILL');
    return true;
  } catch {
    return false;
  } finally {
    client.close();
  }
}

/** The `port` line of the folder's redis.conf (CONFIG REWRITE keeps it), or undefined. */
async function configuredPort(dir: string): Promise<number | undefined> {
  try {
    const port = Number(/^port (\d+)$/m.exec(await readFile(path.join(dir, 'redis.conf'), 'utf8'))?.[1]);
    return port > 0 ? port : undefined;
  } catch {
    return undefined;
  }
}

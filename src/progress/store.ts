import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { progressMsg } from './messages.js';
import { emptyProgress, isProgress, type Progress } from './model.js';

export interface Loaded {
  progress: Progress;
  /** One line for the learner when the file was damaged and set aside. */
  notice?: string;
}

/**
 * Reads the progress file. Missing means a fresh start; unreadable or malformed means the file is moved
 * aside (never deleted: it may be worth looking at) and the learner starts fresh. Never throws.
 */
export function loadProgress(file: string, now: Date = new Date()): Loaded {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { progress: emptyProgress() };
    return { progress: emptyProgress(), notice: progressMsg.unreadable(file, systemReason(err)) };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    data = undefined;
  }
  if (isProgress(data)) return { progress: data };
  const aside = `${file}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`;
  try {
    renameSync(file, aside);
    return { progress: emptyProgress(), notice: progressMsg.damaged(file, aside) };
  } catch (err) {
    return { progress: emptyProgress(), notice: progressMsg.unreadable(file, systemReason(err)) };
  }
}

/**
 * Writes atomically: a temp file in the same folder, then a rename, so a crash never leaves half a file.
 * A failed save removes its temp file and throws the system's error.
 */
export function saveProgress(file: string, progress: Progress): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, `${JSON.stringify(progress, null, 2)}\n`, { mode: 0o600 });
    renameSync(temp, file);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}

/**
 * The system's reason alone, as a learner can act on it: "permission denied (EACCES)" rather than Node's
 * "EACCES: permission denied, open '/home/.../progress.json.4242.tmp'", which names the temp file.
 */
export function systemReason(err: unknown): string {
  const { code, message } = err as NodeJS.ErrnoException;
  const described = code === undefined ? undefined : new RegExp(`^${code}: ([^,]+)`).exec(message)?.[1];
  return described === undefined ? String(message ?? err) : `${described} (${code})`;
}

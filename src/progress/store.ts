import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
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
    return { progress: emptyProgress(), notice: progressMsg.unreadable(file, (err as Error).message) };
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
    return { progress: emptyProgress(), notice: progressMsg.unreadable(file, (err as Error).message) };
  }
}

/** Writes atomically: a temp file in the same folder, then a rename, so a crash never leaves half a file. */
export function saveProgress(file: string, progress: Progress): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(progress, null, 2)}\n`, { mode: 0o600 });
  renameSync(temp, file);
}

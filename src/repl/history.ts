import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { configDir } from '../progress/paths.js';

/** Lines kept in the history file. */
export const HISTORY_SIZE = 1000;

export const historyFile = (env: NodeJS.ProcessEnv): string => path.join(configDir(env), 'repl-history');

/** Lines that carry secrets are never written: AUTH, HELLO ... AUTH, CONFIG SET requirepass. */
export function isSecret(line: string): boolean {
  return /^\s*(\d+\s+)?["']?(auth|hello|migrate)\b/i.test(line) || /^\s*config\s+set\s+["']?(requirepass|masterauth)/i.test(line);
}

/** The saved history, newest first (as readline wants it); a missing or unreadable file is an empty history. */
export function loadHistory(file: string): string[] {
  try {
    return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').slice(-HISTORY_SIZE).reverse();
  } catch {
    return [];
  }
}

/** Appends one line; trims the file now and then. Failing to write history never stops the REPL. */
export function saveHistoryLine(file: string, line: string): void {
  if (isSecret(line) || line.trim() === '' || line.includes('\n')) return;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    appendFileSync(file, `${line}\n`);
    const lines = readFileSync(file, 'utf8').split('\n');
    if (lines.length > HISTORY_SIZE * 2) writeFileSync(file, `${lines.slice(-HISTORY_SIZE - 1).join('\n')}`);
  } catch {
    // A read-only config folder: history stays in memory.
  }
}

import { appendFileSync, chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { configDir } from '../progress/paths.js';
import { parseCommandLine } from './parse.js';

/** Lines kept in the history file. */
export const HISTORY_SIZE = 1000;

/** Only the learner may read the history (as redis-cli keeps ~/.rediscli_history): lines name keys and values. */
const PRIVATE = 0o600;

export const historyFile = (env: NodeJS.ProcessEnv): string => path.join(configDir(env), 'repl-history');

/** CONFIG SET parameters whose value is a password (redis-cli 7.0's three, the TLS key passphrases, Valkey's names). */
const SECRET_PARAMETERS = new Set(['requirepass', 'masterauth', 'masteruser', 'primaryauth', 'primaryuser', 'tls-key-file-pass', 'tls-client-key-file-pass']);
/** SENTINEL SET and SENTINEL CONFIG SET options that carry a password or the user it goes with. */
const SECRET_SENTINEL_OPTIONS = new Set(['auth-pass', 'auth-user', 'sentinel-pass', 'sentinel-user']);

/**
 * Does this command carry a secret? redis-cli 7.0's rules (AUTH, ACL SETUSER, CONFIG SET of a password,
 * HELLO ... AUTH, MIGRATE ... AUTH/AUTH2), widened: the words may come anywhere after the command name
 * (CONFIG SET takes several pairs since 7.0), and SENTINEL's password options count too. Pure.
 */
export function isSecretCommand(args: readonly string[]): boolean {
  const [name = '', ...rest] = args.map((a) => a.toLowerCase());
  const sub = rest[0] ?? '';
  if (name === 'auth') return true;
  if (name === 'acl') return sub === 'setuser';
  if (name === 'config') return sub === 'set' && rest.slice(1).some((w) => SECRET_PARAMETERS.has(w));
  if (name === 'hello') return rest.includes('auth');
  if (name === 'migrate') return rest.includes('auth') || rest.includes('auth2');
  if (name === 'sentinel') return rest.some((w) => SECRET_SENTINEL_OPTIONS.has(w));
  return false;
}

/**
 * Lines that carry secrets are never written, nor kept for Up: checked on the words as the REPL reads them
 * (a quoted command name, a repeat count before it), and on a plain split when the quotes do not close
 * (redis-cli keeps such a line; nothing is sent, but the password is on it all the same).
 */
export function isSecret(line: string): boolean {
  const parsed = parseCommandLine(line);
  if (parsed.kind === 'command') return isSecretCommand(parsed.args.map((a) => a.toString('utf8')));
  if (parsed.kind === 'empty') return false;
  const words = line.replace(/["']/g, ' ').trim().split(/\s+/);
  return isSecretCommand(words) || isSecretCommand(words.slice(1));
}

/**
 * The saved history, newest first (as readline wants it); a missing or unreadable file is an empty history.
 * A file written by an older tutor is made private, and any secret line in it is dropped from it.
 */
export function loadHistory(file: string): string[] {
  let lines: string[];
  try {
    lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '');
  } catch {
    return [];
  }
  const kept = lines.filter((l) => !isSecret(l));
  try {
    if (kept.length !== lines.length) writeFileSync(file, kept.map((l) => `${l}\n`).join(''), { mode: PRIVATE });
    chmodSync(file, PRIVATE);
  } catch {
    // A read-only config folder: the history is still read.
  }
  return kept.slice(-HISTORY_SIZE).reverse();
}

/** Appends one line (never a secret); trims the file now and then. Failing to write history never stops the REPL. */
export function saveHistoryLine(file: string, line: string): void {
  if (isSecret(line) || line.trim() === '' || line.includes('\n')) return;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    // The mode applies to a new file only; one made 0644 by an older tutor is tightened too.
    appendFileSync(file, `${line}\n`, { mode: PRIVATE });
    chmodSync(file, PRIVATE);
    const lines = readFileSync(file, 'utf8').split('\n');
    if (lines.length > HISTORY_SIZE * 2) writeFileSync(file, `${lines.slice(-HISTORY_SIZE - 1).join('\n')}`);
  } catch {
    // A read-only config folder: history stays in memory.
  }
}

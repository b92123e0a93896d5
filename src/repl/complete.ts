import type { RespClient } from '../resp/client.js';
import type { DocsIndex } from './docs/index.js';
import { syntaxParts } from './docs/model.js';

/**
 * How far Tab looks for key names, never with KEYS: SCAN ... MATCH <typed>* walks the cursor until it has
 * enough names to offer, or has seen the whole keyspace, or has spent this long (a 20k-key database is
 * walked whole in a few milliseconds; 1M keys take over a second, so Tab answers with what half a second
 * found). Each call asks for more keys than the last, up to a size that keeps one call short for the server.
 */
export const KEY_SCAN = { enough: 100, firstCount: 1000, maxCount: 5000, ms: 500 };
export type ScanStep = (cursor: string, count: number) => Promise<{ cursor: string; keys: string[] }>;
const TUTOR_WORDS = ['HELP', 'SHOW', 'QUIT', 'EXIT', 'CLEAR'];

/** The word being completed and what is before it. */
function split(line: string): { before: string[]; word: string } {
  const words = line.split(/\s+/);
  const word = words.pop() ?? '';
  return { before: words.filter(Boolean), word };
}

/** Keeps the case the learner typed in: "se" completes to "set", "SE" to "SET". */
const withCase = (typed: string, candidate: string) => (typed !== '' && typed === typed.toLowerCase() ? candidate.toLowerCase() : candidate);

/** Candidates that are not keys: command names, subcommands, option keywords. Pure. */
export function wordCandidates(docs: DocsIndex, line: string): string[] {
  const { before, word } = split(line);
  const upper = word.toUpperCase();
  const pick = (list: string[]) => [...new Set(list.filter((c) => c.startsWith(upper)).map((c) => withCase(word, c)))].sort();
  if (before.length === 0) return pick([...docs.commands(), ...TUTOR_WORDS]);
  const name = (before[0] as string).toUpperCase();
  if (name === 'HELP' && before.length === 1) return pick([...docs.commands(), ...docs.groups().map((g) => `@${g.toUpperCase()}`)]);
  const doc = docs.get(name);
  if (doc === undefined) return [];
  if (before.length === 1 && doc.subcommands.length > 0) return pick(doc.subcommands);
  const sub = before.length >= 2 ? docs.get(`${name} ${(before[1] as string).toUpperCase()}`) : undefined;
  const tokens = (sub ?? doc).tokens;
  return word === '' ? [] : pick(tokens);
}

/** Does the word at this position name a key? A rough guess from the syntax: the parts called key. */
export function wantsKey(docs: DocsIndex, line: string): boolean {
  const { before } = split(line);
  if (before.length === 0) return false;
  const name = (before[0] as string).toUpperCase();
  if (name === 'SHOW') return before.length === 1;
  const doc = docs.get(name);
  if (doc === undefined) return false;
  const parts = syntaxParts(doc.syntax);
  const part = parts[Math.min(before.length - 1, parts.length - 1)] ?? '';
  return /^\[?key\b/.test(part) || (/^key \[key \.\.\.\]/.test(parts.at(-1) ?? '') && before.length >= parts.length);
}

/** Walks a SCAN cursor with `step` within the limits; the names found, sorted. A failed step ends the walk. Pure but for `step` and `now`. */
export async function walkScan(step: ScanStep, limits = KEY_SCAN, now: () => number = Date.now): Promise<string[]> {
  const found = new Set<string>();
  const started = now();
  let cursor = '0';
  let count = limits.firstCount;
  do {
    const page = await step(cursor, count).catch(() => undefined);
    if (page === undefined) break;
    for (const key of page.keys) found.add(key);
    cursor = page.cursor;
    count = Math.min(count * 2, limits.maxCount);
  } while (cursor !== '0' && found.size < limits.enough && now() - started < limits.ms);
  return [...found].sort();
}

/** Keys starting with `prefix` (glob characters in it matched literally). */
export function scanKeys(client: RespClient, prefix: string): Promise<string[]> {
  const pattern = `${prefix.replace(/[*?[\]\\]/g, (c) => `\\${c}`)}*`;
  return walkScan(async (cursor, count) => {
    const reply = await client.call(['SCAN', cursor, 'MATCH', pattern, 'COUNT', String(count)]);
    if (reply.type !== 'array' || reply.value === null) throw new Error('SCAN was refused');
    const [next, keys] = reply.value;
    const names = keys?.type === 'array' ? (keys.value ?? []).flatMap((k) => (k.type === 'bulk' && k.value !== null ? [k.value.toString('utf8')] : [])) : [];
    return { cursor: next?.type === 'bulk' ? (next.value?.toString() ?? '0') : '0', keys: names };
  });
}

/**
 * readline's completer: [candidates, the word they replace]. `canScan` is false inside MULTI (a SCAN would
 * be queued into the transaction) and in subscribed mode; key names are then not offered.
 */
export async function complete(docs: DocsIndex, client: RespClient | undefined, line: string, canScan = true): Promise<[string[], string]> {
  const { word } = split(line);
  const words = wordCandidates(docs, line);
  const scan = canScan && client !== undefined && !client.closed && wantsKey(docs, line);
  const keys = scan ? await scanKeys(client, word).catch(() => []) : [];
  return [[...words, ...keys], word];
}

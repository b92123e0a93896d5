import type { RespClient } from '../resp/client.js';
import type { DocsIndex } from './docs/index.js';
import { syntaxParts } from './docs/model.js';

/** Keys offered by Tab come from at most this many SCAN calls of COUNT 100: bounded, never KEYS. */
const SCAN_CALLS = 5;
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

/** Keys starting with `prefix`, from a few SCAN calls. */
export async function scanKeys(client: RespClient, prefix: string): Promise<string[]> {
  const pattern = `${prefix.replace(/[*?[\]\\]/g, (c) => `\\${c}`)}*`;
  const found = new Set<string>();
  let cursor = '0';
  for (let i = 0; i < SCAN_CALLS; i++) {
    const reply = await client.call(['SCAN', cursor, 'MATCH', pattern, 'COUNT', '100']);
    if (reply.type !== 'array' || reply.value === null) break;
    const [next, keys] = reply.value;
    cursor = next?.type === 'bulk' ? (next.value?.toString() ?? '0') : '0';
    if (keys?.type === 'array') for (const k of keys.value ?? []) if (k.type === 'bulk' && k.value !== null) found.add(k.value.toString('utf8'));
    if (cursor === '0' || found.size >= 100) break;
  }
  return [...found].sort();
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

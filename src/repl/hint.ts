import type { DocsIndex } from './docs/index.js';
import { syntaxParts } from './docs/model.js';
import { splitArgs } from './parse.js';

/**
 * The grey syntax hint after what the learner typed, as redis-cli shows it: the arguments still to come.
 * "SET k" hints "value [NX | XX] [GET] ...". Pure.
 */
export function hintFor(docs: DocsIndex, line: string): string {
  const args = splitArgs(line);
  if (args === null || args.length === 0) return '';
  const words = args.map((a) => a.toString('utf8'));
  const endsWithSpace = /\s$/.test(line);
  let name = (words[0] as string).toUpperCase();
  let used = words.length - 1;
  const sub = words[1] !== undefined ? docs.get(`${name} ${words[1].toUpperCase()}`) : undefined;
  if (sub !== undefined) {
    name = sub.name;
    used -= 1;
  }
  const doc = docs.get(name);
  if (doc === undefined || doc.syntax === '') return '';
  if (used === 0 && !endsWithSpace) return ` ${doc.syntax}`;
  if (!endsWithSpace) return '';
  const parts = syntaxParts(doc.syntax);
  // Past a repeating argument ("key [key ...]") the hint keeps showing it and what follows.
  const shown = parts.slice(Math.min(used, parts.length)).join(' ');
  const repeating = parts.find((p) => p.endsWith('...]'));
  if (shown === '' && repeating !== undefined) return repeating.replace(/^.*?\[/, '[');
  return shown;
}

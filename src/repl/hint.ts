import type { DocsIndex } from './docs/index.js';
import { syntaxParts } from './docs/model.js';
import { splitArgs } from './parse.js';

/**
 * The grey syntax hint after what the learner typed, as redis-cli shows it: the arguments still to come.
 * Like redis-cli, typed words use up required arguments only; from the first optional one (`[...]`) on,
 * the whole rest stays shown. "SET k " hints "value [NX | XX] ..."; without the trailing space the hint
 * starts with one. Pure.
 */
export function hintFor(docs: DocsIndex, line: string): string {
  const args = splitArgs(line);
  if (args === null || args.length === 0) return '';
  const words = args.map((a) => a.toString('utf8'));
  let name = (words[0] as string).toUpperCase();
  let typed = words.length - 1;
  const sub = words[1] !== undefined ? docs.get(`${name} ${words[1].toUpperCase()}`) : undefined;
  if (sub !== undefined) {
    name = sub.name;
    typed -= 1;
  }
  const doc = docs.get(name);
  if (doc === undefined || doc.syntax === '') return '';
  const parts = syntaxParts(doc.syntax);
  let skip = 0;
  while (skip < typed && skip < parts.length && !(parts[skip] as string).startsWith('[')) skip++;
  const hint = parts.slice(skip).join(' ');
  if (hint === '') return '';
  return /\s$/.test(line) ? hint : ` ${hint}`;
}

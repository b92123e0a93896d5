import type { DocsIndex } from './docs/index.js';
import { syntaxParts } from './docs/model.js';
import { parseCommandLine } from './parse.js';

/**
 * The grey syntax hint after what the learner typed: the arguments that can still come. "SET k " hints
 * "value [NX | XX] [GET] [EX seconds | ...]"; without the trailing space the hint starts with one. Unlike
 * redis-cli 7.0, which stops at the first optional argument and then shows it all whatever is typed, an
 * option already typed is no longer hinted: "SET k v EX " hints "seconds [NX | XX] [GET]". Pure.
 */
export function hintFor(docs: DocsIndex, line: string): string {
  const parsed = parseCommandLine(line);
  if (parsed.kind !== 'command') return '';
  let words = parsed.args.map((a) => a.toString('utf8'));
  let doc = docs.get(words[0] as string);
  const sub = words[1] !== undefined ? docs.get(`${words[0]} ${words[1]}`) : undefined;
  if (sub !== undefined) {
    doc = sub;
    words = words.slice(1);
  }
  if (doc === undefined || doc.syntax === '') return '';
  const hint = remainingSyntax(doc.syntax, words.slice(1));
  if (hint === '') return '';
  return /\s$/.test(line) ? hint : ` ${hint}`;
}

/** A sequence of arguments being filled: its parts, how far the words got, and which options of the current run are taken. */
interface Frame {
  parts: string[];
  at: number;
  used: Set<number>;
}

/** Keywords are written in capitals (NX, EX, *, =); placeholders name a value in lower case (key, seconds). */
const isKeyword = (part: string) => !/[a-z]/.test(part) && !/^[[<]/.test(part);
const inside = (part: string) => part.slice(1, -1);

/** A bracketed group's alternatives (`NX | XX`), each as its parts; a trailing `...` says it repeats. */
function alternatives(content: string): { parts: string[]; repeats: boolean }[] {
  const alts: string[][] = [[]];
  for (const part of syntaxParts(content)) {
    if (part === '|') alts.push([]);
    else (alts.at(-1) as string[]).push(part);
  }
  return alts.map((parts) => (parts.at(-1) === '...' ? { parts: parts.slice(0, -1), repeats: true } : { parts, repeats: false }));
}

/** Does `word` begin this part? 'keyword' when a keyword says so, 'value' when a placeholder takes any word. */
function opens(part: string, word: string): { how: 'keyword' | 'value'; rest: string[]; repeats: boolean } | undefined {
  const alts = part.startsWith('[') || part.startsWith('<') ? alternatives(inside(part)) : [{ parts: [part], repeats: false }];
  let byValue: { how: 'value'; rest: string[]; repeats: boolean } | undefined;
  for (const { parts, repeats } of alts) {
    const first = parts[0] ?? '';
    if (first.startsWith('[') || first.startsWith('<')) {
      const nested = opens(first, word);
      if (nested?.how === 'keyword') return { how: 'keyword', rest: [...nested.rest, ...parts.slice(1)], repeats };
      if (nested !== undefined) byValue ??= { how: 'value', rest: [...nested.rest, ...parts.slice(1)], repeats };
    } else if (isKeyword(first)) {
      if (first.toUpperCase() === word.toUpperCase()) return { how: 'keyword', rest: parts.slice(1), repeats };
    } else {
      byValue ??= { how: 'value', rest: parts.slice(1), repeats };
    }
  }
  return byValue;
}

/** Fills `frame` with one word if it can; pushes the rest of an option begun by it. */
function take(stack: Frame[], frame: Frame, word: string): boolean {
  const { parts } = frame;
  let next = frame.at;
  while (next < parts.length && (parts[next] as string).startsWith('[')) next++;
  // An option of the run before the next required argument, named by its keyword (in any order, once each).
  const open = (byValue: boolean) => {
    for (let i = frame.at; i < next; i++) {
      if (frame.used.has(i)) continue;
      const found = opens(parts[i] as string, word);
      if (found === undefined || (found.how === 'value') !== byValue) continue;
      if (!found.repeats) frame.used.add(i);
      if (found.rest.length > 0) stack.push({ parts: found.rest, at: 0, used: new Set() });
      return true;
    }
    return false;
  };
  if (open(false)) return true;
  const required = parts[next];
  const filled = required === undefined ? undefined : opens(required, word);
  if (filled !== undefined) {
    frame.at = next + 1;
    frame.used = new Set();
    if (filled.rest.length > 0) stack.push({ parts: filled.rest, at: 0, used: new Set() });
    return true;
  }
  // Nothing required is left here: an optional value (LPOP key [count]).
  return required === undefined && open(true);
}

/** What the syntax still offers after `words`: the rest of an option begun, then the options not yet taken, then the rest. Pure. */
export function remainingSyntax(syntax: string, words: readonly string[]): string {
  const stack: Frame[] = [{ parts: syntaxParts(syntax), at: 0, used: new Set() }];
  for (const word of words) {
    // A word no frame takes (a mistake, or past the end) is passed over, as the server will say.
    const open = stack.length;
    for (let depth = open - 1; depth >= 0; depth--) {
      if (take(stack, stack[depth] as Frame, word)) {
        // The frames inside the one that took it are complete or abandoned; any it just pushed stay.
        stack.splice(depth + 1, open - depth - 1);
        break;
      }
    }
  }
  return stack
    .reverse()
    .flatMap((f) => f.parts.filter((_, i) => i >= f.at && !f.used.has(i)))
    .join(' ');
}

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The differential corpus: every `*.txt` file in test/builtin/corpus/ (one per area, each owned by
 * whoever wrote it). Format, line by line:
 *
 *   # a comment                 (also blank lines)
 *   === a title                 starts a new sequence; every sequence starts on empty databases
 *   SET k "a b" 'c' "\x00\n"    a command on connection "a": redis-cli quoting ("..." knows \" \\ \n
 *                               \r \t \xHH; '...' is literal), other text is UTF-8
 *   @b SUBSCRIBE ch             the same on connection "b" (any name; opened on first use)
 *   @b& BLPOP q 0               sent without waiting: its reply is collected at b's next command
 *                               or at the end of the sequence
 *   !sleep 150                  waits 150 ms (for expiry)
 */
export type Step =
  | { kind: 'command'; conn: string; args: Buffer[]; text: string; wait: boolean }
  | { kind: 'sleep'; ms: number; text: string };

export interface Sequence {
  title: string;
  file: string;
  line: number;
  steps: Step[];
}

export function loadCorpus(dir: string): Sequence[] {
  const sequences: Sequence[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    sequences.push(...parseCorpus(readFileSync(path.join(dir, file), 'utf8'), file));
  }
  return sequences;
}

export function parseCorpus(text: string, file: string): Sequence[] {
  const sequences: Sequence[] = [];
  let current: Sequence | undefined;
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const where = `${file}:${i + 1}`;
    if (line.startsWith('===')) {
      current = { title: line.slice(3).trim(), file, line: i + 1, steps: [] };
      sequences.push(current);
      return;
    }
    if (current === undefined) throw new Error(`${where}: a command before the first "=== title" line`);
    if (line.startsWith('!sleep ')) {
      current.steps.push({ kind: 'sleep', ms: Number(line.slice(7)), text: line });
      return;
    }
    let conn = 'a';
    let wait = true;
    let rest = line;
    const prefix = /^@(\w+)(&?)\s+/.exec(line);
    if (prefix) {
      conn = prefix[1]!;
      wait = prefix[2] !== '&';
      rest = line.slice(prefix[0].length);
    }
    const args = tokenize(rest, where);
    if (args.length === 0) throw new Error(`${where}: no command`);
    current.steps.push({ kind: 'command', conn, args, text: line, wait });
  });
  return sequences;
}

/** redis-cli style words: "double quoted" with escapes, 'single quoted', or bare. */
export function tokenize(line: string, where = 'input'): Buffer[] {
  const out: Buffer[] = [];
  let i = 0;
  while (i < line.length) {
    while (line[i] === ' ' || line[i] === '\t') i++;
    if (i >= line.length) break;
    const bytes: number[] = [];
    const quote = line[i];
    if (quote === '"' || quote === "'") {
      i++;
      for (;;) {
        if (i >= line.length) throw new Error(`${where}: unbalanced ${quote}`);
        const c = line[i]!;
        if (c === quote) {
          i++;
          break;
        }
        if (quote === '"' && c === '\\') {
          const e = line[i + 1];
          if (e === 'x') {
            bytes.push(parseInt(line.slice(i + 2, i + 4), 16));
            i += 4;
            continue;
          }
          const map: Record<string, number> = { n: 10, r: 13, t: 9, '"': 34, '\\': 92, a: 7, b: 8 };
          bytes.push(map[e ?? ''] ?? e!.charCodeAt(0));
          i += 2;
          continue;
        }
        bytes.push(...Buffer.from(c, 'utf8'));
        i++;
      }
    } else {
      while (i < line.length && line[i] !== ' ' && line[i] !== '\t') {
        const cp = line.codePointAt(i)!;
        const ch = String.fromCodePoint(cp);
        bytes.push(...Buffer.from(ch, 'utf8'));
        i += ch.length;
      }
    }
    out.push(Buffer.from(bytes));
  }
  return out;
}

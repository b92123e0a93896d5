import { hasHangul, keysOf } from './korean-keys.js';

/** What a line typed at a `try` prompt means: one of the tutor's words, or a Redis command. */
export type TryInput =
  | { kind: 'empty' }
  | { kind: 'hint' }
  | { kind: 'solution' }
  | { kind: 'skip' }
  | { kind: 'retry' }
  | { kind: 'back' }
  | { kind: 'quit' }
  | { kind: 'show'; key?: string }
  | { kind: 'help'; topic?: string }
  | { kind: 'command'; line: string; layout?: { typed: string; keys: string } };

/** Besides what it means, a word typed in the Korean layout (`ㅗㅑㅜㅅ`) says so, to be told to the learner. */
export type Layout = { layout?: { typed: string; keys: string } };

const WORDS = ['hint', 'solution', 'skip', 'retry', 'back', 'quit', 'exit'] as const;

/** The tutor's words in Korean (docs/glossary.ko.md): typed as they are, they mean what the English ones do. */
const KOREAN: Record<string, string> = { 힌트: 'hint', 정답: 'solution', 건너뛰기: 'skip', 다시: 'retry', 뒤로: 'back', 종료: 'quit', 보기: 'show', 도움말: 'help' };

/**
 * Pure. The tutor's words are recognised only alone on the line (`show` and `help` take one argument),
 * in any case; so `hint` is a tutor word but `GET hint` is a Redis command. Redis has no HINT, SKIP,
 * RETRY, BACK, SOLUTION or SHOW command, and `help` with a command name is what redis-cli's help does too.
 * QUIT is a Redis command as well, but at a lesson prompt it means leaving the lesson. The Korean words
 * (힌트, 정답, 건너뛰기, 다시, 뒤로, 종료, 보기, 도움말) mean the same, and so does a word typed with the Korean
 * keyboard layout left on (`ㅗㅑㅜㅅ` is hint), which carries `layout` so the learner can be told.
 */
export function classifyInput(line: string): TryInput & Layout {
  const trimmed = line.trim();
  if (trimmed === '') return { kind: 'empty' };
  const words = trimmed.split(/\s+/);
  const first = words[0]!;
  const meant = tutorWord(KOREAN[first] ?? first.toLowerCase(), words);
  if (meant !== undefined) return meant;
  // The Korean layout left on: `ㅗㅑㅜㅅ` is hint; `ㄴㄷㅅ` may be SET (the runner asks Redis's command list).
  const keys = hasHangul(first) ? keysOf(first) : undefined;
  if (keys !== undefined && /^[a-z]+$/i.test(keys)) {
    const layout = { typed: first, keys: keys.toLowerCase() };
    const typed = tutorWord(layout.keys, words);
    return typed === undefined ? { kind: 'command', line: trimmed, layout } : { ...typed, layout };
  }
  return { kind: 'command', line: trimmed };
}

/** One of the tutor's words, alone on the line (`show` and `help` with one argument); else undefined. */
function tutorWord(first: string, words: string[]): TryInput | undefined {
  if (words.length === 1 && (WORDS as readonly string[]).includes(first)) {
    return { kind: first === 'exit' ? 'quit' : (first as 'hint' | 'solution' | 'skip' | 'retry' | 'back' | 'quit') };
  }
  if (first === 'show' && words.length <= 2) return words[1] === undefined ? { kind: 'show' } : { kind: 'show', key: unquote(words[1]) };
  if (first === 'help' && words.length <= 2) return words[1] === undefined ? { kind: 'help' } : { kind: 'help', topic: words[1] };
  return undefined;
}

function unquote(word: string): string {
  return /^(["']).*\1$/.test(word) && word.length >= 2 ? word.slice(1, -1) : word;
}

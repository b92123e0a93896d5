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
  | { kind: 'command'; line: string };

const WORDS = ['hint', 'solution', 'skip', 'retry', 'back', 'quit', 'exit'] as const;

/**
 * Pure. The tutor's words are recognised only alone on the line (`show` and `help` take one argument),
 * in any case; so `hint` is a tutor word but `GET hint` is a Redis command. Redis has no HINT, SKIP,
 * RETRY, BACK, SOLUTION or SHOW command, and `help` with a command name is what redis-cli's help does too.
 * QUIT is a Redis command as well, but at a lesson prompt it means leaving the lesson.
 */
export function classifyInput(line: string): TryInput {
  const trimmed = line.trim();
  if (trimmed === '') return { kind: 'empty' };
  const words = trimmed.split(/\s+/);
  const first = words[0]!.toLowerCase();
  if (words.length === 1 && (WORDS as readonly string[]).includes(first)) {
    return { kind: first === 'exit' ? 'quit' : (first as 'hint' | 'solution' | 'skip' | 'retry' | 'back' | 'quit') };
  }
  if (first === 'show' && words.length <= 2) return words[1] === undefined ? { kind: 'show' } : { kind: 'show', key: unquote(words[1]) };
  if (first === 'help' && words.length <= 2) return words[1] === undefined ? { kind: 'help' } : { kind: 'help', topic: words[1] };
  return { kind: 'command', line: trimmed };
}

function unquote(word: string): string {
  return /^(["']).*\1$/.test(word) && word.length >= 2 ? word.slice(1, -1) : word;
}

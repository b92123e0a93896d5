import type { Text } from './schema.js';

/** The text in the learner's language, English when there is no translation. */
export function localize(text: Text, lang: string): string {
  if (typeof text === 'string') return text;
  return text[lang] ?? text.en;
}

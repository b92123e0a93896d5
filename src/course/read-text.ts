import { formatMsg as f } from './format-messages.js';
import { join, type Reader } from './problems.js';
import type { Text } from './schema.js';

/** A language code: `ko`, `en`, `pt-BR`. */
const LANG = /^[a-z]{2}(-[A-Z]{2})?$/;

/** Learner-facing text: a non-empty string (English), or a map of languages holding at least `en`. */
export function readText(r: Reader, value: unknown, path: string): Text {
  if (typeof value === 'string' && value.trim() !== '') return value;
  const expected = f.textOrLanguages();
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    r.problem(path, expected, value);
    return '';
  }
  const map = value as Record<string, unknown>;
  if (typeof map.en !== 'string' || map.en.trim() === '') r.problem(join(path, 'en'), f.english(), map.en);
  for (const [lang, text] of Object.entries(map)) {
    if (!LANG.test(lang)) r.problemSaid(join(path, lang), f.language(), f.quotedName(lang));
    else if (typeof text !== 'string') r.problem(join(path, lang), f.text(), text);
  }
  return map as Text;
}


import { formatMsg } from './format-messages.js';
import type { Problem } from './problems.js';
import { validateLesson, type Validated } from './validate.js';
import { LESSON_YAML, yaml } from './yaml.js';

/** Pure: the text of one lesson file → a lesson, or every problem found in it (YAML syntax first). */
export function parseLesson(source: string, file: string): Validated {
  const doc = yaml().parseDocument(source, LESSON_YAML);
  if (doc.errors.length > 0) {
    const problems: Problem[] = doc.errors.map((e) => ({
      file,
      path: e.linePos ? `line ${e.linePos[0].line}, column ${e.linePos[0].col}` : '(YAML)',
      expected: formatMsg.yaml(),
      found: e.message.split('\n')[0] ?? e.message,
    }));
    return { ok: false, problems };
  }
  return validateLesson(doc.toJS(), file);
}

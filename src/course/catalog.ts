import { readFileSync } from 'node:fs';
import { UserError } from '../errors.js';
import { findLesson } from './find.js';
import { courseProblems, formatProblems, lessonFiles, loadCourse } from './load.js';
import type { Problem } from './problems.js';
import { lessonHere } from './guards.js';
import { dataRow, glance, type LessonRow } from './heads.js';
import { courseMsg } from './messages.js';
import { lessonKey, preparedData, readLesson } from './prepared.js';
import type { Lesson } from './schema.js';

/**
 * One lesson file as a glance finds it: its id and order read off its top-level lines, without parsing the
 * YAML (start-up reads every file's but parses only the lesson it runs). Undefined where a glance cannot
 * tell (a quoted value with escapes, a flow map, a duplicate key): the full parse then decides.
 */
export interface CatalogEntry {
  path: string;
  /** The name problems are told under. */
  file: string;
  /** The file's bytes: what its prepared data is found by, with no UTF-8 decoding (start-up reads every file). */
  bytes: Buffer;
  /** Its text, decoded when first asked for. */
  readonly text: string;
  /** What its prepared data is found by (prepared.ts, lessonKey), found when first asked for. */
  readonly key: string;
  id: string | undefined;
  order: number | undefined;
}

/** Pure: the plain value of a top-level `key: value` line, when the file has exactly one and it is simple. */
export function topLevelScalar(text: string, key: string): string | undefined {
  const lines = [...text.matchAll(new RegExp(`^${key}:[ \\t]*(.*?)[ \\t]*$`, 'gm'))];
  if (lines.length !== 1) return undefined;
  const raw = lines[0]![1]!.replace(/\s+#.*$/, '');
  const quoted = /^"([^"\\]*)"$/.exec(raw) ?? /^'([^']*)'$/.exec(raw);
  if (quoted) return quoted[1];
  return /^[\w.-]+$/.test(raw) ? raw : undefined;
}

export function readCatalog(dir: string): CatalogEntry[] {
  return lessonFiles(dir).map(({ path, file }) => {
    const bytes = readFileSync(path);
    // The glance reads ASCII keys and plain values: one byte a character does (a value that is not ASCII is
    // then no plain value, or is misread and the full parse, which reads the text, finds it out).
    const ascii = bytes.toString('latin1');
    const order = topLevelScalar(ascii, 'order');
    let text: string | undefined;
    let key: string | undefined;
    return {
      path,
      file,
      bytes,
      get text() {
        return (text ??= bytes.toString('utf8'));
      },
      get key() {
        return (key ??= lessonKey(bytes, file));
      },
      id: topLevelScalar(ascii, 'id'),
      order: order !== undefined && /^\d+$/.test(order) ? Number(order) : undefined,
    };
  });
}

/** A lesson to run and the one after it in the course (its summary names it: only its head is read). */
export interface NamedLesson {
  lesson: Lesson;
  next: Pick<Lesson, 'id' | 'order' | 'title'> | undefined;
}

/**
 * The lesson a learner named (by id or number), read and checked alone, with the next one. Where a glance
 * at the files cannot settle it (no such name, an id it cannot read, two lessons with one id or order),
 * the whole course is read as before: that names every problem, or offers the lessons there are.
 */
export function lessonNamed(dir: string, name: string, lang: string): NamedLesson {
  const whole = (): NamedLesson => {
    const course = loadCourse(dir);
    const lesson = findLesson(course, name, lang);
    return { lesson, next: course[course.indexOf(lesson) + 1] };
  };
  const entries = readCatalog(dir);
  const known = entries.filter((e): e is CatalogEntry & { id: string; order: number } => e.id !== undefined && e.order !== undefined);
  if (known.length !== entries.length || courseProblems(known).length > 0) return whole();
  const wanted = name.trim();
  const chosen = known.find((e) => e.id === wanted.toLowerCase()) ?? (/^\d+$/.test(wanted) ? known.find((e) => e.order === Number(wanted)) : undefined);
  if (chosen === undefined) return whole();
  const after = known.filter((e) => e.order > chosen.order).sort((a, b) => a.order - b.order)[0];
  const lesson = parsed(chosen);
  const next = after === undefined ? undefined : (row(after, process.platform) ?? parsed(after));
  // A glance that misread a file (the parse found another id or order) leaves it to the whole course.
  return misread(chosen, lesson) || (after !== undefined && misread(after, next!)) ? whole() : { lesson, next };
}

const misread = (entry: CatalogEntry, lesson: Pick<Lesson, 'id' | 'order'>) => lesson.id !== entry.id || lesson.order !== entry.order;

function parsed(entry: CatalogEntry): Lesson {
  const result = readLesson(entry.text, entry.file, entry.key);
  if (!result.ok) throw new UserError(formatProblems(result.problems));
  return result.lesson;
}

/** A lesson's row read cheaply (from its prepared data, else by a glance), or undefined when only a full read can tell. */
function row(entry: CatalogEntry, platform: string): LessonRow | undefined {
  const data = preparedData(entry.key, 'head');
  return data === undefined ? glance(entry.text, entry.file, platform) : dataRow(data, entry.file, platform);
}

/**
 * Every lesson's row in course order, read cheaply: the file without its `steps:` section is parsed and
 * its head checked, the steps are counted (a step's own YAML is parsed only when it has a `when:`). A file
 * that does not read cleanly that way is parsed whole, so its problems are told as a run of it would tell
 * them; the command refuses, listing them, as before.
 */
export function lessonRows(dir: string, platform: string): LessonRow[] {
  const rows: LessonRow[] = [];
  const problems: Problem[] = [];
  for (const entry of readCatalog(dir)) {
    const cheap = row(entry, platform);
    if (cheap !== undefined) {
      rows.push(cheap);
      continue;
    }
    const result = readLesson(entry.text, entry.file, entry.key);
    if (!result.ok) problems.push(...result.problems);
    else rows.push({ ...result.lesson, steps: lessonHere(result.lesson, { platform }).steps.length });
  }
  problems.push(...courseProblems(rows));
  if (problems.length > 0) throw new UserError(formatProblems(problems));
  if (rows.length === 0) throw new UserError(courseMsg.emptyCourse(dir));
  return rows.sort((a, b) => a.order - b.order);
}

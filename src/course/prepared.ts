import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parseLesson } from './parse.js';
import { validateLesson, type Validated } from './validate.js';
import { LESSON_YAML, yaml } from './yaml.js';

/**
 * Prepared lesson data: what the YAML of each shipped lesson file parses to, written at build time
 * (src/build/prepare-lessons.ts) as one JSON file per lesson text, named by the text's SHA-1. Reading JSON
 * is far faster than loading the YAML library and parsing, and start-up is mostly that. The data is keyed
 * by the text alone, so an edited file or a learner's own folder simply finds none and is parsed as
 * before; validation still runs on every read, so the lesson, or its problems, are the same either way.
 */
export const PREPARED_DIR = new URL('../lesson-data/', import.meta.url);

/** The key of a lesson's text, or of its file's bytes (the same for a UTF-8 file: SHA-1 of its UTF-8). */
export const textKey = (text: string | Buffer): string => createHash('sha1').update(text).digest('hex');

/** Pure: the data a lesson text's YAML holds, or undefined when it has errors or JSON cannot carry it whole. */
export function preparedFrom(text: string): unknown {
  const doc = yaml().parseDocument(text, LESSON_YAML);
  if (doc.errors.length > 0) return undefined;
  const data: unknown = doc.toJS();
  return isDeepStrictEqual(JSON.parse(JSON.stringify(data) ?? 'null'), data) ? data : undefined;
}

/**
 * Pure: the part of a lesson's data that its row in `list` is read from (heads.ts, dataRow): its top-level
 * fields, and of each step only its guard. A twentieth of the whole, so `list` reads that instead.
 */
export function headOf(data: unknown): unknown {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return data;
  const { steps } = data as { steps?: unknown };
  if (!Array.isArray(steps)) return data;
  return { ...data, steps: steps.map((s: unknown) => (s !== null && typeof s === 'object' && 'when' in s ? { when: s.when } : null)) };
}

/** A prepared file's name: `<sha1>.json` holds the whole data, `<sha1>.head.json` its head (headOf). */
export const preparedName = (key: string, part: 'whole' | 'head'): string => `${key}${part === 'head' ? '.head' : ''}.json`;

/** The prepared data of the text with this key (or its head), or undefined when there is none (any other text, a build without it). */
export function preparedData(key: string, part: 'whole' | 'head' = 'whole'): unknown {
  try {
    return JSON.parse(readFileSync(new URL(preparedName(key, part), PREPARED_DIR), 'utf8'));
  } catch {
    return undefined;
  }
}

/** The build's list of the shipped lessons: file name (without folder) → the key of its text. */
export const INDEX_FILE = 'index.json';
/** The shipped text of a key, beside its data: `<key>.yaml`. */
export const shippedCopy = (key: string): string => `${key}.yaml`;

let index: Record<string, string> | undefined;

/**
 * A lesson file's key, found without hashing when it is a shipped lesson as shipped: the build's index names
 * its key, and its bytes equal the copy kept beside the data (a byte comparison, where a SHA-1 would load
 * Node's crypto at every start). Any other file is hashed.
 */
export function lessonKey(bytes: Buffer, file: string): string {
  try {
    index ??= JSON.parse(readFileSync(new URL(INDEX_FILE, PREPARED_DIR), 'utf8')) as Record<string, string>;
    const key = index[basename(file)];
    if (key !== undefined && readFileSync(new URL(shippedCopy(key), PREPARED_DIR)).equals(bytes)) return key;
  } catch {
    index ??= {};
  }
  return textKey(bytes);
}

/** A lesson file's text → the lesson or its problems: from its prepared data where there is some. */
export function readLesson(text: string, file: string, key = textKey(text)): Validated {
  const data = preparedData(key, 'whole');
  return data === undefined ? parseLesson(text, file) : validateLesson(data, file);
}

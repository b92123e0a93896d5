import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';
import { readCourse } from '../../src/course/load.js';
import { hasTranslation, lessonTexts } from '../../src/course/texts.js';
import { messageTables } from '../../src/ui/i18n.js';

/**
 * The Korean edition stays complete: every text a learner reads, in every lesson file and every message
 * table, has its Korean. A new lesson, step or message without it fails here, named by file and path.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));

it('every learner-facing text of every shipped lesson has its Korean', () => {
  const course = readCourse(path.join(root, 'lessons'));
  expect(course.problems).toEqual([]);
  const missing = course.lessons.flatMap((lesson) => lessonTexts(lesson).filter((t) => !hasTranslation(t.text, 'ko')).map((t) => `${path.basename(lesson.file)}: ${t.path}`));
  expect(missing).toEqual([]);
});

/** Message tables only lesson authors read (`lessons check`'s validation of a lesson file): English only. */
const AUTHORS_ONLY = ['src/course/format-messages.ts'];

/** Every file under src/ that defines a message table (`translatable(...)`). */
function tableFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return tableFiles(file);
    return /messages\.ts$/.test(name) ? [file] : [];
  });
}

it('every message table a learner reads has every entry in Korean', async () => {
  const files = tableFiles(path.join(root, 'src'));
  // Each table is the export whose entries are those of a registered `en`: named by file and export.
  const named = new Map<(typeof messageTables)[number], string>();
  for (const file of files) {
    const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (value === null || typeof value !== 'object') continue;
      const keys = Object.keys(value).join();
      const table = messageTables.find((t) => Object.keys(t.en).join() === keys);
      if (table) named.set(table, `${path.relative(root, file)} (${name})`);
    }
  }
  expect(named.size).toBeGreaterThanOrEqual(8);
  expect([...named.values()].some((n) => n.startsWith(AUTHORS_ONLY[0]!))).toBe(true);
  const missing: string[] = [];
  for (const [table, where] of named) {
    if (AUTHORS_ONLY.some((f) => where.startsWith(f))) continue;
    const ko = (table.translations.ko ?? {}) as Record<string, unknown>;
    for (const key of Object.keys(table.en)) if (typeof ko[key] !== 'function') missing.push(`${where}: ${key}`);
  }
  expect(missing).toEqual([]);
});

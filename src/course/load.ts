import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../errors.js';
import { formatMsg as f } from './format-messages.js';
import { courseMsg } from './messages.js';
import { parseLesson } from './parse.js';
import type { Problem } from './problems.js';
import type { Lesson } from './schema.js';

/** The lessons shipped with the tutor. */
export const BUILTIN_LESSONS = fileURLToPath(new URL('../../lessons', import.meta.url));

export interface Course {
  dir: string;
  lessons: Lesson[];
  problems: Problem[];
}

/** Reads every `*.yaml` in `dir`: the valid lessons in course order, and every problem of the others. */
export function readCourse(dir: string): Course {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort();
  } catch (err) {
    throw new UserError(courseMsg.noLessonDir(dir), { cause: err });
  }
  const lessons: Lesson[] = [];
  const problems: Problem[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    const result = parseLesson(readFileSync(file, 'utf8'), path.relative(process.cwd(), file) || file);
    if (result.ok) lessons.push(result.lesson);
    else problems.push(...result.problems);
  }
  problems.push(...courseProblems(lessons));
  lessons.sort((a, b) => a.order - b.order);
  return { dir, lessons, problems };
}

/** What no single file can show: two lessons with one id or one order. */
export function courseProblems(lessons: Lesson[]): Problem[] {
  const problems: Problem[] = [];
  for (const field of ['id', 'order'] as const) {
    const seen = new Map<string | number, Lesson>();
    for (const lesson of lessons) {
      const other = seen.get(lesson[field]);
      if (other) problems.push({ file: lesson.file, path: field, expected: f.uniqueInCourse(field), found: f.alsoIn(String(lesson[field]), field, other.file) });
      else seen.set(lesson[field], lesson);
    }
  }
  return problems;
}

/** The course a command runs: refuses to start when any lesson file is broken, listing every problem. */
export function loadCourse(dir: string = BUILTIN_LESSONS): Lesson[] {
  const course = readCourse(dir);
  if (course.problems.length > 0) throw new UserError(formatProblems(course.problems));
  if (course.lessons.length === 0) throw new UserError(courseMsg.emptyCourse(dir));
  return course.lessons;
}

export function formatProblems(problems: Problem[]): string {
  return [courseMsg.problemsHeader(problems.length), ...problems.map((p) => courseMsg.problem(p.file, p.path, p.expected, p.found))].join('\n');
}

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../errors.js';
import { formatMsg as f } from './format-messages.js';
import { courseMsg } from './messages.js';
import { readLesson } from './prepared.js';
import type { Problem } from './problems.js';
import type { Lesson } from './schema.js';

/** The lessons shipped with the tutor. */
export const BUILTIN_LESSONS = fileURLToPath(new URL('../../lessons', import.meta.url));

export interface Course {
  dir: string;
  lessons: Lesson[];
  problems: Problem[];
}

/** The lesson files of a course folder, `*.yaml` in name order, each with the name problems are told under. */
export function lessonFiles(dir: string): { path: string; file: string }[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort();
  } catch (err) {
    throw new UserError(courseMsg.noLessonDir(dir), { cause: err });
  }
  return names.map((name) => {
    const full = path.join(dir, name);
    return { path: full, file: path.relative(process.cwd(), full) || full };
  });
}

/** Reads every `*.yaml` in `dir`: the valid lessons in course order, and every problem of the others. */
export function readCourse(dir: string): Course {
  const lessons: Lesson[] = [];
  const problems: Problem[] = [];
  for (const { path: full, file } of lessonFiles(dir)) {
    const result = readLesson(readFileSync(full, 'utf8'), file);
    if (result.ok) lessons.push(result.lesson);
    else problems.push(...result.problems);
  }
  problems.push(...courseProblems(lessons));
  lessons.sort((a, b) => a.order - b.order);
  return { dir, lessons, problems };
}

/** What no single file can show: two lessons with one id or one order. */
export function courseProblems(lessons: readonly Pick<Lesson, 'id' | 'order' | 'file'>[]): Problem[] {
  const problems: Problem[] = [];
  for (const field of ['id', 'order'] as const) {
    const seen = new Map<string | number, Pick<Lesson, 'file'>>();
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

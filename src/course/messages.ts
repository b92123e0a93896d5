import { translatable } from '../ui/i18n.js';
import { ko } from './messages.ko.js';

/** The tutor's own words about the course and its files (lesson text lives in the lesson files). */
const en = {
  noLessonDir: (dir: string) => `There is no lesson folder at ${dir}. Give a folder of lesson files with --lessons <dir>.`,
  emptyCourse: (dir: string) => `The folder ${dir} holds no lesson files (*.yaml).`,
  problemsHeader: (count: number) => `${count} problem${count === 1 ? '' : 's'} in the lesson files:`,
  problem: (file: string, path: string, expected: string, found: string) => `  ${file}: ${path || '(top)'}: expected ${expected}; found ${found}`,
  unknownLesson: (name: string, suggestion: string | undefined, list: string) =>
    `There is no lesson "${name}".${suggestion ? ` Did you mean "${suggestion}"?` : ''}\nThe lessons are:\n${list}`,
};

export type CourseMessages = typeof en;
export const courseMsg: CourseMessages = translatable(en, { ko });

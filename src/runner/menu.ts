import type { Lesson } from '../course/schema.js';
import { localize } from '../course/text.js';
import { lessonProgress, lessonStatus, resumeIndex, type Progress } from '../progress/model.js';
import { runnerMsg as m } from './messages.js';

export type MenuChoice = { name: string; value: string };
export const QUIT = '\0quit';

/**
 * Pure: the start menu. "Continue where you left off" comes first when a lesson is under way; then every
 * lesson with its status; then Quit. The default is the first lesson not done.
 */
export function menuChoices(lessons: Lesson[], progress: Progress, lang: string): { choices: MenuChoice[]; default: string } {
  const choices: MenuChoice[] = [];
  const last = lessons.find((l) => l.id === progress.last && lessonStatus(progress, l.id) === 'in progress');
  if (last) {
    const at = resumeIndex(progress, last.id, last.steps.map((s) => s.id));
    choices.push({ name: m.menuContinue(localize(last.title, lang), at + 1, last.steps.length), value: last.id });
  }
  for (const lesson of lessons) {
    choices.push({ name: m.menuLesson(lesson.order, localize(lesson.title, lang), m.statusWord(lessonStatus(progress, lesson.id))), value: lesson.id });
  }
  choices.push({ name: m.menuQuit(), value: QUIT });
  const firstOpen = lessons.find((l) => !lessonProgress(progress, l.id).finished);
  return { choices, default: last?.id ?? firstOpen?.id ?? QUIT };
}

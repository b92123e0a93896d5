import type { Lesson } from '../course/schema.js';
import { localize } from '../course/text.js';
import { lessonProgress, lessonStatus, resumeIndex, type Progress } from '../progress/model.js';
import { runnerMsg as m } from './messages.js';

/** `disabled` (inquirer's select) greys a lesson out with the reason, e.g. one that needs a real server. */
export type MenuChoice = { name: string; value: string; disabled?: string };
export const QUIT = '\0quit';
/** The menu's last-but-one entry: the language the tutor speaks, which the learner may change. */
export const LANGUAGE = '\0language';

/**
 * Pure: the start menu. "Continue where you left off" comes first when a lesson is under way; then every
 * lesson with its status; then the language, and Quit. The default is the first lesson not done that can be played here.
 * `unavailable` names why a lesson cannot run on this connection (undefined when it can).
 */
export function menuChoices(
  lessons: Lesson[],
  progress: Progress,
  lang: string,
  unavailable: (lesson: Lesson) => string | undefined = () => undefined,
): { choices: MenuChoice[]; default: string } {
  const choices: MenuChoice[] = [];
  const last = lessons.find((l) => l.id === progress.last && lessonStatus(progress, l.id) === 'in progress');
  if (last) {
    const at = resumeIndex(progress, last.id, last.steps.map((s) => s.id));
    choices.push({ name: m.menuContinue(localize(last.title, lang), at + 1, last.steps.length), value: last.id });
  }
  for (const lesson of lessons) {
    const choice: MenuChoice = { name: m.menuLesson(lesson.order, localize(lesson.title, lang), m.statusWord(lessonStatus(progress, lesson.id))), value: lesson.id };
    const why = unavailable(lesson);
    if (why !== undefined) choice.disabled = why;
    choices.push(choice);
  }
  choices.push({ name: m.menuLanguage(), value: LANGUAGE });
  choices.push({ name: m.menuQuit(), value: QUIT });
  const firstOpen = lessons.find((l) => !lessonProgress(progress, l.id).finished && unavailable(l) === undefined);
  return { choices, default: last?.id ?? firstOpen?.id ?? QUIT };
}

import type { Lesson } from '../course/schema.js';
import { localize } from '../course/text.js';
import { lessonProgress, lessonStatus, resumeIndex, type Progress } from '../progress/model.js';
import { runnerMsg as m } from './messages.js';
import { cutToWidth } from '../ui/tables.js';
import { displayWidth } from '../ui/width.js';

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
  width = Infinity,
): { choices: MenuChoice[]; default: string } {
  const choices: MenuChoice[] = [];
  // One line per choice on a narrow terminal: the title is cut with "…", what surrounds it (the step, the
  // status) stays. Four columns go to inquirer's pointer and a margin.
  const fit = (line: (title: string) => string, title: string) => line(cutToWidth(title, Math.max(10, width - 4 - displayWidth(line('')))));
  const last = lessons.find((l) => l.id === progress.last && lessonStatus(progress, l.id) === 'in progress');
  if (last) {
    const at = resumeIndex(progress, last.id, last.steps.map((s) => s.id));
    choices.push({ name: fit((t) => m.menuContinue(t, at + 1, last.steps.length), localize(last.title, lang)), value: last.id });
  }
  for (const lesson of lessons) {
    const status = m.statusWord(lessonStatus(progress, lesson.id));
    const choice: MenuChoice = { name: fit((t) => m.menuLesson(lesson.order, t, status), localize(lesson.title, lang)), value: lesson.id };
    const why = unavailable(lesson);
    if (why !== undefined) choice.disabled = why;
    choices.push(choice);
  }
  choices.push({ name: m.menuLanguage(), value: LANGUAGE });
  choices.push({ name: m.menuQuit(), value: QUIT });
  const firstOpen = lessons.find((l) => !lessonProgress(progress, l.id).finished && unavailable(l) === undefined);
  return { choices, default: last?.id ?? firstOpen?.id ?? QUIT };
}

import { findLesson } from '../course/find.js';
import { localize } from '../course/text.js';
import { UserError } from '../errors.js';
import { resetAll, resetLesson } from '../progress/model.js';
import { runnerMsg as m } from '../runner/messages.js';
import { currentLanguage } from '../ui/i18n.js';
import { courseLessons, out, progressSink, type CourseOptions } from './lesson-env.js';

/** `redis-tutor reset [lesson]`: asks, then forgets the progress of one lesson or of all. */
export async function reset(name: string | undefined, opts: CourseOptions & { yes?: boolean }, env: NodeJS.ProcessEnv): Promise<number> {
  const lang = currentLanguage();
  const lesson = name === undefined ? undefined : findLesson(courseLessons(opts), name, lang);
  const what = lesson ? m.resetWhatOne(localize(lesson.title, lang)) : m.resetWhatAll();
  if (!opts.yes) {
    if (!process.stdin.isTTY) throw new UserError(m.resetNeedsYes());
    const { confirm } = await import('@inquirer/prompts');
    const { guard } = await import('../runner/interactive.js');
    if (!(await guard(confirm({ message: m.resetConfirm(what), default: false })))) {
      out(m.resetKept());
      return 0;
    }
  }
  const sink = progressSink(env);
  sink.set(lesson ? resetLesson(sink.get(), lesson.id) : resetAll(sink.get()));
  out(m.resetDone(what));
  return 0;
}

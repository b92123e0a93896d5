import confirm from '@inquirer/confirm';
import select from '@inquirer/select';
import type { Lesson } from '../course/schema.js';
import { localize } from '../course/text.js';
import { UserError } from '../errors.js';
import { guard, terminalPlayer } from '../runner/interactive.js';
import { LANGUAGE, menuChoices, QUIT } from '../runner/menu.js';
import { runnerMsg as m } from '../runner/messages.js';
import { reflow, renderInline } from '../ui/prose.js';
import { runLesson } from '../runner/session.js';
import { currentLanguage, LANGUAGES, setLanguage, type Language } from '../ui/i18n.js';
import { theme } from '../ui/theme.js';
import { keysHelpTip } from '../ui/prompt-theme.js';
import { needsCluster, openClusterPlayground } from './cluster-playground.js';
import { blockingNeeds, courseLessons, lessonOn, menuReason, needsOwnServer, openOwnPlayground, openPlayground, out, progressSink, proseWidth, stepContext, unmetNeedMessage, versionWarning, type CourseOptions } from './lesson-env.js';

/** `redis-tutor start`: a welcome the first time, then the lesson menu, lesson after lesson. */
export async function start(opts: CourseOptions, env: NodeJS.ProcessEnv): Promise<number> {
  if (!process.stdin.isTTY) throw new UserError(m.noTerminal('start'));
  let lang = currentLanguage();
  const sink = progressSink(env);
  const playground = await openPlayground(opts, env);
  try {
    const authored = courseLessons(opts);
    const lessons = authored.map((l) => lessonOn(l, playground.connection));
    const { connection, abilities } = playground;
    if (!sink.get().welcomed) {
      out(`\n${renderInline(reflow(m.welcome(), proseWidth()))}\n`);
      sink.set({ ...sink.get(), welcomed: true });
    }
    /** Plays a lesson, on a server of its own when it restarts its server and this one is not the tutor's. */
    const playHere = async (lesson: Lesson, next: Lesson | undefined) => {
      const options = { progress: sink, ...(next ? { next } : {}) };
      const cluster = needsCluster(lesson);
      if (!cluster && !needsOwnServer(lesson, connection)) return runLesson(stepContext(playground.redis, terminalPlayer(), env, opts), lesson, options);
      // A cluster lesson runs on nodes the tutor starts for it, never on this connection.
      const own = cluster ? await openClusterPlayground(lesson, env) : await openOwnPlayground(lesson, env);
      try {
        const here = lessonOn(authored[lessons.indexOf(lesson)]!, own.connection);
        return await runLesson(stepContext(own.redis, terminalPlayer(), env, opts), here, options);
      } finally {
        await own.close();
      }
    };
    for (;;) {
      const menu = menuChoices(lessons, sink.get(), lang, (lesson) => menuReason(lesson, connection, abilities), process.stdout.columns || Infinity);
      const picked = await guard(select({ message: m.menuMessage(), choices: menu.choices, default: menu.default, pageSize: menuPageSize(menu.choices.length, process.stdout.rows), theme: { style: { keysHelpTip } } }));
      if (picked === QUIT) return 0;
      if (picked === LANGUAGE) {
        await chooseMenuLanguage(sink);
        lang = currentLanguage();
        continue;
      }
      let lesson: Lesson | undefined = lessons.find((l) => l.id === picked);
      while (lesson) {
        const unmet = blockingNeeds(lesson, connection, abilities)[0];
        if (unmet !== undefined) {
          out(theme.warn(unmetNeedMessage(lesson, unmet)));
          break;
        }
        const old = versionWarning(lesson, connection);
        if (old) out(theme.warn(old));
        const next: Lesson | undefined = lessons[lessons.indexOf(lesson) + 1];
        const result = await playHere(lesson, next);
        if (!result.finished) return 0;
        if (!next) return 0;
        lesson = (await guard(confirm({ message: m.goOn(localize(next.title, lang)), default: true }))) ? next : undefined;
      }
    }
  } finally {
    await playground.close();
  }
}

/**
 * Every choice on one screen when the terminal is tall enough (the question above and the keys' help
 * below take a few rows), else as many as fit, at least 7.
 */
export function menuPageSize(choices: number, rows: number | undefined): number {
  return Math.max(7, Math.min(choices, (rows || 24) - 5));
}

/** Each language named in itself, as a learner looks for it. */
const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', ko: '한국어 (Korean)' };

/** The learner picks the tutor's language; it is kept with the progress, so the next run speaks it too. */
async function chooseMenuLanguage(sink: ReturnType<typeof progressSink>): Promise<void> {
  const choices = LANGUAGES.map((value) => ({ name: LANGUAGE_NAMES[value], value }));
  const picked = await guard(select({ message: m.languageQuestion(), choices, default: currentLanguage(), theme: { style: { keysHelpTip } } }));
  setLanguage(picked);
  sink.set({ ...sink.get(), language: picked });
}

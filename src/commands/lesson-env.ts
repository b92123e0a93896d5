import { BUILTIN_LESSONS, loadCourse } from '../course/load.js';
import type { Lesson } from '../course/schema.js';
import { versionAtLeast } from '../connection/client.js';
import { connectionRequest, type GlobalOptions } from '../connection/options.js';
import { resolveConnection, type Connection } from '../connection/resolve.js';
import { progressMsg } from '../progress/messages.js';
import { progressFile } from '../progress/paths.js';
import { loadProgress, saveProgress } from '../progress/store.js';
import type { StepContext } from '../runner/context.js';
import { lessonExtras } from '../runner/extras.js';
import type { Player } from '../runner/player.js';
import { openLessonRedis, type LessonRedis } from '../runner/redis.js';
import { runnerMsg } from '../runner/messages.js';
import type { ProgressSink } from '../runner/session.js';
import { languageFrom } from '../ui/i18n.js';
import { theme } from '../ui/theme.js';

/** Options every course command takes besides the global ones. */
export interface CourseOptions extends GlobalOptions {
  /** A folder of lesson files to use instead of the course shipped with the tutor (lesson authors, tests). */
  lessons?: string;
}

export const out = (text: string) => process.stdout.write(`${text}\n`);

export function courseLessons(opts: CourseOptions): Lesson[] {
  return loadCourse(opts.lessons ?? BUILTIN_LESSONS);
}

/** The progress file as a sink: every change is saved at once; a failed save is told once, never fatal. */
export function progressSink(env: NodeJS.ProcessEnv): ProgressSink {
  const file = progressFile(env);
  const loaded = loadProgress(file);
  if (loaded.notice) out(theme.warn(loaded.notice));
  let progress = loaded.progress;
  let warned = false;
  return {
    get: () => progress,
    set(next) {
      progress = next;
      try {
        saveProgress(file, progress);
      } catch (err) {
        if (!warned) out(theme.warn(progressMsg.unwritable(file, (err as Error).message)));
        warned = true;
      }
    },
  };
}

/** A live playground for lessons: the connection (header shown) and the lesson's view of it. */
export async function openPlayground(opts: CourseOptions, env: NodeJS.ProcessEnv): Promise<{ connection: Connection; redis: LessonRedis; close(): Promise<void> }> {
  // The course's lines name the keys a playground that lost its marker may hold (asked for only then).
  const courseCommands = async () => (await import('../connection/course-keys.js')).courseCommands(courseLessons(opts));
  const connection = await resolveConnection(connectionRequest(opts, env), { playground: true, env, courseCommands });
  try {
    out(theme.header(connection.header));
    for (const warning of connection.warnings) out(theme.warn(warning));
    const redis = await openLessonRedis(connection);
    return {
      connection,
      redis,
      close: async () => {
        redis.close();
        await connection.close();
      },
    };
  } catch (err) {
    await connection.close();
    throw err;
  }
}

export function stepContext(redis: LessonRedis, player: Player, env: NodeJS.ProcessEnv): StepContext {
  const width = Math.min(process.stdout.columns || 100, 100) - 1;
  return { redis, player, extras: lessonExtras(redis), lang: languageFrom(env), out, used: new Set(), width };
}

/** Said before a lesson whose commands this server may not have. */
export function versionWarning(lesson: Lesson, connection: Connection): string | undefined {
  return versionAtLeast(connection.version, lesson.minRedis) ? undefined : runnerMsg.oldForLesson(lesson.id, lesson.minRedis, connection.version);
}

/** Needs a lesson declares that this connection cannot meet. */
export function unmetNeeds(lesson: Lesson, connection: Connection): string[] {
  const builtin = connection.kind === 'builtin';
  return lesson.needs.filter((need) => need === 'real-server' && builtin);
}

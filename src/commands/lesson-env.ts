import { BUILTIN_LESSONS, loadCourse } from '../course/load.js';
import type { Lesson, Need } from '../course/schema.js';
import { lessonHere } from '../course/guards.js';
import { describeWait, longestWait } from '../course/lines.js';
import { lessonLines } from '../course/step-lines.js';
import { UserError } from '../errors.js';
import { RespClient } from '../resp/client.js';
import { versionAtLeast } from '../connection/client.js';
import { connectionRequest, type GlobalOptions } from '../connection/options.js';
import { commandGaps, type CommandGaps } from '../connection/capabilities.js';
import { clusterUnavailable } from '../cluster/start.js';
import { serverMsg } from '../connection/messages.js';
import { MIN_VERSION, resolveConnection, type Connection } from '../connection/resolve.js';
import { progressMsg } from '../progress/messages.js';
import { progressFile } from '../progress/paths.js';
import { loadProgress, saveProgress, systemReason } from '../progress/store.js';
import type { StepContext } from '../runner/context.js';
import { lessonExtras } from '../runner/extras.js';
import type { Player } from '../runner/player.js';
import { openLessonRedis, REAL_WAIT_CAP_MS, type LessonRedis } from '../runner/redis.js';
import { runnerMsg } from '../runner/messages.js';
import type { ProgressSink } from '../runner/session.js';
import { currentLanguage } from '../ui/i18n.js';
import { theme } from '../ui/theme.js';
import { reflow } from '../ui/prose.js';
import path from 'node:path';
import { defaultWorkspace } from '../runner/code/workspace.js';
import { programUrl } from '../runner/code/url.js';

/** Options every course command takes besides the global ones. */
export interface CourseOptions extends GlobalOptions {
  /** A folder of lesson files to use instead of the course shipped with the tutor (lesson authors, tests). */
  lessons?: string;
  /** The folder code steps put the learner's files in (R17); default: `<config dir>/workspace/<lesson id>`. */
  workspace?: string;
}

import { out } from './out.js';
export { out };

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
  let saved = true;
  return {
    get: () => progress,
    get saved() {
      return saved;
    },
    set(next) {
      progress = next;
      try {
        saveProgress(file, progress);
        saved = true;
      } catch (err) {
        saved = false;
        if (!warned) out(theme.warn(progressMsg.unwritable(file, systemReason(err))));
        warned = true;
      }
    },
  };
}

/** A live playground for lessons: the connection (header shown) and the lesson's view of it. */
/** A live playground for lessons: the connection and the lesson's view of it. */
export interface Playground {
  connection: Connection;
  redis: LessonRedis;
  abilities: Abilities;
  close(): Promise<void>;
}

/** `lessons`: those that may be played on it (their commands are looked up); the whole course when not given. */
export async function openPlayground(opts: CourseOptions, env: NodeJS.ProcessEnv, lessons?: readonly Lesson[]): Promise<Playground> {
  // The course's lines name the keys a playground that lost its marker may hold (asked for only then).
  const courseCommands = async () => (await import('../connection/course-keys.js')).courseCommands(courseLessons(opts));
  const connection = await resolveConnection(connectionRequest(opts, env), { playground: true, lessons: true, env, courseCommands });
  return playgroundOn(connection, true, lessons ?? courseLessons(opts));
}

/**
 * The connection's header and warnings said, the lesson's view of it opened; the connection closed if that
 * fails. On a server the tutor did not start, the commands the course needs are looked up first (`lessons`):
 * without the tutor's own no lesson can run, and a lesson whose commands are missing is refused by name.
 */
async function playgroundOn(connection: Connection, warn: boolean, lessons: readonly Lesson[] = []): Promise<Playground> {
  try {
    out(theme.header(connection.header));
    if (warn) for (const warning of connection.warnings) out(theme.warn(warning));
    const gaps = connection.owned ? undefined : await commandGaps(connection.client, lessons);
    if (gaps !== undefined && gaps.tutor.length > 0) throw new UserError(serverMsg.tutorCommandsMissing(gaps.tutor));
    const redis = await openLessonRedis(connection);
    return {
      connection,
      redis,
      abilities: { secondConnection: await opensSecond(connection), ...(gaps ? { commandGaps: gaps } : {}) },
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

async function opensSecond(connection: Connection): Promise<boolean> {
  try {
    (await RespClient.connect(connection.endpoint, { db: connection.db })).close();
    return true;
  } catch {
    return false;
  }
}

/** The width prose is wrapped to: the terminal's, at most 100 columns, one spare for the cursor. */
export function proseWidth(): number {
  return Math.min(process.stdout.columns || 100, 100) - 1;
}

export function stepContext(redis: LessonRedis, player: Player, env: NodeJS.ProcessEnv, opts: Pick<CourseOptions, 'workspace'> = {}): StepContext {
  const chosen = opts.workspace;
  const workspace = (lessonId: string) => (chosen === undefined ? defaultWorkspace(env, lessonId) : path.resolve(chosen));
  return { redis, player, extras: lessonExtras(redis), lang: currentLanguage(), out, used: new Set(), width: proseWidth(), code: { workspace } };
}

/** Said before a lesson whose commands this server may not have. */
export function versionWarning(lesson: Lesson, connection: Connection): string | undefined {
  return versionAtLeast(connection.version, lesson.minRedis) ? undefined : runnerMsg.oldForLesson(lesson.id, lesson.minRedis, connection.version);
}

/** What the connection can do beyond one connection, found once when the playground opens. */
export interface Abilities {
  /** A second connection to the same server opened (some servers cap their clients). */
  secondConnection: boolean;
  /** The course's commands this server does not have (renamed or disabled); undefined when it would not say or is the tutor's. */
  commandGaps?: CommandGaps;
}

/** Why a lesson cannot run here: a need it declares, or commands of its own this server lacks. */
export type Blocker = Need | { commands: string[] };

/**
 * Pure: the needs a lesson declares that this connection cannot meet, first the one to tell. A real server
 * sleeps through `@wait` (up to REAL_WAIT_CAP_MS); a longer wait needs the built-in engine's clock.
 */
export function unmetNeeds(lesson: Lesson, connection: Connection, abilities: Abilities = { secondConnection: true }): Need[] {
  const builtin = connection.kind === 'builtin';
  return lesson.needs.filter((need) => {
    switch (need) {
      case 'real-server':
        return builtin;
      case 'two-connections':
        return !abilities.secondConnection;
      case 'clock':
        return connection.advanceClock === undefined && longestWait(lessonLines(lesson)) > REAL_WAIT_CAP_MS;
      case 'node':
        // The tutor runs on Node, so `node` can run; a program also needs an address to reach Redis at.
        return programUrl(connection.endpoint, connection.db) === undefined;
      case 'server-control':
        return connection.control === undefined;
      case 'cluster':
        // Played on a local cluster the tutor starts, whatever this connection is: only redis-server matters.
        return clusterUnavailable() !== undefined;
    }
  });
}

/** The lesson as played on this connection: steps whose `when:` does not hold here are left out. */
export function lessonOn(lesson: Lesson, connection: Connection): Lesson {
  return lessonHere(lesson, { platform: process.platform, engine: connection.kind === 'builtin' ? 'builtin' : 'real', version: connection.version });
}

/**
 * The needs to tell a learner about: a lesson that stops and restarts its server (server-control) gets a
 * server of its own when this one is not the tutor's (`openOwnPlayground`), so it is never greyed out.
 */
export function blockingNeeds(lesson: Lesson, connection: Connection, abilities: Abilities): Blocker[] {
  // A cluster lesson never runs on this connection: what it could do there does not matter.
  if (lesson.needs.includes('cluster')) return clusterUnavailable() === undefined ? [] : ['cluster'];
  const needs: Blocker[] = unmetNeeds(lesson, connection, abilities).filter((need) => need !== 'server-control');
  const missing = abilities.commandGaps?.lessons.find((l) => l.id === lesson.id)?.commands ?? [];
  return missing.length > 0 ? [{ commands: missing }, ...needs] : needs;
}

/** Why a lesson cannot be played here, for the menu (undefined when it can). */
export function menuReason(lesson: Lesson, connection: Connection, abilities: Abilities): string | undefined {
  const need = blockingNeeds(lesson, connection, abilities)[0];
  if (need === undefined) return undefined;
  if (need === 'cluster') return `(${clusterUnavailable() ?? ''})`;
  return typeof need === 'string' ? runnerMsg.menuUnavailable(need) : serverMsg.menuCommandsMissing(need.commands);
}

/** Refuses a lesson this connection cannot play, saying why and what to do. */
export function requireNeeds(lesson: Lesson, connection: Connection, abilities: Abilities): void {
  const need = blockingNeeds(lesson, connection, abilities)[0];
  if (need !== undefined) throw new UserError(unmetNeedMessage(lesson, need));
}

/** The lesson stops, crashes and restarts its server, and this one is not the tutor's to restart. */
export function needsOwnServer(lesson: Lesson, connection: Connection): boolean {
  return lesson.needs.includes('server-control') && connection.control === undefined;
}

/**
 * A server for one lesson that restarts its server (R5), where the learner's is not the tutor's to stop:
 * a private redis-server when one is installed (and new enough), else the built-in engine. Said in one line,
 * with the server's header; closed when the lesson ends.
 */
export async function openOwnPlayground(lesson: Lesson, env: NodeJS.ProcessEnv): Promise<Playground> {
  out(theme.warn(reflow(runnerMsg.ownServerForLesson(lesson.id), proseWidth())));
  const { findRedisServer } = await import('../connection/spawn.js');
  let connection = await resolveConnection(findRedisServer(env) === undefined ? { kind: 'builtin' } : { kind: 'spawn' }, { playground: true, env });
  if (!versionAtLeast(connection.version, MIN_VERSION)) {
    await connection.close();
    connection = await resolveConnection({ kind: 'builtin' }, { playground: true, env });
  }
  return playgroundOn(connection, false);
}

export function unmetNeedMessage(lesson: Lesson, need: Blocker): string {
  if (typeof need !== 'string') return serverMsg.lessonCommandsMissing(lesson.id, need.commands);
  if (need === 'cluster') return clusterUnavailable() ?? '';
  const wait = describeWait(longestWait(lessonLines(lesson)));
  return runnerMsg.unmetNeed(lesson.id, need, wait);
}

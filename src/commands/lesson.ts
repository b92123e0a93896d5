import { lessonNamed } from '../course/catalog.js';
import { BUILTIN_LESSONS } from '../course/load.js';
import { UserError } from '../errors.js';
import { currentLanguage } from '../ui/i18n.js';
import { autoPlayer } from '../runner/player.js';
import { runnerMsg as m } from '../runner/messages.js';
import { runLesson } from '../runner/session.js';
import { theme } from '../ui/theme.js';
import { clusterMissing, needsCluster, openClusterPlayground } from './cluster-playground.js';
import { lessonOn, needsOwnServer, openOwnPlayground, openPlayground, out, progressSink, requireNeeds, stepContext, versionWarning, type CourseOptions } from './lesson-env.js';

/**
 * `redis-tutor lesson <name>`: one lesson by id or number. With --autoplay it plays itself with the
 * reference solutions, prints the transcript, leaves progress alone, and exits 0 only if every check held.
 */
export async function lesson(name: string, opts: CourseOptions & { autoplay?: boolean; restart?: boolean }, env: NodeJS.ProcessEnv): Promise<number> {
  // Only the lesson run is read and checked (of the next, the head its summary names): start-up stays fast.
  const { lesson: named, next } = lessonNamed(opts.lessons ?? BUILTIN_LESSONS, name, currentLanguage());
  if (!opts.autoplay && !process.stdin.isTTY) throw new UserError(m.noTerminal(`lesson ${named.id}`));
  // A lesson on the local cluster never touches the learner's server: refused, or played on nodes of its own.
  const cluster = needsCluster(named);
  const missing = cluster ? clusterMissing(env) : undefined;
  if (missing !== undefined) throw new UserError(missing);
  const shared = cluster ? await openClusterPlayground(named, env) : await openPlayground(opts, env, [named]);
  // A lesson that restarts its server gets one of its own when this one is not the tutor's.
  const own = !cluster && needsOwnServer(named, shared.connection) ? await openOwnPlayground(named, env).catch(async (err) => {
    await shared.close();
    throw err;
  }) : undefined;
  const playground = own ?? shared;
  try {
    requireNeeds(named, playground.connection, playground.abilities);
    const chosen = lessonOn(named, playground.connection);
    const old = versionWarning(chosen, playground.connection);
    if (old) out(theme.warn(old));
    if (opts.autoplay) {
      const result = await runLesson(stepContext(playground.redis, autoPlayer(), env, opts), chosen, { ...(next ? { next } : {}) });
      return result.finished && result.allPassed ? 0 : 1;
    }
    const { terminalPlayer } = await import('../runner/interactive.js');
    const sink = progressSink(env);
    await runLesson(stepContext(playground.redis, terminalPlayer(), env, opts), chosen, { progress: sink, ...(next ? { next } : {}), fromStart: opts.restart === true });
    return 0;
  } finally {
    await own?.close();
    await shared.close();
  }
}

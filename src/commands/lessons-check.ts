import { BUILTIN_LESSONS, formatProblems, readCourse } from '../course/load.js';
import { proveLesson } from '../runner/verify.js';
import { runnerMsg as m } from '../runner/messages.js';
import { theme } from '../ui/theme.js';
import { setLanguage } from '../ui/i18n.js';
import { needsCluster, openClusterPlayground } from './cluster-playground.js';
import { lessonOn, openPlayground, out, unmetNeedMessage, unmetNeeds, type CourseOptions } from './lesson-env.js';

/**
 * `redis-tutor lessons check [dir]`: every lesson file valid (all problems at once), then each proven on
 * a real Redis: try steps fail from their start and pass with their solution; wrong answers get their
 * feedback; predicts' replies are their `expect`; the lesson plays to the end, also with every try skipped.
 * A lesson this connection cannot play (its needs) is named and left for a connection that can.
 */
export async function lessonsCheck(dir: string | undefined, opts: CourseOptions, env: NodeJS.ProcessEnv): Promise<number> {
  // A lesson's recorded wrong answers name their feedback in English (the runner's English messages), so
  // the proof runs in English whatever the learner's language: this is a tool for lesson authors.
  setLanguage('en');
  const course = readCourse(dir ?? opts.lessons ?? BUILTIN_LESSONS);
  if (course.problems.length > 0) {
    out(formatProblems(course.problems));
    return 1;
  }
  out(m.checkValid(course.lessons.length));
  const playground = await openPlayground(opts, env);
  let failed = 0;
  try {
    for (const authored of course.lessons) {
      const unmet = unmetNeeds(authored, playground.connection, playground.abilities)[0];
      if (unmet !== undefined) {
        out(theme.dim(m.checkNotHere(authored.id, unmetNeedMessage(authored, unmet))));
        continue;
      }
      // A cluster lesson is proven on a local cluster of its own, as a learner plays it.
      const cluster = needsCluster(authored) ? await openClusterPlayground(authored, env, { spares: true }) : undefined;
      const here = cluster ?? playground;
      const lesson = lessonOn(authored, here.connection);
      const proof = await proveLesson(here.redis, lesson, authored).finally(() => cluster?.close());
      if (proof.problems.length === 0) out(theme.ok(m.checkOk(lesson.id, proof.tries, proof.rights, proof.wrongs, proof.predicts, proof.codes)));
      else {
        failed++;
        out(theme.error(m.checkFailed(lesson.id, proof.problems.length)));
        out(formatProblems(proof.problems).split('\n').slice(1).join('\n'));
      }
    }
    await playground.redis.clear();
  } finally {
    await playground.close();
  }
  return failed === 0 ? 0 : 1;
}

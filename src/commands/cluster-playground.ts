import { clusterMsg } from '../cluster/messages.js';
import { clusterUnavailable } from '../cluster/start.js';
import { classifyLine, firstTopology } from '../course/lines.js';
import type { Lesson } from '../course/schema.js';
import { lessonLines } from '../course/step-lines.js';
import { reflow } from '../ui/prose.js';
import { theme } from '../ui/theme.js';
import { out, proseWidth, type Playground } from './lesson-env.js';

/** The lesson runs on the local cluster the tutor starts, never on the learner's server. */
export function needsCluster(lesson: Lesson): boolean {
  return lesson.needs.includes('cluster');
}

/** Why the local cluster cannot start here (in the learner's language), or undefined. */
export function clusterMissing(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return clusterUnavailable(env);
}

/**
 * The local cluster for one lesson, in the shape its first `@cluster` line names (three primaries with a
 * replica each when none does); said in a line with its header; every node stopped when it closes. `spares`
 * (lessons check, which replays every step's start again and again): the lesson's other shapes start at once in
 * the background, and a cluster a `@kill` wounded is replaced by one started meanwhile (topology.ts).
 */
export async function openClusterPlayground(lesson: Lesson, env: NodeJS.ProcessEnv, options: { spares?: boolean } = {}): Promise<Playground> {
  out(theme.warn(reflow(clusterMsg.ownClusterForLesson(lesson.id), proseWidth())));
  // The cluster's code only for a lesson that runs on one.
  const { Topology } = await import('../cluster/topology.js');
  const { openClusterRedis } = await import('../cluster/lesson-redis.js');
  const topology = new Topology(env, options);
  try {
    const lines = lessonLines(lesson);
    const initial = firstTopology(lines);
    topology.prepare(lines.flatMap((line) => {
      const meant = classifyLine(line);
      return meant.kind === 'topology' && meant.shape !== initial ? [meant.shape] : [];
    }));
    await topology.ensure(initial);
    const redis = await openClusterRedis(topology, initial);
    const connection = redis.connection();
    out(theme.header(connection.header));
    return {
      connection,
      redis,
      abilities: { secondConnection: true },
      close: async () => {
        redis.close();
        await topology.stop();
      },
    };
  } catch (err) {
    await topology.stop();
    throw err;
  }
}

import type { LessonRedis } from './redis.js';
import type { Extras } from './context.js';

/**
 * `show <key>` and `help <command>` at a try prompt. The lesson runs them as REPL commands would, so
 * the learner sees the same output in a lesson and in `redis-tutor repl`.
 */
export function lessonExtras(redis: LessonRedis): Extras {
  return {
    show: async (key) => (await redis.execute(`TYPE "${key.replace(/(["\\])/g, '\\$1')}"`)).text,
    help: async (topic) => (topic === undefined ? '' : (await redis.execute(`COMMAND DOCS ${topic}`)).text),
  };
}

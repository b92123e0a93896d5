import { runnerMsg as m } from './messages.js';
import type { Extras } from './context.js';
import type { LessonRedis } from './redis.js';
import { renderInline } from '../ui/prose.js';

/**
 * `show <key>` and `help <command>` at a try prompt, drawn by the REPL's own modules so the learner sees
 * the same thing in a lesson and in `redis-tutor repl`. `help` alone lists the tutor's words.
 */
export function lessonExtras(redis: LessonRedis): Extras {
  return {
    show: (key) => redis.show(key),
    help: async (topic) => (topic === undefined ? renderInline(m.tryWords()) : redis.help(topic)),
  };
}

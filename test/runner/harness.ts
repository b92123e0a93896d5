import { stripVTControlCharacters } from 'node:util';
import { readCourse } from '../../src/course/load.js';
import type { Lesson } from '../../src/course/schema.js';
import { resolveConnection, type Connection } from '../../src/connection/resolve.js';
import { QuitSignal } from '../../src/errors.js';
import type { StepContext } from '../../src/runner/context.js';
import { lessonExtras } from '../../src/runner/extras.js';
import type { Player } from '../../src/runner/player.js';
import { openLessonRedis, type LessonRedis } from '../../src/runner/redis.js';
import type { TestRedis } from '../helpers/redis-server.js';

export const fixtureCourse = (): Lesson[] => readCourse(new URL('../fixtures/course', import.meta.url).pathname).lessons;

/** The lesson's view of a test server, through the same connection chain the bin uses. */
export async function playground(server: TestRedis): Promise<{ connection: Connection; redis: LessonRedis; close(): Promise<void> }> {
  const connection = await resolveConnection(
    { kind: 'explicit', endpoint: { host: '127.0.0.1', port: server.port, tls: false, source: 'the test' } },
    { playground: true, env: {} },
  );
  const redis = await openLessonRedis(connection);
  return { connection, redis, close: async () => (redis.close(), await connection.close()) };
}

/**
 * A learner typing from a script: lines for try prompts, answers for choices. Running out of script
 * ends the lesson as Ctrl+C would, so a test never hangs on a step it did not expect.
 */
export function scriptedPlayer(lines: string[], answers: number[] = [], pauses: (string | undefined)[] = []): Player & { prompts: number } {
  const player = {
    auto: false,
    prompts: 0,
    async line() {
      player.prompts++;
      const next = lines.shift();
      if (next === undefined) throw new QuitSignal();
      return next;
    },
    async choose(_q: string, _c: string[], answer: number) {
      return answers.shift() ?? answer;
    },
    async pause() {
      return pauses.shift();
    },
  };
  return player;
}

export function context(redis: LessonRedis, player: Player, lang = 'en'): StepContext & { screen: string[] } {
  const screen: string[] = [];
  // The screen as read, colours or not (a test may run in a terminal that chalk colours).
  return { redis, player, extras: lessonExtras(redis), lang, out: (t) => screen.push(stripVTControlCharacters(t)), used: new Set(), width: 100, screen };
}

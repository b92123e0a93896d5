import { stripVTControlCharacters } from 'node:util';
import { readCourse } from '../../src/course/load.js';
import type { Lesson } from '../../src/course/schema.js';
import { resolveConnection, type Connection } from '../../src/connection/resolve.js';
import { QuitSignal } from '../../src/errors.js';
import type { StepContext } from '../../src/runner/context.js';
import { lessonExtras } from '../../src/runner/extras.js';
import type { Player } from '../../src/runner/player.js';
import { openLessonRedis, type LessonRedis } from '../../src/runner/redis.js';
import { startRedis, type TestRedis } from '../helpers/redis-server.js';
import { parseLesson } from '../../src/course/parse.js';

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

/** A lesson's view of a fresh real redis-server (stopped by close()) or of the built-in engine. */
export async function enginePlayground(engine: 'real' | 'builtin'): Promise<{ connection: Connection; redis: LessonRedis; close(): Promise<void> }> {
  if (engine === 'real') {
    const server = await startRedis();
    const pg = await playground(server);
    return { ...pg, close: async () => (await pg.close(), await server.stop()) };
  }
  const connection = await resolveConnection({ kind: 'builtin' }, { playground: true, env: {} });
  const redis = await openLessonRedis(connection);
  return { connection, redis, close: async () => (redis.close(), await connection.close()) };
}

/** A format 2 lesson from its steps (YAML, indented two spaces), with optional needs and setup. */
export function lessonOf(steps: string, options: { needs?: string; setup?: string; format?: number } = {}): Lesson {
  const source = [
    `format_version: ${options.format ?? 2}`,
    'id: t',
    'order: 1',
    'title: T',
    'goal: G',
    'minutes: 1',
    'min_redis: "6.2"',
    ...(options.needs ? [`needs: [${options.needs}]`] : []),
    ...(options.setup ? [`setup: ${options.setup}`] : []),
    'steps:',
    steps.replace(/^\n/, ''),
  ].join('\n');
  const result = parseLesson(source, 't.yaml');
  if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
  return result.lesson;
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

import { expect, it } from 'vitest';
import type { Executed, LessonRedis } from '../../src/runner/redis.js';
import { rebuildState } from '../../src/runner/replay.js';
import { lessonOf } from '../runner/harness.js';

/**
 * A rebuilt step start on the local cluster replays from the last `@cluster` line before the step: that line
 * makes its shape fresh, empty and whole, so nothing before it (a @kill, a WAIT that times out on a dead
 * replica, the other shape's part) need run again. Recorded on a stand-in Redis: which lines ran.
 */

function recording(): { redis: LessonRedis; ran: string[] } {
  const ran: string[] = [];
  const redis = {
    clear: async () => void ran.push('(clear)'),
    interfere: () => undefined,
    execute: async (line: string): Promise<Executed> => {
      ran.push(line);
      return { kind: 'directive', line, text: '' };
    },
    settle: async () => undefined,
    output: () => [],
    endStep: () => undefined,
  };
  return { redis: redis as unknown as LessonRedis, ran };
}

const lesson = (needs: string) =>
  lessonOf(
    `  - id: pair
    kind: run
    text: x
    commands: ['@cluster replication', SET a 1, '@kill replica', WAIT 1 500]
  - id: again
    kind: run
    text: x
    setup: ['@cluster replication']
    commands: [SET b 2]
  - id: cluster
    kind: run
    text: x
    commands: ['@cluster cluster', SET c 3, FLUSHDB, SET d 4]
  - id: last
    kind: run
    text: x
    commands: [GET c]
`,
    { needs, format: 4 },
  );

it.each([
  [1, ['(clear)', '@cluster replication']],
  [2, ['(clear)', '@cluster replication', 'SET b 2']],
  // A FLUSHDB empties one node of a cluster: the start is the @cluster line before it.
  [3, ['(clear)', '@cluster cluster', 'SET c 3', 'FLUSHDB', 'SET d 4']],
])('a cluster lesson rebuilt at step %i replays from its last @cluster line', async (index, lines) => {
  const { redis, ran } = recording();
  await rebuildState(redis, lesson('cluster'), index);
  expect(ran).toEqual(lines);
});

it('a lesson on one server still starts at its last FLUSHDB', async () => {
  const { redis, ran } = recording();
  await rebuildState(redis, lessonOf(`  - id: a\n    kind: run\n    text: x\n    commands: [SET a 1, FLUSHDB, SET b 2]\n  - id: b\n    kind: run\n    text: x\n    commands: [GET b]\n`), 1);
  expect(ran).toEqual(['(clear)', 'FLUSHDB', 'SET b 2']);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RespClient } from '../../src/resp/client.js';
import type { RespReply } from '../../src/resp/types.js';
import { proveLesson } from '../../src/runner/verify.js';
import { startRedis, type TestRedis } from '../helpers/redis-server.js';
import { enginePlayground, lessonOf, playground } from './harness.js';

/** R2 (`received`), R19 (`interfere`) and R21 (pub/sub isolation), against a real server and the built-in engine. */

const publishStep = `
  - id: pub
    kind: try
    text: publish hello to room:2
    setup: ["B> SUBSCRIBE room:2"]
    checks:
      - received: {on: B, channel: room:2, message: hello}
    hints: [PUBLISH]
    solution: [PUBLISH room:2 hello]
    right:
      - commands: ["A> PUBLISH room:2 hello"]
    wrong:
      - commands: [PUBLISH room:3 hello]
        feedback: has not received "hello" on the channel
      - commands: [PUBLISH room:2 hi]
        feedback: has not received "hello"
`;

const seatsStep = `
  - id: seats
    kind: try
    text: give bob a seat
    setup: [SET seats 2, DEL vip]
    interfere: {after: WATCH, on: B, run: [DECR seats]}
    checks:
      - key: seats
        string: "0"
      - key: vip
        set: [bob]
    hints: [retry]
    solution: [WATCH seats, MULTI, DECR seats, SADD vip bob, EXEC, WATCH seats, MULTI, DECR seats, SADD vip bob, EXEC]
    wrong:
      - commands: [WATCH seats, MULTI, DECR seats, SADD vip bob, EXEC]
        feedback: should hold "0"
`;

describe.each(['real', 'builtin'] as const)('two clients on %s', (engine) => {
  it('judges what helper B received, and another client writing after WATCH makes a retry necessary', async () => {
    const pg = await enginePlayground(engine);
    try {
      const proof = await proveLesson(pg.redis, lessonOf(publishStep + seatsStep, { needs: 'two-connections', format: 4 }));
      expect(proof.problems).toEqual([]);
      expect([proof.tries, proof.wrongs, proof.rights]).toEqual([2, 3, 1]);
    } finally {
      await pg.close();
    }
  });

  it('shows the other client\'s write after the WATCH, and EXEC answers (nil)', async () => {
    const pg = await enginePlayground(engine);
    try {
      const lesson = lessonOf(seatsStep, { needs: 'two-connections', format: 4 });
      const step = lesson.steps[0]!;
      if (step.kind !== 'try') throw new Error('a try step');
      for (const line of step.setup) await pg.redis.execute(line);
      pg.redis.interfere(step.interfere);
      await pg.redis.execute('WATCH seats');
      expect(pg.redis.output().join('\n')).toBe('(meanwhile, another client, B, ran: DECR seats)\n(B) (integer) 1');
      for (const line of ['MULTI', 'DECR seats']) await pg.redis.execute(line);
      const exec = await pg.redis.execute('EXEC');
      expect(exec.kind === 'ran' && exec.text).toBe('(nil)');
      // Only the first WATCH meets the other client.
      await pg.redis.execute('WATCH seats');
      expect(pg.redis.output()).toEqual([]);
    } finally {
      await pg.close();
    }
  });
});

describe('pub/sub isolation on a server the tutor did not start (R21)', () => {
  let server: TestRedis;
  beforeAll(async () => {
    server = await startRedis();
  });
  afterAll(async () => server.stop());

  const text = (reply: RespReply): string => (reply.type === 'bulk' ? (reply.value?.toString() ?? '') : reply.type === 'array' ? `[${(reply.value ?? []).map(text).join(',')}]` : String(reply.value));

  it("keeps the lesson's channels apart from another application's, and shows them by the names the learner typed", async () => {
    const other = await RespClient.connect({ host: '127.0.0.1', port: server.port, tls: false, source: 'test' });
    const heard: string[] = [];
    other.onPush((reply) => heard.push(text(reply)));
    await other.call(['SUBSCRIBE', 'room:2'].map((a) => Buffer.from(a)));
    const pg = await playground(server);
    try {
      await pg.redis.execute('B> SUBSCRIBE room:2');
      const published = await pg.redis.execute('PUBLISH room:2 hello');
      // Only the lesson's own subscriber, B, got it.
      expect(published.kind === 'ran' && published.text).toBe('(integer) 1');
      await pg.redis.settle();
      expect(pg.redis.output().join('\n')).toBe('(B) 1) "message"\n    2) "room:2"\n    3) "hello"');
      expect(pg.redis.received()).toEqual([{ on: 'B', channel: 'room:2', message: 'hello' }]);
      const channels = await pg.redis.execute('PUBSUB CHANNELS');
      expect(channels.kind === 'ran' && channels.text).toBe('1) "room:2"');
      const numsub = await pg.redis.execute('PUBSUB NUMSUB room:2');
      expect(numsub.kind === 'ran' && numsub.text).toBe('1) "room:2"\n2) (integer) 1');
      // The other application's message does not reach the lesson either.
      const outside = await RespClient.connect({ host: '127.0.0.1', port: server.port, tls: false, source: 'test' });
      await outside.call(['PUBLISH', 'room:2', 'not for the lesson'].map((a) => Buffer.from(a)));
      outside.close();
      await new Promise((r) => setTimeout(r, 50));
      expect(pg.redis.received()).toHaveLength(1);
      expect(heard).toEqual(['[message,room:2,not for the lesson]']);
    } finally {
      other.close();
      await pg.close();
    }
  });
});

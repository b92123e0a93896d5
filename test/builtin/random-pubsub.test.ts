import { describe, expect, it } from 'vitest';
import { parseCorpus } from './harness/corpus.js';
import { runSequence } from './harness/run.js';
import { useRedisAndEngine } from './harness/servers.js';
import { pubsubSession } from './random/pubsub-sequences.js';
import { Rng } from './random/rng.js';

// Seeded random pub/sub sessions on three connections (channels, patterns, shard channels, both kinds
// of PUBLISH, PUBSUB's counts, subscribed-mode limits, RESET, MULTI), run like corpus sequences on a
// real redis-server and on the engine, RESP2 and RESP3, compared byte for byte. RANDOM_SEED,
// PUBSUB_SESSIONS and PUBSUB_STEPS override the defaults; a mismatch prints the session as corpus text.
const SEED = Number(process.env.RANDOM_SEED ?? 20_261_130);
const SESSIONS = Number(process.env.PUBSUB_SESSIONS ?? 30);
const STEPS = Number(process.env.PUBSUB_STEPS ?? 30);

const servers = useRedisAndEngine();

for (const resp of [2, 3] as const) {
  describe(`random pub/sub sessions answer as on Redis (RESP${resp})`, () => {
    it(`${SESSIONS} sessions of ${STEPS} steps, seed ${SEED}`, { timeout: 600_000 }, async () => {
      const r = new Rng(SEED);
      for (let i = 0; i < SESSIONS; i++) {
        const text = `=== random pub/sub session ${i + 1} of seed ${SEED}\n${pubsubSession(r, STEPS)}`;
        const [seq] = parseCorpus(text, 'random');
        const expected = await runSequence(servers.redisPort, seq!, 1500, resp);
        const actual = await runSequence(servers.enginePort, seq!, 1500, resp);
        expect(actual.join('\n'), `as a corpus sequence:\n${text}\n`).toBe(expected.join('\n'));
      }
    });
  });
}

import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useRedisAndEngine } from './harness/servers.js';
import { loadCorpus } from './harness/corpus.js';
import { runSequence } from './harness/run.js';

// Every sequence of test/builtin/corpus/*.txt runs on a real redis-server and on the built-in engine,
// once with RESP2 connections and once with RESP3 ones (HELLO 3 first); the transcripts (exact reply
// bytes, normalised only where Redis promises no order) must be equal.
const corpus = loadCorpus(fileURLToPath(new URL('./corpus', import.meta.url)));

const servers = useRedisAndEngine();

for (const resp of [2, 3] as const) {
  describe(`the built-in engine answers as Redis 7.0 does (RESP${resp})`, () => {
    it('has a corpus worth the name', () => {
      expect(corpus.length).toBeGreaterThan(0);
    });
    for (const seq of corpus) {
      it(`${seq.file}:${seq.line} ${seq.title}`, async () => {
        const [expected, actual] = await Promise.all([runSequence(servers.redisPort, seq, 1500, resp), runSequence(servers.enginePort, seq, 1500, resp)]);
        expect(actual.join('\n')).toBe(expected.join('\n'));
      });
    }
  });
}

import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useRedisAndEngine } from './harness/servers.js';
import { loadCorpus } from './harness/corpus.js';
import { runSequence } from './harness/run.js';

// Every sequence of test/builtin/corpus/*.txt runs on a real redis-server and on the built-in engine;
// the transcripts (exact reply bytes, normalised only where Redis promises no order) must be equal.
const corpus = loadCorpus(fileURLToPath(new URL('./corpus', import.meta.url)));

const servers = useRedisAndEngine();

describe('the built-in engine answers as Redis 7.0 does', () => {
  it('has a corpus worth the name', () => {
    expect(corpus.length).toBeGreaterThan(0);
  });
  for (const seq of corpus) {
    it(`${seq.file}:${seq.line} ${seq.title}`, async () => {
      const [expected, actual] = await Promise.all([runSequence(servers.redisPort, seq), runSequence(servers.enginePort, seq)]);
      expect(actual.join('\n')).toBe(expected.join('\n'));
    });
  }
});

import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands as lists } from '../../../src/builtin/commands/lists.js';
import { commands as hashes } from '../../../src/builtin/commands/hashes.js';
import { commands as sets } from '../../../src/builtin/commands/sets.js';
import { miniCore } from './mini-core.js';
import { readSequences, runSequence, startPair, type Pair } from './differential.js';

const dir = fileURLToPath(new URL('.', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.seq'));

let pair: Pair;
beforeAll(async () => {
  pair = await startPair([...miniCore, ...lists, ...hashes, ...sets]);
});
afterAll(async () => pair?.stop());

for (const file of files) {
  describe(file, () => {
    for (const sequence of readSequences(dir + file)) {
      it(sequence.title || `line ${sequence.line}`, async () => {
        expect(await runSequence(pair, sequence)).toBeUndefined();
      });
    }
  });
}

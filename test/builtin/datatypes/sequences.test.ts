import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allCommands } from '../../../src/builtin/commands/index.js';
import { readSequences, runSequence, startPair, type Pair } from './differential.js';

// The data-type sequences compared with no normalisation except where a line asks for it (`~`): they
// pin the orders Redis does promise (intsets ascending, listpacks in insertion order) that the shared
// corpus's per-command normalisers must leave unchecked.
const dir = fileURLToPath(new URL('.', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.seq'));

let pair: Pair;
beforeAll(async () => {
  pair = await startPair(allCommands);
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

// Build step (after tsc, in `npm run build`, `prepare` and `pretest`): writes the prepared data of every
// shipped lesson (src/course/prepared.ts) into dist/, so that start-up does not parse YAML.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { BUILTIN_LESSONS, lessonFiles } from '../course/load.js';
import { headOf, INDEX_FILE, PREPARED_DIR, preparedFrom, preparedName, shippedCopy, textKey } from '../course/prepared.js';

rmSync(PREPARED_DIR, { recursive: true, force: true });
mkdirSync(PREPARED_DIR, { recursive: true });
let written = 0;
const index: Record<string, string> = {};
for (const { path } of lessonFiles(BUILTIN_LESSONS)) {
  const text = readFileSync(path, 'utf8');
  const data = preparedFrom(text);
  if (data === undefined) continue;
  const key = textKey(text);
  writeFileSync(new URL(preparedName(key, 'whole'), PREPARED_DIR), JSON.stringify(data));
  writeFileSync(new URL(preparedName(key, 'head'), PREPARED_DIR), JSON.stringify(headOf(data)));
  // The file's bytes as shipped, and its key by name: start-up compares bytes instead of hashing them.
  writeFileSync(new URL(shippedCopy(key), PREPARED_DIR), readFileSync(path));
  index[basename(path)] = key;
  written++;
}
writeFileSync(new URL(INDEX_FILE, PREPARED_DIR), JSON.stringify(index));
process.stdout.write(`prepared ${written} lesson(s) in ${PREPARED_DIR.pathname}\n`);

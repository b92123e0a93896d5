import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyProgress, recordStep } from '../../src/progress/model.js';
import { loadProgress, saveProgress } from '../../src/progress/store.js';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const fresh = () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'rt-progress-'));
  return path.join(dir, 'redis-tutor', 'progress.json');
};

describe('progress store', () => {
  it('starts fresh, without a notice, when there is no file', () => {
    expect(loadProgress(fresh())).toEqual({ progress: emptyProgress() });
  });

  it('writes atomically (no temp file left) and reads back what it wrote', () => {
    const file = fresh();
    const p = recordStep(emptyProgress(), 'strings', 'overwrite', 'passed');
    saveProgress(file, p);
    expect(readdirSync(path.dirname(file))).toEqual(['progress.json']);
    expect(loadProgress(file)).toEqual({ progress: p });
  });

  it.each([
    ['half-written JSON', '{"version":1,"welcomed":tr'],
    ['JSON of another shape', '{"lessons":[1,2,3]}'],
    ['binary junk', '\u0000\u0001\u0002'],
  ])('sets a damaged file (%s) aside with a one-line notice and starts fresh', (_what, content) => {
    const file = fresh();
    saveProgress(file, emptyProgress());
    writeFileSync(file, content);
    const loaded = loadProgress(file, new Date('2026-01-02T03:04:05.678Z'));
    const aside = `${file}.damaged-2026-01-02T03-04-05-678Z`;
    expect(loaded.progress).toEqual(emptyProgress());
    expect(loaded.notice).toBe(`Your progress file (${file}) was damaged; it was moved to ${aside} and you start fresh.`);
    expect(loaded.notice).not.toContain('\n');
    expect(existsSync(file)).toBe(false);
    expect(readFileSync(aside, 'utf8')).toBe(content);
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(path.join(os.tmpdir(), 'rt-imports-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every module (ES or CommonJS) that importing `entry` of the built tutor loads, relative to the project. */
function loadedBy(entry: string): string[] {
  const log = JSON.stringify(path.join(dir, 'loaded'));
  writeFileSync(path.join(dir, 'hooks.mjs'), `import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) { appendFileSync(${log}, url + '\\n'); return next(url, context); }\n`);
  writeFileSync(path.join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n`);
  const script = `import { createRequire } from 'node:module'; import { appendFileSync } from 'node:fs';
    await import(${JSON.stringify(`./dist/${entry}`)});
    appendFileSync(${log}, Object.keys(createRequire(import.meta.url).cache).join('\\n') + '\\n');`;
  writeFileSync(path.join(dir, 'loaded'), '');
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(path.join(dir, 'register.mjs')).href, '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return readFileSync(path.join(dir, 'loaded'), 'utf8').split('\n').filter(Boolean).map((u) => path.relative(ROOT, u.startsWith('file:') ? fileURLToPath(u) : u));
}

describe('start-up: what a command loads before it needs it', () => {
  it('lesson loads neither the YAML library nor the code of try and code steps until a lesson reaches one', () => {
    const loaded = loadedBy('commands/lesson.js');
    expect(loaded).toContain('dist/runner/play.js'); // the hook saw the graph
    for (const lazy of ['node_modules/yaml/', 'dist/runner/try.js', 'dist/runner/checks.js', 'dist/runner/code/play.js', 'dist/runner/code/memo.js', 'dist/runner/code/run-node.js']) {
      expect(loaded.filter((m) => m.startsWith(lazy)), lazy).toEqual([]);
    }
  });

  it('list loads neither the YAML library nor the Redis client', () => {
    const loaded = loadedBy('commands/list.js');
    expect(loaded).toContain('dist/course/catalog.js');
    for (const lazy of ['node_modules/yaml/', 'dist/connection/client.js', 'dist/resp/client.js']) expect(loaded.filter((m) => m.startsWith(lazy)), lazy).toEqual([]);
  });
});

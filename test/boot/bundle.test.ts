import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleIsCurrent, codeCacheFile } from '../../src/boot/bundle-file.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = path.join(ROOT, 'bin', 'redis-tutor.js');
const DIST = pathToFileURL(path.join(ROOT, 'dist/'));
const dir = mkdtempSync(path.join(os.tmpdir(), 'rt-bundle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the bin with `args`, logging every module Node loads; answers its output and the project's files it loaded. */
function runLogged(args: string[]): { stdout: string; loaded: string[] } {
  const log = path.join(dir, 'loaded');
  writeFileSync(path.join(dir, 'hooks.mjs'), `import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) { appendFileSync(${JSON.stringify(log)}, url + '\\n'); return next(url, context); }\n`);
  writeFileSync(path.join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n`);
  writeFileSync(log, '');
  const home = mkdtempSync(path.join(dir, 'home-'));
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(path.join(dir, 'register.mjs')).href, BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, XDG_CONFIG_HOME: home, REDIS_TUTOR_LANG: 'en', NO_COLOR: '1' },
  });
  expect(r.status, r.stderr).toBe(0);
  const loaded = readFileSync(log, 'utf8').split('\n').filter((u) => u.startsWith('file:')).map((u) => path.relative(ROOT, fileURLToPath(u)));
  return { stdout: r.stdout, loaded };
}

describe('the bin runs the tutor from its start-up bundle', () => {
  it('loads the loader and no compiled module of its own, and prints what the modules print', () => {
    const bundled = runLogged(['list']);
    const own = bundled.loaded.filter((f) => f.startsWith('dist/'));
    expect(own.sort()).toEqual(['dist/boot/bundle-file.js', 'dist/boot/code-cache.js', 'dist/boot/registry.js', 'dist/boot/start.js']);
    // --debug runs the compiled modules themselves, one file each.
    const modules = runLogged(['list', '--debug']);
    expect(modules.loaded).toContain('dist/commands/list.js');
    expect(bundled.stdout).toBe(modules.stdout);
    expect(bundled.stdout).toContain('chat-capstone');
  });

  it("has V8's compiled code of the bundle for this Node", () => {
    runLogged(['list']);
    expect(readFileSync(codeCacheFile(DIST)).length).toBeGreaterThan(1000);
  });
});

describe('bundleIsCurrent', () => {
  it('is true while the bundle is at least as new as main.js, false after a tsc alone or without a bundle', () => {
    const bundle = path.join(dir, 'bundle.js');
    const main = path.join(dir, 'main.js');
    writeFileSync(bundle, '');
    writeFileSync(main, '');
    utimesSync(main, 1000, 1000);
    utimesSync(bundle, 2000, 2000);
    expect(bundleIsCurrent(pathToFileURL(bundle), pathToFileURL(main))).toBe(true);
    utimesSync(main, 3000, 3000);
    expect(bundleIsCurrent(pathToFileURL(bundle), pathToFileURL(main))).toBe(false);
    expect(bundleIsCurrent(pathToFileURL(path.join(dir, 'none.js')), pathToFileURL(main))).toBe(false);
    expect(bundleIsCurrent(new URL('bundle.js', DIST), new URL('main.js', DIST))).toBe(true); // the build this test runs on
  });
});

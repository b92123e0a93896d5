import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleIsCurrent, chunkFile, codeCacheFile, CORE } from '../../src/boot/bundle-file.cjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = path.join(ROOT, 'bin', 'redis-tutor.js');
const DIST = pathToFileURL(path.join(ROOT, 'dist/'));
const BUNDLE = new URL('bundle/', DIST);
const dir = mkdtempSync(path.join(os.tmpdir(), 'rt-bundle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Runs the bin with `args`, logging every module Node loads and every file of the bundle's folder read; answers
 * its output, the project's files it loaded as modules, and the chunks it read.
 */
function runLogged(args: string[]): { stdout: string; loaded: string[]; chunks: string[]; node: string[] } {
  const log = path.join(dir, 'loaded');
  const reads = path.join(dir, 'reads');
  const builtins = path.join(dir, 'builtins');
  writeFileSync(path.join(dir, 'hooks.mjs'), `import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) { appendFileSync(${JSON.stringify(log)}, url + '\\n'); return next(url, context); }\n`);
  // fs.readFileSync wrapped, and the wrapper handed to the ES modules that import it by name.
  writeFileSync(
    path.join(dir, 'register.mjs'),
    `import { createRequire, register, syncBuiltinESMExports } from 'node:module';\nimport { pathToFileURL } from 'node:url';\nimport fs from 'node:fs';\nregister('./hooks.mjs', import.meta.url);\n` +
      // CommonJS files (the bin and its loader) are not seen by the hook: the require cache names them at exit.
      `process.on('exit', () => fs.appendFileSync(${JSON.stringify(log)}, Object.keys(createRequire(import.meta.url).cache).map((f) => pathToFileURL(f).href + '\\n').join('')));\n` +
      // And Node's own modules it loaded.
      `process.on('exit', () => fs.writeFileSync(${JSON.stringify(builtins)}, process.moduleLoadList.join('\\n')));\n` +
      `const read = fs.readFileSync;\nfs.readFileSync = function (file, ...rest) { const p = String(file instanceof URL ? file.pathname : file); if (p.includes('/dist/bundle/')) fs.appendFileSync(${JSON.stringify(reads)}, p + '\\n'); return read.call(this, file, ...rest); };\nsyncBuiltinESMExports();\n`,
  );
  writeFileSync(log, '');
  writeFileSync(reads, '');
  const home = mkdtempSync(path.join(dir, 'home-'));
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(path.join(dir, 'register.mjs')).href, BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, XDG_CONFIG_HOME: home, REDIS_TUTOR_LANG: 'en', NO_COLOR: '1' },
  });
  expect(r.status, r.stderr).toBe(0);
  const loaded = readFileSync(log, 'utf8').split('\n').filter((u) => u.startsWith('file:')).map((u) => path.relative(ROOT, fileURLToPath(u)));
  const chunks = readFileSync(reads, 'utf8').split('\n').filter((p) => p.endsWith('.js')).map((p) => path.basename(p, '.js'));
  const node = readFileSync(builtins, 'utf8').split('\n').filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice('NativeModule '.length));
  return { stdout: r.stdout, loaded, chunks, node };
}

/** The chunk of the bundle that holds a module (from the core chunk's manifest). */
function chunkOf(name: string): string {
  const core = readFileSync(chunkFile(CORE, BUNDLE), 'latin1');
  const manifest = JSON.parse(/^System\.chunks\((.*)\);$/m.exec(core)![1]!) as Record<string, string>;
  return manifest[name] ?? CORE;
}

describe('the bin runs the tutor from its start-up bundle', () => {
  it('loads the loader (CommonJS) and no compiled module of its own, and prints what the modules print', () => {
    const bundled = runLogged(['list']);
    // --debug runs the compiled modules themselves, one file each.
    const modules = runLogged(['list', '--debug']);
    const own = bundled.loaded.filter((f) => f.startsWith('dist/'));
    expect(own.sort()).toEqual(['dist/boot/bundle-file.cjs', 'dist/boot/code-cache.cjs', 'dist/boot/registry.cjs', 'dist/boot/run-chunk.cjs', 'dist/boot/start.cjs']);
    // The core and the chunks list needs; not the built-in engine's, nor the REPL command's.
    expect(bundled.chunks[0]).toBe(CORE);
    expect(bundled.chunks).toContain(chunkOf('commands/list'));
    for (const unused of ['builtin/engine', 'commands/repl']) {
      expect(chunkOf(unused)).not.toBe(CORE);
      expect(bundled.chunks).not.toContain(chunkOf(unused));
    }
    expect(new Set(bundled.chunks).size).toBe(bundled.chunks.length);
    // Built-ins imported and not used on the way (node:crypto in prepared.ts, commander's child_process) are not loaded.
    expect(bundled.node.filter((m) => ['crypto', 'child_process'].includes(m))).toEqual([]);
    expect(modules.node).toContain('crypto');
    // Packages' modules come from the bundle too, ES (chalk) and CommonJS (commander).
    expect(bundled.loaded.filter((f) => f.startsWith('node_modules/chalk'))).toEqual([]);
    expect(modules.loaded.filter((f) => f.startsWith('node_modules/chalk')).length).toBeGreaterThan(0);
    const input = 'node_modules/@inquirer/input/dist/esm/index';
    expect(readFileSync(chunkFile(chunkOf(input), BUNDLE), 'latin1')).toContain(`System.register("${input}"`);
    expect(modules.loaded).toContain('dist/commands/list.js');
    expect(bundled.stdout).toBe(modules.stdout);
    expect(bundled.stdout).toContain('chat-capstone');
  });

  it("has V8's compiled code of the bundle for this Node", () => {
    runLogged(['list']);
    expect(readFileSync(codeCacheFile(CORE, BUNDLE)).length).toBeGreaterThan(1000);
    expect(readFileSync(codeCacheFile(chunkOf('builtin/engine'), BUNDLE)).length).toBeGreaterThan(1000);
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
    expect(bundleIsCurrent(chunkFile(CORE, BUNDLE), new URL('main.js', DIST))).toBe(true); // the build this test runs on
  });
});

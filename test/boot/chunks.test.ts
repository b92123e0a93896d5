import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CORE } from '../../src/boot/bundle-file.cjs';
import { asciiOnly, assignChunks, importedModules, splitModules } from '../../src/build/chunks.js';
import { emitSystemBundle } from '../../src/build/emit.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'rt-chunks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The bundle step's emit of these modules (name → source), written as files under a src/ of their own. */
function emitAll(files: Record<string, string>): string {
  const src = mkdtempSync(path.join(dir, 'src-'));
  const paths = Object.entries(files).map(([name, text]) => {
    const file = path.join(src, `${name}.ts`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    return file;
  });
  return emitSystemBundle(src, paths);
}

const filler = (n: number) => `export const pad = ${JSON.stringify('x'.repeat(n))};`;

describe('splitModules', () => {
  it("cuts TypeScript's one-file emit into its modules, with static and literal dynamic imports", () => {
    const modules = splitModules(
      emitAll({
        main: "import { a } from './lib/a.js'; const cmd = await import('./commands/list.js'); console.log(a, cmd);",
        'lib/a': "import chalk from 'chalk'; export const a = chalk;",
        'commands/list': "import { a } from '../lib/a.js'; export const list = a;",
      }),
    );
    expect(modules.map((m) => [m.name, m.deps, m.dynamic])).toEqual([
      ['main', ['lib/a'], ['commands/list']],
      ['lib/a', ['chalk'], []],
      ['commands/list', ['lib/a'], []],
    ]);
    expect(modules.every((m) => m.text.startsWith(`System.register("${m.name}"`))).toBe(true);
  });
});

describe('assignChunks', () => {
  const modules = splitModules(
    emitAll({
      main: "import './ui.js'; export const run = (n: string) => n === 'l' ? import('./list.js') : n === 'r' ? import('./repl.js') : import('./engine.js');",
      ui: filler(10),
      list: `import './ui.js'; import './shared.js'; ${filler(10)}`,
      repl: `import './shared.js'; import './big.js'; ${filler(10)}`,
      shared: filler(5000),
      big: filler(20000),
      engine: `import './engine-core.js'; ${filler(10)}`,
      'engine-core': filler(30000),
      watchdog: 'process.exit(2);',
    }),
  );

  it("puts what main reaches in the core, else a module in the chunk of the entries that reach it", () => {
    const chunks = assignChunks(modules, 0);
    expect(chunks.get('main')).toBe(CORE);
    expect(chunks.get('ui')).toBe(CORE);
    // Reached by list and by repl: one chunk that both read, apart from each one's own.
    expect(chunks.get('shared')).not.toBe(chunks.get('list'));
    expect(chunks.get('shared')).not.toBe(chunks.get('repl'));
    expect(chunks.get('big')).toBe(chunks.get('repl'));
    expect(chunks.get('engine-core')).toBe(chunks.get('engine'));
    expect(new Set([chunks.get('list'), chunks.get('repl'), chunks.get('engine'), chunks.get('shared')]).size).toBe(4);
    // The same entries make the same name at every build.
    expect(assignChunks(modules, 0)).toEqual(chunks);
    // A script run as a process of its own is in no chunk.
    expect(chunks.has('watchdog')).toBe(false);
  });

  it('lets a chunk smaller than the threshold join the core', () => {
    const chunks = assignChunks(modules, 15000);
    expect(chunks.get('list')).toBe(CORE);
    expect(chunks.get('shared')).toBe(CORE);
    expect(chunks.get('repl')).not.toBe(CORE);
    expect(chunks.get('engine')).not.toBe(CORE);
  });

  it('names the modules other modules import, statically or by import(), not the entry scripts', () => {
    expect(importedModules(modules).sort()).toEqual(['big', 'engine', 'engine-core', 'list', 'repl', 'shared', 'ui']);
  });
});

describe('asciiOnly', () => {
  it('escapes every other character, so that the code means the same', () => {
    const source = 'const s = "안녕 — 😀"; const t = `방 ${1}`; const r = /^[가-힣]+$/u; const q = /^😀$/u; const k = /^[가-힣]$/;';
    const escaped = asciiOnly(source);
    expect(/^[\x00-\x7f]*$/.test(escaped)).toBe(true);
    const run = new Function(`${escaped} return [s, t, r.test('한글'), q.test('😀'), k.test('한'), r.test('a')];`) as () => unknown[];
    expect(run()).toEqual(['안녕 — 😀', '방 1', true, true, true, false]);
  });
});

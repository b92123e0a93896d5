import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { Registry, resolveName } from '../../src/boot/registry.cjs';

/** Modules (name → TypeScript source) emitted as the bundle step emits them, registered in a new registry. */
function bundleOf(modules: Record<string, string>, natives: Record<string, Record<string, unknown>> = {}): { registry: Registry; imported: string[] } {
  const imported: string[] = [];
  const registry = new Registry(new URL('file:///app/dist/'), async (specifier) => {
    imported.push(specifier);
    const ns = natives[specifier];
    if (!ns) throw new Error(`no native module ${specifier}`);
    return ns;
  });
  for (const [name, source] of Object.entries(modules)) registerIn(registry, name, source);
  return { registry, imported };
}

/** Registers one module (TypeScript source) as the bundle would. */
function registerIn(registry: Registry, name: string, source: string): void {
  const { outputText } = ts.transpileModule(source, { moduleName: name, compilerOptions: { module: ts.ModuleKind.System, target: ts.ScriptTarget.ES2022, esModuleInterop: true, moduleDetection: ts.ModuleDetectionKind.Force } });
  new Function('System', outputText)(registry);
}

describe('resolveName', () => {
  it('names a relative import from the importing module, and leaves others alone', () => {
    expect(resolveName('./b.js', 'a/x')).toBe('a/b');
    expect(resolveName('../c/d.js', 'a/b/x')).toBe('a/c/d');
    expect(resolveName('./e.js', 'main')).toBe('e');
    expect(resolveName('node:fs', 'a/x')).toBe('node:fs');
    expect(resolveName('@inquirer/select', 'a/x')).toBe('@inquirer/select');
  });
});

describe('the bundle registry keeps ES module semantics', () => {
  it('evaluates dependencies first, each once, in import order', async () => {
    const { registry } = bundleOf({
      log: 'export const order: string[] = [];',
      a: "import { order } from './log.js'; order.push('a');",
      b: "import { order } from './log.js'; import './a.js'; order.push('b');",
      main: "import { order } from './log.js'; import './a.js'; import './b.js'; order.push('main'); export const seen = order.join(',');",
    });
    expect((await registry.import('main')).seen).toBe('a,b,main');
  });

  it('keeps bindings live: a value exported later reaches the importer', async () => {
    const { registry } = bundleOf({
      counter: 'export let count = 0; export function bump() { count++; }',
      main: "import { count, bump } from './counter.js'; export function read() { return count; } export function up() { bump(); }",
    });
    const main = await registry.import('main');
    (main.up as () => void)();
    (main.up as () => void)();
    expect((main.read as () => number)()).toBe(2);
  });

  it('runs a cycle as ES modules do: the module met again is not waited for, its hoisted functions work', async () => {
    const { registry } = bundleOf({
      a: "import { b } from './b.js'; export function a() { return 'a'; } export const fromB = b();",
      b: "import { a } from './a.js'; export function b() { return 'b'; } export const fromA = a();",
    });
    const a = await registry.import('a');
    expect(a.fromB).toBe('b');
    expect((await registry.import('b')).fromA).toBe('a');
  });

  it('waits for top-level await before the importer runs', async () => {
    const { registry } = bundleOf({
      slow: 'export let ready = false; await new Promise((r) => setTimeout(r, 20)); ready = true;',
      main: "import { ready } from './slow.js'; export const sawReady = ready;",
    });
    expect((await registry.import('main')).sawReady).toBe(true);
  });

  it('re-exports (export * and export { } from) and namespace imports', async () => {
    const { registry } = bundleOf({
      parts: "export const one = 1; export const two = 2; export default 'dflt';",
      index: "export * from './parts.js'; export { two as deux } from './parts.js';",
      main: "import * as all from './index.js'; export const sum = all.one + all.two + all.deux; export const noDefault = 'default' in all;",
    });
    const main = await registry.import('main');
    expect(main.sum).toBe(5);
    expect(main.noDefault).toBe(false);
  });

  it("imports modules outside the bundle natively, once each, before the importer runs; a default import is the module's default", async () => {
    const { registry, imported } = bundleOf(
      {
        a: "import lib from 'pkg'; import { readFileSync } from 'node:fs'; export const got = lib.name + typeof readFileSync;",
        main: "import { got } from './a.js'; import lib from 'pkg'; export const both = got + lib.name;",
      },
      { pkg: { default: { name: 'pkg' } } },
    );
    expect((await registry.import('main')).both).toBe('pkgfunctionpkg');
    // A built-in comes from require (no ES module loader started): only the package was imported.
    expect(imported.sort()).toEqual(['pkg']);
  });

  it('gives a built-in as import does (default the module, its keys named exports), from require', async () => {
    const fs = await import('node:fs');
    const { registry } = bundleOf({ main: "import fs, { readFileSync } from 'node:fs'; export const got = [fs, readFileSync];" });
    expect((await registry.import('main')).got).toEqual([fs.default, fs.readFileSync]);
  });

  it("hands a package's CommonJS file child_process as a stand-in that is the real module once used", async () => {
    const childProcess = await import('node:child_process');
    const { registry } = bundleOf({ main: "import cp from 'node_modules/p/index.js'; export const got = cp;" });
    registry.cjs('node_modules/p/index.js', { 'node:child_process': null }, (_exports, require, module) => {
      (module as { exports: unknown }).exports = require('node:child_process');
    });
    const got = (await registry.import('main')).got as typeof childProcess;
    expect(got.spawn).toBe(childProcess.spawn);
    expect(Object.keys(got)).toEqual(Object.keys(childProcess.default));
  });

  it("resolves a dynamic import() from the importing module's folder, inside the bundle or out", async () => {
    const { registry } = bundleOf(
      {
        'commands/run': "export async function run() { const { word } = await import('../ui/word.js'); const ext = await import('ext'); return word + ext.x; }",
        'ui/word': "export const word = 'hello ';",
      },
      { ext: { x: 'world' } },
    );
    const { run } = await registry.import('commands/run');
    expect(await (run as () => Promise<string>)()).toBe('hello world');
  });

  it("gives import.meta.url the module's own file under the bundle's folder", async () => {
    const { registry } = bundleOf({ 'course/load': "export const here = import.meta.url; export const lessons = new URL('../../lessons', import.meta.url).href;" });
    const ns = await registry.import('course/load');
    expect(ns.here).toBe('file:///app/dist/course/load.js');
    expect(ns.lessons).toBe('file:///app/lessons');
  });

  it('lets an error thrown while a module runs reach the importer, every time', async () => {
    const { registry } = bundleOf({ bad: "throw new Error('broken');", main: "import './bad.js';" });
    await expect(registry.import('main')).rejects.toThrow('broken');
    await expect(registry.import('main')).rejects.toThrow('broken');
  });

  it('reads a chunk when one of its modules is first needed, once, and not before', async () => {
    const loads: string[] = [];
    const chunkModules: Record<string, string> = {
      'commands/list': "import { b } from '../lib/b.js'; export const list = () => `list ${b}`;",
      'lib/b': 'export const b = 2;',
    };
    const log: unknown[] = [];
    (globalThis as { __chunkLog?: unknown[] }).__chunkLog = log;
    const registry = new Registry(new URL('file:///app/dist/'), async () => ({}), (chunk) => {
      loads.push(chunk);
      for (const [name, source] of Object.entries(chunkModules)) registerIn(registry, name, source);
    });
    registry.chunks({ 'commands/list': 'list-chunk', 'lib/b': 'list-chunk' });
    registerIn(registry, 'main', "const { list } = await import('./commands/list.js'); (globalThis as any).__chunkLog.push(list()); const again = await import('./lib/b.js'); (globalThis as any).__chunkLog.push(again.b);");
    expect(loads).toEqual([]);
    await registry.import('main');
    expect(log).toEqual(['list 2', 2]);
    expect(loads).toEqual(['list-chunk']);
  });

  it("runs a package's CommonJS files with a require of its own: module.exports is the default, its keys named exports", async () => {
    const { registry } = bundleOf({
      main: "import lib, { twice } from 'node_modules/lib/index.js'; (globalThis as any).__cjsLog = [lib.name, twice(4), lib.sep];",
    });
    let runs = 0;
    registry.cjs('node_modules/lib/index.js', { './twice': 'node_modules/lib/twice.js', path: null }, function (this: unknown, exports, require, module) {
      runs++;
      const twice = require('./twice') as (n: number) => number;
      (module as { exports: unknown }).exports = { name: 'lib', twice, sep: (require('path') as { sep: string }).sep, self: this === exports };
    });
    registry.cjs('node_modules/lib/twice.js', {}, function (_exports, _require, module) {
      (module as { exports: unknown }).exports = (n: number) => n * 2;
    });
    await registry.import('main');
    expect((globalThis as { __cjsLog?: unknown }).__cjsLog).toEqual(['lib', 8, '/']);
    await registry.import('main');
    expect(runs).toBe(1);
  });
});

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isEsModule, linkSpecifier, planPackages, requiresOf, resolveSpecifier, vendorName } from '../../src/build/vendor.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FROM = path.join(ROOT, 'dist', 'main.js');
const SPECS = ['@inquirer/input', '@inquirer/core', '@inquirer/prompts', 'chalk', 'signal-exit', 'signal-exit/signals', 'commander', 'yaml', 'cli-table3'];

/** Where Node itself resolves these specifiers for a module of dist/ (the oracle). */
function nodeResolves(specs: string[]): string[] {
  const script = `for (const s of ${JSON.stringify(specs)}) console.log(import.meta.resolve(s));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: path.join(ROOT, 'dist'), encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.trim().split('\n').map((u) => fileURLToPath(u));
}

describe("the bundle step's resolver of packages", () => {
  it('finds the file Node finds for each package the tutor imports', () => {
    expect(SPECS.map((s) => resolveSpecifier(s, FROM))).toEqual(nodeResolves(SPECS));
  });

  it("follows a package's own # imports with the node condition (chalk's vendored modules)", () => {
    const chalk = resolveSpecifier('chalk', FROM)!;
    expect(resolveSpecifier('#supports-color', chalk)).toBe(path.join(path.dirname(chalk), 'vendor', 'supports-color', 'index.js'));
  });

  it('holds ES modules and CommonJS files, each require named', () => {
    const plan = planPackages([{ spec: '@inquirer/input', fromFile: FROM }, { spec: 'commander', fromFile: FROM }], ROOT, FROM);
    const esm = [...plan.esm].map((f) => vendorName(ROOT, f, plan));
    expect(esm).toContain('node_modules/@inquirer/input/dist/esm/index');
    expect(esm).toContain('node_modules/@inquirer/core/dist/esm/lib/create-prompt');
    expect(esm).toContain('node_modules/commander/esm');
    expect([...plan.esm].every(isEsModule)).toBe(true);
    const command = path.join(ROOT, 'node_modules', 'commander', 'lib', 'command.js');
    expect(vendorName(ROOT, command, plan)).toBe('node_modules/commander/lib/command.js');
    expect(plan.cjs.get(command)?.get('node:events')).toBeNull();
    // An extensionless require, as Node finds it.
    expect(plan.cjs.get(command)?.get('./suggestSimilar')).toBe(path.join(ROOT, 'node_modules', 'commander', 'lib', 'suggestSimilar.js'));
    expect(linkSpecifier('./index.js', path.join(ROOT, 'node_modules', 'commander', 'esm.mjs'), ROOT, plan, FROM)).toBe('node_modules/commander/index.js');
    expect(linkSpecifier('@inquirer/core', FROM, ROOT, plan, FROM)).toBe('node_modules/@inquirer/core/dist/esm/index');
    expect(linkSpecifier('node:fs', FROM, ROOT, plan, FROM)).toBe('node:fs');
  });

  it('leaves out a package whose code it cannot hold as it is, and what can only reach it by a relative import', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'rt-vendor-'));
    try {
      const write = (file: string, text: string) => {
        mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        writeFileSync(path.join(root, file), text);
      };
      const fromDist = path.join(root, 'dist', 'main.js');
      write('dist/main.js', '');
      write('node_modules/uses-dir/package.json', '{"name":"uses-dir"}');
      write('node_modules/uses-dir/index.js', "module.exports = require('path').join(__dirname, 'x');");
      write('node_modules/computed/package.json', '{"name":"computed"}');
      write('node_modules/computed/index.js', "const name = 'fs'; module.exports = require(name);");
      write('node_modules/plain/package.json', '{"name":"plain","main":"lib/main"}');
      write('node_modules/plain/lib/main.js', "exports.x = require('./x'); // require(notThis) in a comment; __dirname too");
      write('node_modules/plain/lib/x.js', 'module.exports = 1;');
      write('node_modules/wrapper/package.json', '{"name":"wrapper","type":"module"}');
      write('node_modules/wrapper/index.js', "import dir from 'uses-dir'; import plain from 'plain'; export default [dir, plain];");
      write('node_modules/relative/package.json', '{"name":"relative","type":"module"}');
      write('node_modules/relative/index.js', "import x from './lib.cjs'; export default x;");
      write('node_modules/relative/lib.cjs', 'module.exports = __filename;');
      const plan = planPackages(['wrapper', 'relative', 'computed'].map((spec) => ({ spec, fromFile: fromDist })), root, fromDist);
      const held = [...plan.esm, ...plan.cjs.keys()].map((f) => vendorName(root, f, plan)).sort();
      // uses-dir and computed stay native; wrapper imports uses-dir by its name, as dist/ would: it stays in.
      expect(held).toEqual(['node_modules/plain/lib/main.js', 'node_modules/plain/lib/x.js', 'node_modules/wrapper/index']);
      expect(requiresOf(path.join(root, 'node_modules/plain/lib/main.js'))).toEqual(['./x']);
      expect(requiresOf(path.join(root, 'node_modules/uses-dir/index.js'))).toBeUndefined();
      expect(requiresOf(path.join(root, 'node_modules/computed/index.js'))).toBeUndefined();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

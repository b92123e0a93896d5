import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundledPackages, isEsModule, linkSpecifier, resolveSpecifier, vendorFiles, vendorName } from '../../src/build/vendor.js';

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

  it('takes the ES modules only, and leaves out a package that imports a file the bundle cannot name', () => {
    const entries = [{ spec: '@inquirer/input', fromFile: FROM }, { spec: 'commander', fromFile: FROM }];
    const files = bundledPackages(entries, ROOT, FROM);
    const names = [...files].map((f) => vendorName(ROOT, f));
    expect(names).toContain('node_modules/@inquirer/input/dist/esm/index');
    expect(names).toContain('node_modules/@inquirer/core/dist/esm/lib/create-prompt');
    expect([...files].every(isEsModule)).toBe(true);
    // commander's ES entry wraps its CommonJS index (./index.js): found, then left out with its package.
    expect([...vendorFiles(entries)].some((f) => f.endsWith(path.join('commander', 'esm.mjs')))).toBe(true);
    expect(names.some((n) => n.startsWith('node_modules/commander/'))).toBe(false);
    expect(linkSpecifier('@inquirer/core', FROM, ROOT, files, FROM)).toBe('node_modules/@inquirer/core/dist/esm/index');
    // A CommonJS package found from dist/ as from its importer is imported natively by its name.
    const core = [...files].find((f) => f.endsWith(path.join('core', 'dist', 'esm', 'lib', 'utils.js')))!;
    expect(linkSpecifier('wrap-ansi', core, ROOT, files, FROM)).toBe('wrap-ansi');
    expect(linkSpecifier('./index.js', path.join(ROOT, 'node_modules', 'commander', 'esm.mjs'), ROOT, files, FROM)).toBeUndefined();
    expect(linkSpecifier('node:fs', FROM, ROOT, files, FROM)).toBe('node:fs');
  });
});

// Build step helper: which installed packages' ES modules go into the start-up bundle beside the tutor's own
// (@inquirer's prompts, chalk: a few dozen small files that Node would otherwise find, read and compile one by
// one at every start), and what each bare import then names. Resolution follows Node's for what these
// packages use (package.json `exports` and `imports` with the import/node/default conditions, `main`,
// nested node_modules); anything it cannot settle, and every CommonJS or JSON file, stays a native import.
import { existsSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import ts from 'typescript';

const CONDITIONS = ['import', 'node', 'default'];

type Target = string | null | Target[] | { [condition: string]: Target };

/** A target of `exports` or `imports` under the conditions above, `*` replaced by `star`. */
function pick(target: Target | undefined, star = ''): string | undefined {
  if (typeof target === 'string') return target.replace('*', star);
  if (Array.isArray(target)) {
    for (const t of target) {
      const found = pick(t, star);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (target === null || target === undefined) return undefined;
  for (const [condition, inner] of Object.entries(target)) {
    const found = CONDITIONS.includes(condition) ? pick(inner, star) : undefined;
    if (found !== undefined) return found;
  }
  return undefined;
}

/** A map of subpaths (`.`, `./sub`, `#name`, with one `*`) to targets. */
function matchSubpath(map: Record<string, Target>, subpath: string): string | undefined {
  if (subpath in map) return pick(map[subpath]);
  for (const [key, target] of Object.entries(map)) {
    const star = key.indexOf('*');
    if (star < 0) continue;
    const [before, after] = [key.slice(0, star), key.slice(star + 1)];
    if (subpath.startsWith(before) && subpath.endsWith(after) && subpath.length >= key.length - 1) return pick(target, subpath.slice(before.length, subpath.length - after.length));
  }
  return undefined;
}

const readJson = (file: string): Record<string, unknown> | undefined => {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
};

/** The nearest package.json at or above `dir`: its folder and contents. */
function packageScope(dir: string): { dir: string; json: Record<string, unknown> } | undefined {
  for (let d = dir; ; d = path.dirname(d)) {
    const json = readJson(path.join(d, 'package.json'));
    if (json) return { dir: d, json };
    if (path.dirname(d) === d) return undefined;
  }
}

/** The file a bare or `#` specifier imported from `fromFile` names, or undefined when this resolver cannot tell. */
export function resolveSpecifier(spec: string, fromFile: string): string | undefined {
  if (spec.startsWith('#')) {
    const scope = packageScope(path.dirname(fromFile));
    const imports = scope?.json.imports as Record<string, Target> | undefined;
    const target = imports ? matchSubpath(imports, spec) : undefined;
    return scope && target?.startsWith('./') ? path.join(scope.dir, target) : undefined;
  }
  const parts = spec.split('/');
  const name = spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  const subpath = `.${spec.slice(name.length)}`;
  for (let d = path.dirname(fromFile); ; d = path.dirname(d)) {
    const dir = path.join(d, 'node_modules', name);
    const json = readJson(path.join(dir, 'package.json'));
    if (json) {
      const exports = json.exports as Target | undefined;
      let target: string | undefined;
      if (exports !== undefined) {
        const map = typeof exports === 'object' && exports !== null && !Array.isArray(exports) && Object.keys(exports).every((k) => k.startsWith('.')) ? exports : { '.': exports };
        target = matchSubpath(map as Record<string, Target>, subpath);
      } else if (subpath === '.') target = typeof json.main === 'string' ? json.main : 'index.js';
      else target = subpath;
      if (target === undefined) return undefined;
      const file = path.join(dir, target);
      for (const candidate of [file, `${file}.js`, path.join(file, 'index.js')]) if (existsSync(candidate) && !candidate.endsWith(path.sep) && path.extname(candidate) !== '') return candidate;
      return undefined;
    }
    if (path.dirname(d) === d) return undefined;
  }
}

/** Whether Node runs this file as an ES module (.mjs, or .js under a package.json of "type": "module"). */
export function isEsModule(file: string): boolean {
  if (file.endsWith('.mjs')) return true;
  if (!file.endsWith('.js')) return false;
  return packageScope(path.dirname(file))?.json.type === 'module';
}

/** The bare specifiers (and `#` imports) a JavaScript file imports, statically or by a literal import(). */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles.map((f) => f.fileName);
}

const isBare = (spec: string) => !spec.startsWith('.') && !spec.startsWith('/') && !isBuiltin(spec) && !/^[a-z]+:/.test(spec);

/**
 * The ES module files of packages reached from `entries` (bare specifiers imported from `fromFile`), with
 * their own relative and bare imports, transitively: what the bundle may hold.
 */
export function vendorFiles(entries: { spec: string; fromFile: string }[]): Set<string> {
  const files = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const { spec, fromFile } = queue.pop()!;
    const file = isBare(spec) ? resolveSpecifier(spec, fromFile) : spec.startsWith('.') ? path.resolve(path.dirname(fromFile), spec) : undefined;
    if (file === undefined || files.has(file) || !existsSync(file) || !isEsModule(file)) continue;
    files.add(file);
    for (const inner of importsOf(file)) queue.push({ spec: inner, fromFile: file });
  }
  return files;
}

/** A vendor file's module name in the bundle: its path from the project root, without extension. */
export const vendorName = (root: string, file: string): string => path.relative(root, file).split(path.sep).join('/').replace(/\.m?js$/, '');

/**
 * What an import `spec` in `fromFile` names in the bundle: a vendor module's name; else the specifier itself,
 * imported natively from dist/, when that finds the same file (a built-in, a top-level package's CommonJS
 * file: then an install that hoists packages elsewhere finds it too). Undefined when neither holds (a
 * relative import of a CommonJS file, a package nested under another): the importing package stays out.
 */
export function linkSpecifier(spec: string, fromFile: string, root: string, vendor: Set<string>, fromDist: string): string | undefined {
  if (spec.startsWith('node:') || isBuiltin(spec) || /^[a-z]+:/.test(spec)) return spec;
  const file = spec.startsWith('.') ? path.resolve(path.dirname(fromFile), spec) : resolveSpecifier(spec, fromFile);
  if (file !== undefined && vendor.has(file)) return vendorName(root, file);
  if (spec.startsWith('.') || spec.startsWith('#')) return undefined;
  return file === resolveSpecifier(spec, fromDist) ? spec : undefined;
}

/** The folder of the package a file is in (the one right under its last node_modules). */
function packageOf(file: string): string {
  const parts = file.split(path.sep);
  const at = parts.lastIndexOf('node_modules');
  return parts.slice(0, at + (parts[at + 1]?.startsWith('@') ? 3 : 2)).join(path.sep);
}

/**
 * The packages' ES module files the bundle holds: those reached from `entries`, less every package one of
 * whose files imports something the bundle cannot name (linkSpecifier), until none is left out.
 */
export function bundledPackages(entries: { spec: string; fromFile: string }[], root: string, fromDist: string): Set<string> {
  const files = vendorFiles(entries);
  for (let changed = true; changed; ) {
    changed = false;
    for (const file of files) {
      if (!files.has(file) || importsOf(file).every((spec) => linkSpecifier(spec, file, root, files, fromDist) !== undefined)) continue;
      const pkg = packageOf(file) + path.sep;
      for (const f of [...files]) if (f.startsWith(pkg)) files.delete(f);
      changed = true;
    }
  }
  return files;
}

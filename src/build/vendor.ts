// Build step helper: which installed packages' modules go into the start-up bundle beside the tutor's own
// (@inquirer's prompts, chalk, commander: a few dozen small files that Node would otherwise find, read and
// compile one by one at every start), and what each import then names. Resolution follows Node's for what
// these packages use (package.json `exports` and `imports` with Node's conditions, `main`, extensionless
// requires, nested node_modules). A package whose code the bundle cannot hold faithfully (a require of a
// computed name or of JSON, a use of __dirname, an import that cannot be named) stays a native import.
import { readFileSync, statSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import ts from 'typescript';

/** Node's conditions for `import` and for `require`. */
const IMPORT = ['import', 'node', 'default'];
const REQUIRE = ['require', 'node', 'default'];

type Target = string | null | Target[] | { [condition: string]: Target };

/** A target of `exports` or `imports` under `conditions`, `*` replaced by `star`. */
function pick(target: Target | undefined, conditions: string[], star = ''): string | undefined {
  if (typeof target === 'string') return target.replace('*', star);
  if (Array.isArray(target)) {
    for (const t of target) {
      const found = pick(t, conditions, star);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (target === null || target === undefined) return undefined;
  for (const [condition, inner] of Object.entries(target)) {
    const found = conditions.includes(condition) ? pick(inner, conditions, star) : undefined;
    if (found !== undefined) return found;
  }
  return undefined;
}

/** A map of subpaths (`.`, `./sub`, `#name`, with one `*`) to targets. */
function matchSubpath(map: Record<string, Target>, subpath: string, conditions: string[]): string | undefined {
  if (subpath in map) return pick(map[subpath], conditions);
  for (const [key, target] of Object.entries(map)) {
    const star = key.indexOf('*');
    if (star < 0) continue;
    const [before, after] = [key.slice(0, star), key.slice(star + 1)];
    if (subpath.startsWith(before) && subpath.endsWith(after) && subpath.length >= key.length - 1) {
      return pick(target, conditions, subpath.slice(before.length, subpath.length - after.length));
    }
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

const isFile = (file: string): boolean => {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
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

/** A file as `require` finds it: as named, with .js or .cjs added, or a folder's index.js. */
function asFile(file: string): string | undefined {
  return [file, `${file}.js`, `${file}.cjs`, path.join(file, 'index.js')].find(isFile);
}

/** The file a bare, `#` or relative specifier in `fromFile` names, or undefined when this resolver cannot tell. */
export function resolveSpecifier(spec: string, fromFile: string, conditions = IMPORT): string | undefined {
  if (spec.startsWith('./') || spec.startsWith('../')) return asFile(path.resolve(path.dirname(fromFile), spec));
  if (spec.startsWith('#')) {
    const scope = packageScope(path.dirname(fromFile));
    const imports = scope?.json.imports as Record<string, Target> | undefined;
    const target = imports ? matchSubpath(imports, spec, conditions) : undefined;
    return scope && target?.startsWith('./') ? asFile(path.join(scope.dir, target)) : undefined;
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
        const sugar = typeof exports !== 'object' || exports === null || Array.isArray(exports) || !Object.keys(exports).every((k) => k.startsWith('.'));
        target = matchSubpath((sugar ? { '.': exports } : exports) as Record<string, Target>, subpath, conditions);
      } else target = subpath === '.' ? (typeof json.main === 'string' ? json.main : 'index.js') : subpath;
      return target === undefined ? undefined : asFile(path.join(dir, target));
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

const isCommonJs = (file: string): boolean => file.endsWith('.cjs') || (file.endsWith('.js') && !isEsModule(file));

/** The specifiers an ES module imports, statically or by a literal import(). */
function importsOf(file: string): string[] {
  return ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.map((f) => f.fileName);
}

/**
 * What a CommonJS file requires (string literals only), or undefined when the bundle cannot hold it as it is:
 * a require of a computed name, `require.resolve` and the like, or __dirname/__filename (its folder is not
 * where the bundle is).
 */
export function requiresOf(file: string): string[] | undefined {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS);
  const specs: string[] = [];
  let faithful = true;
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && (node.text === '__dirname' || node.text === '__filename') && !(ts.isPropertyAccessExpression(node.parent) && node.parent.name === node)) faithful = false;
    if (ts.isIdentifier(node) && node.text === 'require' && !(ts.isPropertyAccessExpression(node.parent) && node.parent.name === node)) {
      const call = node.parent;
      if (ts.isCallExpression(call) && call.expression === node && call.arguments.length === 1 && ts.isStringLiteral(call.arguments[0]!)) specs.push(call.arguments[0].text);
      else faithful = false;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return faithful ? specs : undefined;
}

/** A built-in (`fs`, `node:fs`) or a URL: what Node imports by itself, never from node_modules. */
const isNative = (spec: string) => isBuiltin(spec) || /^[a-z]+:/.test(spec);

const isBare = (spec: string) => !spec.startsWith('.') && !spec.startsWith('/') && !isNative(spec);

/** The packages' files the bundle holds: ES modules, and CommonJS files with where each of their requires goes. */
export interface VendorPlan {
  esm: Set<string>;
  /** file → its requires: specifier → the file it names ('' when not found), or null for a built-in. */
  cjs: Map<string, Map<string, string | null>>;
}

/** A vendor file's module name in the bundle: its path from the project root (without .js/.mjs for an ES module). */
export function vendorName(root: string, file: string, plan?: VendorPlan): string {
  const relative = path.relative(root, file).split(path.sep).join('/');
  return plan?.cjs.has(file) ? relative : relative.replace(/\.m?js$/, '');
}

/**
 * What an import `spec` in `fromFile` names in the bundle: a bundled module's name; else the specifier itself,
 * imported natively from dist/, when that finds the same file (a built-in, a top-level package: then an install
 * that hoists packages elsewhere finds it too). Undefined when neither holds (a relative import of a file left
 * out, a package nested under another): the importing package stays out.
 */
export function linkSpecifier(spec: string, fromFile: string, root: string, plan: VendorPlan, fromDist: string): string | undefined {
  if (isNative(spec)) return spec;
  const file = resolveSpecifier(spec, fromFile);
  if (file !== undefined && (plan.esm.has(file) || plan.cjs.has(file))) return vendorName(root, file, plan);
  if (spec.startsWith('.') || spec.startsWith('#')) return undefined;
  return file === resolveSpecifier(spec, fromDist) ? spec : undefined;
}

/** The folder of the package a file is in (the one right under its last node_modules). */
function packageOf(file: string): string {
  const parts = file.split(path.sep);
  const at = parts.lastIndexOf('node_modules');
  return parts.slice(0, at + (parts[at + 1]?.startsWith('@') ? 3 : 2)).join(path.sep) + path.sep;
}

/**
 * The packages' files the bundle holds: every ES module and CommonJS file reached from `entries` (what the
 * tutor's modules import, from dist/), less every package with a file the bundle cannot hold or name, until
 * none is left out.
 */
export function planPackages(entries: { spec: string; fromFile: string }[], root: string, fromDist: string): VendorPlan {
  const plan: VendorPlan = { esm: new Set(), cjs: new Map() };
  const excluded = new Set<string>();
  const queue = entries.filter((e) => isBare(e.spec)).map((e) => ({ ...e, conditions: IMPORT }));
  while (queue.length > 0) {
    const { spec, fromFile, conditions } = queue.pop()!;
    const file = resolveSpecifier(spec, fromFile, conditions);
    if (file === undefined || plan.esm.has(file) || plan.cjs.has(file) || excluded.has(packageOf(file))) continue;
    if (isEsModule(file)) {
      plan.esm.add(file);
      for (const inner of importsOf(file)) if (!isBuiltin(inner)) queue.push({ spec: inner, fromFile: file, conditions: IMPORT });
    } else if (isCommonJs(file)) {
      const requires = requiresOf(file);
      if (requires === undefined) {
        excluded.add(packageOf(file));
        continue;
      }
      plan.cjs.set(file, new Map(requires.map((r) => [r, isBuiltin(r) ? null : (resolveSpecifier(r, file, REQUIRE) ?? '')])));
      for (const r of requires) if (!isBuiltin(r)) queue.push({ spec: r, fromFile: file, conditions: REQUIRE });
    } else excluded.add(packageOf(file));
  }
  const drop = (pkg: string) => {
    excluded.add(pkg);
    for (const f of plan.esm) if (f.startsWith(pkg)) plan.esm.delete(f);
    for (const f of plan.cjs.keys()) if (f.startsWith(pkg)) plan.cjs.delete(f);
  };
  for (const pkg of excluded) drop(pkg);
  for (let changed = true; changed; ) {
    changed = false;
    for (const file of [...plan.esm]) {
      if (plan.esm.has(file) && !importsOf(file).every((spec) => linkSpecifier(spec, file, root, plan, fromDist) !== undefined)) {
        drop(packageOf(file));
        changed = true;
      }
    }
    for (const [file, requires] of [...plan.cjs]) {
      if (plan.cjs.has(file) && ![...requires].every(([spec, target]) => requireTarget(spec, target, plan, fromDist) !== undefined)) {
        drop(packageOf(file));
        changed = true;
      }
    }
  }
  return plan;
}

/**
 * Where a require goes in the bundle: the bundled file it names, or null for a native require from dist/ (a
 * built-in, or a package left out that dist/ finds as the requiring file does); undefined when neither.
 */
export function requireTarget(spec: string, target: string | null, plan: VendorPlan, fromDist: string): string | null | undefined {
  if (target === null) return null;
  if (plan.cjs.has(target)) return target;
  return isBare(spec) && target !== '' && resolveSpecifier(spec, fromDist, REQUIRE) === target ? null : undefined;
}

/** A CommonJS file as a block of the bundle: `System.cjs(name, requires, factory)`, its requires named. */
export function commonJsBlock(file: string, root: string, plan: VendorPlan, fromDist: string): { name: string; deps: string[]; dynamic: string[]; text: string } {
  const name = vendorName(root, file, plan);
  const requires: Record<string, string | null> = {};
  for (const [spec, target] of plan.cjs.get(file)!) {
    const to = requireTarget(spec, target, plan, fromDist);
    requires[spec] = to ? vendorName(root, to, plan) : null;
  }
  const source = readFileSync(file, 'utf8').replace(/^#!.*/, '');
  const text = `System.cjs(${JSON.stringify(name)}, ${JSON.stringify(requires)}, function (exports, require, module, __filename, __dirname) {\n${source}\n});\n`;
  return { name, deps: Object.values(requires).filter((r): r is string => r !== null), dynamic: [], text };
}

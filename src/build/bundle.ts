// Build step (after tsc, in `npm run build`, `prepare` and `pretest`): writes dist/bundle.js, every module of
// src/ (but this build folder and the loader in src/boot/) in one script, in the System.register shape that
// TypeScript emits, for src/boot/registry.ts to run, and V8's code cache of it. Start-up then reads one file
// whose code is already compiled, instead of resolving, reading and compiling a few hundred modules (issue 13).
// Types are not checked here: the tsc run before this one did that.
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import ts from 'typescript';
import { BUNDLE_EXCLUDED, BUNDLE_FILE, codeCacheFile, DIST, wrapBundle } from '../boot/bundle-file.js';
import { saveCodeCache } from '../boot/code-cache.js';
import { Registry } from '../boot/registry.js';

const src = fileURLToPath(new URL('../../src/', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return BUNDLE_EXCLUDED.includes(path.relative(src, full).replace(/\\/g, '/')) ? [] : sources(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

const options: ts.CompilerOptions = {
  module: ts.ModuleKind.System,
  target: ts.ScriptTarget.ES2022,
  esModuleInterop: true,
  // Every file is a module, as under package.json's "type": "module", even one without import or export.
  moduleDetection: ts.ModuleDetectionKind.Force,
  removeComments: true,
  rootDir: src,
  outFile: fileURLToPath(BUNDLE_FILE),
  // Emit only: no type check, no lib or @types read, imports named from their paths.
  noCheck: true,
  noResolve: true,
  noLib: true,
  types: [],
};
const host = ts.createCompilerHost(options);
let emitted = '';
host.writeFile = (name, text) => {
  if (name.endsWith('.js')) emitted = text;
};
const files = sources(src);
const result = ts.createProgram(files, options, host).emit();
if (result.emitSkipped || emitted === '') {
  process.stderr.write(`bundle: TypeScript emitted nothing\n${ts.formatDiagnostics(result.diagnostics, host)}`);
  process.exit(1);
}
const text = wrapBundle(emitted);
writeFileSync(BUNDLE_FILE, text);

// The code cache, made once the modules below have run, so that their top-level code is compiled in it.
for (const old of readdirSync(DIST)) if (/^bundle-.*\.cache$/.test(old)) rmSync(new URL(old, DIST));
const script = new Script(text, { filename: fileURLToPath(BUNDLE_FILE) });
const registry = new Registry(DIST, (specifier) => import(specifier));
(script.runInThisContext() as (system: Registry) => void)(registry);
// Every module some other one imports, statically or by a literal import(); not the entry scripts (main, and
// those run as processes of their own, such as the Windows watchdog), which act when evaluated.
const dynamic = [...emitted.matchAll(/context_\d+\.import\("([^"]+)"\)/g)].map((m) => m[1] as string);
for (const name of new Set([...registry.imported(), ...dynamic])) await registry.import(name);
saveCodeCache(script, codeCacheFile());
process.stdout.write(`bundled ${files.length} modules in ${fileURLToPath(BUNDLE_FILE)}, with V8 ${process.versions.v8}'s code cache\n`);
process.exit(0);

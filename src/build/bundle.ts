// Build step (after tsc, in `npm run build`, `prepare` and `pretest`): writes dist/bundle/, every module of
// src/ (but this build folder and the loader in src/boot/) in the System.register shape that TypeScript
// emits, cut into chunks (chunks.ts) for src/boot/registry.cts to run, and V8's code cache of each. Start-up
// then reads a file or two whose code is already compiled, instead of resolving, reading and compiling a few
// hundred modules (issue 13). Types are not checked here: the tsc run before this one did that.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLE_DIR, BUNDLE_EXCLUDED, chunkFile, CORE, DIST, wrapChunk } from '../boot/bundle-file.cjs';
import { saveCodeCache } from '../boot/code-cache.cjs';
import { Registry } from '../boot/registry.cjs';
import { runChunk, type RanChunk } from '../boot/run-chunk.cjs';
import { asciiOnly, assignChunks, importedModules, relinked, SMALL_CHUNK, splitModules, type ModuleBlock } from './chunks.js';
import { emitSystemBundle } from './emit.js';
import { commonJsBlock, linkSpecifier, planPackages, vendorName } from './vendor.js';

const src = fileURLToPath(new URL('../../src/', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return BUNDLE_EXCLUDED.includes(path.relative(src, full).replace(/\\/g, '/')) ? [] : sources(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

const files = sources(src);
let emitted: string;
try {
  emitted = emitSystemBundle(src, files);
} catch (e) {
  process.stderr.write(`bundle: ${(e as Error).message}\n`);
  process.exit(1);
}

// The packages' ES modules that the tutor's modules reach go in too, each import named as the bundle names it.
const root = fileURLToPath(new URL('../../', import.meta.url));
const fromDist = path.join(root, 'dist', 'main.js');
const own = splitModules(emitted);
const ownNames = new Set(own.map((m) => m.name));
const entries = own.flatMap((m) => [...m.deps, ...m.dynamic]).filter((spec) => !ownNames.has(spec)).map((spec) => ({ spec, fromFile: fromDist }));
const plan = planPackages(entries, root, fromDist);
const fileOf = new Map([...plan.esm].map((file) => [vendorName(root, file, plan), file]));
const link = (block: ModuleBlock, fromFile: string): ModuleBlock => {
  // planPackages left out every package with an import that cannot be named; the tutor's own keep theirs.
  const rename = (spec: string) => (ownNames.has(spec) ? spec : (linkSpecifier(spec, fromFile, root, plan, fromDist) ?? spec));
  return relinked(block, block.deps.map(rename), rename);
};
const modules = [
  ...own.map((m) => link(m, fromDist)),
  ...(plan.esm.size > 0 ? splitModules(emitSystemBundle(root, [...plan.esm], true)).map((m) => link(m, fileOf.get(m.name)!)) : []),
  ...[...plan.cjs.keys()].map((file) => commonJsBlock(file, root, plan, fromDist)),
];
// BUNDLE_SMALL_CHUNK tries another threshold (a measurement's knob).
const chunkOf = assignChunks(modules, Number(process.env.BUNDLE_SMALL_CHUNK ?? SMALL_CHUNK));
const bodies = new Map<string, string>();
for (const m of modules) {
  const chunk = chunkOf.get(m.name);
  if (chunk !== undefined) bodies.set(chunk, (bodies.get(chunk) ?? '') + m.text);
}
const manifest = Object.fromEntries([...chunkOf].filter(([, chunk]) => chunk !== CORE));
rmSync(BUNDLE_DIR, { recursive: true, force: true });
rmSync(new URL('bundle.js', DIST), { force: true });
mkdirSync(BUNDLE_DIR, { recursive: true });
for (const [chunk, body] of bodies) writeFileSync(chunkFile(chunk), asciiOnly(wrapChunk(body, chunk === CORE ? manifest : undefined)));

// The code caches, made once the modules below have run, so that their top-level code is compiled in them.
const ran: RanChunk[] = [];
const registry: Registry = new Registry(DIST, (specifier) => import(specifier), (chunk) => ran.push(runChunk(registry, chunk, undefined, false)));
ran.push(runChunk(registry, CORE, undefined, false));
for (const name of importedModules(modules)) await registry.import(name);
for (const { script, cacheFile } of ran) saveCodeCache(script, cacheFile);
process.stdout.write(`bundled ${files.length} modules and ${plan.esm.size + plan.cjs.size} of packages in ${bodies.size} chunks in ${fileURLToPath(BUNDLE_DIR)}, with V8 ${process.versions.v8}'s code cache\n`);
process.exit(0);

import { CORE } from '../boot/bundle-file.cjs';

/**
 * Pure: how the start-up bundle is cut into chunks, so that a command reads and compiles only the code it
 * can run (`list` needs neither the built-in engine nor the REPL). The input is TypeScript's System.register
 * emit of every module in one text; each module's block starts a line `System.register("name", [deps], ...`.
 *
 * The entry points are `main` and every module some module imports with a literal `import()` (a command, the
 * built-in engine ...). A module goes in the chunk of the entries that reach it by static imports: the one
 * chunk `main` reaches is the core every start reads; a module that only `lesson` and `repl` reach goes in
 * a chunk of its own that both load. So no module is read twice, and none before something may run it.
 */

export interface ModuleBlock {
  name: string;
  /** The modules and packages it imports statically, as the emit names them. */
  deps: string[];
  /** The modules it imports with a literal `import()`. */
  dynamic: string[];
  text: string;
}

/** Below this many characters a chunk joins the core: reading one more file costs about as much as 30 KB. */
export const SMALL_CHUNK = 32 * 1024;

const REGISTER = /^System\.register\("([^"]+)", (\[[^\]\n]*\])/gm;
const DYNAMIC = /context_\d+\.import\(["']([^"'\n]+)["']\)/g;

export function splitModules(emitted: string): ModuleBlock[] {
  const starts = [...emitted.matchAll(REGISTER)];
  return starts.map((m, i) => {
    const text = emitted.slice(m.index, i + 1 < starts.length ? starts[i + 1]!.index : emitted.length);
    return { name: m[1]!, deps: JSON.parse(m[2]!) as string[], dynamic: [...text.matchAll(DYNAMIC)].map((d) => d[1]!), text };
  });
}


/**
 * Each module's chunk: `core` for what `main` reaches statically, else a name made of the entries that
 * reach it (stable from build to build, so a cache file keeps its name while the code is unchanged).
 * Modules no entry reaches (scripts run as processes of their own, from dist/) are in no chunk.
 */
export function assignChunks(modules: ModuleBlock[], smallChunk = SMALL_CHUNK, main = 'main'): Map<string, string> {
  const byName = new Map(modules.map((m) => [m.name, m]));
  const entries = new Set([main, ...modules.flatMap((m) => m.dynamic).filter((n) => byName.has(n))]);
  const reachedBy = new Map<string, string[]>();
  for (const entry of entries) {
    const stack = [entry];
    const seen = new Set<string>();
    while (stack.length > 0) {
      const name = stack.pop()!;
      if (seen.has(name) || !byName.has(name)) continue;
      seen.add(name);
      reachedBy.set(name, [...(reachedBy.get(name) ?? []), entry]);
      stack.push(...byName.get(name)!.deps);
    }
  }
  const chunks = new Map<string, string>();
  for (const [name, by] of reachedBy) chunks.set(name, by.includes(main) ? CORE : chunkName(by));
  // A small chunk costs more to find, read and set up than its code: it joins the core.
  const sizes = new Map<string, number>();
  for (const [name, chunk] of chunks) sizes.set(chunk, (sizes.get(chunk) ?? 0) + byName.get(name)!.text.length);
  for (const [name, chunk] of chunks) if (sizes.get(chunk)! < smallChunk) chunks.set(name, CORE);
  return chunks;
}

/** A file name for the chunk of these entries: short, and the same for the same set. */
function chunkName(entries: string[]): string {
  const key = [...entries].sort().join('+');
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  const first = [...entries].sort()[0]!.replace(/[^\w]+/g, '-');
  return `${first}${entries.length > 1 ? `-and-${entries.length - 1}` : ''}-${(h >>> 0).toString(16)}`;
}

/** The text as pure ASCII (every other character as a \u escape), which Node reads and V8 holds at one byte a character. */
export function asciiOnly(text: string): string {
  return text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The modules some module imports, statically or by a literal `import()`: those the build runs to fill the
 * code caches. Not the entry scripts (main, and those run as processes of their own, such as the Windows
 * watchdog), which act when evaluated.
 */
export function importedModules(modules: ModuleBlock[]): string[] {
  const names = new Set(modules.map((m) => m.name));
  return [...new Set(modules.flatMap((m) => [...m.deps, ...m.dynamic]))].filter((n) => names.has(n));
}

/** Pure: the block with its static imports named `deps` (same order) and its literal `import()`s renamed by `rename`. */
export function relinked(block: ModuleBlock, deps: string[], rename: (spec: string) => string): ModuleBlock {
  const firstLine = block.text.indexOf('\n');
  const head = block.text.slice(0, firstLine).replace(/^(System\.register\("[^"]+", )\[[^\]\n]*\]/, (_m, start: string) => `${start}${JSON.stringify(deps).replace(/","/g, '", "')}`);
  const body = block.text.slice(firstLine).replace(/(context_\d+\.import\()(["'])([^"'\n]+)\2\)/g, (_m, call: string, _q: string, spec: string) => `${call}${JSON.stringify(rename(spec))})`);
  return { name: block.name, deps, dynamic: block.dynamic.map(rename), text: head + body };
}

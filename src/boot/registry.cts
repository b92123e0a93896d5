/**
 * Runs the start-up bundle (`dist/bundle/`, written by `src/build/bundle.ts`): every compiled module of the
 * tutor in a few chunk files, each module in the System.register shape TypeScript emits, so that start-up
 * reads and compiles a file or two instead of a few hundred modules (each ES module costs Node about half a
 * millisecond to resolve, load, compile and link: issue 13). This is the loader of that shape: modules are
 * named by their path under `dist/` without `.js`; a module of a chunk not read yet has it read when first
 * imported; packages' files are in the bundle too, named `node_modules/...` (ES modules as the tutor's own,
 * CommonJS files run by a `require` of the bundle's own); anything else (node:*, absolute URLs, a package
 * the bundle leaves out) is imported natively.
 *
 * It keeps ES module semantics where the tutor can tell: live bindings (an export assigned later reaches
 * its importers through their setters), cycles, top-level await, each module evaluated once, after its
 * dependencies, in import order; `import.meta.url` is the module's own file under `dist/`.
 */
import { createRequire, isBuiltin } from 'node:module';
import { fileURLToPath } from 'node:url';

type Namespace = Record<string | symbol, unknown>;

/**
 * A built-in module as `import` gives it (`default` the module, its keys named exports), from `require`: a
 * tutor whose every module is in the bundle then never starts Node's ES module loader. The module is
 * required when the namespace is first used, not when it is imported (the start-up of `list` imports
 * node:crypto and never uses it), and its keys are read when used (some are getters that load more of
 * Node: fs.promises, process.report).
 */
function builtinNamespace(load: () => unknown): Namespace {
  let module: Namespace | undefined;
  const real = (): Namespace => (module ??= load() as Namespace);
  const view = (): Namespace => ({ ...Object.fromEntries(Object.keys(real()).map((k) => [k, undefined])), default: undefined });
  return new Proxy(Object.create(null) as Namespace, {
    // `then` is asked by every await of the namespace (no built-in exports one): that is no use of it.
    get: (_t, key) => (key === Symbol.toStringTag ? 'Module' : key === 'then' ? undefined : key === 'default' ? real() : real()[key]),
    has: (_t, key) => key === 'default' || key in real(),
    ownKeys: () => Reflect.ownKeys(view()),
    getOwnPropertyDescriptor: (_t, key) => (key === 'default' || Object.prototype.hasOwnProperty.call(real(), key) ? { value: key === 'default' ? real() : real()[key as string], enumerable: true, configurable: true, writable: false } : undefined),
  });
}

/**
 * Built-ins that a package requires as it loads but uses only later, if ever (commander's child_process,
 * for subcommands run as programs, which the tutor has none of): loading them costs a few milliseconds of
 * every start. They are given as a stand-in that requires the real module when first used.
 */
const LAZY_BUILTINS = new Set(['child_process', 'node:child_process']);

function lazy(load: () => object): object {
  let real: object | undefined;
  const target = (): object => (real ??= load());
  return new Proxy(Object.create(null) as object, {
    get: (_t, key) => Reflect.get(target(), key),
    has: (_t, key) => Reflect.has(target(), key),
    ownKeys: () => Reflect.ownKeys(target()),
    getOwnPropertyDescriptor: (_t, key) => {
      const d = Reflect.getOwnPropertyDescriptor(target(), key);
      return d === undefined ? undefined : { ...d, configurable: true };
    },
  });
}

/** Packages' modules in the bundle are named by their path from the project root. */
const PACKAGES = 'node_modules/';
type Setter = (ns: Namespace) => void;
type ExportFn = (name: string | Namespace, value?: unknown) => unknown;
interface Context {
  id: string;
  meta: { url: string };
  import: (specifier: string) => Promise<unknown>;
}
type Declare = (exportFn: ExportFn, context: Context) => { setters: Setter[]; execute: () => unknown };

interface Registered {
  deps: string[];
  declare: Declare;
}

/** A CommonJS file of a package: where each of its requires goes (a module of the bundle, or null: native), and its code. */
interface CommonJs {
  requires: Record<string, string | null>;
  factory: (this: unknown, exports: unknown, require: (spec: string) => unknown, module: { exports: unknown }, filename: string, dirname: string) => void;
}

interface Instance {
  ns: Namespace;
  importers: Setter[];
  deps: string[];
  setters: Setter[];
  execute: () => unknown;
  evaluated?: Promise<void>;
}

/** `./x.js` or `../y/z.js` from module `a/b` gives `a/x` or `y/z`; anything else is left as it is. */
export function resolveName(specifier: string, from: string): string {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return specifier;
  const parts = from.split('/').slice(0, -1);
  for (const part of specifier.replace(/\.js$/, '').split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  return parts.join('/');
}

export class Registry {
  readonly #registered = new Map<string, Registered>();
  readonly #instances = new Map<string, Instance>();
  readonly #externals = new Map<string, Namespace>();
  /** The chunk each module of the bundle is in, for those not registered yet; chunks loaded so far. */
  readonly #chunkOf = new Map<string, string>();
  readonly #loadedChunks = new Set<string>();
  readonly #commonJs = new Map<string, CommonJs>();
  readonly #required = new Map<string, { exports: unknown }>();
  /** A built-in, or a package outside the bundle, as dist/ finds it. */
  readonly #nativeRequire = createRequire(__filename);

  /**
   * @param base URL of the folder the modules' names are relative to (`dist/`).
   * @param importNative how a module outside the bundle is imported (the caller's own `import()`).
   * @param loadChunk runs a chunk of the bundle (synchronously), which registers its modules.
   */
  constructor(
    private readonly base: URL,
    private readonly importNative: (specifier: string) => Promise<Namespace>,
    private readonly loadChunk: (chunk: string) => void = () => undefined,
  ) {}

  /** Called by the bundle once per module. */
  register(name: string, deps: string[], declare: Declare): void {
    this.#registered.set(name, { deps, declare });
  }

  /** Called by the bundle once per CommonJS file of a package. */
  cjs(name: string, requires: CommonJs['requires'], factory: CommonJs['factory']): void {
    this.#commonJs.set(name, { requires, factory });
  }

  /** Called by the core chunk: which chunk holds each module of the bundle. */
  chunks(manifest: Record<string, string>): void {
    for (const [name, chunk] of Object.entries(manifest)) this.#chunkOf.set(name, chunk);
  }

  /** Whether a name is a module of the bundle (registered, or in a chunk not loaded yet). */
  #has(name: string): boolean {
    return this.#registered.has(name) || this.#commonJs.has(name) || this.#chunkOf.has(name);
  }

  /** Reads the chunk that holds `name` if it is not read yet. */
  #ensureChunk(name: string): void {
    const chunk = this.#chunkOf.get(name);
    if (!this.#registered.has(name) && !this.#commonJs.has(name) && chunk !== undefined && !this.#loadedChunks.has(chunk)) {
      this.#loadedChunks.add(chunk);
      this.loadChunk(chunk);
    }
  }

  /** A CommonJS file's exports, run once, as `require` gives them. */
  #require(name: string): unknown {
    const done = this.#required.get(name);
    if (done) return done.exports;
    this.#ensureChunk(name);
    const cjs = this.#commonJs.get(name);
    if (!cjs) throw new Error(`redis-tutor's bundle has no module ${name}`);
    const module = { exports: {} as unknown };
    this.#required.set(name, module);
    const require = (spec: string): unknown => {
      const target = cjs.requires[spec];
      if (target) return this.#require(target);
      return LAZY_BUILTINS.has(spec) ? lazy(() => this.#nativeRequire(spec) as object) : this.#nativeRequire(spec);
    };
    const file = new URL(`../${name}`, this.base);
    cjs.factory.call(module.exports, module.exports, require, module, fileURLToPath(file), fileURLToPath(new URL('.', file)));
    return module.exports;
  }

  /** An ES module's view of a CommonJS file, as Node gives it: `default` is module.exports, its keys are named exports. */
  #commonJsInstance(name: string): Instance {
    const ns: Namespace = Object.create(null) as Namespace;
    Object.defineProperty(ns, Symbol.toStringTag, { value: 'Module' });
    const importers: Setter[] = [];
    const execute = () => {
      const exported = this.#require(name);
      if (exported !== null && (typeof exported === 'object' || typeof exported === 'function')) {
        for (const key of Object.keys(exported)) if (key !== 'default') ns[key] = (exported as Namespace)[key];
      }
      ns.default = exported;
      for (const setter of importers) setter(ns);
    };
    const instance: Instance = { ns, importers, deps: [], setters: [], execute };
    this.#instances.set(name, instance);
    return instance;
  }

  #registeredOf(name: string): Registered | undefined {
    this.#ensureChunk(name);
    return this.#registered.get(name);
  }

  /** Loads a module of the bundle with everything it imports, evaluates it, and answers its namespace. */
  async import(name: string): Promise<Namespace> {
    const instance = this.#instantiate(name);
    await this.#loadExternals(name, new Set());
    this.#link(name, new Set());
    await this.#evaluate(name);
    return instance.ns;
  }

  #instantiate(name: string): Instance {
    const existing = this.#instances.get(name);
    if (existing) return existing;
    const registered = this.#registeredOf(name);
    if (!registered && this.#commonJs.has(name)) return this.#commonJsInstance(name);
    if (!registered) throw new Error(`redis-tutor's bundle has no module ${name}`);
    const ns: Namespace = Object.create(null) as Namespace;
    Object.defineProperty(ns, Symbol.toStringTag, { value: 'Module' });
    const importers: Setter[] = [];
    const exportFn: ExportFn = (key, value) => {
      if (typeof key === 'string') ns[key] = value;
      else for (const k of Object.keys(key)) ns[k] = key[k];
      for (const setter of importers) setter(ns);
      return value;
    };
    const context: Context = {
      id: name,
      meta: { url: new URL(`${name.startsWith(PACKAGES) ? '../' : ''}${name}.js`, this.base).href },
      import: (specifier) => this.#dynamicImport(resolveName(specifier, name)),
    };
    const deps = registered.deps.map((d) => resolveName(d, name));
    const instance: Instance = { ns, importers, deps, setters: [], execute: () => undefined };
    this.#instances.set(name, instance);
    const { setters, execute } = registered.declare(exportFn, context);
    instance.setters = setters;
    instance.execute = execute;
    for (const dep of deps) if (this.#has(dep)) this.#instantiate(dep);
    return instance;
  }

  #dynamicImport(name: string): Promise<unknown> {
    return this.#has(name) ? this.import(name) : this.#native(name);
  }

  async #native(specifier: string): Promise<Namespace> {
    const cached = this.#externals.get(specifier);
    if (cached) return cached;
    const ns = isBuiltin(specifier) ? builtinNamespace(() => this.#nativeRequire(specifier)) : await this.importNative(specifier);
    this.#externals.set(specifier, ns);
    return ns;
  }

  /** Imports, all at once, every outside module the graph under `name` needs and does not have yet. */
  async #loadExternals(name: string, seen: Set<string>): Promise<void> {
    const wanted: string[] = [];
    const walk = (n: string): void => {
      if (seen.has(n)) return;
      seen.add(n);
      const instance = this.#instances.get(n);
      if (!instance || instance.evaluated) return;
      for (const dep of instance.deps) {
        if (this.#has(dep)) walk(dep);
        else if (!this.#externals.has(dep)) wanted.push(dep);
      }
    };
    walk(name);
    await Promise.all([...new Set(wanted)].map((s) => this.#native(s)));
  }

  /** Hands each module its dependencies' namespaces (and later updates, through `importers`). */
  #link(name: string, seen: Set<string>): void {
    if (seen.has(name)) return;
    seen.add(name);
    const instance = this.#instances.get(name);
    if (!instance || instance.evaluated) return;
    instance.deps.forEach((dep, i) => {
      const setter = instance.setters[i];
      const inner = this.#instances.get(dep);
      if (inner) {
        if (setter && !inner.importers.includes(setter)) inner.importers.push(setter);
        setter?.(inner.ns);
        this.#link(dep, seen);
      } else {
        setter?.(this.#externals.get(dep) as Namespace);
      }
    });
  }

  /**
   * Dependencies first, each once. A module met again on the current path is a cycle: it is not waited
   * for (as in ES modules, its importer runs first); one started by another import is waited for.
   */
  #evaluate(name: string, path: ReadonlySet<string> = new Set()): Promise<void> {
    const instance = this.#instances.get(name) as Instance;
    if (instance.evaluated) return path.has(name) ? Promise.resolve() : instance.evaluated;
    const here = new Set(path).add(name);
    // Set before any dependency is visited, so that a cycle back to this module finds it started.
    let started!: () => void;
    instance.evaluated = new Promise<void>((resolve) => (started = resolve)).then(async () => {
      for (const dep of instance.deps) if (this.#instances.has(dep)) await this.#evaluate(dep, here);
      await instance.execute();
    });
    started();
    return instance.evaluated;
  }
}

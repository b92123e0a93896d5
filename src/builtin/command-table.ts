import { REDIS_COMMAND_NAMES } from './command-data.generated.js';
import { CommandEntry } from './command-entry.js';
import type { CommandSpec } from './types.js';

type Found = { readonly kind: 'found'; readonly spec: CommandEntry; readonly fullName: string };

export type Lookup =
  | Found
  | { kind: 'unknown' }
  | { kind: 'unknown-subcommand'; container: string }
  | { kind: 'not-available'; name: string }
  | { kind: 'arity'; fullName: string };

const realRedisNames = new Set(REDIS_COMMAND_NAMES);

/** The engine's commands by lower-case name, and the lookup Redis's processCommand does. */
export class CommandTable {
  private readonly byName = new Map<string, CommandEntry>();
  private readonly subByName = new Map<CommandEntry, Map<string, Found>>();
  /** Each command's answer to a lookup, made once: a lookup that finds allocates nothing. */
  private readonly byHash = new Map<number, Found[]>();
  /** The last name found and its answer. */
  private lastName: Buffer | undefined;
  private lastFound: Found | undefined;

  constructor(commands: CommandSpec[]) {
    for (const spec of commands.map((c) => new CommandEntry(c))) {
      this.byName.set(spec.name, spec);
      const h = hashLower(Buffer.from(spec.name, 'latin1'));
      this.byHash.set(h, [...(this.byHash.get(h) ?? []), found(spec)]);
      if (spec.subcommands !== undefined) {
        this.subByName.set(spec, new Map(spec.subcommands.map((s) => [s.name.slice(spec.name.length + 1), found(s)])));
      }
    }
  }

  /**
   * The command named by these bytes, any case, without making a string: a hash of the lower-cased
   * bytes picks the candidates, a byte comparison confirms (this runs once per command).
   */
  private fast(raw: Buffer): Found | undefined {
    // The parser hands out a connection's last command name again (its bytes never written): the same
    // Buffer names the same command.
    if (raw === this.lastName) return this.lastFound;
    const candidates = this.byHash.get(hashLower(raw));
    if (candidates === undefined) return undefined;
    for (const entry of candidates) {
      const name = entry.fullName;
      if (name.length !== raw.length) continue;
      let i = 0;
      for (; i < name.length; i++) if (name.charCodeAt(i) !== lower(raw[i]!)) break;
      if (i === name.length) {
        this.lastName = raw;
        this.lastFound = entry;
        return entry;
      }
    }
    return undefined;
  }

  get(name: string): CommandEntry | undefined {
    return this.byName.get(name);
  }

  all(): IterableIterator<CommandEntry> {
    return this.byName.values();
  }

  get size(): number {
    return this.byName.size;
  }

  lookup(args: Buffer[]): Lookup {
    const entry = this.fast(args[0]!);
    const name = entry?.fullName ?? args[0]!.toString('latin1').toLowerCase();
    if (entry === undefined) {
      if (!realRedisNames.has(name)) return { kind: 'unknown' };
      const sub = args.length >= 2 ? `${name}|${args[1]!.toString('latin1').toLowerCase()}` : '';
      return { kind: 'not-available', name: (realRedisNames.has(sub) ? sub.replace('|', ' ') : name).toUpperCase() };
    }
    const spec = entry.spec;
    const subs = spec.subcommands === undefined ? undefined : this.subByName.get(spec);
    if (subs !== undefined && args.length >= 2) {
      const subName = args[1]!.toString('latin1').toLowerCase();
      const sub = subs.get(subName);
      if (sub === undefined) {
        if (realRedisNames.has(`${name}|${subName}`)) return { kind: 'not-available', name: `${name} ${subName}`.toUpperCase() };
        return { kind: 'unknown-subcommand', container: name.toUpperCase() };
      }
      return arityOk(sub.spec, args.length) ? sub : { kind: 'arity', fullName: sub.fullName };
    }
    return arityOk(spec, args.length) ? entry : { kind: 'arity', fullName: name };
  }
}

const found = (spec: CommandEntry): Found => ({ kind: 'found', spec, fullName: spec.name });

function arityOk(spec: CommandSpec, argc: number): boolean {
  return spec.arity > 0 ? argc === spec.arity : argc >= -spec.arity;
}

const lower = (c: number): number => (c >= 0x41 && c <= 0x5a ? c | 0x20 : c);

function hashLower(b: Buffer): number {
  let h = b.length;
  for (let i = 0; i < b.length; i++) h = (Math.imul(h, 31) + lower(b[i]!)) | 0;
  return h;
}

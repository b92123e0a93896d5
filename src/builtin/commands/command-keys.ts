import { array, bulk, simple } from '../../resp/types.js';
import { arrayOf, setReply, type Reply } from '../reply.js';
import type { Engine } from '../engine.js';
import { globMatch } from '../glob.js';
import type { CommandSpec } from '../types.js';
import { keyword } from '../util/args.js';
import { fail, SYNTAX_ERROR } from '../util/reply-error.js';

/**
 * COMMAND GETKEYS, GETKEYSANDFLAGS and LIST FILTERBY, read from Redis 7.0.15's own COMMAND INFO records
 * (key specs, flags, ACL categories): the key positions follow getKeysUsingKeySpecs, SORT's STORE its
 * sortGetKeys.
 */

/** A command's recorded COMMAND INFO reply (introspection.ts decodes them). */
export type InfoOf = (name: string) => Reply | undefined;

const items = (r: Reply | undefined): Reply[] => (r !== undefined && (r.type === 'array' || r.type === 'map' || r.type === 'set') && r.value !== null ? r.value : []);
const text = (r: Reply | undefined): string => (r?.type === 'bulk' || r?.type === 'simple' ? String(r.value) : '');
const num = (r: Reply | undefined): number => (r?.type === 'integer' ? Number(r.value) : 0);

/** A RESP3 map (flat) as a lookup by key. */
function field(m: Reply | undefined, name: string): Reply | undefined {
  const kv = items(m);
  for (let i = 0; i + 1 < kv.length; i += 2) if (text(kv[i]) === name) return kv[i + 1];
  return undefined;
}

/** The info of a command or of a container's subcommand (found in its container's record). */
function infoFor(infoOf: InfoOf, spec: CommandSpec): Reply | undefined {
  const bar = spec.name.indexOf('|');
  if (bar < 0) return infoOf(spec.name);
  return items(items(infoOf(spec.name.slice(0, bar)))[9]).find((sub) => text(items(sub)[0]) === spec.name);
}

interface FoundKey {
  pos: number;
  flags: Reply;
}

/** getKeysUsingKeySpecs: undefined when a spec cannot be followed (invalid or unknown). */
function keysFromSpecs(specs: Reply[], args: Buffer[], arity: number): FoundKey[] | undefined {
  const argc = args.length;
  const out: FoundKey[] = [];
  for (const ks of specs) {
    const flags = field(ks, 'flags') ?? setReply([]);
    const begin = field(ks, 'begin_search');
    const find = field(ks, 'find_keys');
    let first = 0;
    const bsType = text(field(begin, 'type'));
    const bs = field(begin, 'spec');
    if (bsType === 'index') first = num(field(bs, 'index'));
    else if (bsType === 'keyword') {
      const word = text(field(bs, 'keyword')).toLowerCase();
      const from = num(field(bs, 'startfrom'));
      const start = from > 0 ? from : argc + from;
      const end = from > 0 ? argc - 1 : 0;
      for (let i = start; i !== end; i = start <= end ? i + 1 : i - 1) {
        if (i >= argc || i < 1) break;
        if (args[i]!.toString('latin1').toLowerCase() === word) {
          first = i + 1;
          break;
        }
      }
      if (first === 0) continue;
    } else return undefined;
    const fkType = text(field(find, 'type'));
    const fk = field(find, 'spec');
    let last: number;
    let step: number;
    if (fkType === 'range') {
      step = num(field(fk, 'keystep'));
      const lastkey = num(field(fk, 'lastkey'));
      const limit = num(field(fk, 'limit'));
      if (lastkey >= 0) last = first + lastkey;
      else if (limit === 0) last = argc + lastkey;
      else last = first + (Math.floor((argc - first) / limit) + lastkey);
    } else if (fkType === 'keynum') {
      step = num(field(fk, 'keystep'));
      const idx = num(field(fk, 'keynumidx'));
      if (idx >= argc - first) return undefined;
      const n = Number(args[first + idx]!.toString('latin1'));
      if (!/^(0|-?[1-9][0-9]*)$/.test(args[first + idx]!.toString('latin1')) || n < 0) return undefined;
      first += num(field(fk, 'firstkey'));
      last = first + n - 1;
    } else return undefined;
    if (last >= argc || last < first || first >= argc) return undefined;
    for (let i = first; i <= last; i += step) {
      if (i >= argc || i < first) {
        if (arity < 0) continue;
        break;
      }
      out.push({ pos: i, flags });
    }
  }
  return out;
}

const flagSet = (...names: string[]): Reply => setReply(names.map(simple));
const FLAGS_RO_ACCESS = flagSet('RO', 'access');
const FLAGS_OW_UPDATE = flagSet('OW', 'update');
const FLAGS_RW_ACCESS_UPDATE = flagSet('RW', 'access', 'update');

/**
 * The commands whose key specs are incomplete or have variable flags, and Redis's getkeys_proc for
 * them: SORT (its STORE), SORT_RO, SET (RW with GET, else OW).
 */
const PROCS: Record<string, (args: Buffer[]) => FoundKey[]> = {
  sort: sortKeys,
  sort_ro: () => [{ pos: 1, flags: FLAGS_RO_ACCESS }],
  set: (args) => [{ pos: 1, flags: args.slice(3).some((a) => keyword(a) === 'get') ? FLAGS_RW_ACCESS_UPDATE : FLAGS_OW_UPDATE }],
};

/** sortGetKeys: the sorted key, and STORE's destination (the last STORE wins). */
function sortKeys(args: Buffer[]): FoundKey[] {
  const out: FoundKey[] = [{ pos: 1, flags: FLAGS_RO_ACCESS }];
  const skip: Record<string, number> = { limit: 2, get: 1, by: 1 };
  let store: number | undefined;
  for (let i = 2; i < args.length; i++) {
    const word = keyword(args[i]);
    const n = skip[word];
    if (n !== undefined) i += n;
    else if (word === 'store' && i + 1 < args.length) store = ++i;
  }
  if (store !== undefined) out.push({ pos: store, flags: FLAGS_OW_UPDATE });
  return out;
}

/** COMMAND GETKEYS (`withFlags` false) and GETKEYSANDFLAGS, for the command in args[2..]. */
export function getKeys(engine: Engine, infoOf: InfoOf, args: Buffer[], withFlags: boolean): Reply {
  const argv = args.slice(2);
  const found = engine.table.lookup(argv);
  const spec = found.kind === 'found' || found.kind === 'arity' ? (found.kind === 'found' ? found.spec : lookupByName(engine, found.fullName)) : undefined;
  if (spec === undefined) fail('ERR Invalid command specified');
  const info = items(infoFor(infoOf, spec));
  const specs = items(info[8]);
  const proc = PROCS[spec.name];
  const hasKeys = proc !== undefined || specs.some((ks) => !items(field(ks, 'flags')).some((f) => text(f) === 'not_key'));
  if (!hasKeys) fail('ERR The command has no key arguments');
  if (found.kind === 'arity') fail('ERR Invalid number of arguments specified for command');
  const keys = proc !== undefined ? proc(argv) : keysFromSpecs(specs, argv, spec.arity);
  if (keys === undefined || keys.length === 0) {
    if (items(info[2]).some((f) => text(f) === 'no_mandatory_keys')) return array([]);
    fail('ERR Invalid arguments specified for command');
  }
  return arrayOf(keys.map((k) => (withFlags ? arrayOf([bulk(argv[k.pos]!), k.flags]) : bulk(argv[k.pos]!))));
}

function lookupByName(engine: Engine, fullName: string): CommandSpec | undefined {
  const [name, sub] = fullName.split('|');
  const spec = engine.table.get(name!);
  return sub === undefined ? spec : spec?.subcommands?.find((s) => s.name === fullName);
}

/** COMMAND LIST [FILTERBY MODULE name | ACLCAT category | PATTERN glob]. */
export function listCommands(engine: Engine, infoOf: InfoOf, args: Buffer[]): Reply {
  const top = [...engine.table.all()];
  if (args.length !== 2 && (args.length !== 5 || keyword(args[2]) !== 'filterby')) fail(SYNTAX_ERROR);
  const by = args.length === 2 ? 'none' : keyword(args[3]);
  const value = args.length === 2 ? '' : args[4]!.toString('latin1');
  let keep: (spec: CommandSpec) => boolean;
  // Without a filter Redis lists every command and subcommand too.
  if (by === 'none') keep = () => true;
  else if (by === 'module') keep = () => false;
  else if (by === 'aclcat') {
    const category = `@${value.toLowerCase()}`;
    keep = (spec) => items(items(infoFor(infoOf, spec))[6]).some((c) => text(c) === category);
  } else if (by === 'pattern') keep = (spec) => globMatch(value.toLowerCase(), spec.name);
  else return fail(SYNTAX_ERROR);
  const out: Reply[] = [];
  for (const spec of top) {
    if (keep(spec)) out.push(bulk(spec.name));
    for (const sub of spec.subcommands ?? []) if (keep(sub)) out.push(bulk(sub.name));
  }
  return arrayOf(out);
}

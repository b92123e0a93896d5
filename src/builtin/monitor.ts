import { simple } from '../resp/types.js';
import type { Client } from './client.js';
import type { Engine } from './engine.js';
import type { CommandSpec } from './types.js';
import { peerId } from './clients/addresses.js';

/** Per command: hidden from MONITOR (admin commands, as Redis hides CONFIG, DEBUG, CLIENT LIST ...)? */
const hidden = new WeakMap<CommandSpec, boolean>();

/** Arguments Redis shows as "(redacted)": passwords of AUTH and HELLO ... AUTH. */
function redacted(name: string, args: Buffer[]): Set<number> | undefined {
  if (name === 'auth') return new Set(args.map((_a, i) => i).filter((i) => i > 0));
  if (name !== 'hello') return undefined;
  const out = new Set<number>();
  for (let j = 2; j < args.length; j++) {
    if (args[j]!.toString('latin1').toLowerCase() === 'auth' && j + 2 < args.length) {
      out.add(j + 1).add(j + 2);
      j += 2;
    }
  }
  return out;
}

/** One argument as Redis's sdscatrepr quotes it: "..." with \\ \" \n \r \t \a \b and \xHH escapes. */
export function quoteArg(arg: Buffer): string {
  let out = '"';
  for (const c of arg) {
    if (c === 0x5c) out += '\\\\';
    else if (c === 0x22) out += '\\"';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x09) out += '\\t';
    else if (c === 0x07) out += '\\a';
    else if (c === 0x08) out += '\\b';
    else if (c >= 0x20 && c <= 0x7e) out += String.fromCharCode(c);
    else out += `\\x${c.toString(16).padStart(2, '0')}`;
  }
  return out + '"';
}

/**
 * Redis's replicationFeedMonitors: after a command ran, every MONITOR client gets
 * `+<seconds>.<micros> [<db> <ip:port>] "arg" ...` as a status line. `spec` undefined: QUIT, shown always.
 */
export function feedMonitors(engine: Engine, client: Client, args: Buffer[], spec?: CommandSpec): void {
  if (spec !== undefined) {
    let skip = hidden.get(spec);
    if (skip === undefined) {
      skip = spec.flags.includes('admin') || spec.flags.includes('skip_monitor');
      hidden.set(spec, skip);
    }
    if (skip) return;
  }
  const micros = engine.clock.micros();
  const hide = redacted(args[0]!.toString('latin1').toLowerCase(), args);
  const words = args.map((a, i) => (hide?.has(i) === true ? '"(redacted)"' : quoteArg(a)));
  const stamp = `${micros / 1000000n}.${String(micros % 1000000n).padStart(6, '0')}`;
  const line = simple(`${stamp} [${client.dbIndex} ${peerId(client)}] ${words.join(' ')}`);
  for (const monitor of engine.monitors) engine.deliver(monitor, line);
}

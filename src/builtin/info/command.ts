import { verbatim } from '../reply.js';
import { internals } from '../dispatch.js';
import type { Engine } from '../engine.js';
import { keyword } from '../util/args.js';
import { command } from '../util/spec.js';
import { SECTIONS } from './sections.js';

/** The sections INFO's arguments ask for (any number of names, `all`, `everything`, `default`), Redis 7.0's rules. */
function wanted(args: Buffer[]): (name: string, inDefault: boolean) => boolean {
  const names = new Set(args.slice(1).map((a) => keyword(a)));
  if (names.size === 0) return (_n, inDefault) => inDefault;
  if (names.has('all') || names.has('everything')) return () => true;
  const withDefault = names.has('default');
  return (name, inDefault) => names.has(name) || (withDefault && inDefault);
}

/** INFO's text: each section a `# Title` line and its fields, sections apart by an empty line. */
export function infoText(engine: Engine, args: Buffer[]): string {
  const pick = wanted(args);
  const parts: string[] = [];
  for (const section of SECTIONS) {
    if (!pick(section.name, section.inDefault)) continue;
    parts.push(`# ${section.title}\r\n` + section.lines(engine).map((line) => `${line}\r\n`).join(''));
  }
  return parts.join('\r\n');
}

export const info = command('info', -1, ['loading', 'stale'], [0, 0, 0], (ctx, args) => verbatim(infoText(internals(ctx).engine, args)));

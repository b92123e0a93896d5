/**
 * How Redis 7.0's config.c reads the value of a CONFIG SET: memory sizes (memtoull), integers
 * (string2ll), the `save` pairs and the `notify-keyspace-events` classes. Each returns the value in the
 * text CONFIG GET prints, or an error text as Redis words it (the caller adds "CONFIG SET failed ...").
 */
export type Parsed = { ok: string } | { err: string };

const UNITS: Record<string, bigint> = { '': 1n, b: 1n, k: 1000n, kb: 1024n, m: 1000000n, mb: 1048576n, g: 1000000000n, gb: 1073741824n };
const ULLONG_MAX = 2n ** 64n - 1n;

/** memtoull: digits then an optional unit (k, kb, m, mb, g, gb, any case); no sign, no fraction. */
export function parseMemory(text: string): bigint | undefined {
  if (text.startsWith('-')) return undefined;
  const digits = /^[0-9]*/.exec(text)![0];
  const mul = UNITS[text.slice(digits.length).toLowerCase()];
  if (mul === undefined) return undefined;
  // strtoull of no digits is 0, as Redis reads "" and "mb".
  const value = BigInt(digits.slice(0, 127) || '0') * mul;
  return value > ULLONG_MAX ? undefined : value;
}

/** string2ll: an optional '-', digits without leading zeros, within 64 bits. */
export function parseLongLong(text: string): bigint | undefined {
  if (!/^(0|-?[1-9][0-9]*)$/.test(text)) return undefined;
  const v = BigInt(text);
  return v < -(2n ** 63n) || v > 2n ** 63n - 1n ? undefined : v;
}

export interface NumericRule {
  min: bigint;
  max: bigint;
  /** Accepts memory units (maxmemory, stream-node-max-bytes). */
  memory?: boolean;
}

export function parseNumeric(text: string, rule: NumericRule): Parsed {
  const value = rule.memory === true ? parseMemory(text) : parseLongLong(text);
  if (value === undefined) return { err: rule.memory === true ? 'argument must be a memory value' : "argument couldn't be parsed into an integer" };
  if (value < rule.min || value > rule.max) return { err: `argument must be between ${rule.min} and ${rule.max} inclusive` };
  return { ok: String(value) };
}

/** C's strtoll as setConfigSaveOption uses it: the value, and whether the whole text was read. */
function strtoll(text: string): { value: number; whole: boolean } {
  const m = /^[ \t\n\v\f\r]*([+-]?)([0-9]*)/.exec(text)!;
  if (m[2] === '') return { value: 0, whole: text === '' };
  const v = Number(m[1] === '-' ? -BigInt(m[2]!) : BigInt(m[2]!));
  return { value: v, whole: m[0].length === text.length };
}

/**
 * `save`: the value split at every single space (so two spaces make an empty word), in pairs of
 * seconds (at least 1) and changes (at least 0); "" alone turns the save points off.
 */
export function parseSave(text: string): Parsed {
  const words = text === '' ? [] : text.split(' ');
  if (words.length % 2 === 1) return { err: 'Invalid save parameters' };
  const values: number[] = [];
  for (let j = 0; j < words.length; j++) {
    const { value, whole } = strtoll(words[j]!);
    if (!whole || (j % 2 === 0 && value < 1) || (j % 2 === 1 && value < 0)) return { err: 'Invalid save parameters' };
    values.push(value);
  }
  return { ok: values.join(' ') };
}

/**
 * notify-keyspace-events classes, in the order keyspaceEventsFlagsToString prints them. 'n' (new keys) is
 * kept at the end of the stored value, which CONFIG GET shows without it, as Redis never prints it.
 */
const CLASSES = 'g$lshzxetd';
const EXTRAS = 'KEm';

export function parseKeyspaceEvents(text: string): Parsed {
  const on = new Set<string>();
  for (const c of text) {
    if (c === 'A') for (const x of CLASSES) on.add(x);
    else if (CLASSES.includes(c) || EXTRAS.includes(c) || c === 'n') on.add(c);
    else return { err: "Invalid event class character. Use 'Ag$lshzxeKEtmdn'." };
  }
  const all = [...CLASSES].every((c) => on.has(c));
  let out = all ? 'A' : [...CLASSES].filter((c) => on.has(c)).join('');
  out += [...EXTRAS].filter((c) => on.has(c)).join('');
  if (on.has('n')) out += 'n';
  return { ok: out };
}

export function parseEnum(text: string, choices: readonly string[]): Parsed {
  const found = choices.find((c) => c === text.toLowerCase());
  return found === undefined ? { err: `argument(s) must be one of the following: ${choices.join(', ')}` } : { ok: found };
}

export function parseBool(text: string): Parsed {
  const t = text.toLowerCase();
  return t === 'yes' || t === 'no' ? { ok: t } : { err: "argument must be 'yes' or 'no'" };
}

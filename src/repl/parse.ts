/**
 * Reading a REPL line exactly as redis-cli does: hiredis `sdssplitargs` for the words, then redis-cli's
 * leading repeat count. Pure: a string in, bytes out (`SET k "\xff"` stores one byte, not U+00FF).
 */

export type ParsedLine<A extends Buffer | string = Buffer> =
  | { kind: 'empty' }
  | { kind: 'invalid' }
  | { kind: 'bad-repeat' }
  | { kind: 'command'; repeat: number; args: A[] };

/** What redis-cli prints for a line it cannot split. */
export const INVALID_ARGUMENTS = 'Invalid argument(s)';
/** What redis-cli prints for `0 INCR x`, `-2 INCR x` or an out-of-range count. */
export const BAD_REPEAT = 'Invalid redis-cli repeat command option value.';

/** C isspace(): what may follow a closing quote and what is skipped between words. */
const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\v' || c === '\f';
/** Outside quotes, sdssplitargs ends a word only on these (not \v or \f). */
const endsWord = (c: string | undefined) => c === undefined || c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === '\0';
const isHex = (c: string | undefined) => c !== undefined && /^[0-9a-fA-F]$/.test(c);
const PLAIN = /^[^"'\v\f\0]*$/;
const ESCAPES: Record<string, number> = { n: 0x0a, r: 0x0d, t: 0x09, b: 0x08, a: 0x07 };

/** Splits a line into arguments as hiredis' sdssplitargs does, or returns null when quotes are unbalanced. */
export function splitArgs(line: string): Buffer[] | null {
  return splitAny(line, false) as Buffer[] | null;
}

/**
 * The same split, but words without any escape come back as strings (their UTF-8 bytes are the argument):
 * for pipe mode, where building a Buffer per word costs more than the rest of the line.
 */
export function splitArgsLoose(line: string): (Buffer | string)[] | null {
  return splitAny(line, true);
}

function splitAny(line: string, loose: boolean): (Buffer | string)[] | null {
  // Most lines have no quotes: plain words, split the quick way (same result as the rules below).
  if (PLAIN.test(line)) {
    const words = line.split(/[ \t\n\r]+/).filter((w) => w !== '');
    return loose ? words : words.map((w) => Buffer.from(w, 'utf8'));
  }
  // A NUL ends the C string redis-cli works on.
  const chars = Array.from(line.split('\0')[0] ?? '');
  const args: Buffer[] = [];
  let i = 0;
  for (;;) {
    while (i < chars.length && isSpace(chars[i])) i++;
    if (i >= chars.length) return args;
    const bytes: number[] = [];
    const put = (c: string) => bytes.push(...Buffer.from(c, 'utf8'));
    let inDouble = false;
    let inSingle = false;
    for (;;) {
      const c = chars[i];
      if (inDouble) {
        if (c === undefined) return null;
        const next = chars[i + 1];
        if (c === '\\' && next === 'x' && isHex(chars[i + 2]) && isHex(chars[i + 3])) {
          bytes.push(parseInt(`${chars[i + 2]}${chars[i + 3]}`, 16));
          i += 3;
        } else if (c === '\\' && next !== undefined) {
          const code = ESCAPES[next];
          if (code !== undefined) bytes.push(code);
          else put(next);
          i += 1;
        } else if (c === '"') {
          if (chars[i + 1] !== undefined && !isSpace(chars[i + 1])) return null;
          inDouble = false;
          i += 1;
          break;
        } else {
          put(c);
        }
      } else if (inSingle) {
        if (c === undefined) return null;
        if (c === '\\' && chars[i + 1] === "'") {
          bytes.push(0x27);
          i += 1;
        } else if (c === "'") {
          if (chars[i + 1] !== undefined && !isSpace(chars[i + 1])) return null;
          inSingle = false;
          i += 1;
          break;
        } else {
          put(c);
        }
      } else {
        if (endsWord(c)) break;
        if (c === '"') inDouble = true;
        else if (c === "'") inSingle = true;
        else put(c as string);
      }
      i += 1;
    }
    args.push(Buffer.from(bytes));
  }
}

/**
 * redis-cli's repeat count: the first word counts as one when there are more words and all of it is
 * read by C strtol (leading blanks, an optional sign, decimal digits, or nothing at all).
 */
function repeatCount(first: string): number | 'bad' | undefined {
  const m = /^[ \t\n\r\v\f]*([+-]?)(\d*)$/.exec(first);
  if (m === null) return undefined;
  const digits = m[2] ?? '';
  if (digits === '') return 'bad';
  const value = BigInt(`${m[1]}${digits}`);
  // strtol saturates and sets ERANGE past a 64-bit long; redis-cli refuses that, and anything below 1.
  if (value <= 0n || value > 9223372036854775807n) return 'bad';
  return Number(value);
}

/** A whole REPL line: empty, unsplittable, a bad repeat count, or a command with how many times to run it. */
export function parseCommandLine(line: string): ParsedLine {
  return withRepeat(splitArgs(line));
}

/** parseCommandLine with plain words left as strings (see splitArgsLoose). */
export function parseCommandLineLoose(line: string): ParsedLine<Buffer | string> {
  return withRepeat(splitArgsLoose(line));
}

function withRepeat<A extends Buffer | string>(args: A[] | null): ParsedLine<A> {
  if (args === null) return { kind: 'invalid' };
  if (args.length === 0) return { kind: 'empty' };
  if (args.length > 1) {
    const first = args[0] as A;
    const repeat = repeatCount(typeof first === 'string' ? first : first.toString('latin1'));
    if (repeat === 'bad') return { kind: 'bad-repeat' };
    if (repeat !== undefined) return { kind: 'command', repeat, args: args.slice(1) };
  }
  return { kind: 'command', repeat: 1, args };
}

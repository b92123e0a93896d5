/**
 * Text the tutor did not write (key, field, member, channel and user names, a server's error text) is
 * shown through here before it reaches the terminal: a raw ESC or other control byte in a key name would
 * otherwise recolour or rewrite the learner's screen. The rules are redis-cli's sdscatrepr, the way it
 * prints a bulk string, with one deliberate difference: valid printable UTF-8 ("안녕") stays readable.
 */

/** Bytes sdscatrepr escapes by name. */
const NAMED: Record<number, string> = { 0x5c: '\\\\', 0x22: '\\"', 0x0a: '\\n', 0x0d: '\\r', 0x09: '\\t', 0x07: '\\a', 0x08: '\\b' };
/** Valid UTF-8 that still must not reach the terminal as is: controls, format marks, separators, unassigned. */
const UNPRINTABLE = /[\p{C}\p{Zl}\p{Zp}]/u;

/** sdscatrepr: a double-quoted string, with valid printable UTF-8 kept as characters. */
export function quote(bytes: Buffer): string {
  return `"${escapeBytes(bytes, true)}"`;
}

/** A name the tutor did not write, as the REPL shows a reply: `"user:1"`, `"\x1b[31mred"`. */
export function quoteName(name: string | Buffer): string {
  return quote(typeof name === 'string' ? Buffer.from(name, 'utf8') : name);
}

/**
 * A name as an argument to type at the prompt: bare when it reads the same bare (`chat`, `사용자:1`), else
 * quoted as `quoteName` does, which the REPL's parser (redis-cli's rules) reads back as the same bytes.
 */
export function nameArgument(name: string | Buffer): string {
  const bytes = typeof name === 'string' ? Buffer.from(name, 'utf8') : name;
  const text = bytes.toString('utf8');
  const bare = text !== '' && !/[\s']/.test(text) && escapeBytes(bytes, true) === text;
  return bare ? text : quote(bytes);
}

/**
 * Free text from elsewhere (a server's error message) with its control bytes escaped the same way, but
 * without quotes and with `"` and `\` left as they are: it reads as a sentence, never as terminal input.
 */
export function escapeText(text: string): string {
  return escapeBytes(Buffer.from(text, 'utf8'), false);
}

/** As `escapeText`, but its line breaks kept: text of several lines (a reply as the REPL printed it). */
export function escapeLines(text: string): string {
  return text.split('\n').map(escapeText).join('\n');
}

function escapeBytes(bytes: Buffer, quoted: boolean): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i] as number;
    const named = quoted || (byte !== 0x22 && byte !== 0x5c) ? NAMED[byte] : undefined;
    if (named !== undefined) {
      out += named;
      i += 1;
    } else if (byte >= 0x20 && byte <= 0x7e) {
      out += String.fromCharCode(byte);
      i += 1;
    } else {
      const length = utf8Length(bytes, i);
      const text = length > 0 ? bytes.toString('utf8', i, i + length) : '';
      if (length > 0 && !UNPRINTABLE.test(text)) {
        out += text;
        i += length;
      } else {
        out += `\\x${byte.toString(16).padStart(2, '0')}`;
        i += 1;
      }
    }
  }
  return out;
}

/** Length of the well-formed UTF-8 sequence starting at `i` (no overlongs, surrogates or > U+10FFFF), or 0. */
function utf8Length(bytes: Buffer, i: number): number {
  const b0 = bytes[i] as number;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => {
    const b = bytes[i + k];
    return b !== undefined && b >= lo && b <= hi;
  };
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if ((b0 >= 0xe1 && b0 <= 0xec) || b0 === 0xee || b0 === 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (b0 === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (b0 === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (b0 >= 0xf1 && b0 <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (b0 === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

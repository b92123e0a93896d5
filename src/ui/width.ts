/**
 * How many terminal columns a text takes: East Asian wide and full-width characters (Hangul, CJK, full-width
 * forms, most emoji) take two, combining marks and zero-width characters none, everything else one.
 * Korean text is a core case: counting it by characters wraps lines too late and breaks the screen.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch.codePointAt(0) ?? 0);
  return width;
}

/** The tutor's own colour codes (theme.ts): they take no room. Others never get here unescaped (escape.ts). */
// eslint-disable-next-line no-control-regex
const SGR = /^\x1b\[[0-9;]*m/;

/** Columns a text takes on screen, its colour codes taking none. */
export function visibleWidth(text: string): number {
  // eslint-disable-next-line no-control-regex
  return displayWidth(text.includes('\x1b') ? text.replace(/\x1b\[[0-9;]*m/g, '') : text);
}

/**
 * `text` split where it reaches `columns` terminal columns: the longest start that fits (at least one
 * character, so that a cut always moves on), and the rest. Colour codes go with the start.
 */
export function splitAtWidth(text: string, columns: number): [string, string] {
  let width = 0;
  let i = 0;
  while (i < text.length) {
    const sgr = text[i] === '\x1b' ? SGR.exec(text.slice(i)) : null;
    if (sgr !== null) {
      i += sgr[0].length;
      continue;
    }
    const ch = String.fromCodePoint(text.codePointAt(i) ?? 0);
    const w = charWidth(ch.codePointAt(0) ?? 0);
    if (width + w > columns && i > 0) break;
    width += w;
    i += ch.length;
  }
  return [text.slice(0, i), text.slice(i)];
}

function charWidth(cp: number): number {
  if (cp === 0 || cp === 0x200b || cp === 0x200d || cp === 0xfeff) return 0;
  if ((cp >= 0x0300 && cp <= 0x036f) || (cp >= 0x1160 && cp <= 0x11ff) || (cp >= 0xfe00 && cp <= 0xfe0f)) return 0;
  if (
    (cp >= 0x1100 && cp <= 0x115f) || // Hangul Jamo initials
    (cp >= 0x2e80 && cp <= 0x303e) || // CJK radicals, punctuation
    (cp >= 0x3041 && cp <= 0x33ff) || // kana, Hangul compatibility Jamo, CJK symbols
    (cp >= 0x3400 && cp <= 0x4dbf) || // CJK extension A
    (cp >= 0x4e00 && cp <= 0x9fff) || // CJK unified ideographs
    (cp >= 0xa960 && cp <= 0xa97f) || // Hangul Jamo extended A
    (cp >= 0xac00 && cp <= 0xd7a3) || // Hangul syllables
    (cp >= 0xf900 && cp <= 0xfaff) || // CJK compatibility ideographs
    (cp >= 0xfe30 && cp <= 0xfe4f) || // CJK compatibility forms
    (cp >= 0xff00 && cp <= 0xff60) || // full-width forms
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) || // emoji
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd) // CJK extensions B and beyond
  ) {
    return 2;
  }
  return 1;
}

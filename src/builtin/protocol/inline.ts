/**
 * Splits an inline command line into arguments as Redis's sdssplitargs does: spaces separate,
 * "double quotes" understand \n \r \t \b \a \xHH and \<char>, 'single quotes' only \', and a closing
 * quote must be followed by a space or the end. Returns null for unbalanced quotes.
 */
export function splitInlineArgs(line: Buffer): Buffer[] | null {
  const args: Buffer[] = [];
  const n = line.length;
  let i = 0;
  for (;;) {
    while (i < n && isSpace(line[i]!)) i++;
    if (i >= n) return args;
    const out: number[] = [];
    let inDouble = false;
    let inSingle = false;
    let done = false;
    while (!done) {
      if (inDouble) {
        if (i >= n) return null;
        const c = line[i]!;
        if (c === 0x5c && i + 3 < n && line[i + 1] === 0x78 && isHex(line[i + 2]!) && isHex(line[i + 3]!)) {
          out.push(hexValue(line[i + 2]!) * 16 + hexValue(line[i + 3]!));
          i += 3;
        } else if (c === 0x5c && i + 1 < n) {
          i++;
          const e = line[i]!;
          out.push(e === 0x6e ? 10 : e === 0x72 ? 13 : e === 0x74 ? 9 : e === 0x62 ? 8 : e === 0x61 ? 7 : e);
        } else if (c === 0x22) {
          if (i + 1 < n && !isSpace(line[i + 1]!)) return null;
          done = true;
        } else {
          out.push(c);
        }
      } else if (inSingle) {
        if (i >= n) return null;
        const c = line[i]!;
        if (c === 0x5c && i + 1 < n && line[i + 1] === 0x27) {
          i++;
          out.push(0x27);
        } else if (c === 0x27) {
          if (i + 1 < n && !isSpace(line[i + 1]!)) return null;
          done = true;
        } else {
          out.push(c);
        }
      } else {
        if (i >= n) {
          done = true;
          break;
        }
        const c = line[i]!;
        if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0) {
          done = true;
        } else if (c === 0x22) {
          inDouble = true;
        } else if (c === 0x27) {
          inSingle = true;
        } else {
          out.push(c);
        }
      }
      if (i < n) i++;
    }
    args.push(Buffer.from(out));
  }
}

/** isspace between words (a word itself ends only at space, \n, \r, \t or NUL). */
export function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}
function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
}
function hexValue(c: number): number {
  return c <= 0x39 ? c - 0x30 : (c | 0x20) - 0x61 + 10;
}

/**
 * RESP2 and RESP3 replies as the tests see them: a small tree that can be printed, re-encoded and
 * normalised. A map (`%`) keeps its keys and values flat: k1, v1, k2, v2 ...
 */
export type Reply =
  | { t: '+' | '-' | ':' | ',' | '#' | '('; v: string }
  | { t: '$' | '='; v: string | null }
  | { t: '*'; v: Reply[] | null }
  | { t: '%' | '~' | '>'; v: Reply[] }
  /** An attribute (`|`): its pairs flat, then the reply it is attached to, as the last item. */
  | { t: '|'; v: Reply[] }
  | { t: '_'; v: null };

/** Parses one reply at `at`; undefined when the bytes are incomplete. Strings are latin1 (bytes). */
export function parseReply(buf: Buffer, at: number): { reply: Reply; end: number } | undefined {
  if (at >= buf.length) return undefined;
  const cr = buf.indexOf('\r\n', at);
  if (cr < 0) return undefined;
  const type = String.fromCharCode(buf[at]!);
  const line = buf.toString('latin1', at + 1, cr);
  const next = cr + 2;
  switch (type) {
    case '+':
    case '-':
    case ':':
    case ',':
    case '#':
    case '(':
      return { reply: { t: type, v: line }, end: next };
    case '_':
      return { reply: { t: '_', v: null }, end: next };
    case '$':
    case '=': {
      const n = Number(line);
      if (n < 0) return { reply: { t: type, v: null }, end: next };
      if (buf.length < next + n + 2) return undefined;
      return { reply: { t: type, v: buf.toString('latin1', next, next + n) }, end: next + n + 2 };
    }
    case '*':
    case '%':
    case '~':
    case '>':
    case '|': {
      const n = Number(line);
      if (n < 0 && type === '*') return { reply: { t: '*', v: null }, end: next };
      const items: Reply[] = [];
      let pos = next;
      for (let i = 0; i < (type === '%' ? 2 * n : type === '|' ? 2 * n + 1 : n); i++) {
        const item = parseReply(buf, pos);
        if (item === undefined) return undefined;
        items.push(item.reply);
        pos = item.end;
      }
      return { reply: { t: type, v: items }, end: pos };
    }
    default:
      throw new Error(`not RESP: ${JSON.stringify(buf.toString('latin1', at, Math.min(buf.length, at + 40)))}`);
  }
}

/** The reply's exact bytes (latin1). */
export function encodeReply(r: Reply): string {
  switch (r.t) {
    case '$':
    case '=':
      return r.v === null ? `${r.t}-1\r\n` : `${r.t}${r.v.length}\r\n${r.v}\r\n`;
    case '*':
      return r.v === null ? '*-1\r\n' : `*${r.v.length}\r\n${r.v.map(encodeReply).join('')}`;
    case '%':
      return `%${r.v.length / 2}\r\n${r.v.map(encodeReply).join('')}`;
    case '|':
      return `|${(r.v.length - 1) / 2}\r\n${r.v.map(encodeReply).join('')}`;
    case '~':
    case '>':
      return `${r.t}${r.v.length}\r\n${r.v.map(encodeReply).join('')}`;
    case '_':
      return '_\r\n';
    default:
      return `${r.t}${r.v}\r\n`;
  }
}

/** A request in RESP multibulk form. */
export function encodeRequest(args: Buffer[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${args.length}\r\n`)];
  for (const a of args) parts.push(Buffer.from(`$${a.length}\r\n`), a, Buffer.from('\r\n'));
  return Buffer.concat(parts);
}

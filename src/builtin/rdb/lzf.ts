/**
 * LZF as Redis's RDB code uses it (liblzf 3.6 built with HLOG 16 and VERY_FAST): the compressor walks
 * the input with a 3-byte hash into a 65536-slot table and emits literal runs (000LLLLL, up to 32 bytes)
 * and back references (LLLooooo oooooooo, or 111ooooo LLLLLLLL oooooooo for long ones, offsets up to
 * 8192, lengths up to 264). Redis's table starts uninitialised; this one starts empty, which gives the
 * same output whenever no stale slot happens to point at an earlier equal run of the input.
 */
const HLOG = 16;
const HSIZE = 1 << HLOG;
const MAX_LIT = 1 << 5;
const MAX_OFF = 1 << 13;
const MAX_REF = (1 << 8) + (1 << 3);

const table = new Int32Array(HSIZE);

const hashIndex = (h: number): number => (((h >>> (3 * 8 - HLOG)) - Math.imul(h, 5)) >>> 0) & (HSIZE - 1);

/** The compressed bytes when they fit in `outLen` bytes, else undefined (Redis then stores the data as is). */
export function lzfCompress(input: Uint8Array, outLen: number): Buffer | undefined {
  const inLen = input.length;
  if (inLen === 0 || outLen <= 0) return undefined;
  table.fill(-1);
  const out = Buffer.allocUnsafe(outLen + 8);
  let ip = 0;
  let op = 1; // start of the first literal run: its header byte is at op - lit - 1
  let lit = 0;
  /** One more byte into the current literal run, closing the run at 32 bytes. */
  const copyLiteral = (): void => {
    lit++;
    out[op++] = input[ip++]!;
    if (lit === MAX_LIT) {
      out[op - lit - 1] = lit - 1;
      lit = 0;
      op++;
    }
  };
  let hval = ((input[0]! << 8) | input[1]!) >>> 0;
  while (ip < inLen - 2) {
    hval = ((hval << 8) | input[ip + 2]!) >>> 0;
    const slot = hashIndex(hval);
    const ref = table[slot]!;
    table[slot] = ip;
    const off = ip - ref - 1;
    if (ref >= 1 && ref < ip && off < MAX_OFF && input[ref] === input[ip] && input[ref + 1] === input[ip + 1] && input[ref + 2] === input[ip + 2]) {
      let len = 2;
      const maxlen = Math.min(inLen - ip - len, MAX_REF);
      out[op - lit - 1] = lit - 1;
      op -= lit === 0 ? 1 : 0;
      if (op + 3 + 1 >= outLen) return undefined;
      // liblzf first compares 16 bytes unrolled when more than 16 may match, without checking maxlen
      // between them: a run that matches all 16 can end past maxlen (by up to 2), as Redis's does.
      let unrolledMismatch = false;
      if (maxlen > 16) {
        for (let k = 0; k < 16; k++) {
          len++;
          if (input[ref + len] !== input[ip + len]) {
            unrolledMismatch = true;
            break;
          }
        }
      }
      if (!unrolledMismatch) {
        do len++;
        while (len < maxlen && input[ref + len] === input[ip + len]);
      }
      len -= 2;
      ip++;
      if (len < 7) {
        out[op++] = (off >> 8) + (len << 5);
      } else {
        out[op++] = (off >> 8) + (7 << 5);
        out[op++] = len - 7;
      }
      out[op++] = off & 0xff;
      lit = 0;
      op++;
      ip += len + 1;
      if (ip >= inLen - 2) break;
      ip -= 2;
      hval = ((input[ip]! << 8) | input[ip + 1]!) >>> 0;
      hval = ((hval << 8) | input[ip + 2]!) >>> 0;
      table[hashIndex(hval)] = ip;
      ip++;
      hval = ((hval << 8) | input[ip + 2]!) >>> 0;
      table[hashIndex(hval)] = ip;
      ip++;
    } else {
      if (op >= outLen) return undefined;
      copyLiteral();
    }
  }
  if (op + 3 > outLen) return undefined;
  while (ip < inLen) copyLiteral();
  out[op - lit - 1] = lit - 1;
  op -= lit === 0 ? 1 : 0;
  return out.subarray(0, op);
}

/** Decompresses into exactly `outLen` bytes; undefined when the data is corrupt or the size is wrong. */
export function lzfDecompress(input: Uint8Array, outLen: number): Buffer | undefined {
  const out = Buffer.alloc(outLen);
  let ip = 0;
  let op = 0;
  while (ip < input.length) {
    let ctrl = input[ip++]!;
    if (ctrl < 1 << 5) {
      ctrl++;
      if (op + ctrl > outLen || ip + ctrl > input.length) return undefined;
      for (let k = 0; k < ctrl; k++) out[op++] = input[ip++]!;
    } else {
      let len = ctrl >> 5;
      let ref = op - ((ctrl & 0x1f) << 8) - 1;
      if (ip >= input.length) return undefined;
      if (len === 7) {
        len += input[ip++]!;
        if (ip >= input.length) return undefined;
      }
      ref -= input[ip++]!;
      len += 2;
      if (op + len > outLen || ref < 0) return undefined;
      for (let k = 0; k < len; k++) out[op++] = out[ref++]!;
    }
  }
  return op === outLen ? out : undefined;
}

/**
 * The x87 80-bit long double INCRBYFLOAT computes in (64-bit mantissa), emulated exactly with BigInt:
 * strtold's correctly rounded parse, one correctly rounded addition, and printf's "%.17Lf" with the
 * trailing zeros removed (Redis's LD_STR_HUMAN). So `INCRBYFLOAT x 100000.1` prints
 * 100000.10000000000000142 here as on Redis, and 0.1 + 0.2 prints 0.3.
 */

/** value = (neg ? -1 : 1) * m * 2^e; m = 0 is zero. */
export interface LongDouble {
  neg: boolean;
  m: bigint;
  e: number;
  inf?: boolean;
}

const BITS = 64n;
const MIN_M = 1n << (BITS - 1n);
/** Beyond this binary exponent a long double is infinite (LDBL_MAX_EXP is 16384). */
const MAX_EXP = 16384;
const MIN_EXP = -16445;

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** strtold as Redis uses it: the whole text, no leading space, not NaN, no overflow or underflow. */
export function parseLongDouble(text: string): LongDouble | undefined {
  if (text.length === 0 || text.length > 5120 || /^\s/.test(text)) return undefined;
  const inf = /^([+-]?)(inf|infinity)$/i.exec(text);
  if (inf) return { neg: inf[1] === '-', m: 1n, e: 0, inf: true };
  const d = DECIMAL.exec(text);
  if (d === null || (d[2] === '' && (d[3] ?? '') === '')) return parseHex(text);
  const neg = d[1] === '-';
  const digits = (d[2] ?? '') + (d[3] ?? '');
  let exp10 = Number(d[4] ?? '0') - (d[3] ?? '').length;
  const n = BigInt(digits === '' ? '0' : digits);
  if (n === 0n) return { neg, m: 0n, e: 0 };
  const magnitude = digits.replace(/^0+/, '').length + exp10;
  if (magnitude > 4940) return undefined;
  if (magnitude < -4960) return undefined;
  if (exp10 >= 0) return round(neg, n * 10n ** BigInt(exp10), 1n, 0);
  exp10 = -exp10;
  return round(neg, n, 10n ** BigInt(exp10), 0);
}

/** strtold's hexadecimal form: 0x1.8p3, 0x10, -0x.8p-1. */
function parseHex(text: string): LongDouble | undefined {
  const h = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([+-]?\d+))?$/.exec(text);
  if (h === null || (h[2] === '' && (h[3] ?? '') === '')) return undefined;
  const frac = h[3] ?? '';
  const n = BigInt(`0x${h[2]}${frac}`);
  if (n === 0n) return { neg: h[1] === '-', m: 0n, e: 0 };
  const e = Number(h[4] ?? '0') - 4 * frac.length;
  if (Math.abs(e) > 20000) return undefined;
  return round(h[1] === '-', n, 1n, e);
}

/** Rounds num/den * 2^e to a 64-bit mantissa, ties to even. */
function round(neg: boolean, num: bigint, den: bigint, e: number): LongDouble | undefined {
  let shift = bitLength(num) - bitLength(den) - Number(BITS);
  // Make num / den * 2^-shift land in [2^63, 2^64).
  for (;;) {
    const [n, d] = shift >= 0 ? [num, den << BigInt(shift)] : [num << BigInt(-shift), den];
    const q = n / d;
    if (q >= MIN_M << 1n) {
      shift++;
      continue;
    }
    if (q < MIN_M) {
      shift--;
      continue;
    }
    const r = n - q * d;
    let m = q;
    if (r * 2n > d || (r * 2n === d && (q & 1n) === 1n)) m++;
    let exp = e + shift;
    if (m === MIN_M << 1n) {
      m >>= 1n;
      exp++;
    }
    if (exp + 64 > MAX_EXP) return undefined;
    if (exp + 64 < MIN_EXP) return undefined;
    return { neg, m, e: exp };
  }
}

function bitLength(x: bigint): number {
  return x === 0n ? 0 : x.toString(2).length;
}

/** a + b, correctly rounded; undefined when the sum is infinite or NaN. */
export function addLongDouble(a: LongDouble, b: LongDouble): LongDouble | undefined {
  if (a.inf || b.inf) return undefined;
  if (a.m === 0n) return b.m === 0n ? { neg: a.neg && b.neg, m: 0n, e: 0 } : b;
  if (b.m === 0n) return a;
  const e = Math.min(a.e, b.e);
  const av = (a.neg ? -a.m : a.m) << BigInt(a.e - e);
  const bv = (b.neg ? -b.m : b.m) << BigInt(b.e - e);
  const sum = av + bv;
  if (sum === 0n) return { neg: false, m: 0n, e: 0 };
  return round(sum < 0n, sum < 0n ? -sum : sum, 1n, e);
}

/** printf("%.17Lf") with trailing zeros (and a trailing dot) removed; "-0" becomes "0". */
export function formatLongDouble(x: LongDouble): string {
  if (x.m === 0n) return '0';
  const scale = 10n ** 17n;
  let scaled: bigint;
  if (x.e >= 0) {
    scaled = (x.m << BigInt(x.e)) * scale;
  } else {
    const den = 1n << BigInt(-x.e);
    const num = x.m * scale;
    const q = num / den;
    const r = num - q * den;
    scaled = r * 2n > den || (r * 2n === den && (q & 1n) === 1n) ? q + 1n : q;
  }
  const digits = scaled.toString().padStart(18, '0');
  let text = `${digits.slice(0, -17)}.${digits.slice(-17)}`.replace(/0+$/, '').replace(/\.$/, '');
  if (x.neg && text !== '0') text = `-${text}`;
  return text;
}

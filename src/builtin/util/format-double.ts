/**
 * Doubles as Redis 7.0 replies them: printf's "%.17g" (glibc: exact, ties to even), with "inf" and "-inf".
 * JavaScript's toExponential rounds ties away from zero, so a value whose exact decimal expansion ends in
 * a 5 right after the 17th digit is rounded again here, the way glibc does.
 */
export function formatDouble(value: number): string {
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  if (Number.isNaN(value)) return 'nan';
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  const [digits, exponent] = seventeenDigits(value);
  const sign = value < 0 ? '-' : '';
  if (exponent < -4 || exponent >= 17) {
    const mantissa = trimZeros(digits[0] + '.' + digits.slice(1));
    const e = Math.abs(exponent);
    return `${sign}${mantissa}e${exponent < 0 ? '-' : '+'}${e < 10 ? '0' + e : e}`;
  }
  if (exponent < 0) return sign + trimZeros('0.' + '0'.repeat(-exponent - 1) + digits);
  if (exponent === 16) return sign + digits;
  return sign + trimZeros(digits.slice(0, exponent + 1) + '.' + digits.slice(exponent + 1));
}

function trimZeros(fixed: string): string {
  return fixed.replace(/\.?0+$/, '') || '0';
}

/** The 17 significant digits of |value| (rounded as glibc rounds) and the decimal exponent of the first. */
function seventeenDigits(value: number): [string, number] {
  const abs = Math.abs(value);
  const [m, e] = abs.toExponential(16).split('e') as [string, string];
  const digits = m.replace('.', '');
  const [m18, e18] = abs.toExponential(17).split('e') as [string, string];
  if (m18.endsWith('5') && isExactly(abs, m18.replace('.', ''), Number(e18) - 17)) {
    const truncated = m18.replace('.', '').slice(0, 17);
    if (Number(truncated[16]) % 2 === 0) return [truncated, Number(e18)];
  }
  return [digits, Number(e)];
}

/** True when `value` equals digits × 10^power exactly (compared as integers with BigInt). */
function isExactly(value: number, digits: string, power: number): boolean {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = biased === 0 ? fraction : fraction | (1n << 52n);
  const exp2 = (biased === 0 ? 1 : biased) - 1075;
  // value = mantissa × 2^exp2 ; candidate = D × 10^power. Move every negative power to the other side.
  let left = mantissa;
  let right = BigInt(digits);
  if (exp2 >= 0) left <<= BigInt(exp2);
  else right <<= BigInt(-exp2);
  if (power >= 0) right *= 10n ** BigInt(power);
  else left *= 10n ** BigInt(-power);
  return left === right;
}

/**
 * How many decimal digits a whole number 0 <= n <= 2^53 has, found by comparisons (a length, a count, a
 * counter: most have few), without making its string.
 */
export function digitCount(n: number): number {
  if (n < 1e10) return n < 10 ? 1 : n < 100 ? 2 : n < 1000 ? 3 : n < 10000 ? 4 : n < 100000 ? 5 : n < 1000000 ? 6 : n < 10000000 ? 7 : n < 100000000 ? 8 : n < 1000000000 ? 9 : 10;
  let digits = 11;
  for (let limit = 1e11; n >= limit; limit *= 10) digits++;
  return digits;
}

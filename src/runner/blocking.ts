/**
 * How long a blocking command may wait, from its arguments. Pure. BLPOP and kin take seconds (0 = for
 * ever), XREAD/XREADGROUP take `BLOCK <ms>`, WAIT takes ms. Undefined for a command that does not block.
 */
export function blockingTimeoutMs(args: readonly string[]): number | undefined {
  const name = args[0]?.toUpperCase() ?? '';
  const seconds = (s: string | undefined) => {
    const n = Number(s);
    return !Number.isFinite(n) || n < 0 ? undefined : n === 0 ? Infinity : n * 1000;
  };
  switch (name) {
    case 'BLPOP':
    case 'BRPOP':
    case 'BZPOPMIN':
    case 'BZPOPMAX':
    case 'BRPOPLPUSH':
    case 'BLMOVE':
      return args.length >= 3 ? seconds(args[args.length - 1]) : undefined;
    case 'BLMPOP':
    case 'BZMPOP':
      return seconds(args[1]);
    case 'XREAD':
    case 'XREADGROUP': {
      const at = args.findIndex((a, i) => i > 0 && a.toUpperCase() === 'BLOCK');
      if (at < 0) return undefined;
      const ms = Number(args[at + 1]);
      return !Number.isFinite(ms) || ms < 0 ? undefined : ms === 0 ? Infinity : ms;
    }
    case 'WAIT': {
      const ms = Number(args[2]);
      return !Number.isFinite(ms) || ms < 0 ? undefined : ms === 0 ? Infinity : ms;
    }
    default:
      return undefined;
  }
}

/** The longest wait a command may block the lesson's own connection for: it answers by itself in time. */
export const LESSON_BLOCK_CAP_MS = 10_000;

import { quoteArg } from './quote-arg.js';

/** Where a blocking command takes its timeout, and in which unit (BLPOP and kin: seconds; XREAD, WAIT: ms). */
interface TimeoutArg {
  index: number;
  unit: 's' | 'ms';
}

/** The timeout argument of a blocking command. Pure. Undefined for a command that does not block. */
function timeoutArg(args: readonly string[]): TimeoutArg | undefined {
  switch (args[0]?.toUpperCase() ?? '') {
    case 'BLPOP':
    case 'BRPOP':
    case 'BZPOPMIN':
    case 'BZPOPMAX':
    case 'BRPOPLPUSH':
    case 'BLMOVE':
      return args.length >= 3 ? { index: args.length - 1, unit: 's' } : undefined;
    case 'BLMPOP':
    case 'BZMPOP':
      return { index: 1, unit: 's' };
    case 'XREAD':
    case 'XREADGROUP': {
      const at = args.findIndex((a, i) => i > 0 && a.toUpperCase() === 'BLOCK');
      return at < 0 ? undefined : { index: at + 1, unit: 'ms' };
    }
    case 'WAIT':
      return { index: 2, unit: 'ms' };
    default:
      return undefined;
  }
}

/**
 * How long a blocking command may wait, from its arguments. Pure. BLPOP and kin take seconds (0 = for
 * ever), XREAD/XREADGROUP take `BLOCK <ms>`, WAIT takes ms. Undefined for a command that does not block.
 */
export function blockingTimeoutMs(args: readonly string[]): number | undefined {
  const at = timeoutArg(args);
  if (at === undefined) return undefined;
  const n = Number(args[at.index]);
  if (!Number.isFinite(n) || n < 0) return undefined;
  return n === 0 ? Infinity : at.unit === 's' ? n * 1000 : n;
}

/**
 * The same command with a timeout that fits `capMs` over `repeat` runs (5 s at most, whole seconds when it
 * can), in the command's own unit: `BLPOP jobs 0` -> `BLPOP jobs 5`, `WAIT 1 0` -> `WAIT 1 5000`. Pure.
 */
export function boundedExample(args: readonly string[], repeat: number, capMs: number): string {
  const at = timeoutArg(args);
  let perRun = Math.min(5000, Math.floor(capMs / Math.max(1, repeat)));
  if (perRun >= 1000) perRun -= perRun % 1000;
  const example = args.map((a, i) => (i !== at?.index ? quoteArg(a) : at.unit === 's' ? String(perRun / 1000) : String(perRun)));
  return `${repeat > 1 ? `${repeat} ` : ''}${example.join(' ')}`;
}

/** The longest wait a command may block the lesson's own connection for: it answers by itself in time. */
export const LESSON_BLOCK_CAP_MS = 10_000;

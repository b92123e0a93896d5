import chalk, { Chalk, type ChalkInstance } from 'chalk';

/**
 * NO_COLOR (no-color.org): present and not empty, no colour at all. chalk 5 does not read it, so it is
 * honoured here; FORCE_COLOR, when set, still decides as chalk documents it (and as Node's own colour
 * detection, which Inquirer and commander use, does: FORCE_COLOR first, then NO_COLOR).
 */
export function paletteFor(env: NodeJS.ProcessEnv): ChalkInstance {
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '' && env.FORCE_COLOR === undefined;
  return noColor ? new Chalk({ level: 0 }) : chalk;
}

const paint = paletteFor(process.env);

/** Every colour the tutor uses, in one place, so that a theme (or NO_COLOR) changes them all. */
export const theme = {
  error: (s: string) => paint.red(s),
  warn: (s: string) => paint.yellow(s),
  ok: (s: string) => paint.green(s),
  dim: (s: string) => paint.dim(s),
  bold: (s: string) => paint.bold(s),
  code: (s: string) => paint.cyan(s),
  header: (s: string) => paint.dim(s),
};

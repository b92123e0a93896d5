import chalk from 'chalk';

/** Every colour the tutor uses, in one place, so that a theme (or NO_COLOR) changes them all. */
export const theme = {
  error: (s: string) => chalk.red(s),
  warn: (s: string) => chalk.yellow(s),
  ok: (s: string) => chalk.green(s),
  dim: (s: string) => chalk.dim(s),
  bold: (s: string) => chalk.bold(s),
  code: (s: string) => chalk.cyan(s),
  header: (s: string) => chalk.dim(s),
};

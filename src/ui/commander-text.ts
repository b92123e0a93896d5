import { helpMsg as h } from './help-messages.js';

/**
 * Commander writes its headings and errors in English. Headings go through `styleTitle`, errors through
 * `outputError`: both are mapped here to the learner's language, recognised by Commander's exact English.
 * Pure; text it does not recognise is left as it is.
 */
export function title(english: string): string {
  const titles: Record<string, () => string> = {
    'Usage:': h.titleUsage,
    'Options:': h.titleOptions,
    'Global Options:': h.titleGlobalOptions,
    'Commands:': h.titleCommands,
    'Arguments:': h.titleArguments,
  };
  return titles[english]?.() ?? english;
}

const ERRORS: [RegExp, (...parts: string[]) => string][] = [
  [/^error: unknown option '([^']*)'/, (flag) => h.errUnknownOption(flag!)],
  [/^error: unknown command '([^']*)'/, (name) => h.errUnknownCommand(name!)],
  [/^error: missing required argument '([^']*)'/, (name) => h.errMissingArgument(name!)],
  [/^error: option '([^']*)' argument missing/, (flags) => h.errArgumentMissing(flags!)],
  [/^error: too many arguments(.*)$/m, (rest) => h.errTooManyArguments(rest!)],
  [/^\(Did you mean one of (.*)\?\)$/m, (what) => h.didYouMeanOneOf(what!)],
  [/^\(Did you mean (.*)\?\)$/m, (what) => h.didYouMean(what!)],
];

export function commanderError(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      for (const [pattern, say] of ERRORS) {
        const match = pattern.exec(line);
        if (match) return line.replace(match[0], say(...match.slice(1)));
      }
      return line;
    })
    .join('\n');
}

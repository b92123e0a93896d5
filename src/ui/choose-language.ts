import { readFileSync } from 'node:fs';
import { progressFile } from '../progress/paths.js';
import { languageFrom, supported, type Language } from './i18n.js';

/**
 * The language of this run, decided before any text is drawn (`--help` included): `--lang` on the command
 * line, else REDIS_TUTOR_LANG, else the one the learner chose in the menu (kept with the progress), else the
 * locale. A `--lang` the tutor does not speak is left for the command line to refuse with a message.
 */
export function chooseLanguage(argv: readonly string[], env: NodeJS.ProcessEnv): Language {
  // A code the tutor does not speak is refused later, in the language it would otherwise speak.
  const flag = supported(langFlag(argv));
  if (flag !== undefined) return flag;
  if (env.REDIS_TUTOR_LANG) return languageFrom(env);
  return remembered(env) ?? languageFrom(env);
}

/** The value of `--lang ko` or `--lang=ko`, if given. */
export function langFlag(argv: readonly string[]): string | undefined {
  for (const [i, arg] of argv.entries()) {
    if (arg === '--lang') return argv[i + 1];
    if (arg.startsWith('--lang=')) return arg.slice('--lang='.length);
  }
  return undefined;
}

/** The language saved with the progress; a missing or damaged file is the progress loader's business. */
function remembered(env: NodeJS.ProcessEnv): Language | undefined {
  try {
    const data = JSON.parse(readFileSync(progressFile(env), 'utf8')) as { language?: unknown };
    return typeof data.language === 'string' ? supported(data.language) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Learner-facing text lives in per-area message tables: `en`, plus a translation per language (`ko`) in a
 * `messages.ko.ts` beside it, typed as the whole table so a missing entry does not compile. Each entry is a
 * function of its values, so a translation can reorder words. The language is chosen once, early (see
 * ./choose-language.ts), and read each time a table is used.
 */

/** The languages the tutor speaks; English is the fallback for anything else. */
export const LANGUAGES = ['en', 'ko'] as const;
export type Language = (typeof LANGUAGES)[number];

/** "ko", "ko_KR.UTF-8", "ko-KR": the language it names, if the tutor speaks it. */
export function supported(code: string | undefined): Language | undefined {
  const two = code?.slice(0, 2).toLowerCase();
  return LANGUAGES.find((l) => l === two);
}

/**
 * The language the environment asks for: REDIS_TUTOR_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG), else,
 * on Windows where those are rarely set, the user's UI language as Node's Intl reports it. English when the
 * one found is not spoken here.
 */
export function languageFrom(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): Language {
  const named = env.REDIS_TUTOR_LANG || env.LC_ALL || env.LC_MESSAGES || env.LANG;
  if (named) return supported(named) ?? 'en';
  return platform === 'win32' ? (supported(Intl.DateTimeFormat().resolvedOptions().locale) ?? 'en') : 'en';
}

let chosen: Language | undefined;

/** Sets the language for the rest of the run (the --lang flag, the learner's choice in the menu). */
export function setLanguage(lang: Language): void {
  chosen = lang;
}

/** The language in use: the one set, else the environment's. */
export function currentLanguage(): Language {
  return chosen ?? languageFrom(process.env);
}

/** Every message table, for the test that keeps translations complete. */
export const messageTables: { en: object; translations: Partial<Record<Language, object>> }[] = [];

/** A message table that answers in the current language, falling back to English entry by entry. */
export function translatable<T extends object>(en: T, translations: Partial<Record<Language, T>> = {}): T {
  messageTables.push({ en, translations });
  return new Proxy(en, {
    get(target, prop, receiver) {
      const table = translations[currentLanguage()] as Record<PropertyKey, unknown> | undefined;
      return table !== undefined && prop in table ? table[prop] : Reflect.get(target, prop, receiver);
    },
  });
}

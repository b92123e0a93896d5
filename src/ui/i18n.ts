/**
 * Learner-facing text lives in per-area message tables (`en` plus optional translations). Each entry is
 * a function of its values so a translation can reorder words; a missing translation falls back to English.
 */
export function languageFrom(env: NodeJS.ProcessEnv): string {
  const raw = env.REDIS_TUTOR_LANG || env.LC_ALL || env.LC_MESSAGES || env.LANG || 'en';
  return raw.slice(0, 2).toLowerCase();
}

export function translatable<T extends object>(en: T, translations: Record<string, Partial<T>> = {}, env: NodeJS.ProcessEnv = process.env): T {
  return { ...en, ...(translations[languageFrom(env)] ?? {}) };
}

import type { Check } from './schema.js';

/**
 * Pure: a step's checks with its captured values filled in: `{id}` in a key or an expected value stands
 * for the value captured as `id`. Only declared names are placeholders, so a Cluster hash tag such as
 * `{room:1}:members` stays as written.
 */
export function fillCaptures(checks: Check[], values: Readonly<Record<string, string>>): Check[] {
  const names = Object.keys(values);
  if (names.length === 0) return checks;
  const fill = (text: string) => names.reduce((t, name) => t.split(`{${name}}`).join(values[name]!), text);
  const one = (check: Check): Check => {
    switch (check.kind) {
      case 'any_of':
        return { ...check, groups: check.groups.map((g) => g.map(one)) };
      case 'string':
        return { ...check, key: fill(check.key), value: fill(check.value) };
      case 'list':
        return { ...check, key: fill(check.key), values: check.values.map(fill) };
      case 'set':
        return { ...check, key: fill(check.key), members: check.members.map(fill) };
      case 'reply':
        return { ...check, reply: fill(check.reply) };
      default:
        return 'key' in check ? { ...check, key: fill(check.key) } : check;
    }
  };
  return checks.map(one);
}

/** The captured names a step's checks use, for saying which capture is still missing. */
export function capturesUsed(checks: Check[], names: readonly string[]): string[] {
  const text = JSON.stringify(checks);
  return names.filter((name) => text.includes(`{${name}}`));
}

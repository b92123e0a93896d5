import { formatMsg as f } from './format-messages.js';

/** One thing wrong in a lesson file: where, what the format expects there, and what the file holds. */
export interface Problem {
  file: string;
  /** Where in the file, as a path: `steps[3].checks[0].list`. */
  path: string;
  expected: string;
  found: string;
}

/** Describes a value as found in a file, short enough for one line. */
export function describeFound(value: unknown): string {
  if (value === undefined) return f.nothing();
  if (value === null) return f.nullValue();
  if (Array.isArray(value)) return f.listOf(value.length);
  if (typeof value === 'object') {
    const keys = Object.keys(value);
    return keys.length === 0 ? f.emptyMap() : f.mapWith(keys.slice(0, 6), keys.length > 6);
  }
  if (typeof value === 'string') return f.theText(JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value));
  return typeof value === 'number' ? f.theNumber(String(value)) : f.other(typeof value, String(value));
}

/**
 * Walks raw YAML data and collects every problem instead of stopping at the first, so an author sees
 * all of them at once. Each reader returns a usable placeholder on a problem so the walk can go on.
 */
export class Reader {
  readonly problems: Problem[] = [];
  constructor(readonly file: string) {}

  problem(path: string, expected: string, value: unknown): void {
    this.problems.push({ file: this.file, path, expected, found: describeFound(value) });
  }

  /** A problem whose finding is better said in words than by describing a value. */
  problemSaid(path: string, expected: string, found: string): void {
    this.problems.push({ file: this.file, path, expected, found });
  }

  map(value: unknown, path: string): Record<string, unknown> | undefined {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    this.problem(path, f.map(), value);
    return undefined;
  }

  /** Names the keys a map may not hold (a typo such as `hint:` for `hints:` would otherwise be ignored). */
  onlyKeys(map: Record<string, unknown>, path: string, allowed: readonly string[]): void {
    for (const key of Object.keys(map)) {
      if (!allowed.includes(key)) this.problemSaid(join(path, key), f.oneOf(allowed), f.unknownField(key));
    }
  }

  string(value: unknown, path: string, pattern?: { re: RegExp; expected: string }): string {
    if (typeof value !== 'string' || value.trim() === '') {
      this.problem(path, pattern?.expected ?? f.text(), value);
      return '';
    }
    if (pattern && !pattern.re.test(value)) {
      this.problem(path, pattern.expected, value);
    }
    return value;
  }

  number(value: unknown, path: string, expected: string, ok: (n: number) => boolean = () => true): number {
    if (typeof value !== 'number' || !Number.isFinite(value) || !ok(value)) {
      this.problem(path, expected, value);
      return 0;
    }
    return value;
  }

  list<T>(value: unknown, path: string, item: (v: unknown, p: string) => T, options: { min?: number; expected?: string } = {}): T[] {
    if (!Array.isArray(value)) {
      this.problem(path, options.expected ?? f.list(), value);
      return [];
    }
    if (value.length < (options.min ?? 0)) {
      this.problem(path, f.atLeast(options.expected ?? f.list(), options.min ?? 0), value);
    }
    return value.map((v, i) => item(v, `${path}[${i}]`));
  }

  optional<T>(map: Record<string, unknown>, key: string, read: (v: unknown) => T, fallback: T): T {
    return map[key] === undefined ? fallback : read(map[key]);
  }
}

export function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

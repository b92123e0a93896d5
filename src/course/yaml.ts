import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

let lib: typeof Yaml | undefined;

/**
 * The YAML library, loaded when first asked for: it is the largest thing a start-up would load, and a
 * shipped lesson read from its prepared data (prepared.ts) never needs it. Under Node `yaml` is CommonJS,
 * so `require` loads the very module an `import` would.
 */
export function yaml(): typeof Yaml {
  return (lib ??= createRequire(import.meta.url)('yaml') as typeof Yaml);
}

/** The options every lesson file is parsed with, so that prepared data is what a parse would give. */
export const LESSON_YAML = { prettyErrors: true, uniqueKeys: true } as const;

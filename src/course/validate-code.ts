import { formatMsg as f } from './format-messages.js';
import { join, type Reader } from './problems.js';
import { OUTPUT_CHECKS, TYPED_CHECKS, type Check, type CodeRerun, type CodeStep, type WrongProgram } from './schema.js';
import { readCheck, scalar } from './validate-checks.js';
import { readText } from './read-text.js';

/** The fields of a code step besides id, kind, setup and when. */
export const CODE_FIELDS = ['text', 'file', 'starter', 'solution', 'checks', 'hints', 'reruns', 'wrong', 'after'];

const FILE = { re: /^[A-Za-z0-9][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)*\.(mjs|js)$/, expected: f.codeFile() };
const PROGRAM = { re: /\S/, expected: f.program() };
/** REDIS_URL is the tutor's to set: a rerun may not point the program elsewhere. */
const ENV_NAME = /^(?!REDIS_URL$)[A-Z_][A-Z0-9_]*$/;

type ReadLines = (value: unknown, path: string) => string[];
type Base = Pick<CodeStep, 'id' | 'setup' | 'when'>;

/** Reads a `kind: code` step (R17), collecting problems in `r`. `lines` reads a list of Redis lines. */
export function readCodeStep(r: Reader, map: Record<string, unknown>, path: string, base: Base, lines: ReadLines): CodeStep {
  const at = (key: string) => join(path, key);
  return {
    ...base,
    kind: 'code',
    text: readText(r, map.text, at('text')),
    file: r.string(map.file, at('file'), FILE),
    starter: r.string(map.starter, at('starter'), PROGRAM),
    solution: r.string(map.solution, at('solution'), PROGRAM),
    checks: readCodeChecks(r, map.checks, at('checks')),
    hints: r.optional(map, 'hints', (v) => r.list(v, at('hints'), (t, p) => readText(r, t, p)), []),
    reruns: r.optional(map, 'reruns', (v) => r.list(v, at('reruns'), (x, p) => readRerun(r, x, p, lines)), []),
    wrong: r.optional(map, 'wrong', (v) => r.list(v, at('wrong'), (w, p) => readWrongProgram(r, w, p)), []),
    ...(map.after === undefined ? {} : { after: readText(r, map.after, at('after')) }),
  };
}

function readCodeChecks(r: Reader, value: unknown, path: string): Check[] {
  const checks = r.list(value, path, (c, p) => readCheck(r, c, p), { min: 1, expected: f.checks() }).filter((c) => c !== undefined);
  forbidChecks(r, checks, path, TYPED_CHECKS, f.checkInCode(OUTPUT_CHECKS));
  return checks;
}

/** Names every check (inside any_of groups too) whose kind does not belong in this kind of step. */
export function forbidChecks(r: Reader, checks: Check[], path: string, kinds: readonly string[], expected: string): void {
  checks.forEach((check, i) => {
    const at = `${path}[${i}]`;
    if (kinds.includes(check.kind)) r.problemSaid(at, expected, f.checkWith([check.kind]));
    if (check.kind === 'any_of') check.groups.forEach((group, g) => forbidChecks(r, group, `${at}.any_of[${g}]`, kinds, expected));
  });
}

function readRerun(r: Reader, raw: unknown, path: string, lines: ReadLines): CodeRerun {
  const map = r.map(raw, path) ?? {};
  r.onlyKeys(map, path, ['env', 'args', 'setup', 'checks']);
  const env: Record<string, string> = {};
  if (map.env !== undefined) {
    for (const [name, value] of Object.entries(r.map(map.env, join(path, 'env')) ?? {})) {
      const at = join(join(path, 'env'), name);
      if (!ENV_NAME.test(name)) r.problemSaid(at, f.envName(), f.quotedName(name));
      env[name] = scalar(r, value, at);
    }
  }
  return {
    env,
    args: r.optional(map, 'args', (v) => r.list(v, join(path, 'args'), (a, p) => scalar(r, a, p)), []),
    setup: r.optional(map, 'setup', (v) => lines(v, join(path, 'setup')), []),
    checks: readCodeChecks(r, map.checks, join(path, 'checks')),
  };
}

function readWrongProgram(r: Reader, raw: unknown, path: string): WrongProgram {
  const map = r.map(raw, path) ?? {};
  r.onlyKeys(map, path, ['program', 'feedback']);
  return { program: r.string(map.program, join(path, 'program'), PROGRAM), feedback: r.string(map.feedback, join(path, 'feedback')) };
}

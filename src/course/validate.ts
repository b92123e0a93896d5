import { formatMsg as f } from './format-messages.js';
import { join, Reader, type Problem } from './problems.js';
import { classifyLine, controlsServer, helpersIn, longestWait, usesCluster } from './lines.js';
import { FORMAT_VERSION, NEEDS, OUTPUT_CHECKS, STEP_KINDS, type ExpectEntry, type Lesson, type Need, type Replay, type Step, type StepGuard, type StepKind, type WrongAnswer, FORMAT4_CHECKS, type Interference, type Check } from './schema.js';
import { readCheck, scalar } from './validate-checks.js';
import { CODE_FIELDS, forbidChecks, readCodeStep } from './validate-code.js';
import { readText } from './read-text.js';
import { lessonLines } from './step-lines.js';

const ID = { re: /^[a-z][a-z0-9-]*$/, expected: f.id() };
const VERSION = { re: /^\d+\.\d+(\.\d+)?$/, expected: f.version() };

const LESSON_FIELDS = ['format_version', 'id', 'order', 'title', 'goal', 'minutes', 'min_redis', 'needs', 'setup', 'learned', 'steps'];
const STEP_FIELDS: Record<StepKind, string[]> = {
  say: ['text'],
  run: ['text', 'commands', 'after'],
  try: ['text', 'checks', 'hints', 'solution', 'wrong', 'right', 'after', 'replay', 'connection', 'capture', 'interfere'],
  predict: ['text', 'commands', 'question', 'choices', 'answer', 'explain', 'expect'],
  quiz: ['question', 'choices', 'answer', 'explain'],
  code: CODE_FIELDS,
};

export type Validated = { ok: true; lesson: Lesson } | { ok: false; problems: Problem[] };

/**
 * Turns the data of one lesson file into a `Lesson`, or lists every problem in it at once. Pure: the
 * caller has parsed the YAML.
 */
export function validateLesson(data: unknown, file: string): Validated {
  const r = new Reader(file);
  const map = r.map(data, '(top)');
  if (!map) return { ok: false, problems: r.problems };
  const version = map.format_version;
  if (typeof version === 'number' && Number.isInteger(version) && version > FORMAT_VERSION) {
    // A newer format may mean anything; reading on would only produce confusing problems.
    r.problemSaid('format_version', f.newerFormat(FORMAT_VERSION), f.foundVersion(version));
    return { ok: false, problems: r.problems };
  }
  r.number(version, 'format_version', f.formatVersion(FORMAT_VERSION), (n) => Number.isInteger(n) && n >= 1);
  r.onlyKeys(map, '', LESSON_FIELDS);
  const lesson: Lesson = {
    formatVersion: typeof version === 'number' ? version : 0,
    ...readLessonHead(r, map),
    setup: r.optional(map, 'setup', (v) => readCommands(r, v, 'setup', 0), []),
    learned: r.optional(map, 'learned', (v) => r.list(v, 'learned', (t, p) => readText(r, t, p)), []),
    steps: r.list(map.steps, 'steps', (s, p) => readStep(r, s, p), { min: 1, expected: f.steps() }).filter((s): s is Step => s !== undefined),
    file,
  };
  // Checked on the raw list so that positions match the file even when a step before was unreadable.
  const seen = new Map<unknown, number>();
  (Array.isArray(map.steps) ? (map.steps as unknown[]) : []).forEach((raw, i) => {
    const id = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>).id : undefined;
    if (typeof id !== 'string') return;
    const first = seen.get(id);
    if (first !== undefined) r.problemSaid(`steps[${i}].id`, f.uniqueStepId(), f.duplicateStepId(id, first));
    else seen.set(id, i);
  });
  declaredNeeds(r, lesson);
  const newer = lesson.formatVersion === 1 ? format2Feature(lesson) : undefined;
  if (newer !== undefined) r.problemSaid('format_version', f.formatFor(2, newer), f.foundVersion(1));
  const newest = lesson.formatVersion >= 1 && lesson.formatVersion < 3 ? format3Feature(lesson) : undefined;
  if (newest !== undefined) r.problemSaid('format_version', f.formatFor(3, newest), f.foundVersion(lesson.formatVersion));
  const four = lesson.formatVersion >= 1 && lesson.formatVersion < 4 ? format4Feature(lesson) : undefined;
  if (four !== undefined) r.problemSaid('format_version', f.formatFor(4, four), f.foundVersion(lesson.formatVersion));
  return r.problems.length === 0 ? { ok: true, lesson } : { ok: false, problems: r.problems };
}

/** The fields that say what a lesson is (what `list` shows), without its steps. */
export type LessonHead = Pick<Lesson, 'id' | 'order' | 'title' | 'goal' | 'minutes' | 'minRedis' | 'needs'>;

/** Reads a lesson's head fields from its top-level map, each problem into `r`. */
export function readLessonHead(r: Reader, map: Record<string, unknown>): LessonHead {
  return {
    id: r.string(map.id, 'id', ID),
    order: r.number(map.order, 'order', f.order(), (n) => Number.isInteger(n) && n >= 1),
    title: readText(r, map.title, 'title'),
    goal: readText(r, map.goal, 'goal'),
    minutes: r.number(map.minutes, 'minutes', f.minutes(), (n) => n > 0),
    minRedis: r.string(map.min_redis, 'min_redis', VERSION),
    needs: r.optional(map, 'needs', (v) => r.list(v, 'needs', (n, p) => readNeed(r, n, p)), []),
  };
}

function readNeed(r: Reader, value: unknown, path: string): Need {
  if (!NEEDS.includes(value as Need)) r.problem(path, f.oneOf(NEEDS), value);
  return value as Need;
}

function readCommands(r: Reader, value: unknown, path: string, min: number): string[] {
  return r.list(value, path, (c, p) => readLine(r, c, p), { min, expected: f.commands() });
}

function readLine(r: Reader, value: unknown, path: string): string {
  const line = r.string(value, path, { re: /\S/, expected: f.commandLine() });
  const c = classifyLine(line);
  if (c.kind === 'bad') r.problem(path, f.knownDirective(), value);
  return line;
}

/** A lesson that talks on a helper connection or lets time pass says so in `needs`, so the menu can tell. */
function declaredNeeds(r: Reader, lesson: Lesson): void {
  const lines = lessonLines(lesson);
  const helpers = [...helpersIn(lines), ...lesson.steps.flatMap((s) => (s.kind === 'try' ? [...(s.connection ? [s.connection] : []), ...(s.interfere ? [s.interfere.on] : [])] : []))];
  if (helpers.length > 0 && !lesson.needs.includes('two-connections')) r.problemSaid('needs', f.declaredNeed('two-connections', f.usesHelper(helpers[0]!)), f.listOf(lesson.needs.length));
  if (longestWait(lines) > 0 && !lesson.needs.includes('clock')) r.problemSaid('needs', f.declaredNeed('clock', f.usesWait()), f.listOf(lesson.needs.length));
  if (lesson.steps.some((s) => s.kind === 'code') && !lesson.needs.includes('node')) r.problemSaid('needs', f.declaredNeed('node', f.usesCode()), f.listOf(lesson.needs.length));
  const readsConfig = allChecks(lesson).some((c) => c.kind === 'config');
  if ((controlsServer(lines) || readsConfig) && !lesson.needs.includes('server-control')) r.problemSaid('needs', f.declaredNeed('server-control', f.serverControl()), f.listOf(lesson.needs.length));
  if (usesCluster(lines) && !lesson.needs.includes('cluster')) r.problemSaid('needs', f.declaredNeed('cluster', f.usesCluster()), f.listOf(lesson.needs.length));
}

/** Every check of the lesson, inside `any_of` groups and code steps' reruns too. */
function allChecks(lesson: Lesson): Check[] {
  const flat = (checks: Check[]): Check[] => checks.flatMap((c) => (c.kind === 'any_of' ? [c, ...flat(c.groups.flat())] : [c]));
  return lesson.steps.flatMap((s) => (s.kind === 'try' ? flat(s.checks) : s.kind === 'code' ? flat([...s.checks, ...s.reruns.flatMap((x) => x.checks)]) : []));
}

/** The first thing in a lesson that format 3 did not have (issue 12): server control, stream/pub-sub/config checks, interference. */
function format4Feature(lesson: Lesson): string | undefined {
  if (lesson.needs.includes('server-control')) return 'needs: [server-control]';
  const line = lessonLines(lesson).find((l) => classifyLine(l).kind === 'control');
  if (line !== undefined) return JSON.stringify(line);
  const interfering = lesson.steps.find((s) => s.kind === 'try' && s.interfere);
  if (interfering) return `${interfering.id}: interfere`;
  const check = allChecks(lesson).find((c) => (FORMAT4_CHECKS as readonly string[]).includes(c.kind));
  return check === undefined ? undefined : `a ${check.kind} check`;
}

/** The first thing in a lesson that format 2 did not have: code steps (R17) and what goes with them. */
function format3Feature(lesson: Lesson): string | undefined {
  const code = lesson.steps.find((s) => s.kind === 'code');
  if (code !== undefined) return `${code.id}: kind: code`;
  return lesson.needs.includes('node') ? 'needs: [node]' : undefined;
}

/** The first thing in a lesson that format 1 did not have, so a file saying 1 cannot use it unnoticed. */
function format2Feature(lesson: Lesson): string | undefined {
  if (lesson.needs.includes('clock')) return 'needs: [clock]';
  const lines = lessonLines(lesson);
  const line = lines.find((l) => {
    const c = classifyLine(l);
    return c.kind !== 'command' || c.labelled;
  });
  if (line !== undefined) return JSON.stringify(line);
  const V1_CHECKS = ['exists', 'type', 'string', 'list', 'set', 'hash', 'zset', 'ttl', 'length', 'reply', 'uses'];
  for (const step of lesson.steps) {
    if (step.when) return `${step.id}: when`;
    if (step.kind === 'predict' && step.expect) return `${step.id}: expect`;
    if (step.kind === 'try') {
      if (step.replay) return `${step.id}: replay`;
      if (step.connection) return `${step.id}: connection`;
      if (step.right.length > 0) return `${step.id}: right`;
      if (step.capture) return `${step.id}: capture`;
      const check = step.checks.find((c) => !V1_CHECKS.includes(c.kind) || (c.kind === 'uses' && c.commands.length > 1) || c.message !== undefined);
      if (check) return `${step.id}: ${check.message !== undefined ? 'a check with message' : check.kind === 'uses' ? 'uses with a list' : check.kind}`;
    }
  }
  return undefined;
}

function readGuard(r: Reader, value: unknown, path: string): StepGuard {
  const map = r.map(value, path) ?? {};
  r.onlyKeys(map, path, ['platform', 'engine', 'min_redis']);
  const guard: StepGuard = {};
  if (map.platform !== undefined) {
    const list = Array.isArray(map.platform) ? map.platform : [map.platform];
    guard.platform = list.map((p, i) => r.string(p, Array.isArray(map.platform) ? `${join(path, 'platform')}[${i}]` : join(path, 'platform'), { re: /^[a-z0-9]+$/, expected: f.platforms() }));
  }
  if (map.engine !== undefined) {
    if (map.engine !== 'builtin' && map.engine !== 'real') r.problem(join(path, 'engine'), f.engineKind(), map.engine);
    guard.engine = map.engine as 'builtin' | 'real';
  }
  if (map.min_redis !== undefined) guard.minRedis = r.string(map.min_redis, join(path, 'min_redis'), VERSION);
  return guard;
}

function readCapture(r: Reader, value: unknown, path: string): Record<string, { replyOf: string }> {
  const map = r.map(value, path) ?? {};
  const capture: Record<string, { replyOf: string }> = {};
  for (const [name, raw] of Object.entries(map)) {
    const at = join(path, name);
    if (!/^[a-z][a-z0-9_]*$/.test(name)) r.problemSaid(at, f.captureName(), f.quotedName(name));
    const entry = r.map(raw, at) ?? {};
    r.onlyKeys(entry, at, ['reply_of']);
    capture[name] = { replyOf: r.string(entry.reply_of, join(at, 'reply_of'), { re: /^[A-Za-z][A-Za-z0-9_-]*$/, expected: f.commandName() }).toUpperCase() };
  }
  return capture;
}

function readInterference(r: Reader, value: unknown, path: string): Interference {
  const map = r.map(value, path) ?? {};
  const { after, on, run, times, ...extra } = map;
  for (const field of Object.keys(extra)) r.problemSaid(join(path, field), f.interfereFields(), f.unknownField(field));
  return {
    after: r.string(after, join(path, 'after'), { re: /^[A-Za-z][A-Za-z0-9_-]*$/, expected: f.commandName() }).toUpperCase(),
    on: r.string(on, join(path, 'on'), { re: /^[B-Z]$/, expected: f.connectionName() }),
    run: readCommands(r, run, join(path, 'run'), 1),
    times: times === undefined ? 1 : r.number(times, join(path, 'times'), f.order(), (n) => Number.isInteger(n) && n >= 1),
  };
}

function readReplay(r: Reader, value: unknown, path: string): Replay {
  const map = r.map(value, path) ?? {};
  r.onlyKeys(map, path, ['setup', 'substitute', 'reply']);
  const substitute = r.map(map.substitute, join(path, 'substitute')) ?? {};
  if (Object.keys(substitute).length === 0) r.problem(join(path, 'substitute'), f.substitute(), map.substitute);
  return {
    setup: r.optional(map, 'setup', (v) => readCommands(r, v, join(path, 'setup'), 0), []),
    substitute: Object.fromEntries(Object.entries(substitute).map(([k, v]) => [k, scalar(r, v, join(join(path, 'substitute'), k))])),
    reply: r.string(map.reply, join(path, 'reply')),
  };
}

/** One expected reply per command line (an `@node` line's too, labelled); other directives (`@wait`) have none. */
function readExpect(r: Reader, value: unknown, path: string, commands: string[]): ExpectEntry[] {
  const wanted = commands.filter((c) => ['command', 'node'].includes(classifyLine(c).kind)).length;
  const list = r.list(value, path, (v, p) => readExpectEntry(r, v, p), { expected: f.expectCount(wanted) });
  if (Array.isArray(value) && value.length !== wanted) r.problem(path, f.expectCount(wanted), value);
  return list;
}

/** `~` (not asserted), the reply as shown, or `{matches: regex}` for a reply that varies (a SCAN cursor). */
function readExpectEntry(r: Reader, value: unknown, path: string): ExpectEntry {
  if (value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) return r.string(value, path, { re: /[\s\S]/, expected: f.expectEntry() });
  const map = r.map(value, path) ?? {};
  const extra = Object.keys(map).filter((k) => k !== 'matches');
  if (extra.length > 0 || map.matches === undefined) {
    r.problem(path, f.expectEntry(), value);
    return null;
  }
  const pattern = r.string(map.matches, join(path, 'matches'));
  try {
    new RegExp(pattern);
  } catch {
    r.problem(join(path, 'matches'), f.pattern(), pattern);
  }
  return { matches: pattern };
}

function readChoiceStep(r: Reader, map: Record<string, unknown>, path: string) {
  const choices = r.list(map.choices, join(path, 'choices'), (c, p) => readText(r, c, p), { min: 2, expected: f.choices() });
  const answer = r.number(map.answer, join(path, 'answer'), f.answer(Math.max(0, choices.length - 1)), (n) => Number.isInteger(n) && n >= 0 && n < choices.length);
  return { question: readText(r, map.question, join(path, 'question')), choices, answer, explain: readText(r, map.explain, join(path, 'explain')) };
}

function readStep(r: Reader, raw: unknown, path: string): Step | undefined {
  const map = r.map(raw, path);
  if (!map) return undefined;
  const kind = map.kind as StepKind;
  if (!STEP_KINDS.includes(kind)) {
    r.problem(join(path, 'kind'), f.oneOf(STEP_KINDS), map.kind);
    return undefined;
  }
  r.onlyKeys(map, path, ['id', 'kind', 'setup', 'when', ...STEP_FIELDS[kind]]);
  const base = {
    id: r.string(map.id, join(path, 'id'), ID),
    setup: r.optional(map, 'setup', (v) => readCommands(r, v, join(path, 'setup'), 0), []),
    ...(map.when === undefined ? {} : { when: readGuard(r, map.when, join(path, 'when')) }),
  };
  const text = (key: string) => readText(r, map[key], join(path, key));
  const optionalText = (key: string) => (map[key] === undefined ? {} : { [key]: text(key) });
  switch (kind) {
    case 'say':
      return { ...base, kind, text: text('text') };
    case 'run':
      return { ...base, kind, ...optionalText('text'), commands: readCommands(r, map.commands, join(path, 'commands'), 1), ...optionalText('after') };
    case 'predict': {
      const commands = readCommands(r, map.commands, join(path, 'commands'), 1);
      const expect = map.expect === undefined ? {} : { expect: readExpect(r, map.expect, join(path, 'expect'), commands) };
      return { ...base, kind, ...optionalText('text'), commands, ...readChoiceStep(r, map, path), ...expect };
    }
    case 'quiz':
      return { ...base, kind, ...readChoiceStep(r, map, path) };
    case 'code':
      return readCodeStep(r, map, path, base, (v, p) => readCommands(r, v, p, 0));
    case 'try': {
      const checks = r.list(map.checks, join(path, 'checks'), (c, p) => readCheck(r, c, p), { min: 1, expected: f.checks() }).filter((c) => c !== undefined);
      forbidChecks(r, checks, join(path, 'checks'), OUTPUT_CHECKS, f.checkInTry());
      return {
        ...base,
        kind,
        text: text('text'),
        checks,
        hints: r.optional(map, 'hints', (v) => r.list(v, join(path, 'hints'), (t, p) => readText(r, t, p)), []),
        solution: readCommands(r, map.solution, join(path, 'solution'), 1),
        wrong: r.optional(map, 'wrong', (v) => r.list(v, join(path, 'wrong'), (w, p) => readWrong(r, w, p)), []),
        right: r.optional(map, 'right', (v) => r.list(v, join(path, 'right'), (a, p) => readRight(r, a, p)), []),
        ...optionalText('after'),
        ...(map.replay === undefined ? {} : { replay: readReplay(r, map.replay, join(path, 'replay')) }),
        ...(map.connection === undefined ? {} : { connection: r.string(map.connection, join(path, 'connection'), { re: /^[B-Z]$/, expected: f.connectionName() }) }),
        ...(map.capture === undefined ? {} : { capture: readCapture(r, map.capture, join(path, 'capture')) }),
        ...(map.interfere === undefined ? {} : { interfere: readInterference(r, map.interfere, join(path, 'interfere')) }),
      };
    }
  }
}

function readRight(r: Reader, raw: unknown, path: string): string[] {
  const map = r.map(raw, path) ?? {};
  r.onlyKeys(map, path, ['commands']);
  return readCommands(r, map.commands, join(path, 'commands'), 1);
}

function readWrong(r: Reader, raw: unknown, path: string): WrongAnswer {
  const map = r.map(raw, path) ?? {};
  r.onlyKeys(map, path, ['commands', 'feedback']);
  return { commands: readCommands(r, map.commands, join(path, 'commands'), 0), feedback: r.string(map.feedback, join(path, 'feedback')) };
}

/**
 * The lesson format: what an author writes in `lessons/*.yaml`, after validation. Authored data only;
 * what a learner has done lives in `src/progress/`.
 */

/** The newest format this tutor reads. A file with a higher number is refused with a message saying so. */
export const FORMAT_VERSION = 4;

/**
 * Learner-facing text: a plain string is English; an object maps language codes to text and must hold
 * `en`, the fallback for any language without a translation.
 */
export type Text = string | ({ en: string } & Record<string, string>);

/** What a lesson needs beyond one connection to any Redis (the runner refuses or warns when missing). */
export type Need = 'real-server' | 'two-connections' | 'clock' | 'node' | 'server-control' | 'cluster';
export const NEEDS: readonly Need[] = ['real-server', 'two-connections', 'clock', 'node', 'server-control', 'cluster'];

export interface Lesson {
  /** Newest format feature the file uses; see FORMAT_VERSION. */
  formatVersion: number;
  /** Stable name, used on the command line (`redis-tutor lesson strings`) and as the progress key. */
  id: string;
  /** Position in the course (1, 2, 3 ...); the number a learner may type instead of the id. */
  order: number;
  title: Text;
  /** One line: what the learner can do after the lesson. */
  goal: Text;
  /** Estimated minutes. */
  minutes: number;
  /** Oldest Redis version whose commands the lesson uses ("6.2"). */
  minRedis: string;
  needs: Need[];
  /** Commands run on a clean playground before the first step (and before every replay). */
  setup: string[];
  /** "What you learned", shown in the summary after the last step. */
  learned: Text[];
  steps: Step[];
  /** The file it came from, for messages. */
  file: string;
}

interface StepBase {
  /** Stable within the lesson; progress is keyed by it, so renaming a step forgets who finished it. */
  id: string;
  /** Hidden commands run when the step starts (and when its starting state is rebuilt). */
  setup: string[];
  /** Where the step is played at all (R22); a step whose guard fails is left out of the lesson there. */
  when?: StepGuard;
}

/** A step's guard: every field given must hold. */
export interface StepGuard {
  /** `process.platform` values: win32, linux, darwin ... */
  platform?: string[];
  /** builtin: the tutor's own engine; real: a redis-server. */
  engine?: 'builtin' | 'real';
  /** Oldest Redis version the step's commands need. */
  minRedis?: string;
}

/** Prose. Inline `code` and **bold** are rendered in the terminal. */
export interface SayStep extends StepBase {
  kind: 'say';
  text: Text;
}

/** The tutor runs commands itself and shows each with its reply. */
export interface RunStep extends StepBase {
  kind: 'run';
  text?: Text;
  commands: string[];
  /** Said after the replies. */
  after?: Text;
}

/** The learner types commands until every check holds. */
export interface TryStep extends StepBase {
  kind: 'try';
  text: Text;
  checks: Check[];
  /** Revealed one at a time when the learner types `hint`. */
  hints: Text[];
  /** The reference solution: proves the step can be passed, shown on `solution`, played by --autoplay. */
  solution: string[];
  /** Recorded wrong answers: `lessons check` proves each fails with the feedback given. */
  wrong: WrongAnswer[];
  /** Other right answers (UNLINK where the solution says DEL): `lessons check` proves each passes. */
  right: string[][];
  /** Said once the checks hold. */
  after?: Text;
  /** Generality (R13): the learner's last command, rerun on other data, must answer `reply`. */
  replay?: Replay;
  /** The connection the learner types on (a helper such as B); the lesson's own when absent. */
  connection?: string;
  /**
   * Values taken from the learner's replies (R9): `{id: {replyOf: 'INCR'}}` is the reply of their last INCR
   * in the step, and `{id}` in a check's key or value stands for it (`key: "msg:{id}"`).
   */
  capture?: Record<string, { replyOf: string }>;
  /** Another client's write (R19), run on a helper after the learner's command `after`: a WATCH that must retry. Format 4. */
  interfere?: Interference;
}

/** R19: after the learner's first `times` commands named `after`, the tutor runs `run` on helper `on`. */
export interface Interference {
  after: string;
  on: string;
  run: string[];
  times: number;
}

/**
 * Reruns the learner's last command with some key names swapped for scratch keys that `setup` filled,
 * so an answer that fits only the lesson's data (`LRANGE chat 1 2` for "the last two") fails.
 */
export interface Replay {
  setup: string[];
  /** Key name in the learner's command -> the scratch key to use instead. */
  substitute: Record<string, string>;
  reply: string;
}

export interface WrongAnswer {
  commands: string[];
  /** A piece of the feedback the learner must see (English). */
  feedback: string;
}

/** The pitfall: show commands, ask what Redis will answer, then run them and explain. */
export interface PredictStep extends StepBase {
  kind: 'predict';
  text?: Text;
  commands: string[];
  question: Text;
  choices: Text[];
  /** Index into `choices` (0-based). */
  answer: number;
  explain: Text;
  /**
   * The replies, as shown, one per command line (directives excluded); null where a reply is not
   * asserted. `lessons check` proves them on a real server, so an explanation cannot contradict Redis.
   */
  expect?: ExpectEntry[];
}
/** One reply a predict states: as shown, `null` (`~`) for one not asserted, or a pattern it must match. */
export type ExpectEntry = string | null | { matches: string };

export interface QuizStep extends StepBase {
  kind: 'quiz';
  question: Text;
  choices: Text[];
  answer: number;
  explain: Text;
}

/**
 * The learner writes a small Node.js program with node-redis (R17): the tutor puts `starter` in a workspace
 * file, runs it with `node` and REDIS_URL set to the lesson's Redis, then judges the state it left and what
 * it printed. Format 3.
 */
export interface CodeStep extends StepBase {
  kind: 'code';
  text: Text;
  /** The file the learner edits in the workspace (`send-message.mjs`). */
  file: string;
  /** The file's starting content, the part to write marked (`// TODO: ...`). `lessons check` proves it fails. */
  starter: string;
  /** The whole reference file: shown on `solution`, played by --autoplay, proven by `lessons check`. */
  solution: string;
  /** Judged after the program ran: state checks (keys), `stdout_includes`, `stdout_matches`, `any_of`. */
  checks: Check[];
  hints: Text[];
  /** Edge inputs: once the checks hold, the program runs again with these, each judged by its own checks. */
  reruns: CodeRerun[];
  /** Recorded wrong programs: `lessons check` proves each fails with the feedback given. */
  wrong: WrongProgram[];
  after?: Text;
}

/** The program run again with other input (a Korean name, a loop count of 500). */
export interface CodeRerun {
  /** Environment variables for this run (besides REDIS_URL). */
  env: Record<string, string>;
  /** Command-line arguments (`process.argv[2]` ...). */
  args: string[];
  /** Redis lines run before this run (to start a counter from nothing again, say). */
  setup: string[];
  checks: Check[];
}

export interface WrongProgram {
  program: string;
  /** A piece of the feedback the learner must see (English). */
  feedback: string;
}

export type Step = SayStep | RunStep | TryStep | PredictStep | QuizStep | CodeStep;
export type StepKind = Step['kind'];
export const STEP_KINDS: readonly StepKind[] = ['say', 'run', 'try', 'predict', 'quiz', 'code'];

/** Redis types as TYPE names them. */
export type RedisType = 'string' | 'list' | 'set' | 'zset' | 'hash' | 'stream';
export const REDIS_TYPES: readonly RedisType[] = ['string', 'list', 'set', 'zset', 'hash', 'stream'];

/**
 * A check on Redis state, whatever commands got there. In YAML each is a map: `key:` plus one of
 * `exists`, `type`, `string`, `list`, `set`, `hash`, `hash_exact`, `zset`, `ttl`, `length`; or a check on
 * what the learner typed and saw: `reply`, `reply_matches`, `reply_unordered`, `replies_include`, `seen_items`, `uses`,
 * `not_uses`, `command` (+ `args`); in code steps, on what the program printed: `stdout_includes`, `stdout_matches`;
 * or `any_of` (groups of checks, one of which must hold).
 */
export type Check = CheckBody & {
  /** The author's own sentence when the check fails, instead of the tutor's generic one. */
  message?: Text;
};
type CheckBody =
  | { kind: 'exists'; key: string; exists: boolean }
  | { kind: 'type'; key: string; type: RedisType }
  | { kind: 'string'; key: string; value: string }
  | { kind: 'list'; key: string; values: string[] }
  | { kind: 'set'; key: string; members: string[] }
  | { kind: 'hash'; key: string; fields: Record<string, string> }
  /** Exactly these fields, no others. */
  | { kind: 'hash_exact'; key: string; fields: Record<string, string> }
  | { kind: 'zset'; key: string; members: { member: string; score: number }[] }
  /** Seconds left between min and max, or `none` for a key without an expiry. */
  | { kind: 'ttl'; key: string; ttl: { min: number; max: number } | 'none' }
  | { kind: 'length'; key: string; length: number }
  /** A stream's entries, each entry's fields and values exactly, in order (R10, format 4). */
  | { kind: 'stream'; key: string; entries: Record<string, string>[] }
  /** A stream's last entry's fields and values, exactly. */
  | { kind: 'stream_last'; key: string; fields: Record<string, string> }
  /** A consumer group of the stream: its pending count, and optionally consumers and last delivered id. */
  | { kind: 'group'; key: string; group: StreamGroupCheck }
  /** The last reply, exactly as shown. */
  | { kind: 'reply'; reply: string }
  /** The last reply, as shown, matches this regular expression. */
  | { kind: 'reply_matches'; pattern: string }
  /** The last reply is an array of exactly these items, in any order (SMEMBERS, KEYS ...). */
  | { kind: 'reply_unordered'; items: string[] }
  /** Each of these was the whole reply to some command of this step. */
  | { kind: 'replies_include'; replies: string[] }
  /** Each of these was an item of some reply of this step, at any depth (a key on any SCAN page). */
  | { kind: 'seen_items'; items: string[] }
  /** A code step's program printed each of these (anywhere in its standard output). */
  | { kind: 'stdout_includes'; texts: string[] }
  /** A code step's program's standard output matches this regular expression. */
  | { kind: 'stdout_matches'; pattern: string }
  /** One of these commands was typed in this step. */
  | { kind: 'uses'; commands: string[] }
  /** None of these commands was typed in this step. */
  | { kind: 'not_uses'; commands: string[] }
  /**
   * The learner's last command was `name`, with exactly `args` (any order) when given. An all-capital
   * word among `args` is an option (ASYNC, NX, REV) and matches in any case, as Redis reads it.
   */
  | { kind: 'command'; name: string; args?: string[] }
  /** A helper connection received a pub/sub message during the step (R2, format 4). */
  | { kind: 'received'; received: ReceivedCheck }
  /** A server parameter, as CONFIG GET answers it (R11, format 4: lessons with `needs: [server-control]`). */
  | { kind: 'config'; name: string; value: string }
  /** One group of checks must hold entirely. */
  | { kind: 'any_of'; groups: Check[][] };

/** What a `received` check looks for among a helper's messages; the channel as the learner sees it. */
export interface ReceivedCheck {
  on: string;
  channel: string;
  /** The payload; any when absent. */
  message?: string;
  /** Came through this PSUBSCRIBE pattern (a pmessage). */
  pattern?: string;
  /** Exactly this many such messages; at least one when absent. */
  count?: number;
}

export interface StreamGroupCheck {
  name: string;
  pending?: number;
  consumers?: number;
  lastDelivered?: string;
}

export type CheckKind = Check['kind'];
export const KEYED_CHECKS = ['exists', 'type', 'string', 'list', 'set', 'hash', 'hash_exact', 'zset', 'ttl', 'length', 'stream', 'stream_last', 'group'] as const;
export const UNKEYED_CHECKS = ['reply', 'reply_matches', 'reply_unordered', 'replies_include', 'seen_items', 'uses', 'not_uses', 'command', 'any_of', 'stdout_includes', 'stdout_matches', 'received', 'config'] as const;
/** Checks format 4 brought (issue 12): a file using one says `format_version: 4`. */
export const FORMAT4_CHECKS = ['stream', 'stream_last', 'group', 'received', 'config'] as const;
/** Checks on what a code step's program printed: only code steps have them. */
export const OUTPUT_CHECKS = ['stdout_includes', 'stdout_matches'] as const;
/**
 * Checks on what the learner typed and saw at a prompt: a code step has none of these. Nor `received`: a
 * program's channels are its own names, while the tutor's listeners may be namespaced (R21).
 */
export const TYPED_CHECKS = ['reply', 'reply_matches', 'reply_unordered', 'replies_include', 'seen_items', 'uses', 'not_uses', 'command', 'received'] as const;

/**
 * The lesson format: what an author writes in `lessons/*.yaml`, after validation. Authored data only;
 * what a learner has done lives in `src/progress/`.
 */

/** The newest format this tutor reads. A file with a higher number is refused with a message saying so. */
export const FORMAT_VERSION = 1;

/**
 * Learner-facing text: a plain string is English; an object maps language codes to text and must hold
 * `en`, the fallback for any language without a translation.
 */
export type Text = string | ({ en: string } & Record<string, string>);

/** What a lesson needs beyond one connection to any Redis (the runner refuses or warns when missing). */
export type Need = 'real-server' | 'two-connections';
export const NEEDS: readonly Need[] = ['real-server', 'two-connections'];

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
  /** Said once the checks hold. */
  after?: Text;
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
}

export interface QuizStep extends StepBase {
  kind: 'quiz';
  question: Text;
  choices: Text[];
  answer: number;
  explain: Text;
}

export type Step = SayStep | RunStep | TryStep | PredictStep | QuizStep;
export type StepKind = Step['kind'];
export const STEP_KINDS: readonly StepKind[] = ['say', 'run', 'try', 'predict', 'quiz'];

/** Redis types as TYPE names them. */
export type RedisType = 'string' | 'list' | 'set' | 'zset' | 'hash' | 'stream';
export const REDIS_TYPES: readonly RedisType[] = ['string', 'list', 'set', 'zset', 'hash', 'stream'];

/**
 * A check on Redis state, whatever commands got there. In YAML each is a map: `key:` plus one of
 * `exists`, `type`, `string`, `list`, `set`, `hash`, `zset`, `ttl`, `length`; or `reply:` (the last reply,
 * as redis-cli prints it), or `uses:` (a command the learner must have typed in this step).
 */
export type Check =
  | { kind: 'exists'; key: string; exists: boolean }
  | { kind: 'type'; key: string; type: RedisType }
  | { kind: 'string'; key: string; value: string }
  | { kind: 'list'; key: string; values: string[] }
  | { kind: 'set'; key: string; members: string[] }
  | { kind: 'hash'; key: string; fields: Record<string, string> }
  | { kind: 'zset'; key: string; members: { member: string; score: number }[] }
  /** Seconds left between min and max, or `none` for a key without an expiry. */
  | { kind: 'ttl'; key: string; ttl: { min: number; max: number } | 'none' }
  | { kind: 'length'; key: string; length: number }
  | { kind: 'reply'; reply: string }
  | { kind: 'uses'; command: string };

export type CheckKind = Check['kind'];
export const KEYED_CHECKS = ['exists', 'type', 'string', 'list', 'set', 'hash', 'zset', 'ttl', 'length'] as const;

import { translatable } from '../ui/i18n.js';

/**
 * What a lesson file should hold and what it held: the words of `lessons check` and of a refused course.
 * Lesson authors read these; a translation may reorder words freely.
 */
const en = {
  // Expected
  id: () => 'an id: lower-case letters, digits and dashes, such as "strings"',
  version: () => 'a Redis version in quotes, such as "6.2"',
  formatVersion: (max: number) => `a whole number from 1 to ${max}`,
  newerFormat: (max: number) => `${max} or lower (this version of redis-tutor reads format ${max}; update redis-tutor to read newer lessons)`,
  order: () => 'a whole number, 1 or more',
  minutes: () => 'minutes (a number above 0)',
  steps: () => 'a list of steps',
  uniqueStepId: () => 'an id no other step of this lesson has',
  text: () => 'a text',
  textOrLanguages: () => 'a text, or a map of languages with at least `en:` (en: Hello, ko: 안녕하세요)',
  english: () => 'the English text (the fallback for every language)',
  language: () => 'a language code such as en, ko or pt-BR',
  oneOf: (options: readonly string[]) => `one of: ${options.join(', ')}`,
  commandLine: () => 'a Redis command line, such as SET greeting hello',
  commands: () => 'a list of Redis commands',
  choices: () => 'a list of choices',
  answer: (last: number) => `the number of the right choice, from 0 to ${last} (0 is the first)`,
  checks: () => 'a list of checks',
  checkForms: () => '`key:` with one of exists, type, string, list, set, hash, zset, ttl, length; or `reply:`; or `uses:`',
  keyedCheck: (kinds: readonly string[]) => `one of ${kinds.join(', ')} beside key:`,
  commandName: () => 'a command name such as RPUSH',
  trueOrFalse: () => 'true or false',
  redisType: (types: readonly string[]) => `a Redis type: ${types.join(', ')}`,
  listInOrder: () => 'a list of values, in order',
  members: () => 'a list of members (any order)',
  scalar: () => 'a value (text or number)',
  score: () => 'a score (a number)',
  ttl: () => '`none`, or [min, max] seconds left, such as [1, 60]',
  count: () => 'a whole number, 0 or more',
  map: () => 'a map (key: value lines)',
  list: () => 'a list',
  atLeast: (what: string, min: number) => `${what}, with at least ${min} item${min === 1 ? '' : 's'}`,
  yaml: () => 'valid YAML',
  uniqueInCourse: (field: string) => `a ${field} no other lesson has`,
  splittable: () => 'a command line redis-cli can split',
  splittableLines: () => 'command lines redis-cli can split',
  failFirst: () => 'checks that fail before the learner has typed anything',
  solutionPasses: () => 'a solution that makes every check hold',
  wrongFails: () => 'commands the checks reject',
  feedbackContaining: (feedback: string) => `feedback containing ${JSON.stringify(feedback)}`,

  // Found
  nothing: () => 'nothing',
  nullValue: () => 'an empty value (null)',
  listOf: (n: number) => `a list of ${n}`,
  emptyMap: () => 'an empty map',
  mapWith: (keys: string[], more: boolean) => `a map with ${keys.join(', ')}${more ? ', ...' : ''}`,
  theText: (quoted: string) => `the text ${quoted}`,
  theNumber: (n: string) => `the number ${n}`,
  other: (type: string, value: string) => `${type} ${value}`,
  unknownField: (key: string) => `an unknown field "${key}"`,
  foundVersion: (n: number) => `format_version ${n}`,
  duplicateStepId: (id: string, first: number) => `"${id}", already the id of steps[${first}]`,
  checkWith: (kinds: string[]) => `a check with ${kinds.length === 0 ? 'no fields' : kinds.join(', ')}`,
  onlyKey: () => 'only key:',
  quotedName: (name: string) => `"${name}"`,
  alsoIn: (value: string, field: string, file: string) => `${value}, also the ${field} of ${file}`,
  allHold: () => 'they all hold already',
  everyCheckHolds: () => 'every check holds',
};

export type FormatMessages = typeof en;
export const formatMsg: FormatMessages = translatable(en);

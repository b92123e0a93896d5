import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCourse } from '../../src/course/load.js';
import { parseLesson } from '../../src/course/parse.js';
import { FORMAT_VERSION, type Lesson, type SayStep } from '../../src/course/schema.js';
import { localize } from '../../src/course/text.js';

const FIXTURES = new URL('../fixtures/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');

/** A minimal valid lesson in YAML, with `extra` lines appended under `steps:` or replacing fields. */
const lesson = (steps: string, header = '') => `format_version: 1
id: demo
order: 1
title: Demo
goal: A goal.
minutes: 1
min_redis: "6.2"
${header}steps:
${steps}`;

const problemsOf = (source: string) => {
  const result = parseLesson(source, 'demo.yaml');
  if (result.ok) throw new Error('expected problems, got a valid lesson');
  return result.problems.map((p) => `${p.path}: expected ${p.expected}; found ${p.found}`);
};

describe('parseLesson', () => {
  it('reads the fixture lesson: kinds, checks, texts and setup', () => {
    const result = parseLesson(fixture('course/01-basics.yaml'), 'basics.yaml');
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const l: Lesson = result.lesson;
    // A format 1 file is still read as it was.
    expect(l.formatVersion).toBe(1);
    expect(FORMAT_VERSION).toBe(4);
    expect(l.steps.map((s) => `${s.kind}:${s.id}`)).toEqual(['say:hello', 'try:greet', 'predict:overwrite', 'try:chat', 'quiz:quiz']);
    expect(l.setup).toEqual(['SET fixture:setup done']);
    const chat = l.steps[3];
    expect(chat?.kind === 'try' && chat.checks).toEqual([{ kind: 'list', key: 'chat', values: ['a', 'b'] }, { kind: 'uses', commands: ['RPUSH'] }]);
  });

  it('keeps a Korean text beside the English one, and falls back to English for other languages', () => {
    const result = parseLesson(fixture('course/01-basics.yaml'), 'basics.yaml');
    if (!result.ok) throw new Error('invalid fixture');
    const hello = result.lesson.steps[0] as SayStep;
    expect(localize(hello.text, 'ko')).toBe('픽스처 코스에 오신 것을 환영합니다. 막히면 `hint`를 입력하세요.');
    expect(localize(hello.text, 'en')).toBe('Welcome to the **fixture** course. Type `hint` when stuck.');
    expect(localize(hello.text, 'fr')).toBe('Welcome to the **fixture** course. Type `hint` when stuck.');
    expect(localize(result.lesson.title, 'ko')).toBe('기초');
    // A plain string is English, whatever the language.
    expect(localize(result.lesson.goal, 'ko')).toBe('Store a greeting and a chat list.');
  });

  it.each([
    ['a step kind it does not know', '  - { id: a, kind: sing }', 'steps[0].kind: expected one of: say, run, try, predict, quiz, code; found the text "sing"'],
    ['a misspelt field', '  - { id: a, kind: say, text: Hi, hint: x }', 'steps[0].hint: expected one of: id, kind, setup, when, text; found an unknown field "hint"'],
    ['an answer out of range', '  - { id: q, kind: quiz, question: Q, choices: [a, b], answer: 2, explain: E }', 'steps[0].answer: expected the number of the right choice, from 0 to 1 (0 is the first); found the number 2'],
    ['a check with two kinds', '  - { id: t, kind: try, text: T, solution: [PING], checks: [{ key: k, string: a, list: [a] }] }', 'steps[0].checks[0]: expected one of exists, type, string, list, set, hash, hash_exact, zset, ttl, length, stream, stream_last, group beside key:; found string, list'],
    ['a ttl that is not a range', '  - { id: t, kind: try, text: T, solution: [PING], checks: [{ key: k, ttl: 5 }] }', 'steps[0].checks[0].ttl: expected `none`, or [min, max] seconds left, such as [1, 60]; found the number 5'],
    ['a Redis type that does not exist', '  - { id: t, kind: try, text: T, solution: [PING], checks: [{ key: k, type: array }] }', 'steps[0].checks[0].type: expected a Redis type: string, list, set, zset, hash, stream; found the text "array"'],
    ['a text without English', '  - { id: a, kind: say, text: { ko: 안녕 } }', 'steps[0].text.en: expected the English text (the fallback for every language); found nothing'],
    ['a bad language code', '  - { id: a, kind: say, text: { en: Hi, korean: 안녕 } }', 'steps[0].text.korean: expected a language code such as en, ko or pt-BR; found "korean"'],
    ['two steps with one id', '  - { id: a, kind: say, text: Hi }\n  - { id: a, kind: say, text: Again }', 'steps[1].id: expected an id no other step of this lesson has; found "a", already the id of steps[0]'],
    ['a try step without a solution', '  - { id: t, kind: try, text: T, checks: [{ reply: PONG }] }', 'steps[0].solution: expected a list of Redis commands; found nothing'],
  ])('names %s with its path, what was expected and what was found', (_what, steps, expected) => {
    expect(problemsOf(lesson(steps))).toContain(expected);
  });

  it('reports every problem of a file at once', () => {
    const result = readCourse(new URL('broken', FIXTURES).pathname);
    const bad = result.problems.filter((p) => p.file.endsWith('bad.yaml')).map((p) => p.path);
    expect(bad).toEqual([
      'id', 'order', 'title.en', 'goal', 'minutes', 'min_redis', 'needs[0]', 'steps[0].kind', 'steps[1].hint',
      'steps[1].checks[0].list', 'steps[1].checks[1]', 'steps[1].checks[2].reply', 'steps[1].solution', 'steps[2].choices',
      'steps[2].answer', 'steps[1].id',
    ]);
    expect(result.lessons).toEqual([]);
  });

  it('refuses a newer format with one clear message instead of a pile of unknown fields', () => {
    const problems = problemsOf(fixture('broken/future.yaml'));
    expect(problems).toEqual([
      `format_version: expected ${FORMAT_VERSION} or lower (this version of redis-tutor reads format ${FORMAT_VERSION}; update redis-tutor to read newer lessons); found format_version 99`,
    ]);
  });

  it('points at the line of a YAML syntax error', () => {
    expect(problemsOf(fixture('broken/syntax.yaml'))[0]).toMatch(/^line 4, column 1: expected valid YAML; found /);
  });

  it('reads numbers and booleans in expected values as the text Redis stores', () => {
    const result = parseLesson(lesson('  - { id: t, kind: try, text: T, solution: [INCR n], checks: [{ key: n, string: 1 }, { key: l, list: [1, true] }] }'), 'x.yaml');
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const step = result.lesson.steps[0];
    expect(step?.kind === 'try' && step.checks).toEqual([
      { kind: 'string', key: 'n', value: '1' },
      { kind: 'list', key: 'l', values: ['1', 'true'] },
    ]);
  });
});

describe('readCourse', () => {
  it('orders lessons by their order field and finds ids or orders used twice', () => {
    const course = readCourse(new URL('course', FIXTURES).pathname);
    expect(course.lessons.map((l) => l.id)).toEqual(['basics', 'more']);
    expect(course.problems).toEqual([]);
  });

  it('the shipped course is valid: intro, strings, lists first, then the rest in order', () => {
    const course = readCourse(new URL('../../lessons', import.meta.url).pathname);
    expect(course.problems).toEqual([]);
    expect(course.lessons.slice(0, 3).map((l) => `${l.order}:${l.id}`)).toEqual(['1:intro', '2:strings', '3:lists']);
    const orders = course.lessons.map((l) => l.order);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
  });
});

/** A format 2 lesson: `needs` and `steps` as given. */
const lesson2 = (steps: string, needs = '') => lesson(steps, needs === '' ? '' : `needs: [${needs}]\n`).replace('format_version: 1', 'format_version: 2');

const valid = (source: string): Lesson => {
  const result = parseLesson(source, 'demo.yaml');
  if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
  return result.lesson;
};

describe('parseLesson: format 2', () => {
  it('reads helper lines, waits, guards, expect (with ~), replay and connection', () => {
    const l = valid(
      lesson2(
        `  - id: worker
    kind: run
    when: { platform: [linux, darwin], engine: builtin, min_redis: "7.0" }
    commands: ['B> BLPOP jobs 0', RPUSH jobs a, '@wait 4s', '@wait 1.5s', '@wait 200ms', '@wait 2m']
  - id: peek
    kind: predict
    commands: [SET k v EX 3, '@wait 4s', GET k, TTL k]
    question: Q
    choices: [a, b]
    answer: 0
    explain: E
    expect: [OK, (nil), ~]
  - id: last-two
    kind: try
    text: T
    connection: B
    solution: [LRANGE chat -2 -1]
    checks: [{ reply: x }]
    replay: { setup: [RPUSH scratch a b c], substitute: { chat: scratch }, reply: y }`,
        'two-connections, clock',
      ),
    );
    expect(l.formatVersion).toBe(2);
    expect(l.needs).toEqual(['two-connections', 'clock']);
    const [run, predict, tryStep] = l.steps;
    expect(run).toMatchObject({ when: { platform: ['linux', 'darwin'], engine: 'builtin', minRedis: '7.0' } });
    expect(predict?.kind === 'predict' && predict.expect).toEqual(['OK', '(nil)', null]);
    expect(tryStep).toMatchObject({ connection: 'B', replay: { setup: ['RPUSH scratch a b c'], substitute: { chat: 'scratch' }, reply: 'y' } });
  });

  it('reads a single platform as a list of one', () => {
    const l = valid(lesson2('  - { id: a, kind: say, text: Hi, when: { platform: win32 } }'));
    expect(l.steps[0]?.when).toEqual({ platform: ['win32'] });
  });

  it('reads every new check form', () => {
    const l = valid(
      lesson2(`  - id: t
    kind: try
    text: T
    solution: [PING]
    checks:
      - { uses: [DEL, UNLINK] }
      - { uses: del }
      - { not_uses: KEYS }
      - { command: del, args: [a, b] }
      - { command: GET }
      - { reply_matches: '^\\(integer\\) \\d+$' }
      - { reply_unordered: [a, 1] }
      - { replies_include: OK }
      - { replies_include: [OK, (integer) 1] }
      - { key: h, hash_exact: { name: Ada, age: 36 } }
      - any_of:
          - [{ key: k, exists: false }]
          - [{ key: k, string: v }, { uses: SET }]`),
    );
    const step = l.steps[0];
    expect(step?.kind === 'try' && step.checks).toEqual([
      { kind: 'uses', commands: ['DEL', 'UNLINK'] },
      { kind: 'uses', commands: ['DEL'] },
      { kind: 'not_uses', commands: ['KEYS'] },
      { kind: 'command', name: 'DEL', args: ['a', 'b'] },
      { kind: 'command', name: 'GET' },
      { kind: 'reply_matches', pattern: '^\\(integer\\) \\d+$' },
      { kind: 'reply_unordered', items: ['a', '1'] },
      { kind: 'replies_include', replies: ['OK'] },
      { kind: 'replies_include', replies: ['OK', '(integer) 1'] },
      { kind: 'hash_exact', key: 'h', fields: { name: 'Ada', age: '36' } },
      { kind: 'any_of', groups: [[{ kind: 'exists', key: 'k', exists: false }], [{ kind: 'string', key: 'k', value: 'v' }, { kind: 'uses', commands: ['SET'] }]] },
    ]);
  });

  const tryStep = (checks: string) => `  - { id: t, kind: try, text: T, solution: [PING], checks: [${checks}] }`;
  it.each([
    ['a capture with a bad name', lesson2("  - { id: t, kind: try, text: T, capture: { Id: { reply_of: INCR } }, solution: [INCR n], checks: [{ key: n, string: '1' }] }"), 'steps[0].capture.Id: expected a capture name: lower-case letters, digits and _, such as id; found "Id"'],
    ['a race without needs: [two-connections]', lesson2("  - { id: a, kind: run, commands: ['@race 4x10 INCR n'] }"), 'needs: expected `needs: [two-connections]` at the top of the lesson, since a line races extra clients (@race); found a list of 0'],
    ['a race past its limits', lesson2("  - { id: a, kind: run, commands: ['@race 50x10 INCR n'] }", 'two-connections'), 'steps[0].commands[0]: expected a directive the tutor knows: @wait 4s (ms, s or m); @race 4x1000 GET n | SET n {n+1} (at most 10 clients, 10000 times); @fixture 10000 SET msg:{i} hello (at most 200000 times, {i} in the command); @probe KEYS * (commands redis-cli can split); or, where the tutor owns the server, @restart, @crash or @restart-from-config; or, on the local cluster (needs: [cluster]), @cluster replication|cluster, @node replica GET k, @kill primary-1, @failover primary-1; found the text "@race 50x10 INCR n"'],
    ['a format 1 file using a format 2 check', lesson("  - { id: t, kind: try, text: T, solution: [PING], checks: [{ not_uses: ECHO }] }"), 'format_version: expected format_version: 2 or higher, since the lesson uses t: not_uses (format 2); found format_version 1'],
    ['a format 1 file using a helper line', lesson("  - { id: a, kind: run, commands: ['B> PING'] }", 'needs: [two-connections]\n'), 'format_version: expected format_version: 2 or higher, since the lesson uses "B> PING" (format 2); found format_version 1'],
    ['a helper line without needs: [two-connections]', lesson2("  - { id: a, kind: run, commands: ['B> SUBSCRIBE news', PUBLISH news hi] }"), 'needs: expected `needs: [two-connections]` at the top of the lesson, since a line runs on connection B; found a list of 0'],
    ['a helper line in a solution, needs naming something else', lesson2("  - { id: t, kind: try, text: T, solution: ['C> GET k'], checks: [{ reply: x }] }", 'clock'), 'needs: expected `needs: [two-connections]` at the top of the lesson, since a line runs on connection C; found a list of 1'],
    ['a try step on connection B without needs: [two-connections]', lesson2('  - { id: t, kind: try, text: T, connection: B, solution: [PING], checks: [{ reply: PONG }] }'), 'needs: expected `needs: [two-connections]` at the top of the lesson, since a line runs on connection B; found a list of 0'],
    ['a wait without needs: [clock]', lesson2("  - { id: a, kind: run, commands: [SET k v EX 1, '@wait 2s'] }"), 'needs: expected `needs: [clock]` at the top of the lesson, since a line waits (@wait); found a list of 0'],
    ['a wait in the lesson setup without needs: [clock]', `${lesson2('  - { id: a, kind: say, text: Hi }')}\nsetup: ['@wait 1s']`, 'needs: expected `needs: [clock]` at the top of the lesson, since a line waits (@wait); found a list of 0'],
    ['a directive the tutor does not know', lesson2("  - { id: a, kind: run, commands: ['@sleep 1s'] }"), 'steps[0].commands[0]: expected a directive the tutor knows: @wait 4s (ms, s or m); @race 4x1000 GET n | SET n {n+1} (at most 10 clients, 10000 times); @fixture 10000 SET msg:{i} hello (at most 200000 times, {i} in the command); @probe KEYS * (commands redis-cli can split); or, where the tutor owns the server, @restart, @crash or @restart-from-config; or, on the local cluster (needs: [cluster]), @cluster replication|cluster, @node replica GET k, @kill primary-1, @failover primary-1; found the text "@sleep 1s"'],
    ['a fixture without {i}', lesson2("  - { id: a, kind: run, commands: ['@fixture 10 SET k v'] }"), 'steps[0].commands[0]: expected a directive the tutor knows: @wait 4s (ms, s or m); @race 4x1000 GET n | SET n {n+1} (at most 10 clients, 10000 times); @fixture 10000 SET msg:{i} hello (at most 200000 times, {i} in the command); @probe KEYS * (commands redis-cli can split); or, where the tutor owns the server, @restart, @crash or @restart-from-config; or, on the local cluster (needs: [cluster]), @cluster replication|cluster, @node replica GET k, @kill primary-1, @failover primary-1; found the text "@fixture 10 SET k v"'],
    ['a fixture past its limit', lesson2("  - { id: a, kind: run, commands: ['@fixture 200001 SET k{i} v'] }"), 'steps[0].commands[0]: expected a directive the tutor knows: @wait 4s (ms, s or m); @race 4x1000 GET n | SET n {n+1} (at most 10 clients, 10000 times); @fixture 10000 SET msg:{i} hello (at most 200000 times, {i} in the command); @probe KEYS * (commands redis-cli can split); or, where the tutor owns the server, @restart, @crash or @restart-from-config; or, on the local cluster (needs: [cluster]), @cluster replication|cluster, @node replica GET k, @kill primary-1, @failover primary-1; found the text "@fixture 200001 SET k{i} v"'],
    ['a probe without a command', lesson2("  - { id: a, kind: run, commands: ['@probe'] }"), 'steps[0].commands[0]: expected a directive the tutor knows: @wait 4s (ms, s or m); @race 4x1000 GET n | SET n {n+1} (at most 10 clients, 10000 times); @fixture 10000 SET msg:{i} hello (at most 200000 times, {i} in the command); @probe KEYS * (commands redis-cli can split); or, where the tutor owns the server, @restart, @crash or @restart-from-config; or, on the local cluster (needs: [cluster]), @cluster replication|cluster, @node replica GET k, @kill primary-1, @failover primary-1; found the text "@probe"'],
    ['a probe without its need', lesson2("  - { id: a, kind: run, commands: ['@probe KEYS *'] }"), 'needs: expected `needs: [two-connections]` at the top of the lesson, since a line measures latency from another connection (@probe); found a list of 0'],
    ['an expect pattern that is not a regular expression', lesson2("  - { id: p, kind: predict, commands: [SCAN 0], expect: [{ matches: '(' }], question: Q, choices: [a, b], answer: 0, explain: E }"), 'steps[0].expect[0].matches: expected a regular expression; found the text "("'],
    ['an expect entry that is neither', lesson2("  - { id: p, kind: predict, commands: [SCAN 0], expect: [{ match: x }], question: Q, choices: [a, b], answer: 0, explain: E }"), 'steps[0].expect[0]: expected a reply as redis-cli prints it, ~, or {matches: <regular expression>}; found a map with match'],
    ['a check message that is not text', lesson2(tryStep('{ uses: SCAN, message: [a] }')), 'steps[0].checks[0].message: expected a text, or a map of languages with at least `en:` (en: Hello, ko: 안녕하세요); found a list of 1'],
    ['a format 1 file using a check message', lesson("  - { id: t, kind: try, text: T, solution: [PING], checks: [{ uses: PING, message: Say PING }] }"), 'format_version: expected format_version: 2 or higher, since the lesson uses t: a check with message (format 2); found format_version 1'],
    ['a wait without a unit', lesson2("  - { id: a, kind: run, commands: ['@wait 4'] }", 'clock'), 'steps[0].commands[0]: expected a directive the tutor knows: @wait 4s (ms, s or m); @race 4x1000 GET n | SET n {n+1} (at most 10 clients, 10000 times); @fixture 10000 SET msg:{i} hello (at most 200000 times, {i} in the command); @probe KEYS * (commands redis-cli can split); or, where the tutor owns the server, @restart, @crash or @restart-from-config; or, on the local cluster (needs: [cluster]), @cluster replication|cluster, @node replica GET k, @kill primary-1, @failover primary-1; found the text "@wait 4"'],
    ['a wait in hours', lesson2("  - { id: a, kind: run, commands: ['@wait 1h'] }", 'clock'), 'steps[0].commands[0]: expected a directive the tutor knows: @wait 4s (ms, s or m); @race 4x1000 GET n | SET n {n+1} (at most 10 clients, 10000 times); @fixture 10000 SET msg:{i} hello (at most 200000 times, {i} in the command); @probe KEYS * (commands redis-cli can split); or, where the tutor owns the server, @restart, @crash or @restart-from-config; or, on the local cluster (needs: [cluster]), @cluster replication|cluster, @node replica GET k, @kill primary-1, @failover primary-1; found the text "@wait 1h"'],
    [
      'expect with a reply too many',
      lesson2("  - { id: p, kind: predict, commands: [SET k v, '@wait 1s', GET k], question: Q, choices: [a, b], answer: 0, explain: E, expect: [OK, '\"v\"', (nil)] }", 'clock'),
      'steps[0].expect: expected 2 replies, one per command line (directives excluded), ~ for one not asserted; found a list of 3',
    ],
    [
      'expect with a reply too few',
      lesson2('  - { id: p, kind: predict, commands: [SET k v, GET k], question: Q, choices: [a, b], answer: 0, explain: E, expect: [OK] }'),
      'steps[0].expect: expected 2 replies, one per command line (directives excluded), ~ for one not asserted; found a list of 1',
    ],
    [
      'expect that is not a list',
      lesson2('  - { id: p, kind: predict, commands: [GET k], question: Q, choices: [a, b], answer: 0, explain: E, expect: (nil) }'),
      'steps[0].expect: expected 1 reply, one per command line (directives excluded), ~ for one not asserted; found the text "(nil)"',
    ],
    ['an engine that is neither builtin nor real', lesson2('  - { id: a, kind: say, text: Hi, when: { engine: cloud } }'), 'steps[0].when.engine: expected builtin or real; found the text "cloud"'],
    ['a guard field it does not know', lesson2('  - { id: a, kind: say, text: Hi, when: { os: linux } }'), 'steps[0].when.os: expected one of: platform, engine, min_redis; found an unknown field "os"'],
    ['a guard min_redis that is not a version', lesson2('  - { id: a, kind: say, text: Hi, when: { min_redis: 7 } }'), 'steps[0].when.min_redis: expected a Redis version in quotes, such as "6.2"; found the number 7'],
    ['a replay without substitute', lesson2('  - { id: t, kind: try, text: T, solution: [LRANGE l -2 -1], checks: [{ reply: x }], replay: { setup: [RPUSH s a], reply: y } }'), 'steps[0].replay.substitute: expected a map of key names to the scratch keys that replace them; found nothing'],
    ['a replay with an empty substitute', lesson2('  - { id: t, kind: try, text: T, solution: [LRANGE l -2 -1], checks: [{ reply: x }], replay: { substitute: {}, reply: y } }'), 'steps[0].replay.substitute: expected a map of key names to the scratch keys that replace them; found an empty map'],
    ['a replay without reply', lesson2('  - { id: t, kind: try, text: T, solution: [LRANGE l -2 -1], checks: [{ reply: x }], replay: { substitute: { l: s } } }'), 'steps[0].replay.reply: expected a text; found nothing'],
    ['a connection in lower case', lesson2('  - { id: t, kind: try, text: T, connection: b, solution: [PING], checks: [{ reply: PONG }] }', 'two-connections'), 'steps[0].connection: expected a connection name: one capital letter, such as B; found the text "b"'],
    ['the lesson\'s own connection named as a try connection', lesson2('  - { id: t, kind: try, text: T, connection: A, solution: [PING], checks: [{ reply: PONG }] }', 'two-connections'), 'steps[0].connection: expected a connection name: one capital letter, such as B; found the text "A"'],
    ['a need it does not know', lesson2('  - { id: a, kind: say, text: Hi }', 'internet'), 'needs[0]: expected one of: real-server, two-connections, clock, node, server-control, cluster; found the text "internet"'],
    ['args without command', lesson2(tryStep('{ uses: DEL, args: [a] }')), 'steps[0].checks[0].args: expected `args:` only beside `command:`; found an unknown field "args"'],
    ['a reply_matches that is not a regular expression', lesson2(tryStep("{ reply_matches: '(unclosed' }")), 'steps[0].checks[0].reply_matches: expected a regular expression; found the text "(unclosed"'],
    ['an empty uses list', lesson2(tryStep('{ uses: [] }')), 'steps[0].checks[0].uses: expected a command name such as RPUSH, or a list of them ([DEL, UNLINK]); found a list of 0'],
    ['a not_uses that is not a command name', lesson2(tryStep("{ not_uses: 'DEL a' }")), 'steps[0].checks[0].not_uses: expected a command name such as RPUSH, or a list of them ([DEL, UNLINK]); found the text "DEL a"'],
    ['an any_of with one group', lesson2(tryStep('{ any_of: [[{ reply: x }]] }')), 'steps[0].checks[0].any_of: expected a list of check groups, each a list of checks, with at least 2 items; found a list of 1'],
    ['an any_of group with a bad check', lesson2(tryStep('{ any_of: [[{ reply: x }], [{ key: k, lenght: 2 }]] }')), 'steps[0].checks[0].any_of[1][0]: expected one of exists, type, string, list, set, hash, hash_exact, zset, ttl, length, stream, stream_last, group beside key:; found lenght'],
    ['a hash_exact that is not a map', lesson2(tryStep('{ key: h, hash_exact: [a, b] }')), 'steps[0].checks[0].hash_exact: expected a map (key: value lines); found a list of 2'],
  ])('names %s with its path, what was expected and what was found', (_what, source, expected) => {
    expect(problemsOf(source)).toContain(expected);
  });

  it('counts an expect without the directives: one wait between two commands still wants two replies', () => {
    const l = valid(lesson2("  - { id: p, kind: predict, commands: [SET k v EX 1, '@wait 2s', GET k], question: Q, choices: [a, b], answer: 0, explain: E, expect: [OK, (nil)] }", 'clock'));
    expect(l.steps[0]?.kind === 'predict' && l.steps[0].expect).toEqual(['OK', '(nil)']);
  });

  it('is satisfied by the needs a lesson declares, and says nothing of needs it does not use', () => {
    expect(() => valid(lesson2("  - { id: a, kind: run, commands: ['B> SUBSCRIBE news', PUBLISH news hi, '@wait 1s'] }", 'two-connections, clock'))).not.toThrow();
    // `A> ` names the lesson's own connection: no second connection is needed.
    expect(() => valid(lesson2("  - { id: a, kind: run, commands: ['A> SET k v'] }"))).not.toThrow();
  });
});

import { describe, expect, it } from 'vitest';
import { parseLesson } from '../../src/course/parse.js';
import type { Problem } from '../../src/course/problems.js';
import { lessonTexts } from '../../src/course/texts.js';

/** The code step's format (R17): what a lesson file may say, and every mistake named with its path. */

const STEP = `
  - id: greet
    kind: code
    text: Save greeting.
    file: greet.mjs
    starter: |
      // TODO
    solution: |
      console.log('hi');
    checks:
      - { key: greeting, string: hi }
      - { stdout_includes: hi }
      - { stdout_matches: '^hi$' }
    hints: [{ en: Use set., ko: set을 쓰세요. }]
    reruns:
      - env: { NAME: 민수 }
        args: [500]
        setup: [DEL greeting]
        checks: [{ key: greeting, string: hi, message: { en: Not for 민수., ko: 민수에게는 아니에요. } }]
    wrong:
      - { program: "console.log(1)", feedback: should print }`;

function lesson(steps: string, head: { version?: number; needs?: string } = {}) {
  const source = [`format_version: ${head.version ?? 3}`, 'id: t', 'order: 1', 'title: T', 'goal: G', 'minutes: 1', 'min_redis: "6.2"', `needs: [${head.needs ?? 'node'}]`, 'steps:', steps.replace(/^\n/, '')].join('\n');
  return parseLesson(source, 't.yaml');
}
const problems = (steps: string, head?: { version?: number; needs?: string }): string[] => {
  const result = lesson(steps, head);
  return result.ok ? [] : result.problems.map((p: Problem) => `${p.path}: expected ${p.expected}; found ${p.found}`);
};

describe('kind: code', () => {
  it('reads every field', () => {
    const result = lesson(STEP);
    if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
    expect(result.lesson.steps[0]).toEqual({
      id: 'greet',
      kind: 'code',
      setup: [],
      text: 'Save greeting.',
      file: 'greet.mjs',
      starter: '// TODO\n',
      solution: "console.log('hi');\n",
      checks: [
        { kind: 'string', key: 'greeting', value: 'hi' },
        { kind: 'stdout_includes', texts: ['hi'] },
        { kind: 'stdout_matches', pattern: '^hi$' },
      ],
      hints: [{ en: 'Use set.', ko: 'set을 쓰세요.' }],
      reruns: [{ env: { NAME: '민수' }, args: ['500'], setup: ['DEL greeting'], checks: [{ kind: 'string', key: 'greeting', value: 'hi', message: { en: 'Not for 민수.', ko: '민수에게는 아니에요.' } }] }],
      wrong: [{ program: 'console.log(1)', feedback: 'should print' }],
    });
  });

  it('lists its texts for the Korean edition: hints and the reruns\' check messages', () => {
    const result = lesson(STEP);
    if (!result.ok) throw new Error('invalid');
    expect(lessonTexts(result.lesson).map((t) => t.path)).toEqual(['title', 'goal', 'steps[0].text', 'steps[0].hints[0]', 'steps[0].reruns[0].checks[0].message']);
  });

  it('names every missing or wrong field at once', () => {
    expect(problems(`
  - id: c
    kind: code
    text: T
    file: greet.ts
    starter: ''
    checks: [{ uses: SET }, { any_of: [[{ reply: OK }], [{ key: k, exists: true }]] }]
    reruns: [{ env: { REDIS_URL: x, name: y }, checks: [] }]
    wrong: [{ feedback: f }]
    commands: [GET k]`)).toEqual([
      'steps[0].commands: expected one of: id, kind, setup, when, text, file, starter, solution, checks, hints, reruns, wrong, after; found an unknown field "commands"',
      'steps[0].file: expected a file name ending in .mjs or .js, such as send-message.mjs (letters, digits, dots, dashes and _); found the text "greet.ts"',
      'steps[0].starter: expected the text of a JavaScript file (a YAML block: `|`); found the text ""',
      'steps[0].solution: expected the text of a JavaScript file (a YAML block: `|`); found nothing',
      'steps[0].checks[0]: expected a check a code step can judge: `key:` with a state check, any_of, or one of stdout_includes, stdout_matches; found a check with uses',
      'steps[0].checks[1].any_of[0][0]: expected a check a code step can judge: `key:` with a state check, any_of, or one of stdout_includes, stdout_matches; found a check with reply',
      'steps[0].reruns[0].env.REDIS_URL: expected an environment variable name in capitals, such as NAME (not REDIS_URL: the tutor sets it); found "REDIS_URL"',
      'steps[0].reruns[0].env.name: expected an environment variable name in capitals, such as NAME (not REDIS_URL: the tutor sets it); found "name"',
      'steps[0].reruns[0].checks: expected a list of checks, with at least 1 item; found a list of 0',
      'steps[0].wrong[0].program: expected the text of a JavaScript file (a YAML block: `|`); found nothing',
    ]);
  });

  it('keeps output checks out of try steps', () => {
    expect(problems(`
  - { id: t, kind: try, text: T, solution: [SET k v], checks: [{ key: k, string: v }, { stdout_includes: v }] }`, { needs: 'clock' })).toEqual([
      'steps[0].checks[1]: expected a check on Redis or on what the learner typed: stdout_includes and stdout_matches belong in code steps; found a check with stdout_includes',
    ]);
  });

  it('needs `needs: [node]` and format 3', () => {
    expect(problems(STEP, { needs: 'clock', version: 2 })).toEqual([
      'needs: expected `needs: [node]` at the top of the lesson, since a code step runs a Node.js program; found a list of 1',
      'format_version: expected format_version: 3 or higher, since the lesson uses greet: kind: code (format 3); found format_version 2',
    ]);
  });

  it('checks a stdout_matches pattern is a regular expression', () => {
    expect(problems(STEP.replace("'^hi$'", "'(hi'"))).toEqual(['steps[0].checks[2].stdout_matches: expected a regular expression; found the text "(hi"']);
  });
});

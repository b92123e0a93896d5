import { describe, expect, test } from 'vitest';
import { parseCommandLine, parseCommandLineLoose, splitArgs, splitArgsLoose } from '../../src/repl/parse.js';

const b = (...parts: (string | number[])[]) => parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p)));

// Expected splits checked against redis-cli 7.0.15 (ECHO of each argument, see the commit that added this file).
const splits: [string, Buffer[] | null][] = [
  ['', []],
  ['   \t ', []],
  ['get k', b('get', 'k')],
  ['  set   k   v  ', b('set', 'k', 'v')],
  ['set k "hello world"', b('set', 'k', 'hello world')],
  ["set k 'hello world'", b('set', 'k', 'hello world')],
  ['echo "\\xff"', b('echo', [0xff])],
  ['echo "\\x41\\xe2\\x82\\xacz"', b('echo', 'A€z')],
  ['echo "\\xAb"', b('echo', [0xab])],
  ['echo "\\x4g"', b('echo', 'x4g')],
  ['echo "\\x4"', b('echo', 'x4')],
  ['echo "\\n\\r\\t\\b\\a"', b('echo', [10, 13, 9, 8, 7])],
  ['echo "\\y\\"\\\\"', b('echo', 'y"\\')],
  ['echo \\x41', b('echo', '\\x41')],
  ['echo a\\nb', b('echo', 'a\\nb')],
  ["echo 'a\\nb\\'c'", b('echo', "a\\nb'c")],
  ["echo 'a\"b'", b('echo', 'a"b')],
  ['echo "a\'b"', b('echo', "a'b")],
  ['echo ab"cd"', b('echo', 'abcd')],
  ["echo ab'cd'", b('echo', 'abcd')],
  ['echo ab"c d"', b('echo', 'abc d')],
  ['echo "a"b', null],
  ["echo 'a'b", null],
  ['echo a"b c"d', null],
  ['echo "abc', null],
  ["echo 'abc", null],
  ['echo "abc\\"', null],
  ['echo ""', b('echo', '')],
  ["echo ''", b('echo', '')],
  ['echo "" x', b('echo', '', 'x')],
  ['echo "a"\t"b"', b('echo', 'a', 'b')],
  ['echo "a"\v"b"', b('echo', 'a', 'b')],
  ['echo a\vb', b('echo', 'a\vb')],
  ['set 이름 "안녕 세계"', b('set', '이름', '안녕 세계')],
  ['echo a\0b c', b('echo', 'a')],
];

describe('splitArgs follows sdssplitargs', () => {
  test.each(splits)('%j', (line, expected) => {
    expect(splitArgs(line)).toEqual(expected);
  });
});

describe('parseCommandLine', () => {
  const cases: [string, ReturnType<typeof parseCommandLine>][] = [
    ['', { kind: 'empty' }],
    ['  ', { kind: 'empty' }],
    ['"a"b', { kind: 'invalid' }],
    ['get k', { kind: 'command', repeat: 1, args: b('get', 'k') }],
    ['3 INCR x', { kind: 'command', repeat: 3, args: b('INCR', 'x') }],
    ['+2 INCR x', { kind: 'command', repeat: 2, args: b('INCR', 'x') }],
    ['" 2" INCR x', { kind: 'command', repeat: 2, args: b('INCR', 'x') }],
    ['05 INCR x', { kind: 'command', repeat: 5, args: b('INCR', 'x') }],
    ['0 INCR x', { kind: 'bad-repeat' }],
    ['-2 INCR x', { kind: 'bad-repeat' }],
    ['"" INCR x', { kind: 'bad-repeat' }],
    ['99999999999999999999 INCR x', { kind: 'bad-repeat' }],
    ['"2 " INCR x', { kind: 'command', repeat: 1, args: b('2 ', 'INCR', 'x') }],
    ['2x INCR x', { kind: 'command', repeat: 1, args: b('2x', 'INCR', 'x') }],
    ['3', { kind: 'command', repeat: 1, args: b('3') }],
    ['0', { kind: 'command', repeat: 1, args: b('0') }],
  ];
  test.each(cases)('%j', (line, expected) => {
    expect(parseCommandLine(line)).toEqual(expected);
  });
});

describe('the loose split (pipe mode) means the same bytes', () => {
  const bytes = (args: (Buffer | string)[] | null) => (args === null ? null : args.map((a) => Buffer.from(a as never)));
  test.each(splits)('%j', (line, expected) => {
    expect(bytes(splitArgsLoose(line))).toEqual(expected);
  });
  test('plain words stay strings, so that they are encoded without a Buffer each', () => {
    expect(splitArgsLoose('SET k v')).toEqual(['SET', 'k', 'v']);
    expect(parseCommandLineLoose('3 INCR x')).toEqual({ kind: 'command', repeat: 3, args: ['INCR', 'x'] });
    expect(parseCommandLineLoose('0 INCR x')).toEqual({ kind: 'bad-repeat' });
  });
});

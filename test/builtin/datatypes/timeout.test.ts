import { describe, expect, it } from 'vitest';
import { parseTimeout } from '../../../src/builtin/list/timeout.js';
import { ReplyError } from '../../../src/builtin/util/reply-error.js';

// Blocking timeouts: the replies for bad ones are checked against Redis in the list corpus; these are
// the milliseconds the engine waits, which no differential test can see.
const ms = (text: string): number | string => {
  try {
    return parseTimeout(Buffer.from(text));
  } catch (e) {
    return (e as ReplyError).reply;
  }
};

describe('parseTimeout', () => {
  it.each([
    ['0', 0],
    ['1', 1000],
    ['0.5', 500],
    ['0.0001', 0],
    ['1e-7', 0],
    ['-0.0001', 0],
    ['0x10', 16000],
    ['2592000', 2 ** 31 - 1],
    ['-1', 'ERR timeout is negative'],
    ['inf', 'ERR timeout is negative'],
    ['x', 'ERR timeout is not a float or out of range'],
    [' 1', 'ERR timeout is not a float or out of range'],
    ['9000000000000000', 2 ** 31 - 1],
    ['9223372036854776', 'ERR timeout is negative'],
  ])('%s', (text, expected) => {
    expect(ms(text)).toBe(expected);
  });
});

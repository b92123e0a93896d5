import { describe, expect, it } from 'vitest';
import { reflow, renderInline } from '../../src/ui/prose.js';

const style = { code: (s: string) => `<c>${s}</c>`, bold: (s: string) => `<b>${s}</b>` };

describe('renderInline', () => {
  it.each([
    ['Type `PING` now', 'Type <c>PING</c> now'],
    ['**Redis** is fast', '<b>Redis</b> is fast'],
    ['**bold with `code`** inside', '<b>bold with <c>code</c></b> inside'],
    ['a lone ` backtick', 'a lone ` backtick'],
    ['escaped \\`not code\\`', 'escaped `not code`'],
    ['2 ** 3', '2 ** 3'],
    ['`KEYS *` and **SCAN**', '<c>KEYS *</c> and <b>SCAN</b>'],
  ])('%j', (text, expected) => {
    expect(renderInline(text, style)).toBe(expected);
  });
});

describe('reflow', () => {
  it('joins a paragraph\'s lines and wraps at the width, not counting markup', () => {
    expect(reflow('one two\nthree `four` five', 14)).toBe('one two three\n`four` five');
  });
  it('keeps paragraphs apart and indented blocks as written', () => {
    const text = 'A short\nparagraph.\n\nWords:\n  `hint`   a hint\n  `skip`   move on';
    expect(reflow(text, 80)).toBe('A short paragraph.\n\nWords:\n  `hint`   a hint\n  `skip`   move on');
  });
});

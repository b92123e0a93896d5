import { describe, expect, it } from 'vitest';
import { reflow } from '../../src/ui/prose.js';
import { displayWidth } from '../../src/ui/width.js';

describe('displayWidth: terminal columns', () => {
  const cases: [string, number][] = [
    ['', 0],
    ['PING', 4],
    ['안녕', 4],
    ['이름 "민수"', 11],
    ['日本語', 6],
    ['ｆｕｌｌ', 8],
    ['é', 1], // precomposed
    ['e\u0301', 1], // e + combining acute
    ['🙂', 2],
    ['a\u200bb', 2],
  ];
  for (const [text, width] of cases) it(JSON.stringify(text), () => expect(displayWidth(text)).toBe(width));
});

describe('reflow counts columns, so Korean prose wraps where the terminal would', () => {
  it('wraps Korean words by their width, not their character count', () => {
    // 17 characters but 31 columns: counted by characters it would fit on one line of 20.
    const text = '같은 키에 다시 넣으면 값이 바뀜';
    expect(reflow(text, 20).split('\n')).toEqual(['같은 키에 다시', '넣으면 값이 바뀜']);
    expect(reflow(text, 20).split('\n').every((line) => displayWidth(line) <= 20)).toBe(true);
  });
});

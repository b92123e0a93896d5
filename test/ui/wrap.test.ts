import { describe, expect, it } from 'vitest';
import { drawCompactTable, drawTable } from '../../src/ui/tables.js';
import { displayWidth, visibleWidth } from '../../src/ui/width.js';
import { wrapText, wrapWidth } from '../../src/ui/wrap.js';

describe('wrapText: at spaces, never inside a word that fits a line', () => {
  it.each([
    ['Start Redis there, check the host and port', 20, 'Start Redis there,\ncheck the host and\nport'],
    ['one line\nstays its own line', 12, 'one line\nstays its\nown line'],
    ['type: hash   TTL: none   encoding: listpack', 24, 'type: hash   TTL: none\nencoding: listpack'],
    ['  indented text goes on', 12, '  indented\ntext goes on'],
    ['a /very/long/path/that/cannot/fit here', 10, 'a\n/very/long\n/path/that\n/cannot/fi\nt here'],
    ['튜터는 여러분의 데이터를 건드리지 않아요', 14, '튜터는\n여러분의\n데이터를\n건드리지\n않아요'],
    ['fits exactly', 12, 'fits exactly'],
    ['', 10, ''],
  ])('%j at %i', (text, width, wrapped) => {
    expect(wrapText(text, width)).toBe(wrapped);
    for (const line of wrapped.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(width);
  });

  it('does not count colour codes as columns', () => {
    const red = '\x1b[31m→\x1b[39m';
    expect(wrapText(`${red} one two`, 7)).toBe(`${red} one\ntwo`);
  });

  it('wraps for a terminal only: a pipe or a file keeps whole lines', () => {
    expect(wrapWidth({ isTTY: true, columns: 40 })).toBe(39);
    expect(wrapWidth({ isTTY: false, columns: 40 })).toBe(Infinity);
    expect(wrapText('a b c', wrapWidth({}))).toBe('a b c');
  });
});

describe('tables fit the terminal', () => {
  const widest = (table: string) => Math.max(...table.split('\n').map(visibleWidth));

  it("show's compact table narrows its widest columns and cuts their cells with …, one row per line", () => {
    const rows = [
      ['"a very long field name that goes on and on"', '"a long value that is long as well, longer still"'],
      ['"f2"', '"v2"'],
    ];
    const table = drawCompactTable(['field', 'value'], rows, 40);
    expect(widest(table)).toBe(40);
    expect(table.split('\n')).toHaveLength(6);
    expect(table).toContain('"a very long fi… │ "a long value th… │');
    expect(table).toContain('"f2"');
    // Left alone when it fits.
    expect(drawCompactTable(['field', 'value'], rows, 200)).toContain(rows[0]![1]);
  });

  it('counts Hangul two columns wide', () => {
    const table = drawCompactTable(['rank', 'member', 'score'], [['0', '"가나다라마바사아자차카타파하 가나다라마바사"', '1']], 30);
    expect(widest(table)).toBeLessThanOrEqual(30);
  });

  it("the doctor's table fits 40 columns, its cells wrapped at spaces", () => {
    const rows = [['--host/--port (127.0.0.1:1)', 'info', 'Nothing is listening at 127.0.0.1:1, given by --host/--port (connection refused).']];
    const table = drawTable(['what', 'status', 'found'], rows, 40);
    expect(widest(table)).toBeLessThanOrEqual(40);
    expect(table).toMatch(/│ Nothing is     │/);
    expect(widest(drawTable(['what', 'status', 'found'], rows, 100))).toBeLessThanOrEqual(100);
  });
});

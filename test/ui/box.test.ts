import { createRequire } from 'node:module';
import type CliTable from 'cli-table3';
import { describe, expect, it } from 'vitest';
import { drawBox } from '../../src/ui/box.js';
import { drawCompactTable, drawListTable } from '../../src/ui/tables.js';

const Table = createRequire(import.meta.url)('cli-table3') as typeof CliTable;

/** cli-table3's compact table, as `list` and `show` drew it before they drew their own. */
function cliTable3(head: string[], rows: string[][], widths: number[]): string {
  const table = new Table({ head, style: { head: [], border: [], compact: true }, colWidths: widths.map((w) => w + 2) });
  table.push(...rows);
  return table.toString();
}

const red = (s: string) => `\x1b[31m${s}\x1b[39m`;

describe('drawBox draws what cli-table3 draws', () => {
  const cases: Array<[string, string[], string[][], number[]]> = [
    ['plain text', ['#', 'id', 'title'], [['1', 'intro', 'What Redis is'], ['12', 'pubsub', 'Pub/sub']], [2, 6, 20]],
    ['Korean text (two columns a character)', ['#', '제목'], [['1', '문자열: SET, GET'], ['2', '리스트…']], [3, 18]],
    ['coloured cells', ['status'], [[red('done')], ['new']], [8]],
    ['empty cells and no rows', ['a', 'b'], [['', '']], [1, 4]],
    ['a header only', ['field', 'value'], [], [5, 5]],
    ['cells exactly as wide as their column', ['key'], [['abcdef'], ['가나다']], [6]],
  ];
  for (const [name, head, rows, widths] of cases) {
    it(name, () => {
      expect(drawBox(head, rows, widths)).toBe(cliTable3(head, rows, widths));
    });
  }
});

describe('the tables built on it', () => {
  it("list's table keeps every row on one line and cuts the flexible column with …", () => {
    const columns = process.stdout.columns;
    Object.defineProperty(process.stdout, 'columns', { value: 60, configurable: true });
    try {
      const table = drawListTable(['#', 'title', 'status'], [['1', 'A very long title that cannot fit in sixty columns at all, not even close', red('done')]], 1);
      const lines = table.split('\n');
      expect(lines).toHaveLength(5);
      expect(lines[3]).toContain('…');
      for (const line of lines) expect(line.replace(/\x1b\[[0-9;]*m/g, '').length).toBe(60);
    } finally {
      Object.defineProperty(process.stdout, 'columns', { value: columns, configurable: true });
    }
  });

  it("show's table narrows its widest column to fit", () => {
    const table = drawCompactTable(['field', 'value'], [['name', 'x'.repeat(80)]], 40);
    for (const line of table.split('\n')) expect(line.length).toBeLessThanOrEqual(40);
    expect(table).toContain('…');
  });
});

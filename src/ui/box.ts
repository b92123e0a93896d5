import { visibleWidth } from './width.js';

/**
 * A table of one line per row, drawn with the same box characters and padding as cli-table3's compact
 * style (so `list` and `show` look like every other table), without loading cli-table3 and its width
 * modules at start-up (issue 13). `widths` are each column's room for text; a cell is expected to fit it
 * (the callers cut cells to width first) and is padded with spaces to it.
 */
export function drawBox(head: string[], rows: string[][], widths: number[]): string {
  const rule = (left: string, middle: string, right: string) => `${left}${widths.map((w) => '─'.repeat(w + 2)).join(middle)}${right}`;
  const line = (cells: string[]) => `│${widths.map((w, i) => ` ${pad(cells[i] ?? '', w)} `).join('│')}│`;
  const body = rows.length === 0 ? [] : [rule('├', '┼', '┤'), ...rows.map(line)];
  return [rule('┌', '┬', '┐'), line(head), ...body, rule('└', '┴', '┘')].join('\n');
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - visibleWidth(text)));
}

import { createRequire } from 'node:module';
import type CliTable from 'cli-table3';
import { drawBox } from './box.js';
import { displayWidth, splitAtWidth, visibleWidth } from './width.js';
import { wrapText } from './wrap.js';

const requireHere = createRequire(import.meta.url);
/** A cli-table3 table (doctor's, whose cells wrap), the module loaded when such a table is drawn (issue 13). */
function newTable(options: CliTable.TableConstructorOptions): CliTable.Table {
  const Table = requireHere('cli-table3') as typeof CliTable;
  return new Table(options);
}

/** The terminal's width, or 100 columns off a terminal. */
const terminalColumns = () => process.stdout.columns || 100;

/**
 * Every table the tutor draws goes through here, so they all look alike. Cells wrap at spaces (a word too
 * long for its column is cut into pieces, never lost), and the table fits `columns` down to 40.
 */
export function drawTable(head: string[], rows: string[][], columns = terminalColumns()): string {
  const widths = fitWidths(head.length, columns);
  const wrap = (cells: string[]) => cells.map((cell, i) => (widths[i] === undefined ? cell : wrapText(cell, (widths[i] as number) - 2)));
  const table = newTable({ head: wrap(head), style: { head: [], border: [] }, colWidths: widths });
  table.push(...rows.map(wrap));
  return table.toString();
}

/**
 * One row per line, whatever the terminal's width (`redis-tutor list`): column `flex` takes the width the
 * others leave, and a cell too long for it is cut with "…". Nine lessons fit a 24-row, 80-column terminal.
 */
export function drawListTable(head: string[], rows: string[][], flex: number): string {
  const width = Math.max(60, Math.min(process.stdout.columns || 100, 140));
  const fixed = head.map((h, i) => (i === flex ? 0 : Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))) + 2));
  // Each column has a border on its left, and the table one more on its right.
  const room = Math.max(12, width - fixed.reduce((a, b) => a + b, 0) - head.length - 1);
  const cut = (text: string) => cutToWidth(text, room - 2);
  return drawBox(head, rows.map((r) => r.map((cell, i) => (i === flex ? cut(cell) : cell))), fixed.map((w, i) => (i === flex ? room : w) - 2));
}

/** `text` as it is when it fits in `columns` terminal columns, else cut with "…" to fit. */
export function cutToWidth(text: string, columns: number): string {
  return displayWidth(text) <= columns ? text : `${splitAtWidth(text, columns - 1)[0]}…`;
}

/**
 * A table sized to its content (the REPL's `show`), one row per line: when it is wider than `columns`, the
 * widest columns narrow and their cells are cut with "…" until it fits.
 */
export function drawCompactTable(head: string[], rows: string[][], columns = Infinity): string {
  const widths = head.map((h, i) => Math.max(visibleWidth(h), ...rows.map((r) => visibleWidth(r[i] ?? ''))));
  // Each column has a border on its left and a space either side; the table one more border on its right.
  let over = widths.reduce((a, b) => a + b + 3, 1) - columns;
  while (over > 0) {
    const widest = widths.indexOf(Math.max(...widths));
    if ((widths[widest] as number) <= MIN_CELL) break;
    widths[widest] = (widths[widest] as number) - 1;
    over--;
  }
  const cut = (cells: string[]) => cells.map((cell, i) => cutToWidth(cell, widths[i] as number));
  return drawBox(cut(head), rows.map(cut), widths);
}

/** The narrowest a column of `show` gets: a few characters and the "…". */
const MIN_CELL = 5;

/** The doctor's three columns (what, status, found) in `columns`, at most 140 and at least 40. */
function fitWidths(count: number, columns: number): number[] {
  const width = Math.max(40, Math.min(columns, 140));
  if (count !== 3) return [];
  const first = Math.min(24, Math.floor(width * 0.3));
  return [first, 8, width - first - 8 - 4];
}

import Table from 'cli-table3';
import { displayWidth } from './width.js';

/** Every table the tutor draws goes through here, so they all look alike. */
export function drawTable(head: string[], rows: string[][]): string {
  const table = new Table({ head, style: { head: [], border: [] }, wordWrap: true, colWidths: fitWidths(head.length) });
  table.push(...rows);
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
  const table = new Table({ head, style: { head: [], border: [], compact: true }, colWidths: fixed.map((w, i) => (i === flex ? room : w)) });
  table.push(...rows.map((r) => r.map((cell, i) => (i === flex ? cut(cell) : cell))));
  return table.toString();
}

/** `text` as it is when it fits in `columns` terminal columns, else cut with "…" to fit. */
export function cutToWidth(text: string, columns: number): string {
  return displayWidth(text) <= columns ? text : `${fitWidth(text, columns - 1)}…`;
}

/** The longest start of `text` that takes at most `columns` terminal columns. */
function fitWidth(text: string, columns: number): string {
  let out = '';
  for (const ch of text) {
    if (displayWidth(out + ch) > columns) break;
    out += ch;
  }
  return out;
}

/** A table sized to its content (the REPL's `show`): cells are short, already truncated by the caller. */
export function drawCompactTable(head: string[], rows: string[][]): string {
  const table = new Table({ head, style: { head: [], border: [], compact: true } });
  table.push(...rows);
  return table.toString();
}

function fitWidths(columns: number): (number | null)[] {
  const width = Math.max(60, Math.min(process.stdout.columns || 100, 140));
  if (columns !== 3) return [];
  return [24, 8, width - 24 - 8 - 4];
}

import { displayWidth } from '../ui/width.js';

/** Where the cursor stands in the line being edited: rows below the prompt's row, and the column. */
export interface CursorPos {
  rows: number;
  cols: number;
}

/**
 * Where the cursor lands after `text` is written at `from` on a terminal `columns` wide, reckoned as readline
 * reckons it (getCursorPos): a wide character that would straddle the right edge starts the next row, a tab
 * goes to the next multiple of `tabSize`, and a row filled to the edge puts the cursor at the next row's start.
 * It costs the length of `text`, not of the whole line: that is what keeps a long paste linear. Pure.
 */
export function advance(from: CursorPos, text: string, columns: number, tabSize = 8): CursorPos {
  const wraps = Number.isFinite(columns) && columns > 0;
  let offset = (wraps ? from.rows * columns : 0) + from.cols;
  // Printable ASCII, most of what is pasted, takes one column a character.
  const plain = /^[\x20-\x7e]*$/.test(text);
  if (plain) offset += text.length;
  for (const ch of plain ? '' : text) {
    if (ch === '\t') {
      offset += tabSize - (offset % tabSize);
      continue;
    }
    const width = displayWidth(ch);
    if (width === 2 && wraps && (offset + 1) % columns === 0) offset++;
    offset += width;
  }
  if (!wraps) return { rows: 0, cols: offset };
  const cols = offset % columns;
  return { rows: (offset - cols) / columns, cols };
}

import Table from 'cli-table3';

/** Every table the tutor draws goes through here, so they all look alike. */
export function drawTable(head: string[], rows: string[][]): string {
  const table = new Table({ head, style: { head: [], border: [] }, wordWrap: true, colWidths: fitWidths(head.length) });
  table.push(...rows);
  return table.toString();
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

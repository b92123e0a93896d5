import { splitAtWidth, visibleWidth } from './width.js';

/**
 * Pure: plain text (a message, an error, advice) wrapped to `width` columns at spaces, each of its own lines
 * apart, so that the terminal never breaks a word in two. A word longer than a whole line is cut; colour
 * codes take no room; Korean characters take two columns.
 */
export function wrapText(text: string, width: number): string {
  if (!Number.isFinite(width) || width < 1) return text;
  return text
    .split('\n')
    .map((source) => {
      const out: string[] = [];
      const indent = /^ */.exec(source)?.[0] ?? '';
      let line = indent;
      let empty = true;
      // Words and the runs of spaces between them: a run is kept inside a line, dropped where it breaks.
      const parts = source.slice(indent.length).split(/( +)/);
      for (let i = 0; i < parts.length; i += 2) {
        const word = parts[i] as string;
        const space = parts[i - 1] ?? '';
        const joined = empty ? `${line}${word}` : `${line}${space}${word}`;
        if (visibleWidth(joined) <= width) {
          line = joined;
          empty = false;
          continue;
        }
        if (!empty) out.push(line);
        let rest = empty ? joined : word;
        while (visibleWidth(rest) > width) {
          const [head, tail] = splitAtWidth(rest, width);
          out.push(head);
          rest = tail;
        }
        line = rest;
        empty = false;
      }
      out.push(line);
      return out.join('\n');
    })
    .join('\n');
}

/**
 * The width to wrap a stream's text to: its terminal's, one column spare for the cursor; unlimited when it
 * is not a terminal (a pipe, a file), where lines stay whole for the reader's own tools.
 */
export function wrapWidth(stream: { isTTY?: boolean; columns?: number }): number {
  return stream.isTTY === true && (stream.columns ?? 0) > 1 ? (stream.columns as number) - 1 : Infinity;
}

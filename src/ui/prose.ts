import { theme } from './theme.js';
import { displayWidth } from './width.js';

export interface Style {
  code: (s: string) => string;
  bold: (s: string) => string;
}

/**
 * Pure: lesson prose → terminal text. `code` and **bold** are styled and their markers dropped; a
 * backslash keeps a literal backtick or asterisk. Everything else is left as written.
 */
export function renderInline(text: string, style: Style = theme): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '\\' && (text[i + 1] === '`' || text[i + 1] === '*')) {
      out += text[i + 1];
      i += 2;
      continue;
    }
    if (ch === '`') {
      const end = text.indexOf('`', i + 1);
      if (end > i) {
        out += style.code(text.slice(i + 1, end));
        i = end + 1;
        continue;
      }
    }
    if (ch === '*' && text[i + 1] === '*') {
      const end = text.indexOf('**', i + 2);
      if (end > i + 1) {
        out += style.bold(renderInline(text.slice(i + 2, end), { code: style.code, bold: (s) => s }));
        i = end + 2;
        continue;
      }
    }
    out += ch;
    i++;
  }
  return out;
}

/** Columns lesson prose takes on screen: markup characters take none, Korean characters two. */
const visible = (word: string) => displayWidth(word.replace(/\\([`*])/g, '$1').replace(/`|\*\*/g, ''));

/**
 * Pure: re-wraps lesson prose to the terminal's width. Paragraphs (blank-line separated) are joined and
 * wrapped at word boundaries; a paragraph with an indented line is kept as written (a table, a listing).
 */
export function reflow(text: string, width: number): string {
  return text
    .split(/\n[ \t]*\n/)
    .map((para) => {
      const lines = para.split('\n');
      if (lines.some((l) => /^\s/.test(l))) return para;
      const out: string[] = [];
      let line = '';
      for (const word of lines.join(' ').split(/ +/).filter(Boolean)) {
        if (line !== '' && visible(line) + 1 + visible(word) > width) {
          out.push(line);
          line = word;
        } else line = line === '' ? word : `${line} ${word}`;
      }
      if (line !== '') out.push(line);
      return out.join('\n');
    })
    .join('\n\n');
}

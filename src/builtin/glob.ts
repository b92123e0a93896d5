/**
 * Redis's glob matching (stringmatchlen) on binary strings: `*`, `?`, `[abc]`, `[^a-z]`, `\x` escapes,
 * with its edge cases kept: a reversed range `[z-a]` still matches, an unclosed `[` ends the pattern.
 */
export function globMatch(pattern: string, text: string): boolean {
  return match(pattern, 0, text, 0, 0) === 1;
}

/** 1 match, 0 no match, -1 no match and no longer suffix can match (the skip-longer-matches shortcut). */
function match(p: string, pi: number, s: string, si: number, depth: number): number {
  const plen = p.length;
  const slen = s.length;
  if (depth > 1000) return 0;
  while (pi < plen && si < slen) {
    const pc = p.charCodeAt(pi);
    switch (pc) {
      case 42: {
        // '*'
        while (pi + 1 < plen && p.charCodeAt(pi + 1) === 42) pi++;
        if (pi + 1 === plen) return 1;
        while (si < slen) {
          const r = match(p, pi + 1, s, si, depth + 1);
          if (r === 1) return 1;
          if (r === -1) return -1;
          si++;
        }
        return -1;
      }
      case 63:
        // '?'
        si++;
        break;
      case 91: {
        // '['
        pi++;
        const not = p.charCodeAt(pi) === 94;
        if (not) pi++;
        let matched = false;
        const c = s.charCodeAt(si);
        for (;;) {
          if (pi < plen && p.charCodeAt(pi) === 92 && plen - pi >= 2) {
            pi++;
            if (p.charCodeAt(pi) === c) matched = true;
          } else if (pi < plen && p.charCodeAt(pi) === 93) {
            break;
          } else if (pi >= plen) {
            pi--;
            break;
          } else if (plen - pi >= 3 && p.charCodeAt(pi + 1) === 45) {
            let start = p.charCodeAt(pi);
            let end = p.charCodeAt(pi + 2);
            if (start > end) [start, end] = [end, start];
            pi += 2;
            if (c >= start && c <= end) matched = true;
          } else if (p.charCodeAt(pi) === c) {
            matched = true;
          }
          pi++;
        }
        if (not) matched = !matched;
        if (!matched) return 0;
        si++;
        break;
      }
      case 92:
        // '\\'
        if (plen - pi >= 2) pi++;
        if (p.charCodeAt(pi) !== s.charCodeAt(si)) return 0;
        si++;
        break;
      default:
        if (pc !== s.charCodeAt(si)) return 0;
        si++;
        break;
    }
    pi++;
    if (si === slen) {
      while (pi < plen && p.charCodeAt(pi) === 42) pi++;
      break;
    }
  }
  return pi === plen && si === slen ? 1 : 0;
}

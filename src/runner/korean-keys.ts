/**
 * A word typed with the Korean keyboard layout (두벌식) still on: `hint` arrives as `ㅗㅑㅜㅅ`, `quit` as
 * `ㅂㅕㅑㅅ`, `back` as `ㅠㅁ차` (the IME joins what it can into syllables). Pure: maps Hangul back to
 * the keys that typed it, so the tutor can tell a learner what happened.
 */

/** The 두벌식 layout: each key and the jamo it types (shifted keys give the doubled consonants and ㅒ ㅖ). */
const LAYOUT: Record<string, string> = {
  q: 'ㅂ', w: 'ㅈ', e: 'ㄷ', r: 'ㄱ', t: 'ㅅ', y: 'ㅛ', u: 'ㅕ', i: 'ㅑ', o: 'ㅐ', p: 'ㅔ',
  a: 'ㅁ', s: 'ㄴ', d: 'ㅇ', f: 'ㄹ', g: 'ㅎ', h: 'ㅗ', j: 'ㅓ', k: 'ㅏ', l: 'ㅣ',
  z: 'ㅋ', x: 'ㅌ', c: 'ㅊ', v: 'ㅍ', b: 'ㅠ', n: 'ㅜ', m: 'ㅡ',
  Q: 'ㅃ', W: 'ㅉ', E: 'ㄸ', R: 'ㄲ', T: 'ㅆ', O: 'ㅒ', P: 'ㅖ',
};
const KEY_OF = new Map(Object.entries(LAYOUT).map(([key, jamo]) => [jamo, key]));

/** Jamo that take two keys: compound vowels and final consonant clusters. */
const COMPOUND: Record<string, string> = {
  ㅘ: 'ㅗㅏ', ㅙ: 'ㅗㅐ', ㅚ: 'ㅗㅣ', ㅝ: 'ㅜㅓ', ㅞ: 'ㅜㅔ', ㅟ: 'ㅜㅣ', ㅢ: 'ㅡㅣ',
  ㄳ: 'ㄱㅅ', ㄵ: 'ㄴㅈ', ㄶ: 'ㄴㅎ', ㄺ: 'ㄹㄱ', ㄻ: 'ㄹㅁ', ㄼ: 'ㄹㅂ', ㄽ: 'ㄹㅅ', ㄾ: 'ㄹㅌ', ㄿ: 'ㄹㅍ', ㅀ: 'ㄹㅎ', ㅄ: 'ㅂㅅ',
};

/** The parts of a syllable block (U+AC00 ...), in compatibility jamo. */
const INITIALS = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
const MEDIALS = 'ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ';
const FINALS = ['', ...'ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ'];

function jamoOf(ch: string): string {
  const code = ch.codePointAt(0)!;
  if (code < 0xac00 || code > 0xd7a3) return ch;
  const index = code - 0xac00;
  return INITIALS[Math.floor(index / 588)]! + MEDIALS[Math.floor((index % 588) / 28)]! + FINALS[index % 28]!;
}

/** True when the text holds Hangul (syllables or compatibility jamo). */
export function hasHangul(text: string): boolean {
  return /[\u3131-\u318e\uac00-\ud7a3]/.test(text);
}

/**
 * The keys that typed `text` on a 두벌식 keyboard (`ㅗㅑㅜㅅ` → `hint`), or undefined when some of it is
 * Hangul no key types alone (it cannot be a word typed in the wrong layout). Other characters stay.
 */
export function keysOf(text: string): string | undefined {
  let keys = '';
  for (const ch of text) {
    for (const part of jamoOf(ch)) {
      for (const jamo of COMPOUND[part] ?? part) {
        if (!hasHangul(jamo)) {
          keys += jamo;
          continue;
        }
        const key = KEY_OF.get(jamo);
        if (key === undefined) return undefined;
        keys += key;
      }
    }
  }
  return keys;
}

import type { Check, Lesson, Text } from './schema.js';

/** One learner-facing text of a lesson, with where it sits in the file (`steps[3].hints[0]`). */
export interface PlacedText {
  path: string;
  text: Text;
}

/**
 * Every text of a lesson a learner reads, with its path: title, goal, learned, and each step's text,
 * after, question, choices, explain, hints and its checks' own messages (a code step's reruns' checks too). Pure. Recorded wrong answers'
 * `feedback` is not among them: it names the tutor's English message that `lessons check` expects.
 */
export function lessonTexts(lesson: Lesson): PlacedText[] {
  const out: PlacedText[] = [];
  const add = (path: string, text: Text | undefined) => {
    if (text !== undefined) out.push({ path, text });
  };
  add('title', lesson.title);
  add('goal', lesson.goal);
  lesson.learned.forEach((t, i) => add(`learned[${i}]`, t));
  lesson.steps.forEach((step, i) => {
    const at = `steps[${i}]`;
    if ('text' in step) add(`${at}.text`, step.text);
    if ('after' in step) add(`${at}.after`, step.after);
    if ('question' in step) {
      add(`${at}.question`, step.question);
      step.choices.forEach((c, j) => add(`${at}.choices[${j}]`, c));
      add(`${at}.explain`, step.explain);
    }
    if (step.kind === 'try') {
      step.hints.forEach((h, j) => add(`${at}.hints[${j}]`, h));
      checkMessages(step.checks, `${at}.checks`, add);
    }
    if (step.kind === 'code') {
      step.hints.forEach((h, j) => add(`${at}.hints[${j}]`, h));
      checkMessages(step.checks, `${at}.checks`, add);
      step.reruns.forEach((rerun, j) => checkMessages(rerun.checks, `${at}.reruns[${j}].checks`, add));
    }
  });
  return out;
}

function checkMessages(checks: Check[], path: string, add: (path: string, text: Text | undefined) => void): void {
  checks.forEach((check, i) => {
    add(`${path}[${i}].message`, check.message);
    if (check.kind === 'any_of') check.groups.forEach((group, g) => checkMessages(group, `${path}[${i}].any_of[${g}]`, add));
  });
}

/** True when the text has a non-empty translation into `lang`. */
export function hasTranslation(text: Text, lang: string): boolean {
  return typeof text !== 'string' && typeof text[lang] === 'string' && text[lang]!.trim() !== '';
}

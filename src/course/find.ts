import { UserError } from '../errors.js';
import { courseMsg } from './messages.js';
import type { Lesson } from './schema.js';
import { closest } from './similar.js';
import { localize } from './text.js';

/** A lesson by id or by its number in the course; an unknown name gets "did you mean" and the list. */
export function findLesson(lessons: Lesson[], name: string, lang: string): Lesson {
  const wanted = name.trim();
  const byId = lessons.find((l) => l.id === wanted.toLowerCase());
  if (byId) return byId;
  if (/^\d+$/.test(wanted)) {
    const byOrder = lessons.find((l) => l.order === Number(wanted));
    if (byOrder) return byOrder;
  }
  const list = lessons.map((l) => `  ${String(l.order).padStart(2)}  ${l.id.padEnd(12)} ${localize(l.title, lang)}`).join('\n');
  throw new UserError(courseMsg.unknownLesson(wanted, closest(wanted.toLowerCase(), lessons.map((l) => l.id)), list));
}

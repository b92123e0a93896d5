import { translatable } from '../ui/i18n.js';
import { ko } from './messages.ko.js';

const en = {
  damaged: (file: string, aside: string) => `Your progress file (${file}) was damaged; it was moved to ${aside} and you start fresh.`,
  unreadable: (file: string, detail: string) => `Your progress file (${file}) could not be read (${detail}); starting fresh this time.`,
  unwritable: (file: string, detail: string) => `Your progress could not be saved to ${file} (${detail}); the lesson goes on, but will not be remembered.`,
};

export type ProgressMessages = typeof en;
export const progressMsg: ProgressMessages = translatable(en, { ko });

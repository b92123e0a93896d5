import { msg } from './messages.js';
import { theme } from './theme.js';

/** Inquirer's key legend ("↑↓ navigate • ⏎ select") in the learner's language. */
export function keysHelpTip(keys: [string, string][]): string {
  const words: Record<string, () => string> = { navigate: msg.keyNavigate, select: msg.keySelect };
  return theme.dim(keys.map(([key, action]) => `${key} ${words[action]?.() ?? action}`).join(' • '));
}

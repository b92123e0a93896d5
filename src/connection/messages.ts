import { translatable } from '../ui/i18n.js';
import { ko } from './messages.ko.js';

/** What the tutor says about a server it reached but cannot teach on (a missing command, a full memory, protected mode). */
const en = {
  /** Redis's own DENIED text is kept: it names every way out. */
  protectedMode: (where: string, redisSays: string) =>
    `The Redis at ${where} refused this connection because it runs in protected mode (no password set, and this connection does not come from its own machine): connect through 127.0.0.1 on the machine Redis runs on, set a password there and give it with --password, or use --spawn for the tutor's own private server.\nRedis says: ${redisSays}`,
  closedSaying: (where: string, redisSays: string) => `The Redis at ${where} closed the connection, saying: ${redisSays}`,
  /** `commands`: the tutor's own housekeeping commands this server lacks (renamed or disabled). */
  tutorCommandsMissing: (commands: string[]) =>
    `This server has no ${list(commands)} (renamed or disabled in its configuration), which the tutor needs to keep its playground, so no lesson can run here: use --spawn for the tutor's own private server, or enable ${commands.length === 1 ? 'it' : 'them'} on this server.`,
  lessonCommandsMissing: (lesson: string, commands: string[]) =>
    `Lesson ${lesson} uses ${list(commands)}, which this server does not have (renamed or disabled in its configuration): use --spawn for the tutor's own private server, or enable ${commands.length === 1 ? 'it' : 'them'} on this server.`,
  menuCommandsMissing: (commands: string[]) => `this server has no ${list(commands)}`,
  memoryFull: (memory: { used: string; max: string; policy: string } | undefined) =>
    `This server is out of memory${memory ? ` (${memory.used} used of maxmemory ${memory.max}, policy ${memory.policy})` : ''}, so it refuses every write, the tutor's included: use --spawn for the tutor's own private server, or free memory or raise maxmemory on this server (CONFIG SET maxmemory 0).`,
};

function list(commands: string[]): string {
  return commands.join(', ');
}

export type ServerMessages = typeof en;
export const serverMsg: ServerMessages = translatable(en, { ko });

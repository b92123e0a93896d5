import { describe, expect, it } from 'vitest';
import { isOutOfMemory, lessonCommands, memoryState, unknownCommand } from '../../src/connection/capabilities.js';
import { loadCourse } from '../../src/course/load.js';

const course = loadCourse();
const commandsOf = (id: string) => lessonCommands(course.find((l) => l.id === id)!);

describe('lessonCommands: what a shipped lesson needs the server to have', () => {
  it('takes the command inside a directive (@probe KEYS user:*)', () => expect(commandsOf('keyspace')).toContain('KEYS'));
  it('leaves out a typo a predict shows failing on purpose (INCRR)', () => {
    expect(commandsOf('transactions')).toEqual(expect.arrayContaining(['MULTI', 'EXEC', 'INCR']));
    expect(commandsOf('transactions')).not.toContain('INCRR');
  });
  it('a lesson that only mentions KEYS in its text does not need it', () => expect(commandsOf('strings')).not.toContain('KEYS'));
});

describe('memoryState: INFO memory read', () => {
  const info = (used: number, max: number, policy: string) =>
    `# Memory\r\nused_memory:${used}\r\nused_memory_human:${used}B\r\nmaxmemory:${max}\r\nmaxmemory_human:${max}B\r\nmaxmemory_policy:${policy}\r\n`;
  it.each([
    [info(2_000_000, 1_048_576, 'noeviction'), true],
    [info(900_000, 1_048_576, 'noeviction'), false],
    [info(2_000_000, 1_048_576, 'allkeys-lru'), false],
    [info(2_000_000, 0, 'noeviction'), false],
  ])('%#', (text, full) => expect(memoryState(text)?.full).toBe(full));
  it('names what it read', () => expect(memoryState(info(5, 4, 'noeviction'))).toEqual({ used: '5B', max: '4B', policy: 'noeviction', full: true }));
});

describe('refused writes', () => {
  const discarded = (...queued: string[]) => Object.assign(new Error('EXECABORT Transaction discarded because of previous errors.'), { previousErrors: queued.map((m) => new Error(m)) });
  it('OOM, alone or inside a discarded transaction', () => {
    expect(isOutOfMemory(new Error("OOM command not allowed when used memory > 'maxmemory'."))).toBe(true);
    expect(isOutOfMemory(discarded("OOM command not allowed when used memory > 'maxmemory'."))).toBe(true);
    expect(isOutOfMemory(discarded('ERR syntax error'))).toBe(false);
  });
  it('the command Redis did not know', () => {
    expect(unknownCommand(discarded("ERR unknown command 'flushdb', with args beginning with: "))).toBe('FLUSHDB');
    expect(unknownCommand(new Error('ERR syntax error'))).toBeUndefined();
  });
});

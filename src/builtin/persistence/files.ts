import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

/**
 * Where the engine's files live in its folder, named for what they are: `dump.rdb` becomes
 * `dump.rtdb.jsonl` and the append-only file `appendonlydir/appendonly.rtaof` (redis-tutor's own
 * JSON Lines formats; a real Redis could not read them, and they do not pretend to be RDB or AOF).
 */
export function snapshotPath(dir: string, dbfilename: string): string {
  return path.join(dir, `${dbfilename.replace(/\.rdb$/i, '')}.rtdb.jsonl`);
}

export function aofPath(dir: string, appenddirname: string, appendfilename: string): string {
  return path.join(dir, appenddirname, `${appendfilename.replace(/\.aof$/i, '')}.rtaof`);
}

/** The file's text, or undefined when there is no such file. */
export function readIfThere(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/**
 * Writes lines to a temporary file beside `file`, flushes it to disk and renames it over `file`, as
 * Redis writes temp-<pid>.rdb and renames it: a crash mid-save leaves the old file whole.
 */
export function writeAtomically(file: string, lines: Iterable<string>): number {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `temp-${process.pid}-${path.basename(file)}`);
  const fd = openSync(temp, 'w');
  let bytes = 0;
  try {
    let chunk = '';
    for (const line of lines) {
      chunk += line + '\n';
      if (chunk.length > 1 << 16) {
        bytes += writeSync(fd, chunk);
        chunk = '';
      }
    }
    bytes += writeSync(fd, chunk);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(temp, file);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
  return bytes;
}

export function removeQuietly(file: string): void {
  rmSync(file, { recursive: true, force: true });
}

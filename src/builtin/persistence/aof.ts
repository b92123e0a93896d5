import { closeSync, fstatSync, fsyncSync, openSync, writeSync } from 'node:fs';

/**
 * The open append-only file. Each write goes to the file (write(2)) before the command's reply is sent,
 * as Redis writes its AOF buffer before replying, so a killed process loses nothing it acknowledged;
 * fsync follows appendfsync: every write (always), once a second from the cron (everysec), never (no).
 */
export class AppendOnlyFile {
  private fd: number;
  private unsynced = false;
  /** Bytes in the file, and after its last rewrite (Redis's aof_current_size / aof_base_size). */
  size: number;
  baseSize: number;

  constructor(readonly file: string) {
    this.fd = openSync(file, 'a');
    this.size = fstatSync(this.fd).size;
    this.baseSize = this.size;
  }

  append(text: string, fsync: string): void {
    this.size += writeSync(this.fd, text);
    if (fsync === 'always') fsyncSync(this.fd);
    else this.unsynced = true;
  }

  /** appendfsync everysec, from the cron. */
  syncIfDue(fsync: string): void {
    if (fsync === 'no' || !this.unsynced) return;
    this.unsynced = false;
    fsyncSync(this.fd);
  }

  close(): void {
    if (this.fd < 0) return;
    closeSync(this.fd);
    this.fd = -1;
  }
}

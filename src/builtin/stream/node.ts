import type { Bytes } from '../types.js';
import type { StreamId } from './id.js';
import { deltaSize, integerSize, LISTPACK_EMPTY, stringSize } from './listpack-size.js';

/** One entry as a node holds it: deleted entries stay (flagged) until their whole node goes. */
export interface Entry {
  readonly id: StreamId;
  /** field, value, field, value ... */
  readonly fields: readonly Bytes[];
  deleted: boolean;
}

/**
 * One listpack of Redis's radix tree: keyed by its first entry's id (the master id), with that entry's
 * field names as the "master fields" later entries with the same names are compressed against. The
 * live and deleted counters and the byte size are Redis's, since they decide when XADD starts a new
 * node and what `~` trimming (which only removes whole nodes) can take.
 */
export class StreamNode {
  readonly entries: Entry[] = [];
  live = 0;
  deletedCount = 0;
  bytes: number;

  constructor(
    readonly master: StreamId,
    readonly masterFields: readonly Bytes[],
  ) {
    // count, deleted, number of fields, the fields, the master entry's zero terminator
    this.bytes = LISTPACK_EMPTY + 2 + 2 + integerSize(BigInt(masterFields.length)) + 2;
    for (const f of masterFields) this.bytes += stringSize(f);
  }

  /** The master entry's fields are exactly these (in order): the entry is stored without its names. */
  private sameFields(fields: readonly Bytes[]): boolean {
    if (fields.length !== this.masterFields.length * 2) return false;
    for (let i = 0; i < this.masterFields.length; i++) if (fields[i * 2] !== this.masterFields[i]) return false;
    return true;
  }

  append(id: StreamId, fields: readonly Bytes[]): void {
    const same = this.sameFields(fields);
    const pairs = fields.length / 2;
    let size = 2 + deltaSize(id.ms - this.master.ms) + deltaSize(id.seq - this.master.seq);
    if (!same) size += integerSize(BigInt(pairs));
    for (let i = 0; i < fields.length; i++) if (!same || i % 2 === 1) size += stringSize(fields[i]!);
    size += integerSize(BigInt(3 + pairs + (same ? 0 : pairs + 1)));
    this.bytes += size;
    this.entries.push({ id, fields, deleted: false });
    this.live++;
  }

  /** The last entry's id, deleted or not (lpGetEdgeStreamID, which MINID trimming reads). */
  lastPhysicalId(): StreamId {
    return this.entries[this.entries.length - 1]!.id;
  }
}

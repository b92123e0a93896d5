import { array, bulk, type RespReply } from '../../resp/types.js';
import { internals } from '../dispatch.js';
import type { Database } from '../keyspace.js';
import { fromBytes, type Bytes, type CommandContext, type Keyspace, type RedisValue } from '../types.js';
import { lookup } from '../util/typed.js';
import { formatId, type StreamId } from './id.js';
import type { Entry } from './node.js';
import { Stream } from './stream.js';

export type StreamValue = Extract<RedisValue, { type: 'stream' }> & { value: Stream };

export const newStreamValue = (): StreamValue => ({ type: 'stream', value: new Stream(), encoding: 'stream' });

/** The stream at `key`, undefined when missing, WRONGTYPE (thrown) for another type. */
export const streamAt = (db: Keyspace, key: Bytes): Stream | undefined => (lookup(db, key, 'stream') as StreamValue | undefined)?.value;

export const idReply = (id: StreamId): RespReply => bulk(formatId(id));

/** An entry as every stream reply gives it: [id, [field, value, ...]]. */
export const entryReply = (e: Entry): RespReply => array([idReply(e.id), array(e.fields.map((f) => bulk(fromBytes(f))))]);

/**
 * A change WATCH must see but blocked readers must not hear (XDEL, XTRIM: Redis signals the key as
 * modified, not as ready, so a reader blocked after a deleted last entry keeps waiting).
 */
export const watchOnly = (ctx: CommandContext, key: Bytes): void => internals(ctx).engine.modified(ctx.db as Database, key);

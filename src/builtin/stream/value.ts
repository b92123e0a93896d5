import { array, bulk, type RespReply } from '../../resp/types.js';
import { fromBytes, type Bytes, type Keyspace, type RedisValue } from '../types.js';
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

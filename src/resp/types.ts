/**
 * A RESP2 reply with its type kept, because redis-cli prints a status reply (`OK`) and a bulk string
 * (`"OK"`) differently. The REPL's client decodes into this; the built-in engine answers with it.
 */
export type RespReply =
  | { type: 'simple'; value: string }
  | { type: 'error'; value: string }
  | { type: 'integer'; value: bigint }
  | { type: 'bulk'; value: Buffer | null }
  | { type: 'array'; value: RespReply[] | null };

export const simple = (value: string): RespReply => ({ type: 'simple', value });
export const error = (value: string): RespReply => ({ type: 'error', value });
export const integer = (value: number | bigint): RespReply => ({ type: 'integer', value: BigInt(value) });
export const bulk = (value: Buffer | string | null): RespReply => ({ type: 'bulk', value: typeof value === 'string' ? Buffer.from(value) : value });
export const array = (value: RespReply[] | null): RespReply => ({ type: 'array', value });
export const OK: RespReply = simple('OK');
export const NIL: RespReply = bulk(null);
export const NIL_ARRAY: RespReply = array(null);

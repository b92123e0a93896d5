import { bulk, error, integer, NIL } from '../../resp/types.js';
import { arrayOf, double, map, setReply, verbatim, type Reply } from '../reply.js';

/**
 * DEBUG PROTOCOL <type>: one reply of each RESP3 type, as Redis 7.0.15 sends it (RESP2 gets each one's
 * RESP2 form). `push` on RESP3 (a push followed by a second reply) is not among them.
 */
const TYPES = 'string|integer|double|bignum|null|array|set|map|attrib|push|verbatim|true|false';

const three = (f: (j: number) => Reply): Reply[] => [0, 1, 2].map(f);

export function debugProtocol(name: string, resp: number): Reply {
  switch (name.toLowerCase()) {
    case 'string':
      return bulk('Hello World');
    case 'integer':
      return integer(12345);
    case 'double':
      return double(3.141);
    case 'bignum':
      return { type: 'bignum', value: '1234567999999999999999999999999999999' };
    case 'null':
      return NIL;
    case 'array':
      return arrayOf(three((j) => integer(j)));
    case 'set':
      return setReply(three((j) => integer(j)));
    case 'map':
      return map([0, 1, 2].flatMap((j): Reply[] => [integer(j), { type: 'bool', value: j === 1 }]));
    case 'attrib':
      return { type: 'attribute', value: [bulk('key-popularity'), arrayOf([bulk('key:123'), integer(90)])], then: bulk('Some real reply following the attribute') };
    case 'push':
      return resp === 2 ? error('ERR RESP2 is not supported by this command') : error("ERR 'DEBUG PROTOCOL PUSH' is not available in redis-tutor's built-in engine; run it against a real Redis (see redis-tutor doctor)");
    case 'verbatim':
      return verbatim('This is a verbatim\nstring');
    case 'true':
      return { type: 'bool', value: true };
    case 'false':
      return { type: 'bool', value: false };
    default:
      return error(`ERR Wrong protocol type name. Please use one of the following: ${TYPES}`);
  }
}

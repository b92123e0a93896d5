import { integer, bulk, OK, simple, error, NIL } from '../../../src/resp/types.js';
import { toBytes, type CommandSpec } from '../../../src/builtin/types.js';

/**
 * Stand-ins for the few core commands the data-type sequences need (FLUSHALL, SET, TYPE, EXISTS,
 * OBJECT ENCODING, DEL), used only when the core's own command files are not there yet.
 */
const spec = (name: string, arity: number, handler: CommandSpec['handler']): CommandSpec => ({ name, arity, flags: [], firstKey: 1, lastKey: 1, step: 1, handler });

export const miniCore: CommandSpec[] = [
  spec('flushall', -1, (ctx) => {
    for (let i = 0; i < ctx.engine.databaseCount; i++) {
      const db = ctx.engine.database(i);
      for (const key of [...db.keys()]) db.delete(key);
    }
    return OK;
  }),
  spec('set', 3, (ctx, args) => {
    ctx.db.set(toBytes(args[1]!), { type: 'string', value: Buffer.from(args[2]!), encoding: 'embstr' });
    return OK;
  }),
  spec('del', -2, (ctx, args) => integer(args.slice(1).filter((k) => ctx.db.delete(toBytes(k))).length)),
  spec('exists', -2, (ctx, args) => integer(args.slice(1).filter((k) => ctx.db.get(toBytes(k)) !== undefined).length)),
  spec('type', 2, (ctx, args) => simple(ctx.db.get(toBytes(args[1]!))?.type ?? 'none')),
  spec('object', 3, (ctx, args) => {
    if (args[1]!.toString().toLowerCase() !== 'encoding') return error('ERR unsupported in mini core');
    const value = ctx.db.get(toBytes(args[2]!));
    return value === undefined ? NIL : bulk(value.encoding);
  }),
];

import { bulk, error, integer, NIL, simple } from '../../resp/types.js';
import { arrayOf, map, setReply, type Reply } from '../reply.js';
import { COMMAND_DOCS, COMMAND_INFO } from '../command-data.generated.js';
import { internals } from '../dispatch.js';
import type { Engine } from '../engine.js';
import type { CommandSpec } from '../types.js';
import { command } from '../util/spec.js';
import { getKeys, listCommands } from './command-keys.js';

/**
 * COMMAND, COMMAND COUNT/INFO/DOCS/LIST for the engine's own commands. INFO and DOCS are Redis 7.0.15's
 * own replies, recorded by test/builtin/tools/gen-command-data.mjs, so clients see what Redis says.
 */
const decoded = new Map<string, Reply>();

function recorded(table: Readonly<Record<string, string>>, kind: string, name: string): Reply | undefined {
  const raw = table[name];
  if (raw === undefined) return undefined;
  const id = `${kind}:${name}`;
  let reply = decoded.get(id);
  if (reply === undefined) {
    reply = decodeResp(Buffer.from(raw, 'latin1'), { at: 0 });
    decoded.set(id, reply);
  }
  return reply;
}

/** Redis's COMMAND INFO record of a command (container commands hold their subcommands'). */
const recordedInfo = (name: string): Reply | undefined => recorded(COMMAND_INFO, 'info', name);

function names(engine: Engine): string[] {
  return [...engine.table.all()].map((s) => s.name);
}

function infoOf(engine: Engine, name: string): Reply {
  const lower = name.toLowerCase();
  return engine.table.get(lower) === undefined ? NIL : (recorded(COMMAND_INFO, 'info', lower) ?? NIL);
}

const commandContainer: CommandSpec = {
  ...command('command', -1, ['loading', 'stale'], [0, 0, 0], (ctx) => {
    const { engine } = internals(ctx);
    return arrayOf(names(engine).map((n) => infoOf(engine, n)));
  }),
  subcommands: [
    command('command|count', 2, ['loading', 'stale'], [0, 0, 0], (ctx) => integer(internals(ctx).engine.table.size)),
    command('command|list', -2, ['loading', 'stale'], [0, 0, 0], (ctx, args) => listCommands(internals(ctx).engine, recordedInfo, args)),
    command('command|getkeys', -4, ['loading', 'stale'], [0, 0, 0], (ctx, args) => getKeys(internals(ctx).engine, recordedInfo, args, false)),
    command('command|getkeysandflags', -4, ['loading', 'stale'], [0, 0, 0], (ctx, args) => getKeys(internals(ctx).engine, recordedInfo, args, true)),
    command('command|info', -2, ['loading', 'stale'], [0, 0, 0], (ctx, args) => {
      const { engine } = internals(ctx);
      const wanted = args.length > 2 ? args.slice(2).map((a) => a.toString('latin1')) : names(engine);
      return arrayOf(wanted.map((n) => infoOf(engine, n)));
    }),
    command('command|docs', -2, ['loading', 'stale'], [0, 0, 0], (ctx, args) => {
      const { engine } = internals(ctx);
      const wanted = args.length > 2 ? args.slice(2).map((a) => a.toString('latin1').toLowerCase()) : names(engine);
      const out: Reply[] = [];
      for (const name of wanted) {
        const docs = engine.table.get(name) === undefined ? undefined : recorded(COMMAND_DOCS, 'docs', name);
        if (docs !== undefined) out.push(bulk(name), docs);
      }
      return map(out);
    }),
  ],
};

/**
 * Decodes one recorded RESP3 reply into the engine's replies: maps and sets keep their types, so a RESP2
 * client gets the flat arrays Redis gives it and a RESP3 client the maps and sets.
 */
function decodeResp(buf: Buffer, pos: { at: number }): Reply {
  const type = buf[pos.at]!;
  const cr = buf.indexOf(13, pos.at);
  const line = buf.toString('latin1', pos.at + 1, cr);
  pos.at = cr + 2;
  const items = (n: number): Reply[] => {
    const out: Reply[] = [];
    for (let i = 0; i < n; i++) out.push(decodeResp(buf, pos));
    return out;
  };
  switch (type) {
    case 0x2b: // +
      return simple(line);
    case 0x2d: // -
      return error(line);
    case 0x3a: // :
      return integer(BigInt(line));
    case 0x5f: // _
      return NIL;
    case 0x24: {
      // $
      const n = Number(line);
      const value = Buffer.from(buf.subarray(pos.at, pos.at + n));
      pos.at += n + 2;
      return bulk(value);
    }
    case 0x25: // %
      return map(items(2 * Number(line)));
    case 0x7e: // ~
      return setReply(items(Number(line)));
    case 0x2a: // *
      return arrayOf(items(Number(line)));
    default:
      throw new Error(`unexpected RESP3 type ${String.fromCharCode(type)} in the recorded COMMAND data`);
  }
}

export const introspectionCommands: CommandSpec[] = [commandContainer];

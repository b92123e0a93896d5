import { array, bulk, error, integer, NIL, simple, type RespReply } from '../../resp/types.js';
import { COMMAND_DOCS, COMMAND_INFO } from '../command-data.generated.js';
import { internals } from '../dispatch.js';
import type { Engine } from '../engine.js';
import type { CommandSpec } from '../types.js';
import { command } from '../util/spec.js';

/**
 * COMMAND, COMMAND COUNT/INFO/DOCS/LIST for the engine's own commands. INFO and DOCS are Redis 7.0.15's
 * own replies, recorded by test/builtin/tools/gen-command-data.mjs, so clients see what Redis says.
 */
const decoded = new Map<string, RespReply>();

function recorded(table: Readonly<Record<string, string>>, kind: string, name: string): RespReply | undefined {
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

function names(engine: Engine): string[] {
  return [...engine.table.all()].map((s) => s.name);
}

function infoOf(engine: Engine, name: string): RespReply {
  const lower = name.toLowerCase();
  return engine.table.get(lower) === undefined ? NIL : (recorded(COMMAND_INFO, 'info', lower) ?? NIL);
}

const commandContainer: CommandSpec = {
  ...command('command', -1, ['loading', 'stale'], [0, 0, 0], (ctx) => {
    const { engine } = internals(ctx);
    return array(names(engine).map((n) => infoOf(engine, n)));
  }),
  subcommands: [
    command('command|count', 2, ['loading', 'stale'], [0, 0, 0], (ctx) => integer(internals(ctx).engine.table.size)),
    command('command|list', -2, ['loading', 'stale'], [0, 0, 0], (ctx) => array(names(internals(ctx).engine).map((n) => bulk(n)))),
    command('command|info', -2, ['loading', 'stale'], [0, 0, 0], (ctx, args) => {
      const { engine } = internals(ctx);
      const wanted = args.length > 2 ? args.slice(2).map((a) => a.toString('latin1')) : names(engine);
      return array(wanted.map((n) => infoOf(engine, n)));
    }),
    command('command|docs', -2, ['loading', 'stale'], [0, 0, 0], (ctx, args) => {
      const { engine } = internals(ctx);
      const wanted = args.length > 2 ? args.slice(2).map((a) => a.toString('latin1').toLowerCase()) : names(engine);
      const out: RespReply[] = [];
      for (const name of wanted) {
        const docs = engine.table.get(name) === undefined ? undefined : recorded(COMMAND_DOCS, 'docs', name);
        if (docs !== undefined) out.push(bulk(name), docs);
      }
      return array(out);
    }),
  ],
};

/** Decodes one recorded RESP2 reply. */
function decodeResp(buf: Buffer, pos: { at: number }): RespReply {
  const type = buf[pos.at]!;
  const cr = buf.indexOf(13, pos.at);
  const line = buf.toString('latin1', pos.at + 1, cr);
  pos.at = cr + 2;
  switch (type) {
    case 0x2b:
      return simple(line);
    case 0x2d:
      return error(line);
    case 0x3a:
      return integer(BigInt(line));
    case 0x24: {
      const n = Number(line);
      if (n < 0) return NIL;
      const value = Buffer.from(buf.subarray(pos.at, pos.at + n));
      pos.at += n + 2;
      return bulk(value);
    }
    default: {
      const n = Number(line);
      if (n < 0) return array(null);
      const items: RespReply[] = [];
      for (let i = 0; i < n; i++) items.push(decodeResp(buf, pos));
      return array(items);
    }
  }
}

export const introspectionCommands: CommandSpec[] = [commandContainer];

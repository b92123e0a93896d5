import { array, bulk, integer, NIL, type RespReply } from '../../resp/types.js';
import { arrayOf, map, type Reply } from '../reply.js';
import { fromBytes, toBytes, type CommandContext, type CommandSpec } from '../types.js';
import { integerArg, keyword } from '../util/args.js';
import { fail, SYNTAX_ERROR } from '../util/reply-error.js';
import { command } from '../util/spec.js';
import { byName, UNKNOWN_READS, type ConsumerGroup } from './groups.js';
import { cText, helpReply, subcommandSyntaxError } from './help.js';
import { lagOf } from './lag.js';
import { raxNodeCount } from './rax-nodes.js';
import type { Stream } from './stream.js';
import { entryReply, idReply, streamAt } from './value.js';

const text = (s: string): RespReply => bulk(s);
const orNil = (n: number | undefined): RespReply => (n === undefined ? NIL : integer(n));

/** A group's last delivered id, read counter and lag (nil when not known), in both GROUPS and STREAM FULL. */
const progress = (s: Stream, g: ConsumerGroup): Reply[] => [
  text('last-delivered-id'),
  idReply(g.lastId),
  text('entries-read'),
  orNil(g.entriesRead === UNKNOWN_READS ? undefined : g.entriesRead),
  text('lag'),
  orNil(lagOf(s, g)),
];

function streamOf(ctx: CommandContext, args: Buffer[]): Stream {
  return streamAt(ctx.db, toBytes(args[2]!)) ?? fail('ERR no such key');
}

/** The fields XINFO STREAM starts with, FULL or not. */
function header(s: Stream): Reply[] {
  return [
    text('length'),
    integer(s.length),
    text('radix-tree-keys'),
    integer(s.nodes.length),
    text('radix-tree-nodes'),
    integer(raxNodeCount(s.nodes.map((n) => n.master))),
    text('last-generated-id'),
    idReply(s.lastId),
    text('max-deleted-entry-id'),
    idReply(s.maxDeletedId),
    text('entries-added'),
    integer(s.entriesAdded),
    text('recorded-first-entry-id'),
    idReply(s.firstId),
  ];
}

function full(s: Stream, count: number): Reply {
  const entries: RespReply[] = [];
  for (const e of s.range()) {
    if (count !== 0 && entries.length >= count) break;
    entries.push(entryReply(e));
  }
  const groups: Reply[] = byName(s.groups).map(([name, g]) => {
    const pel: RespReply[] = [];
    for (const [id, p] of g.pel.from()) {
      if (count !== 0 && pel.length >= count) break;
      pel.push(array([idReply(id), bulk(fromBytes(p.consumer.name)), integer(p.deliveryTime), integer(p.deliveryCount)]));
    }
    const consumers = byName(g.consumers).map(([cname, c]) => {
      const own: RespReply[] = [];
      for (const [id, p] of c.pel.from()) {
        if (count !== 0 && own.length >= count) break;
        own.push(array([idReply(id), integer(p.deliveryTime), integer(p.deliveryCount)]));
      }
      return map([text('name'), bulk(fromBytes(cname)), text('seen-time'), integer(c.seenTime), text('pel-count'), integer(c.pel.size), text('pending'), array(own)]);
    });
    return map([
      text('name'),
      bulk(fromBytes(name)),
      ...progress(s, g),
      text('pel-count'),
      integer(g.pel.size),
      text('pending'),
      array(pel),
      text('consumers'),
      arrayOf(consumers),
    ]);
  });
  return map([...header(s), text('entries'), array(entries), text('groups'), arrayOf(groups)]);
}

const stream = command('xinfo|stream', -3, ['readonly'], [2, 2, 1], (ctx, args) => {
  const s = streamOf(ctx, args);
  const rest = args.slice(3);
  if (rest.length === 0) {
    const first = s.range().next();
    const last = s.range(undefined, undefined, true).next();
    return map([
      ...header(s),
      text('groups'),
      integer(s.groups.size),
      text('first-entry'),
      first.done === true ? NIL : entryReply(first.value),
      text('last-entry'),
      last.done === true ? NIL : entryReply(last.value),
    ]);
  }
  if (keyword(rest[0]) !== 'full') fail(subcommandSyntaxError(args));
  let count = 10;
  if (rest.length === 3) {
    if (keyword(rest[1]) !== 'count') fail(subcommandSyntaxError(args));
    const n = integerArg(rest[2]!);
    count = n < 0n ? 10 : Number(n);
  } else if (rest.length !== 1) fail(subcommandSyntaxError(args));
  return full(s, count);
});

const groups = command('xinfo|groups', 3, ['readonly'], [2, 2, 1], (ctx, args) => {
  const s = streamOf(ctx, args);
  return arrayOf(
    byName(s.groups).map(([name, g]) =>
      map([
        text('name'),
        bulk(fromBytes(name)),
        text('consumers'),
        integer(g.consumers.size),
        text('pending'),
        integer(g.pel.size),
        ...progress(s, g),
      ]),
    ),
  );
});

const consumers = command('xinfo|consumers', 4, ['readonly'], [2, 2, 1], (ctx, args) => {
  const s = streamOf(ctx, args);
  const group = s.groups.get(toBytes(args[3]!)) ?? fail(`NOGROUP No such consumer group '${cText(toBytes(args[3]!))}' for key name '${cText(toBytes(args[2]!))}'`);
  return arrayOf(
    byName(group.consumers).map(([name, c]) =>
      map([text('name'), bulk(fromBytes(name)), text('pending'), integer(c.pel.size), text('idle'), integer(Math.max(0, ctx.now - c.seenTime))]),
    ),
  );
});

const XINFO_HELP = ['CONSUMERS <key> <groupname>', '    Show consumers of <groupname>.', 'GROUPS <key>', '    Show the stream consumer groups.', 'STREAM <key> [FULL [COUNT <count>]', '    Show information about the stream.'];

const xinfo: CommandSpec = {
  ...command('xinfo', -2, [], [0, 0, 0], () => fail(SYNTAX_ERROR)),
  subcommands: [stream, groups, consumers, command('xinfo|help', 2, ['loading', 'stale'], [0, 0, 0], (_ctx, args) => helpReply(args[0]!, XINFO_HELP))],
};

export const infoCommands: CommandSpec[] = [xinfo];

import { array, bulk, integer, NIL, simple, type RespReply } from '../../resp/types.js';
import type { Client } from '../client.js';
import { internals } from '../dispatch.js';
import type { Engine } from '../engine.js';
import { globMatch } from '../glob.js';
import { subscriptionReply } from '../pubsub.js';
import type { Reply } from '../reply.js';
import { fromBytes, toBytes, type Bytes, type CommandContext, type CommandSpec } from '../types.js';
import { fail } from '../util/reply-error.js';
import { command } from '../util/spec.js';
import { reset } from './reset.js';

/** One subscription family: its names on the client, how to join and leave, the count its answers carry. */
interface Family {
  subscribe: string;
  unsubscribe: string;
  names(client: Client): Set<Bytes>;
  join(engine: Engine, client: Client, name: Bytes): void;
  leave(engine: Engine, client: Client, name: Bytes): boolean;
  /** Redis 7.0 counts shard channels apart: SSUBSCRIBE answers with shard channels only, SUBSCRIBE with channels and patterns. */
  count(client: Client): number;
  /** COMMAND INFO's first key, last key, step: shard channels are keys (for a cluster's slots). */
  keys: [number, number, number];
}

const CHANNELS: Family = {
  subscribe: 'subscribe',
  unsubscribe: 'unsubscribe',
  names: (client) => client.channels,
  join: (engine, client, name) => engine.pubsub.subscribe(client, name),
  leave: (engine, client, name) => engine.pubsub.unsubscribe(client, name),
  count: (client) => client.channelAndPatternCount,
  keys: [0, 0, 0],
};

const PATTERNS: Family = {
  subscribe: 'psubscribe',
  unsubscribe: 'punsubscribe',
  names: (client) => client.patterns,
  join: (engine, client, name) => engine.pubsub.psubscribe(client, name),
  leave: (engine, client, name) => engine.pubsub.punsubscribe(client, name),
  count: (client) => client.channelAndPatternCount,
  keys: [0, 0, 0],
};

const SHARD_CHANNELS: Family = {
  subscribe: 'ssubscribe',
  unsubscribe: 'sunsubscribe',
  names: (client) => client.shardChannels,
  join: (engine, client, name) => engine.pubsub.ssubscribe(client, name),
  leave: (engine, client, name) => engine.pubsub.sunsubscribe(client, name),
  count: (client) => client.shardChannels.size,
  keys: [1, -1, 1],
};

const FLAGS = ['pubsub', 'noscript', 'loading', 'stale'];

/**
 * (UN)SUBSCRIBE and its P and S kin answer once per channel: all but the last answer are written
 * straight to the client, the last is the handler's reply.
 */
function answerEach(client: Client, replies: Reply[]): Reply {
  for (let i = 0; i < replies.length - 1; i++) client.reply(replies[i]!);
  return replies[replies.length - 1]!;
}

function subscriber(family: Family): CommandSpec {
  return command(family.subscribe, -2, FLAGS, family.keys, (ctx: CommandContext, args: Buffer[]) => {
    const { engine, client } = internals(ctx);
    // EXEC runs its queue as a client that may not block; Redis 7.0 exempts SUBSCRIBE and PSUBSCRIBE, not SSUBSCRIBE.
    if (family === SHARD_CHANNELS && client.inExec) fail("ERR SSUBSCRIBE isn't allowed for a DENY BLOCKING client");
    const replies: Reply[] = [];
    for (let j = 1; j < args.length; j++) {
      family.join(engine, client, toBytes(args[j]!));
      replies.push(subscriptionReply(family.subscribe, args[j]!, family.count(client)));
    }
    return answerEach(client, replies);
  });
}

function unsubscriber(family: Family): CommandSpec {
  return command(family.unsubscribe, -1, FLAGS, family.keys, (ctx, args) => {
    const { engine, client } = internals(ctx);
    const kind = family.unsubscribe;
    const replies: Reply[] = [];
    if (args.length === 1) {
      for (const name of [...family.names(client)]) {
        family.leave(engine, client, name);
        replies.push(subscriptionReply(kind, fromBytes(name), family.count(client)));
      }
      if (replies.length === 0) replies.push(subscriptionReply(kind, null, family.count(client)));
    } else {
      for (let j = 1; j < args.length; j++) {
        family.leave(engine, client, toBytes(args[j]!));
        replies.push(subscriptionReply(kind, args[j]!, family.count(client)));
      }
    }
    return answerEach(client, replies);
  });
}

const publish = command('publish', 3, ['pubsub', 'loading', 'stale', 'fast', 'may_replicate'], [0, 0, 0], (ctx, args) => {
  const { engine } = internals(ctx);
  return integer(engine.pubsub.publish(toBytes(args[1]!), Buffer.from(args[2]!), engine.deliver));
});

const spublish = command('spublish', 3, ['pubsub', 'loading', 'stale', 'fast'], [1, 1, 1], (ctx, args) => {
  const { engine } = internals(ctx);
  return integer(engine.pubsub.spublish(toBytes(args[1]!), Buffer.from(args[2]!), engine.deliver));
});

/** PUBSUB CHANNELS and SHARDCHANNELS: the names with subscribers, those matching the pattern if one is given. */
function channelList(args: Buffer[], channels: Map<Bytes, Set<Client>>): RespReply {
  if (args.length > 3) fail(`ERR unknown subcommand or wrong number of arguments for '${args[1]!.toString('latin1')}'. Try PUBSUB HELP.`);
  const pattern = args.length > 2 ? toBytes(args[2]!) : undefined;
  const out: RespReply[] = [];
  for (const name of channels.keys()) {
    if (pattern === undefined || globMatch(pattern, name)) out.push(bulk(fromBytes(name)));
  }
  return array(out);
}

/** PUBSUB NUMSUB and SHARDNUMSUB: each name given, then its number of subscribers. */
function numsub(args: Buffer[], channels: Map<Bytes, Set<Client>>): RespReply {
  const out: RespReply[] = [];
  for (let j = 2; j < args.length; j++) out.push(bulk(args[j]!), integer(channels.get(toBytes(args[j]!))?.size ?? 0));
  return array(out);
}

const PUBSUB_HELP = [
  'PUBSUB <subcommand> [<arg> [value] [opt] ...]. Subcommands are:',
  'CHANNELS [<pattern>]',
  "    Return the currently active channels matching a <pattern> (default: '*').",
  'NUMPAT',
  '    Return number of subscriptions to patterns.',
  'NUMSUB [<channel> ...]',
  '    Return the number of subscribers for the specified channels, excluding',
  '    pattern subscriptions(default: no channels).',
  'SHARDCHANNELS [<pattern>]',
  "    Return the currently active shard level channels matching a <pattern> (default: '*').",
  'SHARDNUMSUB [<shardchannel> ...]',
  '    Return the number of subscribers for the specified shard level channel(s)',
  'HELP',
  '    Prints this help.',
].map(simple);

const pubsubCommand: CommandSpec = {
  ...command('pubsub', -2, [], [0, 0, 0], () => NIL),
  subcommands: [
    command('pubsub|channels', -2, ['pubsub', 'loading', 'stale'], [0, 0, 0], (ctx, args) => channelList(args, internals(ctx).engine.pubsub.channels)),
    command('pubsub|numsub', -2, ['pubsub', 'loading', 'stale'], [0, 0, 0], (ctx, args) => numsub(args, internals(ctx).engine.pubsub.channels)),
    command('pubsub|shardchannels', -2, ['pubsub', 'loading', 'stale'], [0, 0, 0], (ctx, args) => channelList(args, internals(ctx).engine.pubsub.shardChannels)),
    command('pubsub|shardnumsub', -2, ['pubsub', 'loading', 'stale'], [0, 0, 0], (ctx, args) => numsub(args, internals(ctx).engine.pubsub.shardChannels)),
    command('pubsub|help', 2, ['loading', 'stale'], [0, 0, 0], () => array(PUBSUB_HELP)),
    command('pubsub|numpat', 2, ['pubsub', 'loading', 'stale'], [0, 0, 0], (ctx) => integer(internals(ctx).engine.pubsub.patterns.size)),
  ],
};

export const pubsubCommands: CommandSpec[] = [
  subscriber(CHANNELS),
  subscriber(PATTERNS),
  subscriber(SHARD_CHANNELS),
  unsubscriber(CHANNELS),
  unsubscriber(PATTERNS),
  unsubscriber(SHARD_CHANNELS),
  publish,
  spublish,
  pubsubCommand,
  // RESET lives in its own file; it is listed here because leaving subscribed mode is its reason to exist
  // in this engine (and commands/index.ts, shared by every area, stays untouched).
  reset,
];

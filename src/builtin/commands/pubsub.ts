import { array, bulk, integer, NIL, type RespReply } from '../../resp/types.js';
import type { Client } from '../client.js';
import { internals } from '../dispatch.js';
import type { Engine } from '../engine.js';
import { globMatch } from '../glob.js';
import { subscriptionReply } from '../pubsub.js';
import type { Reply } from '../reply.js';
import { fromBytes, toBytes, type CommandContext, type CommandSpec } from '../types.js';
import { fail } from '../util/reply-error.js';
import { command } from '../util/spec.js';

type Kind = 'subscribe' | 'unsubscribe' | 'psubscribe' | 'punsubscribe';

/**
 * (UN)SUBSCRIBE and P(UN)SUBSCRIBE answer once per channel: all but the last answer are written
 * straight to the client, the last is the handler's reply.
 */
function answerEach(client: Client, replies: Reply[]): Reply {
  for (let i = 0; i < replies.length - 1; i++) client.reply(replies[i]!);
  return replies[replies.length - 1]!;
}

function subscriber(kind: Kind, act: (engine: Engine, client: Client, name: string) => void): CommandSpec {
  const flags = ['pubsub', 'noscript', 'loading', 'stale'];
  return command(kind, -2, flags, [0, 0, 0], (ctx: CommandContext, args: Buffer[]) => {
    const { engine, client } = internals(ctx);
    const replies: Reply[] = [];
    for (let j = 1; j < args.length; j++) {
      act(engine, client, toBytes(args[j]!));
      replies.push(subscriptionReply(kind, args[j]!, client.subscriptions));
    }
    return answerEach(client, replies);
  });
}

function unsubscriber(kind: Kind, patterns: boolean): CommandSpec {
  return command(kind, -1, ['pubsub', 'noscript', 'loading', 'stale'], [0, 0, 0], (ctx, args) => {
    const { engine, client } = internals(ctx);
    const drop = (name: string) => (patterns ? engine.pubsub.punsubscribe(client, name) : engine.pubsub.unsubscribe(client, name));
    const replies: Reply[] = [];
    if (args.length === 1) {
      for (const name of [...(patterns ? client.patterns : client.channels)]) {
        drop(name);
        replies.push(subscriptionReply(kind, fromBytes(name), client.subscriptions));
      }
      if (replies.length === 0) replies.push(subscriptionReply(kind, null, client.subscriptions));
    } else {
      for (let j = 1; j < args.length; j++) {
        drop(toBytes(args[j]!));
        replies.push(subscriptionReply(kind, args[j]!, client.subscriptions));
      }
    }
    return answerEach(client, replies);
  });
}

const publish = command('publish', 3, ['pubsub', 'loading', 'stale', 'fast', 'may_replicate'], [0, 0, 0], (ctx, args) => {
  const { engine } = internals(ctx);
  return integer(engine.pubsub.publish(toBytes(args[1]!), Buffer.from(args[2]!), engine.deliver));
});

const pubsubCommand: CommandSpec = {
  ...command('pubsub', -2, [], [0, 0, 0], () => NIL),
  subcommands: [
    command('pubsub|channels', -2, ['pubsub', 'loading', 'stale'], [0, 0, 0], (ctx, args) => {
      const { engine } = internals(ctx);
      if (args.length > 3) fail(`ERR unknown subcommand or wrong number of arguments for '${args[1]!.toString('latin1')}'. Try PUBSUB HELP.`);
      const pattern = args.length > 2 ? toBytes(args[2]!) : undefined;
      const out: RespReply[] = [];
      for (const name of engine.pubsub.channels.keys()) {
        if (pattern === undefined || globMatch(pattern, name)) out.push(bulk(fromBytes(name)));
      }
      return array(out);
    }),
    command('pubsub|numsub', -2, ['pubsub', 'loading', 'stale'], [0, 0, 0], (ctx, args) => {
      const { engine } = internals(ctx);
      const out: RespReply[] = [];
      for (let j = 2; j < args.length; j++) {
        out.push(bulk(args[j]!), integer(engine.pubsub.channels.get(toBytes(args[j]!))?.size ?? 0));
      }
      return array(out);
    }),
    command('pubsub|numpat', 2, ['pubsub', 'loading', 'stale'], [0, 0, 0], (ctx) => integer(internals(ctx).engine.pubsub.patterns.size)),
  ],
};

export const pubsubCommands: CommandSpec[] = [
  subscriber('subscribe', (engine, client, name) => engine.pubsub.subscribe(client, name)),
  subscriber('psubscribe', (engine, client, name) => engine.pubsub.psubscribe(client, name)),
  unsubscriber('unsubscribe', false),
  unsubscriber('punsubscribe', true),
  publish,
  pubsubCommand,
];

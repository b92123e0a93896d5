import type { Generator, Rng } from './rng.js';

// Pub/sub commands that answer exactly once on the random test's single, never-subscribed connection
// (so they mix with the other generators, MULTI included). Sessions with subscribers on several
// connections are random-pubsub.test.ts's (random/pubsub-sequences.ts).

const channel = (r: Rng) => r.pick(['c0', 'c1', 'k0', '', 'news']);

export const generators: Generator[] = [
  { name: 'spublish', make: (r) => [r.pick(['SPUBLISH', 'PUBLISH']), channel(r), r.pick(['m', '', 'hello world'])] },
  { name: 'sunsubscribe', weight: 0.5, make: (r) => [r.pick(['SUNSUBSCRIBE', 'UNSUBSCRIBE', 'PUNSUBSCRIBE']), ...(r.chance(0.5) ? [] : [channel(r)])] },
  {
    name: 'pubsub-shard',
    make: (r) =>
      r.pick([
        ['PUBSUB', 'SHARDCHANNELS'],
        ['PUBSUB', 'SHARDCHANNELS', r.pick(['*', 'c?', '[a'])],
        ['PUBSUB', 'SHARDNUMSUB', ...r.some(['c0', 'c1', 'k0'], 3)],
        ['PUBSUB', 'SHARDNUMSUB'],
        ['PUBSUB', 'SHARDCHANNELS', 'a', 'b'],
      ]),
  },
  { name: 'pubsub-arity', weight: 0.3, make: (r) => r.pick([['SSUBSCRIBE'], ['SPUBLISH', 'c0'], ['SPUBLISH'], ['RESET', 'x']]) },
];

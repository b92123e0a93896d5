// The counters lesson's live race (R16), through the lesson runner (dist/, npm run build first), on a
// private redis-server and on the built-in engine: 4 clients x 1,000 GET+SET of what was read plus one
// (the lost update), then the same with INCR. Prints the final count of each round: GET+SET's depends on
// timing on a real server; on the built-in engine, which shares the tutor's process, the four clients move
// in lock-step (four GETs of the same value, then four SETs), so it ends at 1,000. INCR's is always 4,000.
import { eachBackend } from './backends.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

await eachBackend(async (redis) => {
  for (const script of ['GET unread:bob | SET unread:bob {n+1}', 'INCR unread:bob']) {
    const finals = [];
    const times = [];
    for (let i = 0; i < ROUNDS; i++) {
      await redis.execute('SET unread:bob 0');
      const raced = await redis.execute(`@race 4x1000 ${script}`);
      times.push(/done in ([\d.]+) s/.exec(raced.text)?.[1]);
      finals.push((await redis.execute('GET unread:bob')).text.replace(/"/g, ''));
    }
    console.log(`  4 x 1,000 ${script.padEnd(38)} ends at ${finals.join(', ')} of 4000 (${times.join(', ')} s)`);
  }
});

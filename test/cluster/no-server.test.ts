import { afterEach, expect, it } from 'vitest';
import { clusterUnavailable, startLocalCluster } from '../../src/cluster/start.js';
import { UserError } from '../../src/errors.js';
import { setLanguage } from '../../src/ui/i18n.js';

afterEach(() => setLanguage('en'));

async function refusal(env: NodeJS.ProcessEnv): Promise<UserError> {
  const err = await startLocalCluster('cluster', env).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UserError);
  return err as UserError;
}

it('without redis-server on PATH: how to install Redis (WSL on Windows), in English and Korean', async () => {
  const en = (await refusal({ PATH: '' })).message;
  expect(en).toMatch(/no redis-server is on your PATH/);
  expect(en).toMatch(/apt-get install redis-server/);
  expect(en).toMatch(/Windows: WSL/);
  expect(clusterUnavailable({ PATH: '' })).toBe(en);
  setLanguage('ko');
  const ko = (await refusal({ PATH: '/nonexistent' })).message;
  expect(ko).toMatch(/PATH에 redis-server가 없어요/);
  expect(ko).toMatch(/WSL/);
});

it('REDIS_SERVER_BIN naming a missing file is named', async () => {
  expect((await refusal({ PATH: process.env.PATH, REDIS_SERVER_BIN: '/nonexistent/redis-server' })).message).toMatch(/REDIS_SERVER_BIN is "\/nonexistent\/redis-server", which is not a file/);
  expect(clusterUnavailable({ PATH: process.env.PATH })).toBeUndefined();
});

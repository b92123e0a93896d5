import { describe, expect, it } from 'vitest';
import { connectionArgs, connectionRequest, parseRedisUrl, localAddress } from '../../src/connection/options.js';
import { UserError } from '../../src/errors.js';

describe('parseRedisUrl', () => {
  const ok = (url: string, expected: object) => it(url, () => expect(parseRedisUrl(url, '--url')).toEqual({ source: '--url', ...expected }));
  ok('redis://127.0.0.1:6380', { host: '127.0.0.1', port: 6380, tls: false });
  ok('redis://localhost', { host: 'localhost', port: 6379, tls: false });
  ok('rediss://cache.example.com:6390/3', { host: 'cache.example.com', port: 6390, tls: true, db: 3 });
  ok('redis://:s%40cret@h:1/15', { host: 'h', port: 1, tls: false, password: 's@cret', db: 15 });
  ok('redis://alice:pw@h:2', { host: 'h', port: 2, tls: false, username: 'alice', password: 'pw' });
  ok('redis://[::1]:7000', { host: '::1', port: 7000, tls: false });

  const bad = (url: string, says: RegExp) =>
    it(`refuses ${url}`, () => {
      expect(() => parseRedisUrl(url, '--url')).toThrow(UserError);
      expect(() => parseRedisUrl(url, '--url')).toThrow(says);
    });
  bad('localhost:6379', /use redis:\/\/ or rediss:\/\//);
  bad('http://localhost:6379', /starts with "http:\/\/"/);
  bad('not a url', /is not a URL/);
  bad('redis://h:1/abc', /database number/);
  bad('redis://h:99999', /not a URL/);
});

describe('connectionRequest', () => {
  it('defaults to the chain, probing 127.0.0.1:6379 first', () => {
    expect(connectionRequest({}, {})).toEqual({ kind: 'auto', local: { host: '127.0.0.1', port: 6379, tls: false, source: 'default' } });
  });
  it('takes REDIS_URL as an explicit choice', () => {
    expect(connectionRequest({}, { REDIS_URL: 'redis://h:7/2' })).toEqual({ kind: 'explicit', endpoint: { host: 'h', port: 7, tls: false, source: 'REDIS_URL' }, db: 2 });
  });
  it('prefers --url over REDIS_URL, and --db over the URL database', () => {
    const r = connectionRequest({ url: 'redis://a:1/2', db: '5' }, { REDIS_URL: 'redis://b:2' });
    expect(r).toMatchObject({ kind: 'explicit', endpoint: { host: 'a', port: 1 }, db: 5 });
  });
  it('ignores REDIS_URL when --host/--port are given', () => {
    expect(connectionRequest({ port: '6390' }, { REDIS_URL: 'redis://b:2' })).toMatchObject({ kind: 'explicit', endpoint: { host: '127.0.0.1', port: 6390, source: '--host/--port' } });
  });
  it('reads the password from REDISCLI_AUTH, as redis-cli does', () => {
    expect(connectionRequest({ port: '1' }, { REDISCLI_AUTH: 'pw' })).toMatchObject({ endpoint: { password: 'pw' } });
    expect(connectionRequest({}, { REDISCLI_AUTH: 'pw' })).toMatchObject({ kind: 'auto', local: { password: 'pw' } });
  });
  it('keeps the password in the URL over REDISCLI_AUTH, but --password over both', () => {
    expect(connectionRequest({ url: 'redis://:inurl@h:1' }, { REDISCLI_AUTH: 'env' })).toMatchObject({ endpoint: { password: 'inurl' } });
    expect(connectionRequest({ url: 'redis://:inurl@h:1', password: 'flag' }, {})).toMatchObject({ endpoint: { password: 'flag' } });
  });
  it('--tls turns a redis:// URL into TLS', () => {
    expect(connectionRequest({ url: 'redis://h:1', tls: true }, {})).toMatchObject({ endpoint: { tls: true } });
  });
  it('--spawn forces a private server', () => {
    expect(connectionRequest({ spawn: true, db: '3' }, { REDIS_URL: 'redis://x:1' })).toEqual({ kind: 'spawn', db: 3 });
  });
  it('refuses options that choose two different servers', () => {
    expect(() => connectionRequest({ spawn: true, url: 'redis://h:1' }, {})).toThrow(/each choose a different Redis/);
  });
  it('refuses a bad --port and --db with what was expected', () => {
    expect(() => connectionRequest({ port: 'abc' }, {})).toThrow(/--port expects a port from 1 to 65535, but got "abc"/);
    expect(() => connectionRequest({ db: '-1' }, {})).toThrow(/--db expects a database number/);
  });
  it('REDIS_TUTOR_LOCAL moves the probed local address', () => {
    expect(localAddress({ REDIS_TUTOR_LOCAL: '127.0.0.1:7001' })).toEqual({ host: '127.0.0.1', port: 7001 });
    expect(localAddress({})).toEqual({ host: '127.0.0.1', port: 6379 });
  });
});

describe("connectionArgs: the options doctor's advice repeats", () => {
  const _ = (opts: object, expected: string, withDb = true) => it(expected || '(none)', () => expect(connectionArgs(opts, { withDb }).join(' ')).toBe(expected));
  _({}, '');
  _({ port: '6390' }, '--port 6390');
  _({ host: 'redis.local', port: '6390', db: '3' }, '--host redis.local --port 6390 --db 3');
  _({ host: 'redis.local', db: '3' }, '--host redis.local', false);
  _({ url: 'redis://:s3cret@10.0.0.5:6379/2', tls: true }, '--url redis://:****@10.0.0.5:6379/2 --tls');
  _({ url: 'rediss://bob:pw@h:6380', user: 'alice', password: 'pw2' }, '--url rediss://bob:****@h:6380 --user alice --password ****');
  _({ spawn: true, db: '2' }, '--spawn --db 2');
  _({ url: 'redis://h:1/?x=a b' }, "--url 'redis://h:1/?x=a b'");
});

import { describe, expect, it } from 'vitest';
import { classifyLine, firstTopology, usesCluster } from '../../src/course/lines.js';
import { parseLesson } from '../../src/course/parse.js';

describe('the local cluster directives', () => {
  it.each([
    ['@node replica GET greeting', { kind: 'node', node: 'replica', command: 'GET greeting' }],
    ['@node primary-2 CLUSTER KEYSLOT "a b"', { kind: 'node', node: 'primary-2', command: 'CLUSTER KEYSLOT "a b"' }],
    ['@kill primary-1', { kind: 'kill', node: 'primary-1' }],
    ['@KILL Primary-1', { kind: 'kill', node: 'primary-1' }],
    ['@failover primary-3', { kind: 'failover', node: 'primary-3' }],
    ['@cluster replication', { kind: 'topology', shape: 'replication' }],
    ['@cluster cluster', { kind: 'topology', shape: 'cluster' }],
    ['@cluster sentinel', { kind: 'bad', why: 'cluster' }],
    ['@node replica', { kind: 'bad', why: 'node' }],
    ['@node replica GET "open', { kind: 'bad', why: 'node' }],
    ['@kill', { kind: 'bad', why: 'kill' }],
    ['@failover a b', { kind: 'bad', why: 'failover' }],
  ])('%s', (line, meant) => expect(classifyLine(line)).toEqual(meant));

  it('a lesson starts on its first @cluster line, the cluster without one', () => {
    expect(firstTopology(['SET a 1', '@cluster replication', '@cluster cluster'])).toBe('replication');
    expect(firstTopology(['SET a 1'])).toBe('cluster');
    expect(usesCluster(['SET a 1', '@kill primary-1'])).toBe(true);
    expect(usesCluster(['SET a 1', 'B> GET a'])).toBe(false);
  });
});

const lesson = (needs: string, commands: string, expect = '') => `format_version: 4
id: demo
order: 1
title: Demo
goal: A goal.
minutes: 1
min_redis: "7.0"
${needs}steps:
  - { id: a, kind: predict, commands: ${commands}, question: Q, choices: [x, y], answer: 0, explain: E${expect} }
`;

describe('validation', () => {
  it('a cluster directive needs `cluster`', () => {
    const result = parseLesson(lesson('', "['@node replica GET k']"), 'demo.yaml');
    expect(result.ok ? [] : result.problems.map((p) => `${p.path}: expected ${p.expected}`)).toEqual([
      'needs: expected `needs: [cluster]` at the top of the lesson, since a line talks to the local cluster (@cluster, @node, @kill or @failover)',
    ]);
  });

  it('an `@node` line has a reply in `expect`, other directives none', () => {
    const result = parseLesson(lesson('needs: [cluster]\n', "['@cluster replication', 'SET k v', '@node replica GET k', '@kill primary']", ', expect: [OK, \'(replica) "v"\']'), 'demo.yaml');
    expect(result.ok ? [] : result.problems).toEqual([]);
  });
});

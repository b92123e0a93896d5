import { describe, expect, it } from 'vitest';
import { field, knowsNode, replicaSynced, slotOwners } from '../../src/cluster/facts.js';
import { formatSlots, splitSlots } from '../../src/cluster/slots.js';
import { array, bulk, integer } from '../../src/resp/types.js';

describe('splitSlots: as redis-cli --cluster create splits them', () => {
  it.each([
    [1, [[0, 16383]]],
    [3, [[0, 5460], [5461, 10922], [10923, 16383]]],
    [4, [[0, 4095], [4096, 8191], [8192, 12287], [12288, 16383]]],
    [5, [[0, 3276], [3277, 6553], [6554, 9829], [9830, 13106], [13107, 16383]]],
  ])('%i primaries', (primaries, ranges) => expect(splitSlots(primaries)).toEqual(ranges));
  it('formats ranges as a learner reads them', () => expect(formatSlots([[0, 5460], [7, 7]])).toBe('0-5460 7'));
});

describe('what a node says', () => {
  it('reads INFO fields, CRLF or not', () => {
    expect(field('# Cluster\r\ncluster_state:ok\r\ncluster_slots_assigned:16384\r\n', 'cluster_state')).toBe('ok');
    expect(field('role:slave\nmaster_link_status:down\n', 'master_link_status')).toBe('down');
    expect(field('role:master\n', 'master_link_status')).toBeUndefined();
  });
  it('a replica is synced once its link is up and its first sync over', () => {
    expect(replicaSynced('role:slave\r\nmaster_link_status:up\r\nmaster_sync_in_progress:0\r\n')).toBe(true);
    expect(replicaSynced('role:slave\r\nmaster_link_status:up\r\nmaster_sync_in_progress:1\r\n')).toBe(false);
    expect(replicaSynced('role:master\r\n')).toBe(false);
  });
  it('reads CLUSTER SLOTS as owners, sorted by first slot, replicas by port', () => {
    const node = (port: number) => array([bulk('127.0.0.1'), integer(port), bulk('id'), array([])]);
    const reply = array([array([integer(5461), integer(16383), node(7001), node(7005), node(7004)]), array([integer(0), integer(5460), node(7000)])]);
    expect(slotOwners(reply)).toEqual([
      { range: [0, 5460], primary: 7000, replicas: [] },
      { range: [5461, 16383], primary: 7001, replicas: [7004, 7005] },
    ]);
    expect(slotOwners(bulk('no'))).toBeUndefined();
  });
  it('knows a node once its handshake is done', () => {
    const nodes = 'aaa 127.0.0.1:7000@17000 myself,master - 0 0 1 connected 0-5460\nbbb 127.0.0.1:7001@17001 handshake - 0 0 0 connected\n';
    expect(knowsNode(nodes, 'aaa')).toBe(true);
    expect(knowsNode(nodes, 'bbb')).toBe(false);
    expect(knowsNode(nodes, 'ccc')).toBe(false);
  });
});

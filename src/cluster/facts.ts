import type { RespReply } from '../resp/types.js';
import type { SlotRange } from './slots.js';

/** What a node says, read from its replies. Pure. */

/** A bulk or simple reply as text ('' for anything else). */
export function text(reply: RespReply): string {
  if (reply.type === 'bulk') return reply.value?.toString() ?? '';
  return reply.type === 'simple' ? reply.value : '';
}

/** A `name:value` line of INFO or CLUSTER INFO. */
export function field(info: string, name: string): string | undefined {
  return new RegExp(`^${name}:(.*?)\\r?$`, 'm').exec(info)?.[1];
}

/** A replica whose link to its primary is up and whose first sync is over. */
export function replicaSynced(infoReplication: string): boolean {
  return field(infoReplication, 'role') === 'slave' && field(infoReplication, 'master_link_status') === 'up' && field(infoReplication, 'master_sync_in_progress') === '0';
}

/** Who serves a run of slots: the primary's port, and its replicas' ports in ascending order. */
export interface SlotOwner {
  range: SlotRange;
  primary: number;
  replicas: number[];
}

/** CLUSTER SLOTS as owners sorted by first slot; undefined when the reply is not that shape. */
export function slotOwners(reply: RespReply): SlotOwner[] | undefined {
  if (reply.type !== 'array' || reply.value === null) return undefined;
  const owners: SlotOwner[] = [];
  for (const entry of reply.value) {
    if (entry.type !== 'array' || entry.value === null) return undefined;
    const [first, last, ...nodes] = entry.value;
    const ports = nodes.map((node) => (node.type === 'array' && node.value?.[1]?.type === 'integer' ? Number(node.value[1].value) : NaN));
    if (first?.type !== 'integer' || last?.type !== 'integer' || ports.length === 0 || ports.some(Number.isNaN)) return undefined;
    owners.push({ range: [Number(first.value), Number(last.value)], primary: ports[0]!, replicas: ports.slice(1).sort((a, b) => a - b) });
  }
  return owners.sort((a, b) => a.range[0] - b.range[0]);
}

/** Whether two slot maps say the same (owners compared range by range). */
export function sameOwners(a: readonly SlotOwner[], b: readonly SlotOwner[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Whether a node's CLUSTER NODES lists the node `id` as a full member (its handshake done). */
export function knowsNode(clusterNodes: string, id: string): boolean {
  return clusterNodes.split('\n').some((line) => {
    const [lineId, , flags] = line.split(' ');
    return lineId === id && flags !== undefined && !flags.split(',').some((flag) => flag === 'handshake' || flag === 'noaddr');
  });
}

/** A node's own line of CLUSTER NODES (flagged `myself`): its role, its primary's id ('-' for a primary), its slot fields. */
export function ownLine(clusterNodes: string): { role: 'master' | 'slave'; master: string; slots: string } | undefined {
  for (const line of clusterNodes.split('\n')) {
    const [, , flags, master, , , , , ...slots] = line.trim().split(' ');
    const own = flags?.split(',') ?? [];
    if (!own.includes('myself') || master === undefined) continue;
    const role = own.includes('master') ? 'master' : own.includes('slave') ? 'slave' : undefined;
    return role === undefined ? undefined : { role, master, slots: slots.join(' ') };
  }
  return undefined;
}

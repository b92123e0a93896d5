import type { Arg, RespClient } from '../resp/client.js';
import type { RespReply } from '../resp/types.js';
import { drawCompactTable } from '../ui/tables.js';
import { nameArgument, quote } from '../ui/escape.js';
import { wrapText } from '../ui/wrap.js';
import { replMsg } from './messages.js';

/** How many elements `show` draws before it says how many more there are. */
export const SHOW_LIMIT = 20;
/** Longest cell, in characters, before it is cut with an ellipsis. */
const CELL_MAX = 60;

const str = (r: RespReply | undefined): string => (r?.type === 'bulk' ? (r.value?.toString('utf8') ?? '') : r?.type === 'array' ? '' : String(r?.value ?? ''));
const num = (r: RespReply | undefined): number => (r?.type === 'integer' ? Number(r.value) : 0);
const items = (r: RespReply | undefined): RespReply[] => (r?.type === 'array' && r.value !== null ? r.value : []);
const cell = (r: RespReply | undefined): string => {
  const shown = r?.type === 'bulk' && r.value !== null ? quote(r.value) : str(r);
  const chars = Array.from(shown);
  return chars.length > CELL_MAX ? `${chars.slice(0, CELL_MAX - 1).join('')}…` : shown;
};
/** A stream field's name, bare when it reads the same bare (`user`), else quoted and escaped. */
const fieldName = (r: RespReply | undefined): string => (r?.type === 'bulk' && r.value !== null ? nameArgument(r.value) : str(r));
const pairs = (list: RespReply[]): [RespReply, RespReply][] => {
  const out: [RespReply, RespReply][] = [];
  for (let i = 0; i + 1 < list.length; i += 2) out.push([list[i] as RespReply, list[i + 1] as RespReply]);
  return out;
};

/**
 * `show <key>`: the value drawn as what it is (a list with both indexes, a hash as field/value, a sorted
 * set with rank and score ...), with type, TTL and encoding; large values are cut at SHOW_LIMIT with a count.
 * Read-only: TYPE, PTTL, OBJECT ENCODING and one bounded read. The key's name is shown escaped, as a reply
 * is, and the whole fits `columns` (cells cut with "…", the header wrapped at spaces).
 */
export async function renderShow(client: RespClient, key: Buffer | string, columns = process.stdout.columns || Infinity): Promise<string> {
  const call = (...args: Arg[]) => client.call([args[0] as Arg, key, ...args.slice(1)]);
  const [type, pttl, encoding] = await Promise.all([call('TYPE'), call('PTTL'), client.call(['OBJECT', 'ENCODING', key])]);
  // Bare as the learner typed it (`show chat`), quoted and escaped when it holds anything else.
  const name = nameArgument(key);
  const kind = str(type);
  if (kind === 'none') return replMsg.showMissing(key);
  const ms = num(pttl);
  const facts = replMsg.showFacts(kind, ms < 0 ? replMsg.showNoTtl() : replMsg.showTtl(ms), str(encoding));
  const [table, total, shown] = await draw(kind, call, columns);
  const more = total > shown ? `\n${replMsg.showMore(shown, total)}` : '';
  return `${wrapText(`${name}  ${facts}`, columns - 1)}\n${table}${more}\n`;
}

type Call = (...args: Arg[]) => Promise<RespReply>;

/** At least `want` elements from an HSCAN/SSCAN walk (a page may come back empty), in a few calls at most. */
async function scanSome(call: Call, command: 'HSCAN' | 'SSCAN', want: number): Promise<RespReply[]> {
  const found: RespReply[] = [];
  let cursor = '0';
  for (let i = 0; i < 10; i++) {
    const [next, page] = items(await call(command, cursor, 'COUNT', String(SHOW_LIMIT)));
    found.push(...items(page));
    cursor = str(next);
    if (cursor === '0' || found.length >= want) break;
  }
  return found;
}

async function draw(kind: string, call: Call, columns: number): Promise<[string, number, number]> {
  const table = (head: string[], rows: string[][]) => drawCompactTable(head, rows, columns);
  const last = String(SHOW_LIMIT - 1);
  switch (kind) {
    case 'string': {
      const value = await call('GETRANGE', '0', '1023');
      const length = num(await call('STRLEN'));
      const bytes = value.type === 'bulk' && value.value !== null ? value.value : Buffer.alloc(0);
      const valid = Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes);
      const chars = bytes.length < length ? 'cut' : valid ? Array.from(bytes.toString('utf8')).length : undefined;
      return [table([replMsg.colValue(), replMsg.colSize()], [[cell(value), replMsg.showStringSize(length, chars)]]), 1, 1];
    }
    case 'list': {
      const [len, range] = await Promise.all([call('LLEN'), call('LRANGE', '0', last)]);
      const total = num(len);
      const rows = items(range).map((v, i) => [String(i), String(i - total), cell(v)]);
      return [table([replMsg.colIndex(), replMsg.colFromEnd(), replMsg.colValue()], rows), total, rows.length];
    }
    case 'hash': {
      const [len, scanned] = await Promise.all([call('HLEN'), scanSome(call, 'HSCAN', SHOW_LIMIT * 2)]);
      const rows = pairs(scanned).slice(0, SHOW_LIMIT).map(([f, v]) => [cell(f), cell(v)]);
      return [table([replMsg.colField(), replMsg.colValue()], rows), num(len), rows.length];
    }
    case 'set': {
      const [len, scanned] = await Promise.all([call('SCARD'), scanSome(call, 'SSCAN', SHOW_LIMIT)]);
      const rows = scanned.slice(0, SHOW_LIMIT).map((m) => [cell(m)]);
      rows.sort((a, b) => (a[0] as string).localeCompare(b[0] as string));
      return [table([replMsg.colMemberNoOrder()], rows), num(len), rows.length];
    }
    case 'zset': {
      const [len, range] = await Promise.all([call('ZCARD'), call('ZRANGE', '0', last, 'WITHSCORES')]);
      const rows = pairs(items(range)).map(([m, s], i) => [String(i), cell(m), str(s)]);
      return [table([replMsg.colRank(), replMsg.colMember(), replMsg.colScore()], rows), num(len), rows.length];
    }
    case 'stream': {
      const [len, range] = await Promise.all([call('XLEN'), call('XRANGE', '-', '+', 'COUNT', String(SHOW_LIMIT))]);
      const rows = items(range).map((entry) => {
        const [id, fields] = items(entry);
        return [str(id), pairs(items(fields)).map(([f, v]) => `${fieldName(f)}=${cell(v)}`).join(' ')];
      });
      return [table([replMsg.colId(), replMsg.colFields()], rows), num(len), rows.length];
    }
    default:
      return [replMsg.showUnsupported(kind), 0, 0];
  }
}

import type { RespReply } from '../resp/types.js';
import { escapeText, quote } from '../ui/escape.js';

export { quote };

/**
 * Replies as redis-cli prints them. `human` is `redis-cli --no-raw` (cliFormatReplyTTY) with one deliberate
 * difference: valid UTF-8 text is shown as characters ("안녕"), not \xHH bytes. `raw` is `redis-cli --raw`.
 * Every result ends with a newline, as redis-cli's output does.
 */
export type OutputMode = 'human' | 'raw';

export function formatReply(reply: RespReply, mode: OutputMode): string {
  return mode === 'human' ? human(reply, '') : `${raw(reply)}\n`;
}

function human(reply: RespReply, prefix: string): string {
  switch (reply.type) {
    case 'error':
      // redis-cli prints an error's text raw; a control byte in it (an echoed command name) is escaped here.
      return `(error) ${escapeText(reply.value)}\n`;
    case 'simple':
      return `${reply.value}\n`;
    case 'integer':
      return `(integer) ${reply.value}\n`;
    case 'bulk':
      return reply.value === null ? '(nil)\n' : `${quote(reply.value)}\n`;
    case 'array': {
      const items = reply.value;
      if (items === null) return '(nil)\n';
      if (items.length === 0) return '(empty array)\n';
      const width = String(items.length).length;
      // Nested replies hang under their parent's label: the parent's prefix plus the label width plus ") ".
      const childPrefix = prefix + ' '.repeat(width + 2);
      return items
        .map((item, i) => `${i === 0 ? '' : prefix}${String(i + 1).padStart(width)}) ${human(item, childPrefix)}`)
        .join('');
    }
  }
}

/**
 * `--raw` output as bytes: the same text as `formatReply(reply, 'raw')`, but as a latin1 "binary string"
 * (one character per byte), so that a value that is not UTF-8 is written out unchanged, as redis-cli does.
 * Write it with the 'latin1' encoding.
 */
export function formatRawBytes(reply: RespReply, verbatim = false): string {
  const text = rawBytes(reply);
  return verbatim ? text : `${text}\n`;
}

function rawBytes(reply: RespReply): string {
  switch (reply.type) {
    case 'bulk':
      return reply.value === null ? '' : reply.value.toString('latin1');
    case 'array':
      return (reply.value ?? []).map(rawBytes).join('\n');
    default:
      return asBytes(raw(reply));
  }
}

/** Text as a latin1 "binary string" of its UTF-8 bytes, to sit beside formatRawBytes output. */
export function asBytes(text: string): string {
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(text) ? text : Buffer.from(text, 'utf8').toString('latin1');
}

function raw(reply: RespReply): string {
  switch (reply.type) {
    case 'error':
      return `${reply.value}\n`;
    case 'simple':
      return reply.value;
    case 'integer':
      return String(reply.value);
    case 'bulk':
      return reply.value === null ? '' : reply.value.toString('utf8');
    case 'array':
      return (reply.value ?? []).map(raw).join('\n');
  }
}

/**
 * Commands whose reply redis-cli prints verbatim even in human mode (INFO, CLIENT LIST ...), because
 * their text is meant to be read as is.
 */
export function printsVerbatim(args: readonly (Buffer | string)[], name?: string): boolean {
  const cmd = name ?? args[0]?.toString().toLowerCase() ?? '';
  if (!VERBATIM_FIRST.has(cmd)) return false;
  const sub = args[1]?.toString().toLowerCase();
  const n = args.length;
  return (
    cmd === 'info' ||
    cmd === 'lolwut' ||
    (n >= 2 && cmd === 'debug' && (sub === 'htstats' || sub === 'htstats-key')) ||
    (n >= 2 && cmd === 'memory' && (sub === 'malloc-stats' || sub === 'doctor')) ||
    (n === 2 && cmd === 'cluster' && (sub === 'nodes' || sub === 'info')) ||
    (n >= 2 && cmd === 'client' && (sub === 'list' || sub === 'info')) ||
    (n === 3 && cmd === 'latency' && sub === 'graph') ||
    (n === 2 && cmd === 'latency' && sub === 'doctor') ||
    (n >= 2 && cmd === 'proxy' && sub === 'info')
  );
}

const VERBATIM_FIRST = new Set(['info', 'lolwut', 'debug', 'memory', 'cluster', 'client', 'latency', 'proxy']);

/**
 * What the REPL prints for one reply to `args`: the mode's format, or verbatim for INFO and friends.
 * `name` is the lower-cased command name when the caller has it already.
 */
export function formatForCommand(args: readonly (Buffer | string)[], reply: RespReply, mode: OutputMode, name?: string): string {
  return printsVerbatim(args, name) ? raw(reply) : formatReply(reply, mode);
}

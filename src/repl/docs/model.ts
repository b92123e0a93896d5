import type { RespReply } from '../../resp/types.js';

/** One command's documentation, from the server's COMMAND DOCS or the copy shipped with the tutor. */
export interface CommandDoc {
  /** Upper-case name; a subcommand is "CONFIG GET". */
  name: string;
  summary: string;
  since: string;
  group: string;
  complexity?: string;
  /** The arguments after the name, as redis.io writes them: `key value [NX | XX] [GET]`. */
  syntax: string;
  /** Keywords the arguments accept (NX, XX, EX, WITHSCORES ...), for Tab completion. */
  tokens: string[];
  /** Upper-case subcommand names (GET, SET for CONFIG). */
  subcommands: string[];
}

interface ArgDoc {
  name: string;
  type: string;
  token?: string;
  optional: boolean;
  multiple: boolean;
  multipleToken: boolean;
  children: ArgDoc[];
}

/** Reads a flat [key, value, key, value ...] RESP2 map. */
function entries(reply: RespReply | undefined): Map<string, RespReply> {
  const map = new Map<string, RespReply>();
  if (reply?.type !== 'array' || reply.value === null) return map;
  for (let i = 0; i + 1 < reply.value.length; i += 2) map.set(text(reply.value[i]), reply.value[i + 1] as RespReply);
  return map;
}

function text(reply: RespReply | undefined): string {
  if (reply === undefined) return '';
  if (reply.type === 'bulk') return reply.value?.toString('utf8') ?? '';
  if (reply.type === 'array') return '';
  return String(reply.value);
}

function list(reply: RespReply | undefined): RespReply[] {
  return reply?.type === 'array' && reply.value !== null ? reply.value : [];
}

function parseArg(reply: RespReply): ArgDoc {
  const m = entries(reply);
  const flags = list(m.get('flags')).map(text);
  const arg: ArgDoc = {
    name: text(m.get('display_text')) || text(m.get('name')),
    type: text(m.get('type')),
    optional: flags.includes('optional'),
    multiple: flags.includes('multiple'),
    multipleToken: flags.includes('multiple_token'),
    children: list(m.get('arguments')).map(parseArg),
  };
  const token = text(m.get('token'));
  if (token !== '') arg.token = token;
  return arg;
}

/** An argument as redis.io shows it: `[EX seconds | PX milliseconds]`, `key [key ...]`. */
function render(arg: ArgDoc): string {
  let core: string;
  if (arg.type === 'pure-token') core = arg.token ?? arg.name;
  else if (arg.type === 'oneof') core = arg.children.map(render).join(' | ');
  else if (arg.type === 'block') core = arg.children.map(render).join(' ');
  else core = arg.name;
  if (arg.token !== undefined && arg.type !== 'pure-token') core = `${arg.token} ${core}`;
  if (arg.multiple) {
    const again = arg.multipleToken || arg.token === undefined ? core : core.slice(arg.token.length + 1);
    core = `${core} [${again} ...]`;
  }
  if (arg.optional) return `[${core}]`;
  return arg.type === 'oneof' ? `<${core}>` : core;
}

function tokensOf(args: ArgDoc[]): string[] {
  return args.flatMap((a) => [...(a.token !== undefined ? [a.token.toUpperCase()] : []), ...tokensOf(a.children)]);
}

/** Turns a COMMAND DOCS reply into docs, subcommands included ("CONFIG GET"). */
export function parseCommandDocs(reply: RespReply, parent?: string): CommandDoc[] {
  const out: CommandDoc[] = [];
  for (const [rawName, value] of entries(reply)) {
    const m = entries(value);
    const name = rawName.replace('|', ' ').toUpperCase();
    const args = list(m.get('arguments')).map(parseArg);
    const subs = parseCommandDocs(m.get('subcommands') ?? { type: 'array', value: [] }, name);
    const doc: CommandDoc = {
      name,
      summary: text(m.get('summary')),
      since: text(m.get('since')),
      group: text(m.get('group')),
      syntax: args.map(render).join(' '),
      tokens: [...new Set(tokensOf(args))],
      // Sorted: the server lists subcommands in a per-process hash order.
      subcommands: subs.map((s) => s.name.slice(name.length + 1)).sort(),
    };
    const complexity = text(m.get('complexity'));
    if (complexity !== '') doc.complexity = complexity;
    if (parent === undefined || name.startsWith(`${parent} `)) out.push(doc, ...subs);
  }
  return out;
}

/** Splits a syntax string into its top-level arguments, brackets kept together. */
export function syntaxParts(syntax: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of syntax) {
    if (c === '[' || c === '<') depth++;
    if (c === ']' || c === '>') depth--;
    if (c === ' ' && depth === 0) {
      if (current !== '') parts.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  if (current !== '') parts.push(current);
  return parts;
}

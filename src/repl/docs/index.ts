import type { RespClient } from '../../resp/client.js';
import { EXAMPLES } from './examples.js';
import { FALLBACK_DOCS } from './fallback.js';
import { parseCommandDocs, type CommandDoc } from './model.js';

export type { CommandDoc };

/** Command docs by upper-case name ("SET", "CONFIG GET"): the server's own, else the tutor's copy. */
export class DocsIndex {
  private readonly byName = new Map<string, CommandDoc>();

  constructor(docs: CommandDoc[], readonly fromServer: boolean) {
    for (const doc of FALLBACK_DOCS) this.byName.set(doc.name, doc);
    for (const doc of docs) this.byName.set(doc.name, doc);
  }

  get(name: string): CommandDoc | undefined {
    return this.byName.get(name.toUpperCase());
  }

  /** Top-level command names, sorted. */
  commands(): string[] {
    return [...this.byName.keys()].filter((n) => !n.includes(' ')).sort();
  }

  inGroup(group: string): CommandDoc[] {
    const wanted = group.toLowerCase();
    return [...this.byName.values()].filter((d) => d.group === wanted && !d.name.includes(' ')).sort((a, b) => a.name.localeCompare(b.name));
  }

  groups(): string[] {
    return [...new Set([...this.byName.values()].map((d) => d.group))].filter(Boolean).sort();
  }

  example(name: string): string | undefined {
    return EXAMPLES[name.toUpperCase()];
  }

  /** `SET key value [NX | XX] ...`: the name with its syntax. */
  usage(name: string): string | undefined {
    const doc = this.get(name);
    return doc === undefined ? undefined : `${doc.name}${doc.syntax ? ` ${doc.syntax}` : ''}`;
  }
}

/** The tutor's copy alone, for when there is no server to ask (tests, the coach's pure use). */
export const fallbackDocs = (): DocsIndex => new DocsIndex([], false);

/** Asks the server for COMMAND DOCS (Redis 7+); keeps the shipped copy when it cannot answer. */
export async function loadDocs(client: RespClient): Promise<DocsIndex> {
  try {
    const reply = await client.call(['COMMAND', 'DOCS']);
    if (reply.type === 'array') return new DocsIndex(parseCommandDocs(reply), true);
  } catch {
    // A closed connection: the shipped copy will do.
  }
  return fallbackDocs();
}

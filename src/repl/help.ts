import type { RespClient } from '../resp/client.js';
import { loadDocs, type DocsIndex } from './docs/index.js';
import { replMsg } from './messages.js';

/**
 * `help`, `help <command>`, `help @<group>`: what redis-cli's help shows (syntax, summary, since, group)
 * plus complexity and an example, from the server's COMMAND DOCS or the tutor's copy.
 */
export function helpText(docs: DocsIndex, topic: string): string {
  const words = topic.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return replMsg.helpIntro(docs.groups());
  const first = words[0] as string;
  if (first.startsWith('@')) {
    const group = first.slice(1);
    const members = docs.inGroup(group);
    if (members.length === 0) return replMsg.unknownGroup(group, docs.groups());
    return members.map((d) => describe(docs, d.name, false)).join('\n');
  }
  const name = words.slice(0, 2).join(' ');
  const doc = docs.get(name) ?? docs.get(first);
  const own = replMsg.tutorCommandHelp(first.toLowerCase());
  if (doc === undefined && own !== undefined) return own;
  if (doc === undefined) return replMsg.unknownHelp(first);
  return describe(docs, doc.name, true);
}

function describe(docs: DocsIndex, name: string, full: boolean): string {
  const doc = docs.get(name);
  if (doc === undefined) return '';
  const lines = [`\n  ${docs.usage(name)}`, `  ${replMsg.helpSummary()}: ${doc.summary}`, `  ${replMsg.helpSince()}: ${doc.since}`, `  ${replMsg.helpGroup()}: ${doc.group}`];
  if (full) {
    if (doc.complexity !== undefined) lines.push(`  ${replMsg.helpComplexity()}: ${doc.complexity}`);
    if (doc.subcommands.length > 0) lines.push(`  ${replMsg.helpSubcommands()}: ${doc.subcommands.join(', ')}`);
    const example = docs.example(doc.name);
    if (example !== undefined) lines.push(`  ${replMsg.helpExample()}: ${example}`);
  }
  return `${lines.join('\n')}\n`;
}

/** For the course runner: asks the server for its docs, then answers `help <topic>`. */
export async function renderHelp(client: RespClient, topic: string): Promise<string> {
  return helpText(await loadDocs(client), topic);
}

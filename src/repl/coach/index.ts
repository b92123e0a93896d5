import type { Arg, RespClient } from '../../resp/client.js';
import type { RespReply } from '../../resp/types.js';
import { COACH_RULES, type CoachRule } from './rules.js';

export { COACH_RULES, type CoachRule, type CoachContext } from './rules.js';

/** The probes one command needs, and which rules asked for them. */
export interface CoachPlan {
  args: Buffer[];
  rules: { rule: CoachRule; before: [number, number]; after: [number, number] }[];
  before: Arg[][];
  after: Arg[][];
}

/**
 * Runs the rule table: `plan` lists the read-only probes to send around a command, `note` picks at most one
 * note from the replies. `run` does both on a client, pipelined, for the REPL and the course runner alike.
 */
export class Coach {
  private readonly said = new Set<string>();

  constructor(
    private readonly usage: (name: string) => string | undefined = () => undefined,
    private readonly rules: CoachRule[] = COACH_RULES,
  ) {}

  plan(args: Buffer[]): CoachPlan {
    const name = args[0]?.toString().toUpperCase() ?? '';
    const plan: CoachPlan = { args, rules: [], before: [], after: [] };
    for (const rule of this.rules) {
      if (!rule.commands.includes(name) && !rule.commands.includes('*')) continue;
      if (rule.once && this.said.has(rule.id)) continue;
      const before = rule.before?.(args) ?? [];
      const after = rule.after?.(args) ?? [];
      plan.rules.push({ rule, before: [plan.before.length, plan.before.length + before.length], after: [plan.after.length, plan.after.length + after.length] });
      plan.before.push(...before);
      plan.after.push(...after);
    }
    return plan;
  }

  /** The first rule's note, if any; a `once` rule is then not asked again this session. */
  note(plan: CoachPlan, reply: RespReply, before: RespReply[], after: RespReply[]): string | undefined {
    const args = plan.args.map((a) => a.toString('utf8'));
    const name = (args[0] ?? '').toUpperCase();
    for (const { rule, before: b, after: a } of plan.rules) {
      const text = rule.note({ args, name, reply, before: before.slice(...b), after: after.slice(...a), usage: this.usage });
      if (text !== undefined) {
        if (rule.once) this.said.add(rule.id);
        return text;
      }
    }
    return undefined;
  }

  /**
   * Sends the probes, the command and the after-probes back to back (written at once, so it pipelines with
   * other calls) and resolves with the command's reply and the note. Not for use inside MULTI or subscribed mode.
   */
  run(client: RespClient, args: Buffer[]): Promise<{ reply: RespReply; note?: string }> {
    const plan = this.plan(args);
    const before = plan.before.map((p) => client.call(p));
    const main = client.call(args);
    const after = plan.after.map((p) => client.call(p));
    return Promise.all([main, Promise.all(before), Promise.all(after)]).then(([reply, b, a]) => {
      const note = this.note(plan, reply, b, a);
      return note === undefined ? { reply } : { reply, note };
    });
  }
}

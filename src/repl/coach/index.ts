import type { Arg, RespClient } from '../../resp/client.js';
import type { RespReply } from '../../resp/types.js';
import { COACH_RULES, type CoachContext, type CoachRule } from './rules.js';

export { COACH_RULES, type CoachRule, type CoachContext } from './rules.js';

/** The rules that look at one command and the probes they want sent before it. */
export interface CoachPlan {
  args: Arg[];
  rules: CoachRule[];
  /** For each rule, where its probes' replies start and end in `before`. */
  ranges: [number, number][];
  before: Arg[][];
}

type Ran = { reply: RespReply; note?: string };
const NONE: RespReply[] = [];
const EMPTY_RANGE: [number, number] = [0, 0];

/**
 * Runs the rule table: `plan` lists the read-only probes to send before a command, `followUp` the ones its
 * reply calls for, `note` picks at most one note. `run` does it all on a client, pipelined, for the REPL
 * and the course runner alike.
 */
export class Coach {
  private readonly said = new Set<string>();
  private readonly byCommand = new Map<string, CoachRule[]>();

  /**
   * @param usage the syntax of a command, for the arity note
   * @param options.probes send the rules' `before` probes; pipe mode turns them off (rules that need them
   *   stay silent) so that a long file pipelines at full speed. @default true
   */
  constructor(
    private readonly usage: (name: string) => string | undefined = () => undefined,
    private readonly options: { probes?: boolean; rules?: CoachRule[] } = {},
  ) {}

  /** The rules for a command name, in table order (computed once per name). */
  private rulesFor(name: string): CoachRule[] {
    let rules = this.byCommand.get(name);
    if (rules === undefined) {
      rules = (this.options.rules ?? COACH_RULES).filter(
        (r) => (r.commands.includes(name) || r.commands.includes('*')) && !(r.before !== undefined && this.options.probes === false),
      );
      this.byCommand.set(name, rules);
    }
    return rules;
  }

  plan(args: Arg[]): CoachPlan {
    const name = args[0]?.toString().toUpperCase() ?? '';
    const rules = this.rulesFor(name);
    if (rules.every((r) => r.before === undefined && !(r.once && this.said.has(r.id)))) {
      // Nothing to send first (pipe mode, most commands): the plan is the rule list itself.
      return { args, rules, ranges: rules.map(() => EMPTY_RANGE), before: [] };
    }
    const plan: CoachPlan = { args, rules: [], ranges: [], before: [] };
    for (const rule of rules) {
      if (rule.once && this.said.has(rule.id)) continue;
      const start = plan.before.length;
      if (rule.before !== undefined) plan.before.push(...rule.before(args));
      plan.rules.push(rule);
      plan.ranges.push([start, plan.before.length]);
    }
    return plan;
  }

  /** The probes the reply calls for, per planned rule. */
  followUp(plan: CoachPlan, reply: RespReply): Arg[][][] {
    return plan.rules.map((rule) => rule.after?.(plan.args, reply) ?? []);
  }

  /** The first rule's note, if any; a `once` rule is then not asked again this session. */
  note(plan: CoachPlan, reply: RespReply, before: RespReply[], after: RespReply[][]): string | undefined {
    const ctx: CoachContext = {
      args: plan.args.map((a) => (typeof a === 'string' ? a : a.toString('utf8'))),
      name: plan.args[0]?.toString('utf8').toUpperCase() ?? '',
      reply,
      before: NONE,
      after: NONE,
      usage: this.usage,
    };
    for (let i = 0; i < plan.rules.length; i++) {
      const rule = plan.rules[i] as CoachRule;
      // Pipelined lines were planned before an earlier one said this.
      if (rule.once && this.said.has(rule.id)) continue;
      const [from, to] = plan.ranges[i] as [number, number];
      ctx.before = from === to ? NONE : before.slice(from, to);
      ctx.after = after[i] ?? NONE;
      const text = rule.note(ctx);
      if (text !== undefined) {
        if (rule.once) this.said.add(rule.id);
        return text;
      }
    }
    return undefined;
  }

  /**
   * Sends the probes and the command back to back (written at once, so it pipelines with other calls), then
   * any probes the reply calls for; resolves with the command's reply and the note. The reply itself is
   * never changed. Not for use inside MULTI or subscribed mode, where probes would be queued or refused.
   */
  run(client: RespClient, args: Arg[]): Promise<Ran> {
    const plan = this.plan(args);
    if (plan.before.length > 0) return this.probed(client, plan);
    // No probes first (most commands): one call, and follow-ups only when the reply asks for them.
    const reply = client.call(args);
    const mark = client.sent;
    return reply.then((r) => {
      for (const rule of plan.rules) if (rule.after !== undefined && rule.after(args, r).length > 0) return this.finish(client, plan, r, NONE, mark);
      const note = this.note(plan, r, NONE, []);
      return note === undefined ? { reply: r } : { reply: r, note };
    });
  }

  private async probed(client: RespClient, plan: CoachPlan): Promise<Ran> {
    const before = Promise.all(plan.before.map((p) => client.call(p)));
    const reply = client.call(plan.args);
    const mark = client.sent;
    return this.finish(client, plan, await reply, await before, mark);
  }

  /** Sends the follow-up probes, unless commands went out after this one (`mark`): then they could mislead. */
  private async finish(client: RespClient, plan: CoachPlan, reply: RespReply, before: RespReply[], mark: number): Promise<Ran> {
    const fresh = client.sent === mark;
    const after = fresh ? await Promise.all(this.followUp(plan, reply).map((probes) => Promise.all(probes.map((p) => client.call(p))))) : [];
    const note = this.note(plan, reply, before, after);
    return note === undefined ? { reply } : { reply, note };
  }
}

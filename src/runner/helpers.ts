import type { Endpoint } from '../connection/options.js';
import { formatForCommand, formatReply } from '../repl/format.js';
import { RespClient } from '../resp/client.js';
import type { RespReply } from '../resp/types.js';
import { SHARED_NOTHING, type Channels } from './channels.js';
import type { ReceivedMessage } from './checks.js';

/** How long a helper's blocking command gets to answer at once before its reply is left to arrive later. */
const QUICK_MS = 50;
/** How long a listening helper gets to receive what a command just caused (a PUBLISH, an RPUSH). */
const SETTLE_MS = 30;

const delay = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** `(B) 1) "message"` with the reply's further lines under the first: a helper's output, told apart. */
export function labelled(on: string, text: string): string {
  const [first = '', ...rest] = text.replace(/\n$/, '').split('\n');
  const pad = ' '.repeat(on.length + 3);
  return [`(${on}) ${first}`, ...rest.map((l) => `${pad}${l}`)].join('\n');
}

/**
 * The lesson's helper connections (B, C ...): same server, same playground database, opened when a line
 * first names one. A helper may subscribe or block; what it receives later (messages, a BLPOP answered by
 * someone's push) is queued as labelled text for the runner to print in arrival order.
 */
export class HelperConnections {
  private readonly open = new Map<string, Promise<RespClient>>();
  private queue: string[] = [];
  /** Pub/sub messages received since the helpers opened (R2's `received` check). */
  private messages: ReceivedMessage[] = [];
  /** Helpers whose blocking command has not answered yet: anything sent on one would wait behind it. */
  private readonly waiting = new Set<string>();

  constructor(
    private readonly endpoint: Endpoint,
    private readonly db: number,
    private readonly channels: Channels = SHARED_NOTHING,
  ) {}

  async run(on: string, args: Buffer[], blocking: boolean): Promise<{ reply: RespReply; text: string; pending?: Promise<string> }> {
    const client = await this.connect(on);
    const answer = client.call(this.channels.wrap(args)).then((reply) => this.channels.strip(reply));
    const format = (reply: RespReply) => formatForCommand(args, reply, 'human').replace(/\n$/, '');
    if (!blocking) {
      const reply = await answer;
      return { reply, text: format(reply) };
    }
    // The data may be there already, and then it answers at once, like any command.
    const quick = await Promise.race([answer, delay(QUICK_MS).then(() => undefined)]);
    if (quick !== undefined) return { reply: quick, text: format(quick) };
    this.waiting.add(on);
    const pending = answer.then(
      (reply) => {
        this.waiting.delete(on);
        const text = format(reply);
        this.queue.push(labelled(on, text));
        return text;
      },
      () => {
        this.waiting.delete(on);
        return '';
      },
    );
    return { reply: { type: 'bulk', value: null }, text: '', pending };
  }

  /** True while `on` waits in a blocking command. */
  busy(on: string): boolean {
    return this.waiting.has(on);
  }

  drain(): string[] {
    return this.queue.splice(0);
  }

  /** Adds a line of the tutor's own to what is printed next (another client's write, R19). */
  note(text: string): void {
    this.queue.push(text);
  }

  /** The pub/sub messages every helper received since they opened. */
  received(): readonly ReceivedMessage[] {
    return this.messages;
  }

  async settle(): Promise<void> {
    if (this.waiting.size > 0 || (await this.anySubscribed())) await delay(SETTLE_MS);
  }

  closeAll(): void {
    for (const opening of this.open.values()) void opening.then((c) => c.close(), () => undefined);
    this.open.clear();
    this.queue = [];
    this.messages = [];
    this.waiting.clear();
  }

  private async anySubscribed(): Promise<boolean> {
    for (const opening of this.open.values()) if ((await opening.catch(() => undefined))?.subscribed) return true;
    return false;
  }

  private connect(on: string): Promise<RespClient> {
    let opening = this.open.get(on);
    if (opening === undefined) {
      opening = RespClient.connect(this.endpoint, { db: this.db }).then((client) => {
        client.onPush((pushed) => {
          const reply = this.channels.strip(pushed);
          const message = asMessage(on, reply);
          if (message) this.messages.push(message);
          this.queue.push(labelled(on, formatReply(reply, 'human')));
        });
        return client;
      });
      this.open.set(on, opening);
    }
    return opening;
  }
}

/** A pushed `message`, `pmessage` or `smessage`, as the `received` check reads it; undefined for anything else. */
function asMessage(on: string, reply: RespReply): ReceivedMessage | undefined {
  if (reply.type !== 'array' || reply.value === null) return undefined;
  const text = reply.value.map((r) => (r.type === 'bulk' && r.value !== null ? r.value.toString('utf8') : undefined));
  const [kind, ...rest] = text;
  if ((kind === 'message' || kind === 'smessage') && rest.length === 2 && rest.every((t) => t !== undefined)) return { on, channel: rest[0]!, message: rest[1]! };
  if (kind === 'pmessage' && rest.length === 3 && rest.every((t) => t !== undefined)) return { on, pattern: rest[0]!, channel: rest[1]!, message: rest[2]! };
  return undefined;
}

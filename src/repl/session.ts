import { mayTakeMarker } from '../connection/marker-guard.js';
import { address, type Endpoint } from '../connection/options.js';
import { ConnectionClosedError, RespClient, type Arg } from '../resp/client.js';
import type { RespReply } from '../resp/types.js';
import { Coach } from './coach/index.js';
import { fallbackDocs, loadDocs, type DocsIndex } from './docs/index.js';
import { asBytes, formatForCommand, formatRawBytes, formatReply, printsVerbatim, type OutputMode } from './format.js';
import { replMsg } from './messages.js';
import { BAD_REPEAT, INVALID_ARGUMENTS, parseCommandLineLoose, type ParsedLine } from './parse.js';
import { danger, vetDanger } from './safety.js';
import { MAX_REDIRECTS, redirectedLine, redirectOf } from '../cluster/redirect.js';

/** What one line produced: reply text for stdout, a coach note, messages for stderr, or the wish to leave. */
export interface LineResult {
  out: string;
  note?: string;
  err?: string;
  quit?: boolean;
  clear?: boolean;
}

export interface SessionOptions {
  endpoint: Endpoint;
  db: number;
  /** The tutor started this server: dangerous commands run without asking. */
  owned: boolean;
  mode: OutputMode;
  coach: boolean;
  /** Let the coach send read-only probes before commands (interactive); off in pipe mode, for speed. @default true */
  coachProbes?: boolean;
  /** Run dangerous commands on a foreign server without asking (--yes). */
  yes: boolean;
  /** Asks the learner a yes/no question (interactive mode); absent in pipe mode, where the answer is no. */
  confirm?: (question: string) => Promise<boolean>;
  /** A Redis Cluster node: MOVED and ASK are followed as redis-cli -c follows them, one line at a time. */
  cluster?: boolean;
  /**
   * Puts the playground marker back (on its own connection, in the playground database whatever this one
   * has SELECTed). Given only on a playground the tutor claimed; called after the reply of each command
   * that may have taken the marker (see mayTakeMarker), before that line's result is handed on and before
   * the next line is sent.
   */
  keepMarker?: () => Promise<void>;
}

/**
 * One REPL connection and its state (database, MULTI, subscribed), shared by pipe mode and the interactive
 * loop. Lines are sent strictly in order but their replies are awaited independently, so a caller that
 * does not wait for each result pipelines.
 */
export class Session {
  client: RespClient | undefined;
  db: number;
  inMulti = false;
  connected = false;
  /** Set by quit/exit: later lines (already read in pipe mode) are ignored. */
  stopped = false;
  private interrupted = false;
  private readonly coach: Coach;
  private docsPromise: Promise<DocsIndex> | undefined;
  private docsLoaded: DocsIndex | undefined;
  private reconnecting: Promise<void> | undefined;
  private gate: Promise<void> = Promise.resolve();
  /** Lines waiting their turn to send (help, show, a confirmation, a reconnect ahead of them). */
  private sending = 0;
  private readonly pushHandlers: ((reply: RespReply) => void)[] = [];
  private readonly lostHandlers: ((message: string) => void)[] = [];
  /** Lines whose replies are awaited: a connection lost meanwhile is told by their results, not announced too. */
  private awaiting = 0;
  /** The result of the last line sent; replies come in order, so when it settles every earlier one has. */
  private lastReply: Promise<unknown> = Promise.resolve();

  constructor(readonly options: SessionOptions) {
    this.db = options.db;
    const shipped = fallbackDocs();
    this.coach = new Coach((name) => (this.docsLoaded ?? shipped).usage(name), { probes: options.coachProbes !== false });
  }

  get where(): string {
    return address(this.options.endpoint);
  }

  get subscribed(): boolean {
    return this.client?.subscribed ?? false;
  }

  /** redis-cli's prompt: `127.0.0.1:6379[15](TX)> `. */
  /**
   * How `out` texts are to be written: in raw mode they are latin1 "binary strings" (one character per
   * byte) so that values that are not UTF-8 reach stdout unchanged.
   */
  get encoding(): 'utf8' | 'latin1' {
    return this.options.mode === 'raw' ? 'latin1' : 'utf8';
  }

  /** A reply as this session prints it (also used for Pub/Sub messages). */
  format(args: readonly Arg[], reply: RespReply, name?: string): string {
    if (this.options.mode === 'raw') return formatRawBytes(reply, printsVerbatim(args, name));
    return formatForCommand(args, reply, 'human', name);
  }

  formatPush(reply: RespReply): string {
    return this.options.mode === 'raw' ? formatRawBytes(reply) : formatReply(reply, 'human');
  }

  /** The tutor's own text for stdout, in the session's encoding. */
  private text(out: string): string {
    return this.options.mode === 'raw' ? asBytes(out) : out;
  }

  prompt(): string {
    if (!this.connected) return 'not connected> ';
    const db = this.db !== 0 ? `[${this.db}]` : '';
    return `${this.where}${db}${this.inMulti ? '(TX)' : ''}${this.subscribed ? '(subscribed mode)' : ''}> `;
  }

  onPush(handler: (reply: RespReply) => void): void {
    this.pushHandlers.push(handler);
  }

  /** Told when the connection drops between commands (the REPL says so at once). */
  onLost(handler: (message: string) => void): void {
    this.lostHandlers.push(handler);
  }

  async connect(): Promise<void> {
    const client = await RespClient.connect(this.options.endpoint, { db: this.db });
    client.onPush((r) => this.pushHandlers.forEach((h) => h(r)));
    client.onClose(() => {
      // A connection left for the node a redirect named is not a connection lost.
      if (this.client !== undefined && this.client !== client) return;
      this.connected = false;
      this.inMulti = false;
      if (this.awaiting === 0) this.lostHandlers.forEach((h) => h(replMsg.connectionLost(this.where)));
    });
    this.client = client;
    this.connected = true;
  }

  /** The docs, loaded from the server once (COMMAND DOCS), for help, hints, completion and the arity note. */
  docs(): Promise<DocsIndex> {
    // Inside MULTI the COMMAND DOCS would be queued into the learner's transaction; use the shipped copy.
    if (this.docsPromise === undefined && (this.inMulti || this.subscribed)) return Promise.resolve(this.docsLoaded ?? fallbackDocs());
    if (this.docsPromise === undefined) {
      this.docsPromise = this.ensureConnected()
        .then(() => loadDocs(this.client as RespClient))
        .catch(() => fallbackDocs());
      void this.docsPromise.then((d) => (this.docsLoaded = d));
    }
    return this.docsPromise;
  }

  close(): void {
    this.client?.close();
  }

  /** Dangerous commands on a foreign server are asked about with this (interactive mode) instead of refused. */
  askWith(confirm: (question: string) => Promise<boolean>): void {
    this.options.confirm = confirm;
  }

  /**
   * Ctrl+C while a command waits (BLPOP 0, a slow KEYS): drops the connection, which is the only way to stop
   * waiting for a reply; the next command reconnects, as redis-cli does after its Ctrl+C.
   */
  interrupt(): void {
    if (this.client === undefined || this.client.closed) return;
    this.interrupted = true;
    this.connected = false;
    this.inMulti = false;
    this.client.close();
  }

  /**
   * Runs one line. Sending waits for the previous line's sending only, never for its reply. A plain command
   * with nothing waiting ahead of it is sent at once, without the queue (pipe mode's common case).
   */
  execute(line: string): Promise<LineResult> {
    if (this.sending === 0) {
      const parsed = parseCommandLineLoose(line);
      const now = this.immediate(parsed);
      if (now !== undefined) return Promise.resolve(now);
      if (parsed.kind === 'command') {
        const name = parsed.args[0]?.toString().toLowerCase() ?? '';
        if (this.canSendNow(parsed.args, name)) return this.send(parsed.args, parsed.repeat, name);
      }
    }
    this.sending++;
    const previous = this.gate;
    let open!: () => void;
    this.gate = new Promise((r) => (open = r));
    let released = false;
    const sent = () => {
      if (released) return;
      released = true;
      this.sending--;
      open();
    };
    return previous.then(() => this.run(line, sent)).finally(sent);
  }

  /** Lines answered without the server: blank, unsplittable, quit, and what the tutor refuses. */
  private immediate(parsed: ParsedLine<Arg>): LineResult | undefined {
    if (this.stopped) return { out: '' };
    if (parsed.kind === 'empty') return { out: '' };
    if (parsed.kind === 'invalid') return { out: `${INVALID_ARGUMENTS}\n` };
    if (parsed.kind === 'bad-repeat') return { out: `${BAD_REPEAT}\n` };
    const { args } = parsed;
    const name = args[0]?.toString().toLowerCase() ?? '';
    if (args.length === 1 && (name === 'quit' || name === 'exit')) {
      this.stopped = true;
      return { out: '', quit: true };
    }
    if (args.length === 1 && name === 'clear') return { out: '', clear: true };
    if (name === 'hello' && args[1]?.toString() === '3') return { out: '', err: replMsg.resp3() };
    if (name === 'monitor') return { out: '', err: replMsg.monitorRefused() };
    return undefined;
  }

  private canSendNow(args: Arg[], name: string): boolean {
    // On a cluster a line may move the connection: the next one waits for its reply (redis-cli -c's order).
    if (this.client === undefined || this.client.closed || this.options.cluster) return false;
    if (name === 'help' || name === '?' || name === 'show' || name === 'shutdown') return false;
    if (this.takesMarker(name, args)) return false;
    return this.options.owned || this.options.yes || danger(args) === undefined;
  }

  private async run(line: string, sent: () => void): Promise<LineResult> {
    const parsed = parseCommandLineLoose(line);
    const now = this.immediate(parsed);
    if (now !== undefined || parsed.kind !== 'command') return now ?? { out: '' };
    const { args, repeat } = parsed;
    const name = args[0]?.toString().toLowerCase() ?? '';
    if (name === 'help' || name === '?') {
      sent();
      const { helpText } = await import('./help.js');
      return { out: this.text(helpText(await this.docs(), args.slice(1).join(' '))) };
    }
    if (name === 'show') {
      if (args.length !== 2) return { out: this.text(replMsg.showUsage()) };
      if (this.inMulti || this.subscribed) return { out: '', err: this.inMulti ? replMsg.showInMulti() : replMsg.showSubscribed() };
      // Loaded on first use: tables are not needed to pipe a file through.
      const { renderShow } = await import('./show.js');
      // The lines after it wait until show has read everything, so that it shows the key as of its turn.
      return this.guard(async () => {
        await this.ensureConnected();
        return { out: this.text(await renderShow(this.client as RespClient, args[1] as Arg)) };
      });
    }
    const refused = await this.checkSafety(args);
    if (refused !== undefined) return refused;
    try {
      await this.ensureConnected();
    } catch (err) {
      return { out: '', err: replMsg.notConnected(this.where, (err as Error).message) };
    }
    // A server that shuts down sends no reply it still owes, so SHUTDOWN waits for the earlier lines' replies,
    // and the lines after it for its outcome (they then find the server gone, as redis-cli's do).
    const last = name === 'shutdown';
    if (last) await this.lastReply.catch(() => undefined);
    const result = this.send(args, repeat, name);
    // The lines after one that may take the marker wait until it is back, so that they find it there
    // (in pipe mode they would otherwise be sent before it is put back).
    if (!this.takesMarker(name, args) && !last && !this.options.cluster) sent();
    return result;
  }

  private takesMarker(name: string, args: readonly Arg[]): boolean {
    return this.options.keepMarker !== undefined && mayTakeMarker(name, args);
  }

  /** Writes the command (`repeat` times) now; resolves with its printed replies and the coach's note. */
  private send(args: Arg[], repeat: number, name: string): Promise<LineResult> {
    const result = this.sendNow(args, repeat, name);
    this.lastReply = result;
    return result;
  }

  private sendNow(args: Arg[], repeat: number, name: string): Promise<LineResult> {
    const client = this.client as RespClient;
    if (repeat === 1) {
      // The common case, kept to few promises: pipe mode sends many thousands of these.
      const plain = !this.options.coach || this.inMulti || client.subscribed;
      const result = plain ? client.call(args) : this.coach.run(client, args);
      this.track(name, args);
      this.awaiting++;
      return result.then(
        (r) => {
          this.awaiting--;
          const { reply, note } = 'type' in r ? { reply: r, note: undefined } : r;
          if (this.options.cluster && redirectOf(reply) !== undefined) return this.guard(() => this.followed(args, name, 1, reply), name);
          this.afterReply(name, args, reply);
          const out = this.format(args, reply, name);
          const line: LineResult = note === undefined ? { out } : { out, note };
          return this.takesMarker(name, args) ? this.putMarkerBack(line) : line;
        },
        (err: unknown) => {
          this.awaiting--;
          return this.guard(() => Promise.reject(err), name);
        },
      );
    }
    // On a cluster, one at a time: a redirect moves the connection before the next is sent.
    if (this.options.cluster) return this.guard(() => this.followed(args, name, repeat), name);
    const results: Promise<{ reply: RespReply; note?: string }>[] = [];
    for (let i = 0; i < repeat; i++) {
      const plain = !this.options.coach || this.inMulti || client.subscribed;
      results.push(plain ? client.call(args).then((reply) => ({ reply })) : this.coach.run(client, args));
      this.track(name, args);
    }
    const all = results.length === 1 ? (results[0] as Promise<{ reply: RespReply; note?: string }>).then((r) => [r]) : Promise.all(results);
    return this.guard(async () => {
      let out = '';
      let note: string | undefined;
      for (const r of await all) {
        this.afterReply(name, args, r.reply);
        out += this.format(args, r.reply, name);
        note = r.note ?? note;
      }
      const line: LineResult = note === undefined ? { out } : { out, note };
      return this.takesMarker(name, args) ? this.putMarkerBack(line) : line;
    }, name);
  }

  /** The connection, open (after connect). */
  private live(): RespClient {
    return this.client as RespClient;
  }

  /**
   * A command run `repeat` times on a cluster, MOVED and ASK followed as redis-cli -c follows them: the replies
   * one by one until a redirect; then redis-cli's line, the connection (and the prompt) moved to the node named,
   * ASKING there for ASK, and the whole count sent again there, as redis-cli reissues the line. `first`: the
   * first reply, already read. After MAX_REDIRECTS moves a redirect is shown as the error it is.
   */
  private async followed(args: Arg[], name: string, repeat: number, first?: RespReply): Promise<LineResult> {
    let out = '';
    let moves = 0;
    let next = first;
    for (let i = 0; i < repeat; i++) {
      const reply = next ?? (await this.live().call(args));
      next = undefined;
      const to = redirectOf(reply);
      if (to !== undefined && moves < MAX_REDIRECTS) {
        moves++;
        out += this.text(`${redirectedLine(to)}\n`);
        const old = this.client;
        this.options.endpoint = { ...this.options.endpoint, host: to.host || this.options.endpoint.host, port: to.port };
        this.client = undefined;
        old?.close();
        await this.connect();
        if (to.kind === 'ASK') await this.live().call(['ASKING']);
        i = -1;
        continue;
      }
      this.afterReply(name, args, reply);
      out += this.format(args, reply, name);
    }
    return { out };
  }

  /** The marker back before the line counts as done, so the next prompt (or the end of a pipe) finds it there. */
  private putMarkerBack(line: LineResult): Promise<LineResult> {
    return (this.options.keepMarker as () => Promise<void>)().then(
      () => line,
      (err: unknown) => ({ ...line, err: replMsg.markerNotRestored((err as Error).message) }),
    );
  }

  /** State a later line depends on is set when the command is sent, since later lines are sent before replies arrive. */
  private track(name: string, _args: Arg[]): void {
    if (name === 'multi') this.inMulti = true;
    if (name === 'exec' || name === 'discard' || name === 'reset') this.inMulti = false;
  }

  private afterReply(name: string, args: Arg[], reply: RespReply): void {
    if (reply.type === 'error') return;
    if (name === 'select' && !this.inMulti) this.db = Number(args[1]?.toString());
    if (name === 'reset') this.db = 0;
  }

  /** Runs work that awaits replies; a connection lost meanwhile becomes the line's message. */
  private async guard(work: () => Promise<LineResult>, name = ''): Promise<LineResult> {
    this.awaiting++;
    try {
      return await work();
    } catch (err) {
      if (err instanceof ConnectionClosedError) {
        return { out: '', err: this.lostWhy(name) };
      }
      throw err;
    } finally {
      this.awaiting--;
    }
  }

  /** Why a line got no reply: Ctrl+C, SHUTDOWN (the server is gone, no reconnecting brings it back), or a lost connection. */
  private lostWhy(name: string): string {
    if (this.interrupted) {
      this.interrupted = false;
      return replMsg.interrupted();
    }
    if (name !== 'shutdown') return replMsg.connectionLost(this.where);
    return this.options.owned ? replMsg.ownServerShutDown(this.where) : replMsg.serverShutDown(this.where);
  }

  private ensureConnected(): Promise<void> {
    if (this.client !== undefined && !this.client.closed) return Promise.resolve();
    this.reconnecting ??= this.connect().finally(() => (this.reconnecting = undefined));
    return this.reconnecting;
  }

  private async checkSafety(args: Arg[]): Promise<LineResult | undefined> {
    if (this.options.owned || this.options.yes) return undefined;
    const verdict = await vetDanger(args, this.options.confirm, async () => {
      await this.ensureConnected();
      return (this.client as RespClient).call(['DBSIZE']);
    });
    if (verdict === 'run') return undefined;
    return verdict.refused !== undefined ? { out: '', err: verdict.refused } : { out: this.text(`${replMsg.cancelled()}\n`) };
  }
}

import { Readable } from 'node:stream';

const CR = 0x0d;
const LF = 0x0a;

/**
 * The terminal's input, one line per prompt. Each inquirer prompt reads the terminal through a readline of
 * its own and closes it at the first Enter: the rest of that read (the other lines of a paste, a line typed
 * ahead while a command ran) went with it, lost. The gate hands a prompt its bytes up to and including the
 * first Enter and keeps the rest for the next prompt; between prompts it does not read the terminal at all.
 */
export class LineGate extends Readable {
  /** Read from the terminal and not yet handed to a prompt. */
  private held: Buffer = Buffer.alloc(0);
  /** A prompt is waiting and has not had its Enter yet. */
  private open = false;
  readonly isTTY = true;

  constructor(private readonly source: NodeJS.ReadStream) {
    super();
  }

  override _read(): void {}

  /** readline switches raw mode on its input: the terminal's, here. */
  setRawMode(mode: boolean): this {
    this.source.setRawMode?.(mode);
    return this;
  }

  /** Runs one prompt on the gate: it gets the next line (held bytes first, then what is typed). */
  async prompt<T>(run: (input: NodeJS.ReadableStream) => Promise<T>): Promise<T> {
    this.open = true;
    this.source.on('data', this.received);
    this.source.resume();
    const answer = run(this);
    this.release();
    try {
      return await answer;
    } finally {
      this.open = false;
      this.source.off('data', this.received);
      this.source.pause();
    }
  }

  private readonly received = (chunk: Buffer | string): void => {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    this.held = this.held.length === 0 ? bytes : Buffer.concat([this.held, bytes]);
    this.release();
  };

  /** Hands the open prompt what it may have: everything up to its Enter (CR LF counts as one). */
  private release(): void {
    if (!this.open || this.held.length === 0) return;
    let end = this.held.findIndex((b) => b === CR || b === LF);
    if (end < 0) {
      this.push(this.held);
      this.held = Buffer.alloc(0);
      return;
    }
    if (this.held[end] === CR && this.held[end + 1] === LF) end++;
    this.push(this.held.subarray(0, end + 1));
    this.held = this.held.subarray(end + 1);
    this.open = false;
  }
}

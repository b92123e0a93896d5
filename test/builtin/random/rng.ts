/** A small seeded generator (mulberry32) and the picks the command generators need. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** 1 to n distinct-or-not picks. */
  some<T>(items: readonly T[], max: number): T[] {
    return Array.from({ length: this.int(1, max) }, () => this.pick(items));
  }
}

/** A generator makes one command (argv as strings; bytes are latin1) from the shared small pools. */
export interface Generator {
  name: string;
  /** Relative frequency. @default 1 */
  weight?: number;
  make(r: Rng): string[];
}

/** Few keys, so commands keep colliding on the same ones: that is where the bugs are. */
export const KEYS = ['k0', 'k1', 'k2', 'k3', 'k4'];
export const VALUES = ['', '0', '1', '-1', '7', '10', '-20', 'a', 'abc', 'hello world', '\xec\x95\x88', '3.5', '0x10', ' 1', '01', '9223372036854775807', '-9223372036854775808', '1e3'];
export const SMALL_INTS = ['-3', '-1', '0', '1', '2', '3', '5', '100'];

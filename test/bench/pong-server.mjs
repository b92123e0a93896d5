// A bare Node server for engine.bench.mjs: it answers +PONG to PING and an empty array to anything else
// (redis-benchmark's CONFIG GET at start), with one write per read, as the engine writes. No data, no
// dispatch, and a parser that only walks the bytes (no strings, no Buffer per argument): what is left is
// Node's own cost per request (the socket read and write), the ceiling for any server written for Node.
// argv: the port.
import net from 'node:net';

const PONG = Buffer.from('+PONG\r\n'.repeat(64));
const EMPTY = Buffer.from('*0\r\n');
const LF = 10;

/** One connection's parser state between reads: bulk lines still to skip, and an unfinished line. */
class Connection {
  bulks = 0;
  total = 0;
  pending = null;
  /** Whether the command being read is PING (its name's first byte, P or p). */
  ping = true;
  /** Commands completed in the last read. */
  replies = [];

  /** Walks `buf` line by line; every completed command adds its reply. */
  read(buf) {
    if (this.pending !== null) {
      buf = Buffer.concat([this.pending, buf]);
      this.pending = null;
    }
    let at = 0;
    for (;;) {
      const eol = buf.indexOf(LF, at);
      if (eol < 0) break;
      const first = buf[at];
      if (this.bulks > 0) {
        // A `$<len>` line, then the bulk itself (a PING's bulks hold no newline, so one line each).
        if (first !== 0x24) {
          if (this.bulks === this.total) this.ping = (first | 0x20) === 0x70;
          this.bulks--;
          if (this.bulks === 0) this.done();
        }
      } else if (first === 0x2a) {
        let n = 0;
        for (let i = at + 1; buf[i] >= 0x30 && buf[i] <= 0x39; i++) n = n * 10 + buf[i] - 0x30;
        this.bulks = this.total = n;
      } else {
        this.ping = (first | 0x20) === 0x70;
        this.done();
      }
      at = eol + 1;
    }
    if (at < buf.length) this.pending = Buffer.from(buf.subarray(at));
  }

  done() {
    this.replies.push(this.ping);
  }

  /** The replies of the last read as one Buffer (PONGs in a row share one canned buffer). */
  take() {
    const r = this.replies;
    this.replies = [];
    if (r.every((p) => p) && r.length <= 64) return PONG.subarray(0, r.length * 7);
    return Buffer.concat(r.map((p) => (p ? PONG.subarray(0, 7) : EMPTY)));
  }
}

net
  .createServer({ noDelay: true }, (socket) => {
    const conn = new Connection();
    socket.on('data', (chunk) => {
      conn.read(chunk);
      if (conn.replies.length > 0) socket.write(conn.take());
    });
    socket.on('error', () => socket.destroy());
  })
  .listen(Number(process.argv[2]), '127.0.0.1');

// A bare Node server for engine.bench.mjs: it answers +PONG to PING and an empty array to anything else
// (redis-benchmark's CONFIG GET at start), with one write per read, as the engine writes. No data, no
// dispatch: what is left is Node's own cost per request, the ceiling for any server written for Node.
// argv: the port.
import net from 'node:net';

const PONG = Buffer.from('+PONG\r\n');
const EMPTY = Buffer.from('*0\r\n');

/** The commands complete in `buf` from `at` (multibulk or inline): their replies, and where the rest starts. */
function replies(buf, at) {
  const out = [];
  for (;;) {
    const eol = buf.indexOf('\r\n', at);
    if (eol < 0) return [out, at];
    if (buf[at] !== 0x2a) {
      out.push(buf.toString('latin1', at, eol).trim().toUpperCase().startsWith('PING') ? PONG : EMPTY);
      at = eol + 2;
      continue;
    }
    const n = Number(buf.toString('latin1', at + 1, eol));
    let p = eol + 2;
    let name = '';
    for (let i = 0; i < n; i++) {
      const e = buf.indexOf('\r\n', p);
      if (e < 0) return [out, at];
      const len = Number(buf.toString('latin1', p + 1, e));
      if (buf.length < e + 2 + len + 2) return [out, at];
      if (i === 0) name = buf.toString('latin1', e + 2, e + 2 + len).toUpperCase();
      p = e + 2 + len + 2;
    }
    out.push(name === 'PING' ? PONG : EMPTY);
    at = p;
  }
}

net
  .createServer((socket) => {
    let pending = Buffer.alloc(0);
    socket.on('data', (chunk) => {
      const buf = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
      const [out, rest] = replies(buf, 0);
      pending = buf.subarray(rest);
      if (out.length > 0) socket.write(out.length === 1 ? out[0] : Buffer.concat(out));
    });
    socket.on('error', () => socket.destroy());
  })
  .listen(Number(process.argv[2]), '127.0.0.1');

import { RawConnection } from './connection.js';
import { encodeRequest } from './resp.js';

/**
 * Every reply to `commands`, sent in one write (so a server runs them as one pipeline), as the bytes
 * each reply was written with. Arguments are latin1 strings: one char, one byte.
 */
export async function pipeline(port: number, commands: string[][]): Promise<string[]> {
  const conn = await RawConnection.open(port);
  conn.writeRaw(Buffer.concat(commands.map((c) => encodeRequest(c.map((a) => Buffer.from(a, 'latin1'))))));
  const replies: string[] = [];
  for (let i = 0; i < commands.length; i++) replies.push(JSON.stringify(await conn.read()));
  conn.close();
  return replies;
}

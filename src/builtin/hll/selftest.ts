import { OK, error, type RespReply } from '../../resp/types.js';
import { DENSE, DENSE_SIZE, HEADER_SIZE, REGISTERS, denseGet, denseSet, emptyHll, encodingOf } from './format.js';
import { estimate, histogramOf } from './estimate.js';
import { HllEdit, patternCount, patternIndex, patternOf } from './hll.js';

const CYCLES = 1000;
const ELEMENTS = 10_000_000;

/**
 * PFSELFTEST, as Redis runs it: (1) every dense register keeps the value written to it without
 * disturbing its neighbours, over 1000 random fillings; (2) ten million distinct elements go into a dense
 * and a sparse HLL at once, which must agree, stay sparse while small, and stay within six standard
 * errors of the truth at each power of ten.
 */
export function selfTest(sparseMaxBytes: number): RespReply {
  const dense = Buffer.alloc(DENSE_SIZE);
  const expected = new Uint8Array(REGISTERS);
  for (let cycle = 0; cycle < CYCLES; cycle++) {
    for (let i = 0; i < REGISTERS; i++) {
      const r = Math.floor(Math.random() * 64);
      expected[i] = r;
      denseSet(dense, HEADER_SIZE, i, r);
    }
    for (let i = 0; i < REGISTERS; i++) {
      const value = denseGet(dense, HEADER_SIZE, i);
      if (value !== expected[i]) return error(`TESTFAILED Register ${i} should be ${expected[i]} but is ${value}`);
    }
  }

  dense.fill(0);
  dense[4] = DENSE;
  const sparse = new HllEdit(emptyHll(), sparseMaxBytes);
  const relErr = 1.04 / Math.sqrt(REGISTERS);
  const element = Buffer.alloc(8);
  const seedLo = (Math.random() * 2 ** 32) >>> 0;
  element.writeUInt32LE((Math.random() * 2 ** 32) >>> 0, 4);
  let checkpoint = 1;
  for (let j = 1; j <= ELEMENTS; j++) {
    element.writeUInt32LE((j ^ seedLo) >>> 0, 0);
    const pattern = patternOf(element);
    const index = patternIndex(pattern);
    const count = patternCount(pattern);
    if (denseGet(dense, HEADER_SIZE, index) < count) denseSet(dense, HEADER_SIZE, index, count);
    sparse.set(index, count);
    if (j !== checkpoint) continue;
    if (j < sparseMaxBytes / 2 && encodingOf(sparse.bytes()) === DENSE) return error('TESTFAILED sparse encoding not used');
    const card = estimate(histogramOf(dense)!);
    if (card !== estimate(histogramOf(sparse.bytes())!)) return error('TESTFAILED dense/sparse disagree');
    const maxErr = j === 10 ? 1 : Math.ceil(relErr * 6 * checkpoint);
    const absErr = Math.abs(checkpoint - card);
    if (absErr > maxErr) return error(`TESTFAILED Too big error. card:${checkpoint} abserr:${absErr}`);
    checkpoint *= 10;
  }
  return OK;
}

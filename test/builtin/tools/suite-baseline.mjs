// Compares one run of Redis's own test suite on the engine (run-suite.sh's results folder) with the
// committed baseline: the tests the engine passed before, one a line, "<unit>\t<test name>".
//
//   node test/builtin/tools/suite-baseline.mjs check <baseline> <results-dir>   exit 1 when a baseline test no longer passes
//   node test/builtin/tools/suite-baseline.mjs write <baseline> <results-dir>   the run's passes become the baseline
//   node test/builtin/tools/suite-baseline.mjs lost  <baseline> <results-dir>   the units of the lost tests, one a line
//
// A test counts as passed when the engine's result log (<results-dir>/engine/<unit>.res) says "ok" for
// it. With the real server's side in the same folder, `write` keeps only tests that pass there too.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const [mode, baselineFile, dir] = process.argv.slice(2);
if (!['check', 'write', 'lost'].includes(mode) || !baselineFile || !dir) {
  console.error('usage: suite-baseline.mjs check|write|lost <baseline> <results-dir>');
  process.exit(2);
}

/** "tests/unit/type/incr.tcl" -> "unit/type/incr" */
const unitOf = (file) => file.replace(/^tests\//, '').replace(/\.tcl$/, '');

/**
 * The tests a side passed, as "<unit>\t<name>" (names kept in the log's escaped form: no tab, no
 * newline); a name that passes again in the same unit (loops over encodings) gets "\t(2)", "\t(3)" ...
 */
function passes(side) {
  const folder = path.join(dir, side);
  const out = new Set();
  if (!existsSync(folder)) return out;
  for (const f of readdirSync(folder).filter((n) => n.endsWith('.res'))) {
    for (const line of readFileSync(path.join(folder, f), 'utf8').split('\n')) {
      const [status, file, name] = line.split('\t');
      if (status !== 'ok') continue;
      const base = `${unitOf(file)}\t${name}`;
      let id = base;
      for (let n = 2; out.has(id); n++) id = `${base}\t(${n})`;
      out.add(id);
    }
  }
  return out;
}

/** The units the run covered (a baseline test of another unit is not judged). */
function unitsRun() {
  const folder = path.join(dir, 'engine');
  if (!existsSync(folder)) return new Set();
  return new Set(readdirSync(folder).filter((n) => n.endsWith('.meta')).map((n) => n.slice(0, -'.meta'.length).replace(/_/g, '/')));
}

const engine = passes('engine');
if (mode === 'write') {
  const real = passes('real');
  const kept = [...engine].filter((t) => real.size === 0 || real.has(t)).sort();
  writeFileSync(baselineFile, kept.join('\n') + '\n');
  console.log(`suite-baseline: ${kept.length} passing tests written to ${baselineFile}`);
  process.exit(0);
}

const ran = unitsRun();
const baseline = readFileSync(baselineFile, 'utf8').split('\n').filter((l) => l !== '');
const judged = baseline.filter((t) => ran.has(t.split('\t')[0]));
const lost = judged.filter((t) => !engine.has(t));
const known = new Set(baseline);
const gained = [...engine].filter((t) => !known.has(t)).sort();

if (mode === 'lost') {
  console.log([...new Set(lost.map((t) => t.split('\t')[0]))].join('\n'));
  process.exit(0);
}
const show = (t) => t.replace('\t', ': ').replace('\t', ' ');
for (const t of gained) console.log(`new pass: ${show(t)}`);
for (const t of lost) console.log(`LOST: ${show(t)}`);
console.log(`redis suite (pristine, engine): ${judged.length - lost.length} of ${judged.length} baseline tests pass, ${gained.length} new passes, ${lost.length} lost`);
process.exit(lost.length > 0 ? 1 : 0);

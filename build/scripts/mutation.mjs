#!/usr/bin/env node
// Mutation testing of shared/vote and shared/draw (`npm run mutation`; not part of `npm test`).
//
//   node build/scripts/mutation.mjs [stryker options…]
//
// Runs Stryker once with build/mutation/stryker.config.mjs (extra options go to Stryker, e.g.
// `--mutate shared/vote/rules.ts` for one file or `--incremental` to reuse an earlier incremental run),
// then reads its JSON report and prints one score per folder,
//   bench mutation.vote.score <n> %
//   bench mutation.draw.score <n> %
// followed by every surviving mutant of that folder. The score is Stryker's: mutants killed or
// timed out ÷ (those + survived + not covered by any test). Measures; never asserts.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const report = path.join(root, 'artifacts/mutation/mutation.json');
const stryker = path.join(root, 'node_modules/@stryker-mutator/core/bin/stryker.js');
const FOLDERS = ['vote', 'draw'];

// A report left from an earlier run must not be read as this run's.
rmSync(report, { force: true });
const run = spawnSync(process.execPath, [stryker, 'run', 'build/mutation/stryker.config.mjs', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
if (run.status !== 0 || !existsSync(report)) {
  console.error(`mutation: Stryker failed (exit ${run.status ?? run.signal}), no scores`);
  process.exit(run.status || 1);
}

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);
const { files } = JSON.parse(readFileSync(report, 'utf8'));
for (const folder of FOLDERS) {
  let detected = 0;
  const missed = [];
  for (const [file, { mutants, source }] of Object.entries(files)) {
    if (!file.replaceAll('\\', '/').startsWith(`shared/${folder}/`)) continue;
    const lines = source.split('\n');
    for (const m of mutants) {
      if (DETECTED.has(m.status)) detected++;
      else if (UNDETECTED.has(m.status)) {
        const { line, column } = m.location.start;
        const code = (lines[line - 1] ?? '').trim();
        missed.push(`  ${m.status} ${m.mutatorName} ${file}:${line}:${column}  ${code.slice(0, 100)}  →  ${m.replacement ?? ''}`.slice(0, 300));
      }
    }
  }
  const valid = detected + missed.length;
  // Folders not mutated in this run (--mutate of one file) print no figure.
  if (valid === 0) continue;
  console.log(`bench mutation.${folder}.score ${((detected / valid) * 100).toFixed(1)} %`);
  console.log(`bench mutation.${folder}.survivors ${missed.length} count`);
  for (const line of missed) console.log(line);
}

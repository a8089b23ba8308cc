// Sums the outcomes of every TRX file under a folder: prints "passed failed skipped",
// or with --skipped the names of the tests that did not run.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const [root, mode] = process.argv.slice(2);
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name.endsWith('.trx')) files.push(path);
  }
};
try { walk(root); } catch { /* no results folder: nothing ran */ }

let passed = 0, failed = 0, skipped = 0;
const skippedNames = [];
for (const file of files) {
  const xml = readFileSync(file, 'utf8');
  for (const match of xml.matchAll(/<UnitTestResult\b[^>]*>/g)) {
    const tag = match[0];
    const outcome = /\boutcome="([^"]*)"/.exec(tag)?.[1] ?? '';
    const name = /\btestName="([^"]*)"/.exec(tag)?.[1] ?? '?';
    if (outcome === 'Passed') passed++;
    else if (outcome === 'NotExecuted' || outcome === 'Inconclusive') { skipped++; skippedNames.push(name); }
    else failed++;
  }
}
if (mode === '--skipped') for (const name of skippedNames) console.log(`  skipped: ${name}`);
else console.log(`${passed} ${failed} ${skipped}`);

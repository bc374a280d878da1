#!/usr/bin/env node
// `npm test`: type-check, lint, the Vitest suite on the embedded PostgreSQL (and again on
// TEST_DATABASE_URL's server when set), then the Playwright browser tests. Ends with one
// "N passed, N failed" line; exits non-zero when anything failed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, '.tmp');
fs.mkdirSync(out, { recursive: true });
const ci = process.env.CI === 'true' || process.env.CI === '1';
let passed = 0;
let failed = 0;
const failures = [];

function step(name, cmd, args, env = {}) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = r.status === 0;
  console.log(`${ok ? '✔' : '✘'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (!ok) failures.push(name);
  return ok;
}

function countVitest(file) {
  try {
    const r = JSON.parse(fs.readFileSync(file, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
  } catch {
    failed += 1;
  }
}

function countPlaywright(file) {
  try {
    const r = JSON.parse(fs.readFileSync(file, 'utf8'));
    passed += r.stats.expected;
    failed += r.stats.unexpected + r.stats.flaky;
  } catch {
    failed += 1;
  }
}

const bin = (name) => path.join(root, 'node_modules', '.bin', name);

step('type-check', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
step('lint', bin('eslint'), ['--max-warnings', '0', '.']);

const external = process.env.TEST_DATABASE_URL;
const vitestRuns = [['embedded PostgreSQL', {}, 'vitest-embedded.json']];
if (external) vitestRuns.push([`external PostgreSQL (${new URL(external).host})`, { TEST_DATABASE_URL: external }, 'vitest-external.json']);
for (const [label, env, file] of vitestRuns) {
  const json = path.join(out, file);
  fs.rmSync(json, { force: true });
  const vitestEnv = { ...env };
  if (!env.TEST_DATABASE_URL) vitestEnv.TEST_DATABASE_URL = '';
  step(`unit and integration tests on ${label}`, bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${json}`], vitestEnv);
  countVitest(json);
}

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (fs.existsSync(chromium)) {
  const json = path.join(out, 'playwright.json');
  fs.rmSync(json, { force: true });
  step('browser tests (Playwright, Chromium)', bin('playwright'), ['test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: json });
  countPlaywright(json);
} else if (ci) {
  console.log(`✘ browser tests: no Chromium at ${chromium}; CI requires it (apt-get install -y chromium)`);
  failures.push('browser tests');
  failed += 1;
} else {
  console.log(`• browser tests skipped: no Chromium at ${chromium} (apt-get install -y chromium to run them)`);
}

if (failures.length) console.log(`\nFailed steps: ${failures.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failures.length ? 1 : 0);

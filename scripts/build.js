#!/usr/bin/env node
// `npm run build` (and `prepare`, which `npm ci` runs): compiles src/ to dist/ and copies the files
// the code reads beside itself at run time (SQL migrations), since tsc emits only JavaScript.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const src = path.join(root, 'src');
const dist = path.join(root, 'dist');

// A clean start, so a module moved or deleted in src/ leaves no stale copy behind.
fs.rmSync(dist, { recursive: true, force: true });
const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);

// Every non-TypeScript file under src/ is a run-time asset; copying them all keeps this right when one is added or moved.
let copied = 0;
for (const rel of fs.readdirSync(src, { recursive: true })) {
  const from = path.join(src, rel);
  if (rel.endsWith('.ts') || !fs.statSync(from).isFile()) continue;
  fs.mkdirSync(path.dirname(path.join(dist, rel)), { recursive: true });
  fs.copyFileSync(from, path.join(dist, rel));
  copied++;
}
process.stdout.write(`built dist/ (${copied} asset files copied)\n`);

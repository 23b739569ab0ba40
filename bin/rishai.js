#!/usr/bin/env node
// Runs the compiled CLI in dist/, which `npm ci` (the prepare script) or `npm run build` makes.
const fs = require('node:fs');
const path = require('node:path');

const entry = path.join(__dirname, '..', 'dist', 'cli', 'index.js');
if (!fs.existsSync(entry)) {
  process.stderr.write(`找不到编译后的程序 ${entry}：请先运行 npm ci 或 npm run build。\n`);
  process.exit(1);
}
require(entry).main();

#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx, so `npx rishai` works right after `npm ci` with no build step.
require('tsx/cjs');
require('../src/cli/index.ts').main();

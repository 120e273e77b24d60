#!/usr/bin/env node
// Thin launcher: the CLI lives in the compiled core (npm install builds it).
import { main } from '../dist/cli/main.js';

// `techfence … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});

#!/usr/bin/env node
// Thin launcher: the CLI lives in the compiled core (npm install builds it).
import { main } from '../dist/cli/main.js';
main(process.argv.slice(2)).then((code) => { process.exitCode = code; });

#!/usr/bin/env node
// The `jfi` admin CLI. Runs the TypeScript sources through tsx: there is no build step.
import process from 'node:process';
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/index.ts');
process.exitCode = await main(process.argv.slice(2));

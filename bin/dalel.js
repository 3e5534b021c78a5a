#!/usr/bin/env node
// Entry point of the `dalel` command: loads the TypeScript sources through tsx's loader, then runs the CLI.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../main/cli.ts');
process.exitCode = await runCli(process.argv.slice(2));

#!/usr/bin/env node
/** `kubets <command>`: dispatches to the command's entry point. */
import { runApiserver } from './apiserver.js';

const commands: Record<string, (argv: string[]) => Promise<void>> = { apiserver: runApiserver };

const [command, ...rest] = process.argv.slice(2);
if (!command || command === '--help' || command === '-h') {
  process.stdout.write('Usage:\n  kubets <command> [flags]\n\nCommands:\n  apiserver   Run the Kubernetes API server\n');
  process.exit(command ? 0 : 2);
}
const run = commands[command];
if (!run) {
  process.stderr.write(`Error: unknown command "${command}" for "kubets"\n`);
  process.exit(2);
}
run(rest).catch((e) => {
  process.stderr.write(`Error: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});

/**
 * Helpers for e2e tests that drive kubectl's interactive commands: kubectl edit runs whatever
 * KUBE_EDITOR names on a temp file, so tests stand in a shell script for the user.
 */
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Writes an executable KUBE_EDITOR script named name into dir and returns its path. body runs
 * under `set -e` with the file kubectl hands over as $1, so a failing step makes kubectl see an
 * editor error instead of an unchanged file.
 */
export function scriptedEditor(dir: string, name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\nset -e\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

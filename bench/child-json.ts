/**
 * Runs a bench module in its own process (so its CPU does not mix with the caller's): the child
 * gets a JSON spec as its argument and prints one JSON result on stdout.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export function runJsonChild<T>(moduleUrl: string, spec: unknown, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fileURLToPath(moduleUrl), JSON.stringify(spec)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => { out += s; });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`${what} exited with ${code}`));
      try { resolve(JSON.parse(out) as T); } catch (e) { reject(e); }
    });
  });
}

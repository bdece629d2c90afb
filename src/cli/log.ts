/** klog-shaped log lines on stderr; -v decides whether debug lines are written. */
import type { Logger } from '../endpoints/status.js';

export function newLogger(verbosity: number): Logger {
  const line = (level: string, msg: string, fields?: Record<string, unknown>) => {
    const d = new Date();
    const ts = `${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')} ${d.toISOString().slice(11, 23)}`;
    const kv = fields ? Object.entries(fields).map(([k, v]) => ` ${k}=${JSON.stringify(v)}`).join('') : '';
    process.stderr.write(`${level}${ts} ${process.pid}] ${JSON.stringify(msg)}${kv}\n`);
  };
  return {
    info: (m, f) => line('I', m, f),
    error: (m, f) => line('E', m, f),
    debug: (m, f) => { if (verbosity >= 4) line('I', m, f); },
  };
}

/**
 * The log backend (plugin/pkg/audit/log): one line per event, to stdout ("-") or to a file that
 * rotates as gopkg.in/natefinch/lumberjack.v2 does for kube-apiserver: past --audit-log-maxsize MB
 * (0 means lumberjack's 100) the file is renamed to <name>-<UTC 2006-01-02T15-04-05.000><ext> and a
 * new one started; backups beyond --audit-log-maxbackup, or older than --audit-log-maxage days by
 * the time in their name, are removed (0 = keep); --audit-log-compress gzips them.
 *
 * Events are encoded when they happen (the event object changes between stages) and queued; one
 * async loop writes the queue in batches, so a slow disk never blocks the event loop. A write
 * error is logged once, the batch is dropped and the file reopened on the next event.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { access, type FileHandle, mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Logger } from '../endpoints/status.js';
import { type AuditEvent, encodeEvent, eventString } from './event.js';

export interface AuditLogOptions {
  /** --audit-log-path; "-" is standard out. */
  path: string;
  /** --audit-log-maxage, days; 0 keeps backups of any age. */
  maxAge: number;
  /** --audit-log-maxbackup; 0 keeps every backup. */
  maxBackups: number;
  /** --audit-log-maxsize, megabytes; 0 means lumberjack's default of 100. */
  maxSize: number;
  /** --audit-log-compress. */
  compress: boolean;
  /** --audit-log-format: json (default) or legacy. */
  format: 'json' | 'legacy';
  /** Optional, for tests: the rotation size in bytes, overriding maxSize. */
  maxSizeBytes?: number;
  /** Optional, for tests: the clock used for backup names and maxage. */
  now?: () => number;
}

/** Where audit events go. */
export interface AuditBackend {
  /** Called once per emitted stage; encodes the event now and must never throw or wait. */
  processEvent(ev: AuditEvent): void;
  /** Writes what is queued and closes the file; called once at shutdown. */
  close(): Promise<void>;
}

const megabyte = 1024 * 1024;
/** Past this many queued bytes (a stalled disk), events are dropped rather than held in memory. */
const maxQueuedBytes = 64 * megabyte;

/** AuditLogOptions.Validate: the same checks and texts. */
export function validateAuditLogOptions(o: { maxAge: number; maxBackups: number; maxSize: number; format: string }): string[] {
  const errs: string[] = [];
  if (o.format !== 'json' && o.format !== 'legacy') errs.push(`invalid audit log format ${o.format}, allowed formats are "legacy,json"`);
  if (o.maxAge < 0) errs.push(`--audit-log-maxage ${o.maxAge} can't be a negative number`);
  if (o.maxBackups < 0) errs.push(`--audit-log-maxbackup ${o.maxBackups} can't be a negative number`);
  if (o.maxSize < 0) errs.push(`--audit-log-maxsize ${o.maxSize} can't be a negative number`);
  return errs;
}

export function newLogBackend(o: AuditLogOptions, log: Logger): AuditBackend {
  const encode = o.format === 'legacy' ? eventString : encodeEvent;
  const sink = o.path === '-' ? new StdoutSink() : new RotatingFile(o, log);
  return {
    processEvent: (ev) => sink.write(encode(ev) + '\n'),
    close: () => sink.close(),
  };
}

class StdoutSink {
  write(line: string): void { process.stdout.write(line); }
  async close(): Promise<void> {}
}

class RotatingFile {
  private fh: FileHandle | undefined;
  private size = 0;
  private queue: Buffer[] = [];
  private queuedBytes = 0;
  private pumping: Promise<void> | undefined;
  private milling: Promise<void> = Promise.resolve();
  private failing = false;
  private dropping = false;
  private readonly max: number;
  private readonly now: () => number;

  constructor(private readonly o: AuditLogOptions, private readonly log: Logger) {
    this.max = o.maxSizeBytes ?? (o.maxSize > 0 ? o.maxSize : 100) * megabyte;
    this.now = o.now ?? Date.now;
  }

  write(line: string): void {
    const buf = Buffer.from(line);
    if (buf.length > this.max) {
      this.fail(new Error(`write length ${buf.length} exceeds maximum file size ${this.max}`));
      return;
    }
    if (this.queuedBytes + buf.length > maxQueuedBytes) {
      if (!this.dropping) this.log.error('audit log backlog is full; dropping audit events', { path: this.o.path });
      this.dropping = true;
      return;
    }
    this.queue.push(buf);
    this.queuedBytes += buf.length;
    this.pumping ??= this.pump().finally(() => { this.pumping = undefined; });
  }

  async close(): Promise<void> {
    while (this.pumping) await this.pumping;
    await this.milling;
    await this.fh?.close().catch(() => undefined);
    this.fh = undefined;
  }

  /** Writes the queue in batches that never cross the size limit, rotating between them. */
  private async pump(): Promise<void> {
    while (this.queue.length > 0) {
      const batch: Buffer[] = [];
      let len = 0;
      try {
        if (!this.fh) await this.openExistingOrNew(this.queue[0].length);
        if (this.size + this.queue[0].length > this.max) await this.rotate();
        while (this.queue.length > 0 && this.size + len + this.queue[0].length <= this.max) {
          const b = this.queue.shift()!;
          batch.push(b);
          len += b.length;
        }
        this.queuedBytes -= len;
        await this.fh!.write(batch.length === 1 ? batch[0] : Buffer.concat(batch, len));
        this.size += len;
        if (this.failing) this.log.info('audit log writes resumed', { path: this.o.path });
        this.failing = false;
        this.dropping = false;
      } catch (e) {
        // Drop what could not be written; the next event tries a fresh file handle.
        if (batch.length === 0) { const b = this.queue.shift()!; this.queuedBytes -= b.length; }
        this.fail(e as Error);
        await this.fh?.close().catch(() => undefined);
        this.fh = undefined;
      }
    }
  }

  private fail(e: Error): void {
    if (!this.failing) this.log.error('unable to write audit events; dropping them', { path: this.o.path, error: e.message });
    this.failing = true;
  }

  /** lumberjack openExistingOrNew: append to the current file unless this write would overflow it. */
  private async openExistingOrNew(writeLen: number): Promise<void> {
    this.mill();
    const info = await stat(this.o.path).catch(() => undefined);
    if (info && info.size + writeLen < this.max) {
      this.fh = await open(this.o.path, 'a');
      this.size = info.size;
      return;
    }
    await this.openNew();
  }

  private async rotate(): Promise<void> {
    await this.fh?.close();
    this.fh = undefined;
    await this.openNew();
    this.mill();
  }

  /** lumberjack openNew: move the current file aside (keeping its mode) and start an empty one. */
  private async openNew(): Promise<void> {
    await mkdir(dirname(this.o.path), { recursive: true, mode: 0o755 });
    let mode = 0o600;
    const info = await stat(this.o.path).catch(() => undefined);
    if (info) {
      mode = info.mode & 0o777;
      await rename(this.o.path, await this.backupName());
    }
    this.fh = await open(this.o.path, 'w', mode);
    this.size = 0;
  }

  private async backupName(): Promise<string> {
    const ext = extname(this.o.path);
    const prefix = join(dirname(this.o.path), basename(this.o.path, ext));
    // Two rotations in one millisecond would collide: step the stamp forward instead of overwriting.
    for (let t = this.now(); ; t++) {
      const stamp = new Date(t).toISOString().slice(0, 23).replace(/:/g, '-');
      const name = `${prefix}-${stamp}${ext}`;
      const taken = await access(name).then(() => true, () => false) || await access(`${name}.gz`).then(() => true, () => false);
      if (!taken) return name;
    }
  }

  /** Clean-ups run one at a time, in order, off the write path (lumberjack's mill goroutine). */
  private mill(): void {
    this.milling = this.milling.then(() => this.millRunOnce());
  }

  /** lumberjack millRunOnce: drop old backups, by count and age, then compress the rest. */
  private async millRunOnce(): Promise<void> {
    if (this.o.maxBackups === 0 && this.o.maxAge === 0 && !this.o.compress) return;
    try {
      const dir = dirname(this.o.path);
      const ext = extname(this.o.path);
      const prefix = `${basename(this.o.path, ext)}-`;
      const backups: Array<{ file: string; time: number }> = [];
      for (const file of await readdir(dir)) {
        const core = file.endsWith(`${ext}.gz`) ? file.slice(0, -3) : file;
        if (!core.startsWith(prefix) || !core.endsWith(ext)) continue;
        const stamp = core.slice(prefix.length, core.length - ext.length);
        const m = /^(\d{4}-\d\d-\d\d)T(\d\d)-(\d\d)-(\d\d\.\d{3})$/.exec(stamp);
        if (!m) continue;
        const time = Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4]}Z`);
        if (!Number.isNaN(time)) backups.push({ file, time });
      }
      backups.sort((a, b) => b.time - a.time);
      let keep = backups;
      const remove: typeof backups = [];
      if (this.o.maxBackups > 0 && keep.length > this.o.maxBackups) {
        // A backup and its .gz (mid-compression) count once.
        const preserved = new Set<string>();
        const kept: typeof backups = [];
        for (const b of keep) {
          preserved.add(b.file.replace(/\.gz$/, ''));
          (preserved.size > this.o.maxBackups ? remove : kept).push(b);
        }
        keep = kept;
      }
      if (this.o.maxAge > 0) {
        const cutoff = this.now() - this.o.maxAge * 24 * 3600 * 1000;
        for (const b of keep) if (b.time < cutoff) remove.push(b);
        keep = keep.filter((b) => b.time >= cutoff);
      }
      for (const b of remove) await unlink(join(dir, b.file)).catch(() => undefined);
      if (this.o.compress) {
        for (const b of keep) {
          if (b.file.endsWith('.gz')) continue;
          const src = join(dir, b.file);
          await pipeline(createReadStream(src), createGzip(), createWriteStream(`${src}.gz`, { mode: 0o600 }));
          await unlink(src);
        }
      }
    } catch (e) {
      this.log.error('unable to clean up rotated audit logs', { path: this.o.path, error: (e as Error).message });
    }
  }
}

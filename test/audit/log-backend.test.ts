/**
 * The audit log backend: JSON lines in upstream's field order, lumberjack's rotation (by size,
 * backup names <name>-<UTC stamp><ext>, --audit-log-maxbackup, --audit-log-maxage, compression),
 * the legacy one-line format, and the flag checks of AuditLogOptions.Validate.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { AuditEvent } from '../../src/audit/event.js';
import { type AuditLogOptions, newLogBackend, validateAuditLogOptions } from '../../src/audit/log-backend.js';

const t = { timeout: 10_000 };
const quiet = { info() {}, error() {}, debug() {} };

function event(i: number, pad = 0): AuditEvent {
  return {
    kind: 'Event', apiVersion: 'audit.k8s.io/v1', level: 'Metadata', auditID: `id-${i}`, stage: 'ResponseComplete',
    requestURI: `/api/v1/namespaces/default/pods/${'p'.repeat(pad)}${i}`, verb: 'get', user: { username: 'alice', groups: ['g'] },
    responseStatus: { metadata: {}, code: 200 }, objectRef: { resource: 'pods', namespace: 'default', apiVersion: 'v1', name: `p${i}` },
    requestReceivedTimestamp: '2026-01-02T03:04:05.123456Z', stageTimestamp: '2026-01-02T03:04:05.234567Z',
  };
}

/** A clock that moves one second per call, so every rotation gets its own stamp. */
function steppingClock(start = Date.parse('2026-01-02T03:04:05.000Z')) {
  let now = start;
  return () => (now += 1000);
}

function options(dir: string, o: Partial<AuditLogOptions>): AuditLogOptions {
  return { path: join(dir, 'audit.log'), maxAge: 0, maxBackups: 0, maxSize: 0, compress: false, format: 'json', now: steppingClock(), ...o };
}

const backupsIn = (dir: string) => readdirSync(dir).filter((f) => f !== 'audit.log').sort();

describe('audit log backend', t, () => {
  it('writes one JSON line per event, keys in upstream order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubets-auditlog-'));
    const b = newLogBackend(options(dir, {}), quiet);
    b.processEvent(event(1));
    b.processEvent(event(2));
    await b.close();
    const lines = readFileSync(join(dir, 'audit.log'), 'utf8').trimEnd().split('\n');
    assert.equal(lines.length, 2);
    assert.deepEqual(Object.keys(JSON.parse(lines[0])), ['kind', 'apiVersion', 'level', 'auditID', 'stage', 'requestURI', 'verb', 'user', 'objectRef', 'responseStatus', 'requestReceivedTimestamp', 'stageTimestamp']);
    assert.deepEqual(Object.keys(JSON.parse(lines[0]).objectRef), ['resource', 'namespace', 'name', 'apiVersion']);
    assert.equal(JSON.parse(lines[1]).auditID, 'id-2');
  });

  it('appends to an existing file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubets-auditlog-'));
    writeFileSync(join(dir, 'audit.log'), 'old\n');
    const b = newLogBackend(options(dir, {}), quiet);
    b.processEvent(event(1));
    await b.close();
    assert.match(readFileSync(join(dir, 'audit.log'), 'utf8'), /^old\n\{"kind":"Event"/);
    assert.deepEqual(backupsIn(dir), []);
  });

  it('rotates by size into <name>-<UTC stamp><ext>, never splitting a line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubets-auditlog-'));
    const lineLen = Buffer.byteLength(JSON.stringify(event(10)) + '\n');
    const b = newLogBackend(options(dir, { maxSizeBytes: lineLen * 3 + 10 }), quiet);
    for (let i = 10; i < 20; i++) b.processEvent(event(i));
    await b.close();
    const backups = backupsIn(dir);
    assert.equal(backups.length, 3, backups.join(' '));
    for (const f of backups) assert.match(f, /^audit-2026-01-02T03-04-\d\d\.000\.log$/);
    const all = [...backups.map((f) => join(dir, f)), join(dir, 'audit.log')].flatMap((f) => readFileSync(f, 'utf8').trimEnd().split('\n'));
    assert.deepEqual(all.map((l) => JSON.parse(l).auditID), Array.from({ length: 10 }, (_, i) => `id-${i + 10}`));
    for (const f of backups) assert.equal(readFileSync(join(dir, f), 'utf8').trimEnd().split('\n').length, 3);
  });

  it('keeps at most --audit-log-maxbackup backups, the newest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubets-auditlog-'));
    const lineLen = Buffer.byteLength(JSON.stringify(event(10)) + '\n');
    const b = newLogBackend(options(dir, { maxSizeBytes: lineLen + 1, maxBackups: 2 }), quiet);
    for (let i = 10; i < 16; i++) b.processEvent(event(i));
    await b.close();
    const backups = backupsIn(dir);
    assert.equal(backups.length, 2, backups.join(' '));
    assert.deepEqual(backups.map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')).auditID), ['id-13', 'id-14']);
    assert.equal(JSON.parse(readFileSync(join(dir, 'audit.log'), 'utf8')).auditID, 'id-15');
  });

  it('removes backups older than --audit-log-maxage days, by the stamp in their name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubets-auditlog-'));
    writeFileSync(join(dir, 'audit-2020-01-01T00-00-00.000.log'), 'ancient\n');
    writeFileSync(join(dir, 'audit-2026-01-01T12-00-00.000.log'), 'recent\n');
    writeFileSync(join(dir, 'unrelated.txt'), 'x\n');
    const b = newLogBackend(options(dir, { maxAge: 7 }), quiet);
    b.processEvent(event(1));
    await b.close();
    assert.deepEqual(backupsIn(dir), ['audit-2026-01-01T12-00-00.000.log', 'unrelated.txt']);
  });

  it('gzips rotated files with --audit-log-compress', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubets-auditlog-'));
    const lineLen = Buffer.byteLength(JSON.stringify(event(10)) + '\n');
    const b = newLogBackend(options(dir, { maxSizeBytes: lineLen + 1, compress: true }), quiet);
    for (let i = 10; i < 12; i++) b.processEvent(event(i));
    await b.close();
    const backups = backupsIn(dir);
    assert.equal(backups.length, 1);
    assert.match(backups[0], /\.log\.gz$/);
    assert.equal(JSON.parse(gunzipSync(readFileSync(join(dir, backups[0]))).toString()).auditID, 'id-10');
  });

  it('drops an event larger than the file limit, logs once, and keeps writing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubets-auditlog-'));
    const errors: string[] = [];
    const log = { ...quiet, error: (m: string) => { errors.push(m); } };
    const b = newLogBackend(options(dir, { maxSizeBytes: 600 }), log);
    b.processEvent(event(1, 1000));
    b.processEvent(event(2, 1000));
    b.processEvent(event(3));
    await b.close();
    assert.equal(errors.length, 1);
    assert.equal(JSON.parse(readFileSync(join(dir, 'audit.log'), 'utf8')).auditID, 'id-3');
  });

  it('survives an unwritable path: one error, no throw', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubets-auditlog-'));
    writeFileSync(join(dir, 'file'), '');
    const errors: string[] = [];
    const b = newLogBackend(options(dir, { path: join(dir, 'file', 'audit.log') }), { ...quiet, error: (m: string) => { errors.push(m); } });
    for (let i = 0; i < 5; i++) b.processEvent(event(i));
    await b.close();
    assert.equal(errors.length, 1);
  });

  it('writes the legacy one-line format', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubets-auditlog-'));
    const b = newLogBackend(options(dir, { format: 'legacy' }), quiet);
    b.processEvent({ ...event(1), sourceIPs: ['10.0.0.1'], userAgent: 'kubectl' });
    await b.close();
    assert.equal(readFileSync(join(dir, 'audit.log'), 'utf8'),
      '2026-01-02T03:04:05.123456Z AUDIT: id="id-1" stage="ResponseComplete" ip="10.0.0.1" method="get" user="alice" groups="\\"g\\"" as="<self>" asgroups="<lookup>" user-agent="kubectl" namespace="default" uri="/api/v1/namespaces/default/pods/1" response="200"\n');
  });

  it('validates the flags as AuditLogOptions.Validate', () => {
    assert.deepEqual(validateAuditLogOptions({ maxAge: 0, maxBackups: 0, maxSize: 0, format: 'json' }), []);
    assert.deepEqual(validateAuditLogOptions({ maxAge: -1, maxBackups: -2, maxSize: -3, format: 'xml' }), [
      'invalid audit log format xml, allowed formats are "legacy,json"',
      "--audit-log-maxage -1 can't be a negative number",
      "--audit-log-maxbackup -2 can't be a negative number",
      "--audit-log-maxsize -3 can't be a negative number",
    ]);
  });
});

/**
 * humanDuration must print what upstream's duration.HumanDuration prints (the AGE column kubectl
 * shows), including its two-second tolerance for clock skew. The cases are upstream's own
 * (k8s.io/apimachinery/pkg/util/duration/duration_test.go: TestHumanDuration and
 * TestHumanDurationBoundaries), in milliseconds, plus a few more around each boundary.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../src/apis/meta/types.js';
import { printerFor } from '../../src/endpoints/printers.js';
import { age, humanDuration, type TableOptions, toTable } from '../../src/endpoints/table.js';

const t = { timeout: 10_000 };
const ms = 1, s = 1000 * ms, m = 60 * s, h = 60 * m, d = 24 * h, y = 365 * d;

describe('humanDuration: upstream TestHumanDuration', t, () => {
  const cases: Array<[number, string]> = [
    [s, '1s'],
    [70 * s, '70s'],
    [190 * s, '3m10s'],
    [70 * m, '70m'],
    [47 * h, '47h'],
    [49 * h, '2d1h'],
    [(8 * 24 + 2) * h, '8d'],
    [367 * 24 * h, '367d'],
    [(365 * 2 * 24 + 25) * h, '2y1d'],
    [(365 * 8 * 24 + 2) * h, '8y'],
  ];
  for (const [dur, want] of cases) it(`${dur}ms -> ${want}`, () => assert.equal(humanDuration(dur), want));
});

describe('humanDuration: upstream TestHumanDurationBoundaries', t, () => {
  const cases: Array<[number, string]> = [
    [-2 * s, '<invalid>'],
    // -2s+1ns in Go truncates to -1s: within the tolerance, printed as 0s
    [-2 * s + 1, '0s'],
    [0, '0s'],
    [s - ms, '0s'],
    [2 * m - ms, '119s'],
    [2 * m, '2m'],
    [2 * m + s, '2m1s'],
    [10 * m - ms, '9m59s'],
    [10 * m, '10m'],
    [10 * m + s, '10m'],
    [3 * h - ms, '179m'],
    [3 * h, '3h'],
    [3 * h + m, '3h1m'],
    [8 * h - ms, '7h59m'],
    [8 * h, '8h'],
    [8 * h + 59 * m, '8h'],
    [2 * d - ms, '47h'],
    [2 * d, '2d'],
    [2 * d + h, '2d1h'],
    [8 * d - ms, '7d23h'],
    [8 * d, '8d'],
    [8 * d + 23 * h, '8d'],
    [2 * y - ms, '729d'],
    [2 * y, '2y'],
    [2 * y + 23 * h, '2y'],
    [2 * y + 23 * h + 59 * m, '2y'],
    [2 * y + 24 * h - ms, '2y'],
    [2 * y + 24 * h, '2y1d'],
    [3 * y, '3y'],
    [4 * y, '4y'],
    [5 * y, '5y'],
    [6 * y, '6y'],
    [7 * y, '7y'],
    [8 * y - ms, '7y364d'],
    [8 * y, '8y'],
    [8 * y + 364 * d, '8y'],
    [9 * y, '9y'],
  ];
  for (const [dur, want] of cases) it(`${dur}ms -> ${want}`, () => assert.equal(humanDuration(dur), want));
});

describe('humanDuration: more values', t, () => {
  const cases: Array<[number, string]> = [
    // clock skew: up to (but excluding) 2s in the future prints 0s
    [-1 * ms, '0s'],
    [-500 * ms, '0s'],
    [-1 * s, '0s'],
    [-1999 * ms, '0s'],
    [-2001 * ms, '<invalid>'],
    [-1 * h, '<invalid>'],
    [999 * ms, '0s'],
    [1999 * ms, '1s'],
    [59 * s, '59s'],
    [60 * s, '60s'],
    [119 * s, '119s'],
    [121 * s, '2m1s'],
    [5 * m, '5m'],
    [9 * m + 59 * s, '9m59s'],
    [59 * m, '59m'],
    [60 * m, '60m'],
    [179 * m + 59 * s, '179m'],
    [4 * h + 30 * m, '4h30m'],
    [7 * h, '7h'],
    [24 * h, '24h'],
    [47 * h + 59 * m, '47h'],
    [3 * d, '3d'],
    [3 * d + 5 * h + 59 * m, '3d5h'],
    [7 * d + 23 * h + 59 * m, '7d23h'],
    [30 * d, '30d'],
    [365 * d, '365d'],
    [729 * d + 23 * h, '729d'],
    [3 * y + 100 * d, '3y100d'],
    [7 * y + 364 * d + 23 * h, '7y364d'],
    [20 * y, '20y'],
    [100 * y + 200 * d, '100y'],
  ];
  for (const [dur, want] of cases) it(`${dur}ms -> ${want}`, () => assert.equal(humanDuration(dur), want));
});

describe('age and toTable', t, () => {
  const now = Date.parse('2026-01-10T00:00:00Z');
  const obj = (ts?: string, name = 'a') => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, ...(ts ? { creationTimestamp: ts } : {}) }, data: { k: 'v' } });
  const recent = () => new Date(Date.now() - 5000).toISOString().replace(/\.\d+Z$/, 'Z');
  const opts = (includeObject: 'None' | 'Metadata' | 'Object', extra: Partial<TableOptions> = {}): TableOptions =>
    ({ printer: printerFor('', 'configmaps'), includeObject, metaVersion: 'v1', ...extra });

  it('age of an object created 90s ago', () => assert.equal(age(obj('2026-01-09T23:58:30Z'), now), '90s'));
  it('age of an object created a second "in the future" (clock skew) is 0s', () => assert.equal(age(obj('2026-01-10T00:00:01Z'), now), '0s'));
  it('age without creationTimestamp is <unknown>', () => assert.equal(age(obj(), now), '<unknown>'));

  it('toTable prints the resource\'s columns and carries the object as asked', () => {
    const tbl = toTable([obj(recent())], { resourceVersion: '7' }, opts('Metadata'));
    assert.equal(tbl.kind, 'Table');
    assert.equal(tbl.apiVersion, 'meta.k8s.io/v1');
    assert.deepEqual(tbl.metadata, { resourceVersion: '7' });
    assert.deepEqual(tbl.columnDefinitions?.map((c) => c.name), ['Name', 'Data', 'Age']);
    assert.equal(tbl.rows.length, 1);
    const cells = tbl.rows[0].cells as unknown[];
    assert.equal(cells[0], 'a');
    assert.equal(cells[1], 1);
    assert.match(String(cells[2]), /^\d+s$/);
    assert.equal((tbl.rows[0].object as { kind: string }).kind, 'PartialObjectMetadata');
    assert.equal(toTable([obj()], {}, opts('None')).rows[0].object, undefined);
    assert.equal((toTable([obj()], {}, { ...opts('Object'), metaVersion: 'v1beta1' }).rows[0].object as { kind: string }).kind, 'ConfigMap');
    assert.equal(toTable([obj()], {}, { ...opts('Object'), metaVersion: 'v1beta1' }).apiVersion, 'meta.k8s.io/v1beta1');
  });

  it('rows carry the wire form of the object, cells are printed from the stored one', () => {
    const toWire = (o: KubeObject) => ({ ...o, apiVersion: 'v9', data: {} });
    const row = toTable([obj()], {}, opts('Object', { toWire })).rows[0];
    assert.equal((row.object as KubeObject).apiVersion, 'v9');
    assert.equal((row.cells as unknown[])[1], 1);
  });

  it('noHeaders leaves the column definitions out (watch events after the first)', () => {
    assert.equal(toTable([obj()], {}, opts('None', { noHeaders: true })).columnDefinitions, null);
  });

  it('resources without a printer get NAME and CREATED AT, the time in RFC 3339', () => {
    const tbl = toTable([obj('2026-01-09T23:58:30Z', 'r')], {}, { ...opts('None'), printer: printerFor('rbac.authorization.k8s.io', 'roles') });
    assert.deepEqual(tbl.columnDefinitions?.map((c) => [c.name, c.type, c.format]), [['Name', 'string', 'name'], ['Created At', 'date', '']]);
    assert.deepEqual(tbl.rows[0].cells, ['r', '2026-01-09T23:58:30Z']);
    assert.equal(printerFor('', 'limitranges'), printerFor('nope.example.com', 'widgets'));
  });

  it('a printer with an order sorts the rows (flowschemas by precedence, then name)', () => {
    const fs = (name: string, p: number) => ({ metadata: { name }, spec: { matchingPrecedence: p, priorityLevelConfiguration: { name: 'x' } } });
    const tbl = toTable([fs('b', 500), fs('a', 500), fs('c', 10)], {}, { ...opts('None'), printer: printerFor('flowcontrol.apiserver.k8s.io', 'flowschemas') });
    assert.deepEqual(tbl.rows.map((r) => (r.cells as unknown[])[0]), ['c', 'a', 'b']);
  });
});

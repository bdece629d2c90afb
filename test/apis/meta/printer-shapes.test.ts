/** The shared printer row shapes: column order, wide columns and cells in the same order. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nameAgePrinter, replicaCounts, templatePodSpec, workloadPrinter } from '../../../src/apis/meta/printer-shapes.js';
import { col } from '../../../src/apis/meta/printing.js';

const now = Date.parse('2026-01-01T00:10:00Z');
const meta = { name: 'x', creationTimestamp: '2026-01-01T00:00:00Z' };

test('nameAgePrinter puts NAME first, AGE after the own columns, then the after-age run', { timeout: 10_000 }, () => {
  const p = nameAgePrinter(
    { columns: [col('Own', 'string', 'own')], cells: (o) => [o.own] },
    { columns: [col('Late', 'string', 'late', 1)], cells: (o) => [o.late] },
  );
  assert.deepEqual(p.columns.map((c) => c.name), ['Name', 'Own', 'Age', 'Late']);
  assert.deepEqual(p.cells({ metadata: meta, own: 'a', late: 'b' } as never, now), ['x', 'a', '10m', 'b']);
});

test('workloadPrinter adds wide containers, images and the selector only when asked for', { timeout: 10_000 }, () => {
  const obj = { metadata: meta, spec: { replicas: 3, template: { spec: { containers: [{ name: 'c1', image: 'i1' }, { name: 'c2', image: 'i2' }] } } }, status: { replicas: 2 } };
  const withSel = workloadPrinter(replicaCounts, templatePodSpec, () => 'app=x');
  assert.deepEqual(withSel.columns.map((c) => [c.name, c.priority]), [
    ['Name', 0], ['Desired', 0], ['Current', 0], ['Ready', 0], ['Age', 0], ['Containers', 1], ['Images', 1], ['Selector', 1],
  ]);
  assert.deepEqual(withSel.cells(obj as never, now), ['x', 3, 2, 0, '10m', 'c1,c2', 'i1,i2', 'app=x']);
  const noSel = workloadPrinter(replicaCounts, templatePodSpec);
  assert.equal(noSel.columns.at(-1)?.name, 'Images');
  assert.deepEqual(noSel.cells({ metadata: meta } as never, now), ['x', 0, 0, 0, '10m', '', '']);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiMetrics } from '../../src/server/metrics.js';
import { parseRequestInfo } from '../../src/filters/request-info.js';

test('apiserver_request_total counts each label set, before and after prom-client is loaded', async () => {
  const m = new ApiMetrics(async () => [['configmaps', 3]]);
  const create = parseRequestInfo({ method: 'POST', url: '/api/v1/namespaces/a/configmaps' });
  const get = parseRequestInfo({ method: 'GET', url: '/api/v1/namespaces/a/configmaps/x' });
  m.observe(create, 201, 0.01, false); // possibly before prom-client is in: kept and recorded later
  await m.scrape();
  for (let i = 0; i < 3; i++) m.observe(create, 201, 0.01, false);
  m.observe(create, 409, 0.01, false);
  m.observe(get, 200, 0.002, true);
  const { text } = await m.scrape();
  const count = (re: RegExp) => Number(re.exec(text)?.[1]);
  assert.equal(count(/^apiserver_request_total\{verb="POST",dry_run="",group="",version="v1",resource="configmaps",subresource="",scope="namespace",component="apiserver",code="201"\} (\d+)/m), 4);
  assert.equal(count(/^apiserver_request_total\{verb="POST",.*code="409"\} (\d+)/m), 1);
  assert.equal(count(/^apiserver_request_total\{verb="GET",dry_run="All",.*scope="resource".*code="200"\} (\d+)/m), 1);
  assert.equal(count(/^apiserver_request_duration_seconds_count\{verb="POST",.*scope="namespace",component="apiserver"\} (\d+)/m), 5);
  assert.match(text, /^apiserver_storage_objects\{resource="configmaps"\} 3$/m);
});

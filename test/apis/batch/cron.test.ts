import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cronScheduleError } from '../../../src/apis/batch/cron.js';

describe('cron schedules (robfig/cron ParseStandard)', () => {
  const cases: Array<[string, string | null]> = [
    ['*/5 * * * *', null],
    ['0 9-17 * * mon-fri', null],
    ['15,45 */2 1 JAN,jul ?', null],
    ['@hourly', null],
    ['@every 90s', null],
    ['', 'empty spec string'],
    ['* * * *', 'expected exactly 5 fields, found 4: [* * * *]'],
    ['60 * * * *', 'end of range (60) above maximum (59): 60'],
    ['* * 0 * *', 'beginning of range (0) below minimum (1): 0'],
    ['5-2 * * * *', 'beginning of range (5) beyond end of range (2): 5-2'],
    ['*/0 * * * *', 'step of range should be a positive number: */0'],
    ['1-2-3 * * * *', 'too many hyphens: 1-2-3'],
    ['*/2/3 * * * *', 'too many slashes: */2/3'],
    ['x * * * *', 'failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax'],
    ['@sometimes', 'unrecognized descriptor: @sometimes'],
    ['@every 5', 'failed to parse duration @every 5: time: missing unit in duration "5"'],
  ];
  for (const [spec, want] of cases) it(JSON.stringify(spec), () => assert.equal(cronScheduleError(spec), want));
});

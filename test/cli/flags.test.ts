/**
 * The flag parser (cli/flags.ts) against pflag's behaviour where users notice it: `--flag=value`,
 * `--flag value`, bare booleans, `-v=4`, the error texts (spf13/pflag flag.go), Go's
 * time.ParseDuration for duration flags, and the usage text. Also kubets apiserver's own flags.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { apiserverFlags } from '../../src/cli/apiserver.js';
import { type FlagDef, FlagError, parseDuration, parseFlags, usage } from '../../src/cli/flags.js';

const t = { timeout: 10_000 };

const defs: FlagDef[] = [
  { name: 'port', type: 'int', default: '8080', usage: 'The port.' },
  { name: 'data-dir', type: 'string', default: './data', usage: 'Where data lives.' },
  { name: 'timeout', type: 'duration', default: '1m0s', usage: 'How long.' },
  { name: 'verbose-errors', type: 'bool', default: 'false', usage: 'Say more.' },
  { name: 'v', short: 'v', type: 'int', default: '0', usage: 'Log level.' },
];

const parse = (...argv: string[]) => parseFlags(defs, argv).values;

function flagError(message: string | RegExp) {
  return (e: unknown) => {
    assert.ok(e instanceof FlagError, `not a FlagError: ${String(e)}`);
    if (typeof message === 'string') assert.equal(e.message, message);
    else assert.match(e.message, message);
    return true;
  };
}

describe('parseFlags: defaults and forms', t, () => {
  it('no arguments: every default, converted', () => {
    const v = parse();
    assert.equal(v.get('port'), 8080);
    assert.equal(v.get('data-dir'), './data');
    assert.equal(v.get('timeout'), 60_000);
    assert.equal(v.get('verbose-errors'), false);
    assert.equal(v.get('v'), 0);
  });
  const cases: Array<[string[], string, number | string | boolean]> = [
    [['--port=9090'], 'port', 9090],
    [['--port', '9090'], 'port', 9090],
    [['--port=-1'], 'port', -1],
    [['--port', '-1'], 'port', -1],
    [['--data-dir=/tmp/x'], 'data-dir', '/tmp/x'],
    [['--data-dir', '/tmp/y'], 'data-dir', '/tmp/y'],
    [['--data-dir='], 'data-dir', ''],
    [['--data-dir=a=b'], 'data-dir', 'a=b'],
    [['--data-dir', '--port'], 'data-dir', '--port'],
    [['--timeout=90s'], 'timeout', 90_000],
    [['--timeout', '1h'], 'timeout', 3_600_000],
    [['--timeout=0'], 'timeout', 0],
    [['--verbose-errors'], 'verbose-errors', true],
    [['--verbose-errors=true'], 'verbose-errors', true],
    [['--verbose-errors=false'], 'verbose-errors', false],
    [['--verbose-errors=1'], 'verbose-errors', true],
    [['--verbose-errors=0'], 'verbose-errors', false],
    [['--verbose-errors=T'], 'verbose-errors', true],
    [['--verbose-errors=F'], 'verbose-errors', false],
    [['--verbose-errors=TRUE'], 'verbose-errors', true],
    [['--verbose-errors=False'], 'verbose-errors', false],
    [['-v=4'], 'v', 4],
    [['-v', '4'], 'v', 4],
    [['--v=4'], 'v', 4],
    [['--v', '2'], 'v', 2],
    // the last occurrence wins
    [['--port=1', '--port=2'], 'port', 2],
    [['-v=1', '--v=3'], 'v', 3],
  ];
  for (const [argv, name, want] of cases) {
    it(`${argv.join(' ')} -> ${name}=${JSON.stringify(want)}`, () => assert.equal(parse(...argv).get(name), want));
  }
  it('a bare boolean does not swallow the next flag', () => {
    const v = parse('--verbose-errors', '--port=1');
    assert.equal(v.get('verbose-errors'), true);
    assert.equal(v.get('port'), 1);
  });
  it('--help and -h set help and keep parsing', () => {
    assert.equal(parseFlags(defs, ['--help']).help, true);
    assert.equal(parseFlags(defs, ['-h']).help, true);
    assert.equal(parseFlags(defs, ['--port=1', '--help']).values.get('port'), 1);
    assert.equal(parseFlags(defs, []).help, false);
  });
});

describe('parseFlags: errors with pflag texts', t, () => {
  const cases: Array<[string[], string | RegExp]> = [
    [['--nope'], 'unknown flag: --nope'],
    [['--nope=1'], 'unknown flag: --nope'],
    [['--Port=1'], 'unknown flag: --Port'],
    [['-x'], "unknown shorthand flag: 'x' in -x"],
    [['-x=1'], "unknown shorthand flag: 'x' in -x=1"],
    [['--port=abc'], 'invalid argument "abc" for "--port" flag: strconv.ParseInt: parsing "abc": invalid syntax'],
    [['--port', 'abc'], 'invalid argument "abc" for "--port" flag: strconv.ParseInt: parsing "abc": invalid syntax'],
    [['--port=1.5'], 'invalid argument "1.5" for "--port" flag: strconv.ParseInt: parsing "1.5": invalid syntax'],
    [['--port='], 'invalid argument "" for "--port" flag: strconv.ParseInt: parsing "": invalid syntax'],
    [['--port= 1'], 'invalid argument " 1" for "--port" flag: strconv.ParseInt: parsing " 1": invalid syntax'],
    [['--timeout=abc'], 'invalid argument "abc" for "--timeout" flag: time: invalid duration "abc"'],
    [['--timeout='], 'invalid argument "" for "--timeout" flag: time: invalid duration ""'],
    [['--timeout=1m0'], /^invalid argument "1m0" for "--timeout" flag: time: /],
    [['--verbose-errors=yes'], 'invalid argument "yes" for "--verbose-errors" flag: strconv.ParseBool: parsing "yes": invalid syntax'],
    [['--verbose-errors='], 'invalid argument "" for "--verbose-errors" flag: strconv.ParseBool: parsing "": invalid syntax'],
    [['--port'], 'flag needs an argument: --port'],
    [['--data-dir'], 'flag needs an argument: --data-dir'],
    // pflag names a flag with a shorthand "-v, --v" in value errors, and 'v' in -v when the value is missing
    [['-v=x'], 'invalid argument "x" for "-v, --v" flag: strconv.ParseInt: parsing "x": invalid syntax'],
    [['--v=x'], 'invalid argument "x" for "-v, --v" flag: strconv.ParseInt: parsing "x": invalid syntax'],
    [['-v'], "flag needs an argument: 'v' in -v"],
  ];
  for (const [argv, message] of cases) {
    it(argv.join(' ') || '(empty)', () => assert.throws(() => parse(...argv), flagError(message)));
  }
  it('a positional argument is refused', () => assert.throws(() => parse('serve'), FlagError));
  it('a stray value after a boolean is refused', () => assert.throws(() => parse('--verbose-errors', 'false'), FlagError));
});

describe('parseDuration: Go time.ParseDuration', t, () => {
  const ok: Array<[string, number]> = [
    ['0', 0],
    ['0s', 0],
    ['1s', 1000],
    ['90s', 90_000],
    ['1m0s', 60_000],
    ['1m30s', 90_000],
    ['1h', 3_600_000],
    ['1h2m3s', 3_723_000],
    ['1.5h', 5_400_000],
    ['2.5s', 2500],
    ['500ms', 500],
    ['1500us', 1.5],
    ['1500µs', 1.5],
    ['2000000ns', 2],
    ['5m0s', 300_000],
    ['1h0m0s', 3_600_000],
    ['10m10s500ms', 610_500],
    // Go accepts a sign and a bare leading or trailing dot
    ['-1s', -1000],
    ['+1s', 1000],
    ['.5s', 500],
    ['1.s', 1000],
  ];
  for (const [text, want] of ok) it(`${JSON.stringify(text)} -> ${want}ms`, () => assert.equal(parseDuration(text), want));

  const bad: Array<[string, string]> = [
    ['', 'time: invalid duration ""'],
    ['abc', 'time: invalid duration "abc"'],
    ['s', 'time: invalid duration "s"'],
    ['1 s', 'time: unknown unit " s" in duration "1 s"'],
    ['1x', 'time: unknown unit "x" in duration "1x"'],
    ['1d', 'time: unknown unit "d" in duration "1d"'],
    ['1', 'time: missing unit in duration "1"'],
    ['1m1', 'time: missing unit in duration "1m1"'],
    ['.s', 'time: invalid duration ".s"'],
  ];
  for (const [text, message] of bad) {
    it(`${JSON.stringify(text)} -> ${message}`, () => assert.throws(() => parseDuration(text), (e: unknown) => {
      assert.ok(e instanceof Error);
      assert.equal(e.message, message);
      return true;
    }));
  }
});

describe('usage', t, () => {
  const text = usage('apiserver', defs);
  it('starts with the command line', () => assert.match(text, /^Usage:\n {2}kubets apiserver \[flags\]\n\nFlags:\n/));
  it('lists every flag once, with its type and default', () => {
    for (const d of defs) assert.equal(text.split(`--${d.name} `).length - 1 + text.split(`--${d.name}\n`).length - 1 >= 1, true, d.name);
    assert.match(text, /--port int +The port\. \(default 8080\)/);
    assert.match(text, /--data-dir string +Where data lives\. \(default "\.\/data"\)/);
    assert.match(text, /--timeout duration +How long\. \(default 1m0s\)/);
    assert.match(text, /-v, --v int +Log level\. \(default 0\)/);
  });
  it('booleans show no type and no false default', () => {
    assert.match(text, /--verbose-errors +Say more\.\n/);
  });
});

describe('kubets apiserver flags', t, () => {
  const names = apiserverFlags.map((f) => f.name);
  it('has kube-apiserver names and defaults', () => {
    const byName = new Map(apiserverFlags.map((f) => [f.name, f]));
    assert.equal(byName.get('service-cluster-ip-range')?.default, '10.0.0.0/24');
    assert.equal(byName.get('service-node-port-range')?.default, '30000-32767');
    assert.equal(byName.get('max-requests-inflight')?.default, '400');
    assert.equal(byName.get('max-mutating-requests-inflight')?.default, '200');
    assert.equal(byName.get('request-timeout')?.default, '1m0s');
    assert.equal(byName.get('etcd-compaction-interval')?.default, '5m0s');
    assert.equal(byName.get('v')?.short, 'v');
  });
  it('names are unique', () => assert.equal(new Set(names).size, names.length));
  it('every default converts', () => assert.doesNotThrow(() => parseFlags(apiserverFlags, [])));
  it('parses a typical command line', () => {
    const v = parseFlags(apiserverFlags, ['--insecure-port=0', '--data-dir', '/tmp/k', '--request-timeout=30s', '-v=4', '--max-requests-inflight=0']).values;
    assert.equal(v.get('insecure-port'), 0);
    assert.equal(v.get('data-dir'), '/tmp/k');
    assert.equal(v.get('request-timeout'), 30_000);
    assert.equal(v.get('v'), 4);
    assert.equal(v.get('max-requests-inflight'), 0);
  });
  it('refuses a bad value with pflag\'s text', () => {
    assert.throws(() => parseFlags(apiserverFlags, ['--max-requests-inflight=lots']),
      flagError('invalid argument "lots" for "--max-requests-inflight" flag: strconv.ParseInt: parsing "lots": invalid syntax'));
    assert.throws(() => parseFlags(apiserverFlags, ['--request-timeout=soon']),
      flagError('invalid argument "soon" for "--request-timeout" flag: time: invalid duration "soon"'));
  });
});

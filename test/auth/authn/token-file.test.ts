/**
 * --token-auth-file: upstream's CSV rules (tokenfile.NewCSV over encoding/csv) and bearer-token
 * handling (request/bearertoken). No assertion message or error may carry a token's value.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuthenticationError } from '../../../src/auth/authn/authenticator.js';
import { bearerToken } from '../../../src/auth/authn/bearer-token.js';
import { loadTokenFile, parseCsv } from '../../../src/auth/authn/token-file.js';

const dir = mkdtempSync(join(tmpdir(), 'kubets-tokenfile-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
function file(text: string): string {
  const p = join(dir, `tokens-${n++}.csv`);
  writeFileSync(p, text);
  return p;
}
const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

describe('token file', { timeout: 10_000 }, () => {
  it('reads token,user,uid and an optional quoted group list', async () => {
    const a = loadTokenFile(file('s3cret-a,alice,uid-a,"dev,ops"\r\ns3cret-b,bob,uid-b\n\ns3cret-c,carol,,\n'));
    assert.equal(a.size, 3);
    assert.deepEqual(await a.authenticateToken('s3cret-a'), { name: 'alice', uid: 'uid-a', groups: ['dev', 'ops'] });
    assert.deepEqual(await a.authenticateToken('s3cret-b'), { name: 'bob', uid: 'uid-b', groups: [] });
    // Go: strings.Split("", ",") is [""]; an empty uid is no uid.
    assert.deepEqual(await a.authenticateToken('s3cret-c'), { name: 'carol', groups: [''] });
    assert.equal(await a.authenticateToken('nope'), null);
  });

  it('parses quoting like encoding/csv', () => {
    assert.deepEqual(parseCsv('"a ""quoted"" tok",u,"multi\nline",x,extra\n'), [['a "quoted" tok', 'u', 'multi\nline', 'x', 'extra']]);
    assert.deepEqual(parseCsv('a,b,c'), [['a', 'b', 'c']]);
    assert.deepEqual(parseCsv('a,b,\n'), [['a', 'b', '']]);
    assert.deepEqual(parseCsv(' a , b ,c\n'), [[' a ', ' b ', 'c']]);
    assert.throws(() => parseCsv('ab"c,d,e\n'), { message: 'parse error on line 1, column 3: bare " in non-quoted-field' });
    assert.throws(() => parseCsv('x,y,z\n"abc"d,e,f\n'), { message: 'parse error on line 2, column 5: extraneous or missing " in quoted-field' });
    assert.throws(() => parseCsv('"abc,d\n'), /extraneous or missing " in quoted-field/);
  });

  it('rejects a record with fewer than 3 columns, with upstream\'s text', () => {
    const p = file('tok,alice,uid\ntok2,bob\n');
    assert.throws(() => loadTokenFile(p), { message: `token file '${p}' must have at least 3 columns (token, user name, user uid), found 2` });
  });

  it('warns on empty and duplicate tokens without naming them; the last duplicate wins', async () => {
    const warnings: string[] = [];
    const p = file('dup-secret,first,1\n,nobody,2\ndup-secret,second,3\n');
    const a = loadTokenFile(p, { warn: (m) => warnings.push(m) });
    assert.deepEqual(warnings, [
      `empty token has been found in token file '${p}', record number '2'`,
      `duplicate token has been found in token file '${p}', record number '3'`,
    ]);
    assert.ok(warnings.every((w) => !w.includes('dup-secret')));
    assert.equal((await a.authenticateToken('dup-secret'))?.name, 'second');
    assert.equal(a.size, 1);
  });

  it('hands out copies: a caller changing the user changes nothing stored', async () => {
    const a = loadTokenFile(file('t1,alice,u,"g"\n'));
    const u = await a.authenticateToken('t1');
    u!.groups.push('system:masters');
    assert.deepEqual((await a.authenticateToken('t1'))!.groups, ['g']);
  });

  it('reads the Authorization header as upstream bearertoken does', () => {
    const cases: Array<[string | undefined, string | null]> = [
      [undefined, null], ['', null], ['   ', null], ['Bearer', null], ['Bearer ', null], ['Bearer  two-spaces', null],
      ['Basic YWxpY2U6cHc=', null], ['Bearer abc', 'abc'], ['bEaReR abc', 'abc'], ['  Bearer abc  ', 'abc'], ['Bearer abc def', 'abc'],
    ];
    for (const [h, want] of cases) assert.equal(bearerToken(h === undefined ? {} : { authorization: h }), want, `header ${JSON.stringify(h)}`);
  });

  it('as a request authenticator: no token is null, a known token a user, an unknown one a 401 error', async () => {
    const a = loadTokenFile(file('known-tok,alice,uid-a\n'));
    assert.equal(await a.authenticate({ headers: {} }), null);
    assert.equal(await a.authenticate({ headers: { authorization: 'Basic x' } }), null);
    assert.equal((await a.authenticate(bearer('known-tok')))?.name, 'alice');
    assert.equal((await a.authenticate({ headers: { authorization: 'bearer known-tok' } }))?.name, 'alice');
    await assert.rejects(a.authenticate(bearer('unknown-secret-value')), (e: unknown) =>
      e instanceof AuthenticationError && e.message === 'invalid bearer token' && !e.message.includes('unknown-secret-value'));
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkToken, credentialOf, tokensEqual } from './bearer.js';

const TOKEN = 'stage-token-1234';
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('checkToken', () => {
  const cases: { name: string; header: string | undefined; basicPassword?: boolean; expected: string }[] = [
    { name: 'the right Bearer token', header: `Bearer ${TOKEN}`, expected: 'ok' },
    { name: 'the scheme in another case', header: `bearer ${TOKEN}`, expected: 'ok' },
    { name: 'no header', header: undefined, expected: 'missing' },
    { name: 'an empty Bearer', header: 'Bearer ', expected: 'missing' },
    { name: 'the token alone, without its scheme', header: TOKEN, expected: 'missing' },
    { name: 'a token one character short', header: `Bearer ${TOKEN.slice(0, -1)}`, expected: 'wrong' },
    { name: 'a token one character long', header: `Bearer ${TOKEN}5`, expected: 'wrong' },
    { name: 'Basic, when only Bearer is taken', header: basic('flagger', TOKEN), expected: 'missing' },
    {
      name: 'Basic with the token as password, when taken',
      header: basic('flagger', TOKEN),
      basicPassword: true,
      expected: 'ok',
    },
    { name: 'Basic with another password', header: basic('flagger', 'nope'), basicPassword: true, expected: 'wrong' },
    { name: 'Basic with the token as user name', header: basic(TOKEN, ''), basicPassword: true, expected: 'wrong' },
  ];
  for (const { name, header, basicPassword, expected } of cases) {
    it(`${name}: ${expected}`, () => {
      assert.equal(checkToken(header, TOKEN, { basicPassword: basicPassword ?? false }), expected);
    });
  }

  it('compares tokens of any lengths without throwing', () => {
    assert.equal(tokensEqual('a', 'a'.repeat(500)), false);
    assert.equal(tokensEqual(TOKEN, TOKEN), true);
    assert.equal(credentialOf('Bearer a b'), undefined);
  });
});

import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import pino from 'pino';
import { forEachLine, listeningMessage, listeningPort } from './listening-line.js';

describe('the "listening" line', () => {
  it('gives the port of the line runService logs, as pino writes it', () => {
    const out = new PassThrough();
    let written = '';
    out.on('data', (chunk: Buffer) => {
      written += chunk.toString();
    });
    pino({ base: { service: 'face' } }, out).info(
      { url: 'http://localhost:40123', port: 40123 },
      listeningMessage('face'),
    );
    assert.equal(listeningPort(written.trim()), 40123);
  });

  it('gives nothing for other lines, and for a message that only mentions listening', () => {
    assert.equal(listeningPort('{"level":30,"msg":"Server listening at http://127.0.0.1:8000"}'), undefined);
    assert.equal(listeningPort('{"port":8000,"msg":"faces face stopped listening"}'), undefined);
    assert.equal(listeningPort('not json at all'), undefined);
  });

  it("reads the bench references' hand-written line too", () => {
    assert.equal(listeningPort('{"port":8123,"msg":"faces bare listening"}'), 8123);
  });
});

describe('forEachLine', () => {
  it('yields whole lines however the chunks split them, multi-byte characters included', () => {
    const output = new PassThrough();
    const lines: string[] = [];
    forEachLine(output, (line) => lines.push(line));
    const text = Buffer.from('first 😀 line\nsecond\nthird, unfinished');
    for (let i = 0; i < text.length; i += 3) output.write(text.subarray(i, i + 3));
    assert.deepEqual(lines, ['first 😀 line', 'second']);
    output.write('\n');
    assert.deepEqual(lines, ['first 😀 line', 'second', 'third, unfinished']);
  });
});

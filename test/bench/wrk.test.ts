import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseWrk } from './wrk.js';

// The shape of `wrk -t1 -c32 -d5s --latency URL` output (Debian's wrk 4).
const OUTPUT = `Running 5s test @ http://127.0.0.1:40000/center/
  1 threads and 32 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     1.52ms  612.40us  18.20ms   91.00%
    Req/Sec    21.10k     1.20k   23.00k    80.00%
  Latency Distribution
     50%  1.41ms
     75%  1.62ms
     90%  2.01ms
     99%  3.50ms
  104987 requests in 5.00s, 23.10MB read
  Non-2xx or 3xx responses: 12
Requests/sec:  20997.40
Transfer/sec:      4.62MB
`;

describe('parseWrk', () => {
  it('reads requests, req/s, p50, p99 and non-2xx answers, in milliseconds', () => {
    assert.deepEqual(parseWrk(OUTPUT), {
      requests: 104987,
      requestsPerSecond: 20997.4,
      p50Ms: 1.41,
      p99Ms: 3.5,
      non2xx: 12,
    });
  });

  it('converts microseconds and seconds, and counts no non-2xx line as none', () => {
    const fast = OUTPUT.replace('50%  1.41ms', '50%  850.00us')
      .replace('99%  3.50ms', '99%  1.20s')
      .replace('  Non-2xx or 3xx responses: 12\n', '');
    const result = parseWrk(fast);
    assert.equal(result.p50Ms, 0.85);
    assert.equal(result.p99Ms, 1200);
    assert.equal(result.non2xx, 0);
  });

  it('names the output it could not read', () => {
    assert.throws(() => parseWrk('unable to connect to 127.0.0.1:1 Connection refused'), /could not read wrk output/);
  });
});

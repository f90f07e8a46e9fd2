// Color's gRPC server, hand-written or on @connectrpc/connect-node, measured with one client:
//   node scripts/grpc-footing/client.mjs scripts/grpc-footing/server-hand.mjs [seconds] [concurrency] [sessions]
//   node scripts/grpc-footing/client.mjs scripts/grpc-footing/server-connect.mjs …
// node:http2 sessions keep CONCURRENCY Center calls in flight for SECONDS (after 2 s of warm-up);
// the server's CPU comes from /proc/<pid>/stat (utime + stime, clock ticks of 10 ms). Needs `npm run build`.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect } from 'node:http2';

const [serverScript, seconds = '10', concurrency = '32', sessionsCount = '2'] = process.argv.slice(2);
const child = spawn(process.execPath, [serverScript], { stdio: ['ignore', 'pipe', 'inherit'] });
const port = await new Promise((resolve) => child.stdout.once('data', (d) => resolve(Number(String(d).trim()))));
const cpu = () => {
  const f = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
};
const sessions = Array.from({ length: Number(sessionsCount) }, () => connect(`http://127.0.0.1:${port}`));
const body = Buffer.from([0, 0, 0, 0, 0]);
let done = 0,
  failed = 0,
  stop = false;
function one(session) {
  return new Promise((resolve) => {
    const s = session.request({
      ':method': 'POST',
      ':path': '/ColorService/Center',
      'content-type': 'application/grpc',
      te: 'trailers',
      'x-faces-user': 'bench',
    });
    let status;
    s.on('trailers', (t) => {
      status = t['grpc-status'];
    });
    s.on('data', () => {});
    s.on('close', () => {
      if (status === '0') done++;
      else failed++;
      resolve();
    });
    s.on('error', () => {});
    s.end(body);
  });
}
async function worker(i) {
  const session = sessions[i % sessions.length];
  while (!stop) await one(session);
}
// warm-up
stop = false;
setTimeout(() => {
  stop = true;
}, 2000);
await Promise.all(Array.from({ length: Number(concurrency) }, (_, i) => worker(i)));
done = 0;
failed = 0;
stop = false;
const cpu0 = cpu();
const t0 = performance.now();
setTimeout(() => {
  stop = true;
}, Number(seconds) * 1000);
await Promise.all(Array.from({ length: Number(concurrency) }, (_, i) => worker(i)));
const ms = performance.now() - t0;
const cpuMs = cpu() - cpu0;
console.log(
  JSON.stringify({
    server: serverScript.split('/').pop(),
    callsPerSecond: Math.round(done / (ms / 1000)),
    failed,
    serverCpuMsPerCall: +(cpuMs / done).toFixed(4),
    serverCpuPercent: Math.round((100 * cpuMs) / ms),
  }),
);
for (const s of sessions) s.destroy();
child.kill();
process.exit(0);

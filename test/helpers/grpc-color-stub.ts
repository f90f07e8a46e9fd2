// A stand-in for color's gRPC service, written on node:http2 with the gRPC framing and the
// protobuf of ColorResponse done by hand: independent of both face's client (services/face/src/grpc)
// and grpc-js. It records each call's path and metadata and counts TCP connections.
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type ServerHttp2Session, type ServerHttp2Stream } from 'node:http2';

export type StubAnswer =
  | { readonly kind: 'color'; readonly color: string }
  | { readonly kind: 'status'; readonly code: number; readonly message: string }
  | { readonly kind: 'hang' };

export interface RecordedCall {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
}

export interface GrpcColorStub {
  readonly url: string;
  readonly calls: RecordedCall[];
  /** TCP connections accepted so far. */
  readonly connections: () => number;
  answer: StubAnswer;
  close(): Promise<void>;
}

/** ColorResponse{color} in protobuf (field 1, length-delimited), in a gRPC length-prefixed frame. */
export function colorFrame(color: string): Buffer {
  const text = Buffer.from(color, 'utf8');
  if (text.length > 127) throw new Error('the stub encodes short colors only');
  const message = Buffer.concat([Buffer.from([0x0a, text.length]), text]);
  const prefix = Buffer.alloc(5);
  prefix.writeUInt32BE(message.length, 1);
  return Buffer.concat([prefix, message]);
}

export async function startGrpcColorStub(answer: StubAnswer): Promise<GrpcColorStub> {
  let connections = 0;
  const calls: RecordedCall[] = [];
  const sessions = new Set<ServerHttp2Session>();
  const server = createServer();
  const stub: GrpcColorStub = {
    url: '',
    calls,
    connections: () => connections,
    answer,
    close: async () => {
      for (const session of sessions) session.destroy();
      server.close();
      await once(server, 'close');
    },
  };
  server.on('session', (session) => {
    sessions.add(session);
    session.on('close', () => sessions.delete(session));
  });
  server.on('connection', () => {
    connections++;
  });
  server.on('stream', (stream: ServerHttp2Stream, headers) => {
    calls.push({ path: String(headers[':path']), headers });
    stream.on('error', () => {});
    stream.resume();
    stream.once('end', () => {
      const now = stub.answer;
      if (now.kind === 'hang') return;
      stream.respond({ ':status': 200, 'content-type': 'application/grpc' }, { waitForTrailers: true });
      stream.once('wantTrailers', () => {
        if (now.kind === 'color') stream.sendTrailers({ 'grpc-status': '0' });
        else stream.sendTrailers({ 'grpc-status': String(now.code), 'grpc-message': encodeURIComponent(now.message) });
      });
      stream.end(now.kind === 'color' ? colorFrame(now.color) : undefined);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return Object.assign(stub, { url: `grpc://127.0.0.1:${port}` });
}

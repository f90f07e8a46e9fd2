// color's hand-written unary handler (services/color/src/grpc/unary-stream.ts) on a plain node:http2 server.
import { createServer } from 'node:http2';
import { ColorRequestSchema, ColorResponseSchema, create, fromBinary, toBinary } from '@faces/kit/color-rpc';
import { unaryStreamHandler } from '../../services/color/dist/grpc/unary-stream.js';

const center = (call) => {
  fromBinary(ColorRequestSchema, call.request);
  return { code: 0, reply: toBinary(ColorResponseSchema, create(ColorResponseSchema, { color: '#66CCEE' })) };
};
const server = createServer({ settings: { maxConcurrentStreams: 100 } });
server.on(
  'stream',
  unaryStreamHandler({
    methods: new Map([['/ColorService/Center', center]]),
    pod: 'p',
    maxMessageBytes: 4096,
    requestTimeoutMs: 10000,
    record: () => {},
  }),
);
server.listen(0, '127.0.0.1', () => console.log(server.address().port));

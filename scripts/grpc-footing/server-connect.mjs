// The same method on @connectrpc/connect-node's handler (gRPC protocol only) on a plain node:http2 server.
import { createServer } from 'node:http2';
import { connectNodeAdapter } from '@connectrpc/connect-node';
import { ColorService } from '@faces/kit/color-rpc';

const handler = connectNodeAdapter({
  grpc: true,
  grpcWeb: false,
  connect: false,
  readMaxBytes: 4096,
  routes: (router) =>
    router.service(ColorService, {
      center: (_request, context) => {
        context.responseHeader.set('x-faces-pod', 'p');
        context.responseHeader.set('x-faces-user', context.requestHeader.get('x-faces-user') ?? 'unknown');
        return { color: '#66CCEE' };
      },
    }),
});
const server = createServer({ settings: { maxConcurrentStreams: 100 } }, handler);
server.listen(0, '127.0.0.1', () => console.log(server.address().port));

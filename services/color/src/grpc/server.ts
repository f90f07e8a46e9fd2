import type { ConnectRouter } from '@connectrpc/connect';
import { connectNodeAdapter } from '@connectrpc/connect-node';
import type { CellValues } from '@faces/kit';
import { serveHttp2 } from '@faces/kit';
import { ColorService } from '@faces/kit/color-rpc';
import type { FastifyInstance } from 'fastify';
import { colorServiceImpl } from './color-service.js';

/** The most a gRPC request message may be: ColorRequest and ColorUpdate are a few bytes. */
const MAX_MESSAGE_BYTES = 4096;

/**
 * gRPC on color's own port: HTTP/2 connections (by their preface) go to the Connect router,
 * which speaks the gRPC protocol only (no Connect or gRPC-Web: nothing here asks for them).
 */
export function serveColorGrpc(app: FastifyInstance, colors: CellValues, allowUpdates: boolean): void {
  const implementation = colorServiceImpl(app.faces, colors, allowUpdates);
  const routes = (router: ConnectRouter) => router.service(ColorService, implementation);
  serveHttp2(
    app,
    connectNodeAdapter({ routes, grpc: true, grpcWeb: false, connect: false, readMaxBytes: MAX_MESSAGE_BYTES }),
  );
}

// An independent gRPC client for color: @grpc/grpc-js's generic client fed only the .proto (color's
// server and face's client frame gRPC themselves, on node:http2), so the wire is checked by another library.
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { repoPath } from './repo.js';

export const COLOR_PROTO = repoPath('services/kit/proto/color.proto');

export interface GrpcAnswer<T> {
  /** The reply; undefined on a failed call. */
  readonly reply: T | undefined;
  /** 0 on success, else the gRPC status code. */
  readonly code: number;
  /** The status message (grpc-js decodes grpc-message with decodeURI, so it is decoded again here). */
  readonly details: string;
  /** The response's header metadata (initial metadata), first values. */
  readonly headers: Readonly<Record<string, string>>;
}

type Callback<T> = (error: grpc.ServiceError | null, reply?: T) => void;
type UnaryMethod = (
  request: object,
  metadata: grpc.Metadata,
  options: grpc.CallOptions,
  callback: Callback<object>,
) => grpc.ClientUnaryCall;

export interface ColorClient {
  center(request?: object, user?: Record<string, string>): Promise<GrpcAnswer<{ color: string }>>;
  edge(request?: object, user?: Record<string, string>): Promise<GrpcAnswer<{ color: string }>>;
  updateColor(request: object, user?: Record<string, string>): Promise<GrpcAnswer<{ which: string; color: string }>>;
  close(): void;
}

const definition = protoLoader.loadSync(COLOR_PROTO, { keepCase: true, defaults: true });

/**
 * grpc-message is percent-encoded (color: encodeGrpcMessage in services/kit/src/grpc-wire.ts), and
 * grpc-js decodes it with decodeURI, which leaves escapes such as `%3A` (:), `%2C` (,), `%23` (#) as
 * they are should a server send them. The rest is decoded here.
 */
function undoPercentEncoding(details: string): string {
  return details.replace(/%([0-9A-Fa-f]{2})/g, (_whole, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

function firstValues(metadata: grpc.Metadata): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(metadata.getMap())) values[name] = String(value);
  return values;
}

/** A client of color's ColorService at 127.0.0.1:port; each call is bounded by `deadlineMs`. */
export function colorClient(port: number, deadlineMs = 10_000): ColorClient {
  const loaded = grpc.loadPackageDefinition(definition) as unknown as {
    ColorService: new (
      address: string,
      credentials: grpc.ChannelCredentials,
    ) => grpc.Client & Record<string, UnaryMethod>;
  };
  const client = new loaded.ColorService(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  const call = <T>(method: string, request: object, headers: Record<string, string>): Promise<GrpcAnswer<T>> =>
    new Promise((resolve) => {
      const metadata = new grpc.Metadata();
      for (const [name, value] of Object.entries(headers)) metadata.set(name, value);
      let received: Record<string, string> = {};
      const unary = client[method] as UnaryMethod;
      const pending = unary.call(client, request, metadata, { deadline: Date.now() + deadlineMs }, (error, reply) => {
        if (error === null) resolve({ reply: reply as T, code: 0, details: '', headers: received });
        else
          resolve({
            reply: undefined,
            code: error.code,
            details: undoPercentEncoding(error.details),
            headers: received,
          });
      });
      pending.on('metadata', (metadata: grpc.Metadata) => {
        received = firstValues(metadata);
      });
    });
  return {
    center: (request = {}, headers = {}) => call('Center', request, headers),
    edge: (request = {}, headers = {}) => call('Edge', request, headers),
    updateColor: (request, headers = {}) => call('UpdateColor', request, headers),
    close: () => client.close(),
  };
}

export const GRPC_STATUS = grpc.status;

import { grpcStatusName, type ServiceAddress } from '@faces/kit';
import { fail, ok, type Result } from '@faces/kit/result';

export type ColorCall = Result<{ readonly which: string; readonly color: string }>;

type Client = {
  center(request: object, options: object): Promise<{ color: string }>;
  edge(request: object, options: object): Promise<{ color: string }>;
  updateColor(request: object, options: object): Promise<{ which: string; color: string }>;
};

/**
 * color's gRPC API (Center, Edge, UpdateColor) through Connect's gRPC transport, as `faces set
 * --grpc` calls it; loaded on first use, one HTTP/2 connection for the process.
 */
export class ColorGrpc {
  private client:
    | Promise<{ client: Client; from: (error: unknown) => { code: number; rawMessage: string } }>
    | undefined;

  constructor(
    private readonly address: ServiceAddress,
    private readonly timeoutMs: number,
  ) {}

  private load() {
    this.client ??= (async () => {
      const [{ ConnectError, createClient }, { createGrpcTransport }, { ColorService }] = await Promise.all([
        import('@connectrpc/connect'),
        import('@connectrpc/connect-node'),
        import('@faces/kit/color-rpc'),
      ]);
      const transport = createGrpcTransport({ baseUrl: this.address.origin });
      const client = createClient(ColorService, transport) as unknown as Client;
      return { client, from: (error: unknown) => ConnectError.from(error) };
    })();
    return this.client;
  }

  private async call(
    run: (client: Client, options: object) => Promise<{ which?: string; color: string }>,
    which: string,
    signal: AbortSignal | undefined,
  ): Promise<ColorCall> {
    const { client, from } = await this.load();
    try {
      const answer = await run(client, { timeoutMs: this.timeoutMs, signal });
      return ok({ which: answer.which ?? which, color: answer.color });
    } catch (error) {
      const failure = from(error);
      return fail(
        `color (grpc://${this.address.host}:${this.address.port}) answered gRPC ${grpcStatusName(failure.code)}: ${failure.rawMessage}`,
      );
    }
  }

  query(which: 'center' | 'edge', row: number, column: number, signal?: AbortSignal): Promise<ColorCall> {
    return this.call(
      (client, options) => (which === 'center' ? client.center : client.edge).call(client, { row, column }, options),
      which,
      signal,
    );
  }

  update(which: string, color: string, signal?: AbortSignal): Promise<ColorCall> {
    return this.call((client, options) => client.updateColor({ which, color }, options), which, signal);
  }
}

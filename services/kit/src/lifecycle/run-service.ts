import type { FastifyInstance } from 'fastify';
import { ConfigError } from '../config/config-error.js';
import type { Env } from '../config/env-readers.js';
import type { KitConfig } from '../config/kit-config.js';
import { listenConfigError } from '../http/listen-errors.js';
import { listeningMessage } from './listening-line.js';
import { shutdown } from './shutdown.js';

export interface ServiceDefinition<C> {
  /** Reads and validates the environment; throws ConfigError on a bad value. */
  readonly readConfig: (env: Env) => C;
  readonly kitConfig: (config: C) => KitConfig;
  readonly buildApp: (config: C) => FastifyInstance | Promise<FastifyInstance>;
}

/** The process side of a service: the only place that reads env, listens, traps signals, exits. */
export async function runService<C>(
  name: string,
  definition: ServiceDefinition<C>,
  proc: NodeJS.Process,
): Promise<void> {
  let config: C;
  try {
    config = definition.readConfig(proc.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    proc.stderr.write(`faces ${name}: ${error.message}\n`);
    proc.exit(2);
  }
  const kit = definition.kitConfig(config);
  const app = await definition.buildApp(config);

  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      app.log.warn({ signal }, 'second signal: exiting now');
      proc.exit(1);
    }
    stopping = true;
    app.log.info({ signal }, 'signal received');
    stop();
  };
  const stop = () => {
    shutdown(app, kit.drainSeconds, kit.shutdownTimeoutSeconds).then(
      (result) => {
        if (result === 'timed-out') app.log.error({ timeoutSeconds: kit.shutdownTimeoutSeconds }, 'shutdown timed out');
        else app.log.info('shutdown complete');
        proc.exit(result === 'clean' ? 0 : 1);
      },
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        proc.exit(1);
      },
    );
  };
  proc.on('SIGTERM', onSignal);
  proc.on('SIGINT', onSignal);
  // Started by a supervisor with an IPC channel (`faces all`): stop when the supervisor is gone,
  // even when it was killed outright and could not stop us. The channel alone keeps nothing alive.
  if (proc.channel !== undefined) {
    proc.channel.unref();
    proc.once('disconnect', () => {
      if (stopping) return;
      stopping = true;
      app.log.warn('supervisor gone: stopping');
      stop();
    });
  }

  try {
    await app.listen({ host: kit.host, port: kit.port });
  } catch (error) {
    const configError = listenConfigError(error, kit);
    if (configError === undefined) throw error;
    proc.stderr.write(`faces ${name}: ${configError.message}\n`);
    proc.exit(2);
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : kit.port;
  const host = kit.host === '0.0.0.0' || kit.host === '::' ? 'localhost' : kit.host;
  app.log.info({ url: `http://${host}:${port}`, port }, listeningMessage(name));
}

import { createRequire } from 'node:module';
import type { FastifyServerOptions } from 'fastify';

type CompilersFactory = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>;
type ValidatorFactory = NonNullable<CompilersFactory['buildValidator']>;
type SerializerFactory = NonNullable<CompilersFactory['buildSerializer']>;

const require = createRequire(import.meta.url);

/**
 * Fastify's own schema compilers, loaded the first time a route has a schema. Fastify otherwise
 * loads Ajv and fast-json-stringify at start for every app: 113 of the 278 files an empty app
 * loads, 2.6 MiB of memory and tens of milliseconds of start-up, though smiley, color and the GUI
 * never validate or serialise with a schema (only face's responses have one).
 *
 * Fastify treats any given factory as a custom validator, which changes one thing: a `headers`
 * schema is not lower-cased for it. No Faces route validates headers.
 */
export function lazySchemaCompilers(): CompilersFactory {
  let validator: ValidatorFactory | undefined;
  let serializer: SerializerFactory | undefined;
  return {
    buildValidator: (externalSchemas, options) => {
      validator ??= (require('@fastify/ajv-compiler') as () => ValidatorFactory)();
      return validator(externalSchemas, options);
    },
    buildSerializer: (externalSchemas, options) => {
      serializer ??= (require('@fastify/fast-json-stringify-compiler') as () => SerializerFactory)();
      return serializer(externalSchemas, options);
    },
  };
}

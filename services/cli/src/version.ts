declare const FACES_BUNDLE_VERSION: string | undefined;

/** The release's version: scripts/bundle.mjs writes in package.json's; the unbundled build says "dev". */
export const FACES_VERSION = typeof FACES_BUNDLE_VERSION === 'string' ? FACES_BUNDLE_VERSION : 'dev';

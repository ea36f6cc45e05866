export * from './types.js';
export { buildModel, type BuildOptions, type BuildResult } from './build.js';
export { serializeModel } from './serialize.js';
export type { SchemaOverride } from './overrides.js';
export type { Profile } from './profile.js';

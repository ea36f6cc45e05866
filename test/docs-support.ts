/** The Accengage client's docs and OpenAPI files exactly as `generate` makes them from the repository's config. */
import path from 'node:path';
import { loadConfig } from '../generator/config.js';
import { generateClient } from '../generator/pipeline.js';
import { root } from './helpers.js';

let generated: Promise<Map<string, string>> | undefined;

export function accengageFiles(): Promise<Map<string, string>> {
  generated ??= loadConfig(path.join(root, 'postman-codegen.config.json')).then(
    async ({ clients, file }) => (await generateClient(clients[0] as (typeof clients)[number], file)).files,
  );
  return generated;
}

export async function accengageOpenApi(): Promise<string> {
  return (await accengageFiles()).get('openapi.json') as string;
}

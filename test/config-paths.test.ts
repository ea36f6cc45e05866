/** Paths in a config file: relative ones are read from the config's folder, absolute ones as they are. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../generator/config.js';

async function configWith(client: Record<string, unknown>): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'pc-config-paths-'));
  const file = path.join(folder, 'postman-codegen.config.json');
  await writeFile(file, JSON.stringify({ clients: [client] }));
  return file;
}

describe('paths in a config file', () => {
  it('keeps an absolute collection and output folder as they are', async () => {
    const elsewhere = path.join(tmpdir(), 'pc-elsewhere');
    const file = await configWith({
      collection: path.join(elsewhere, 'api.json'),
      out: path.join(elsewhere, 'client'),
    });
    const { clients } = await loadConfig(file);
    expect(clients[0]?.collection).toBe(path.join(elsewhere, 'api.json'));
    expect(clients[0]?.out).toBe(path.join(elsewhere, 'client'));
  });

  it('reads relative ones from the config file’s folder', async () => {
    const file = await configWith({ collection: 'postman/api.json', out: '../client' });
    const { clients } = await loadConfig(file);
    expect(clients[0]?.collection).toBe(path.join(path.dirname(file), 'postman/api.json'));
    expect(clients[0]?.out).toBe(path.join(path.dirname(file), '../client'));
  });
});

/**
 * Signing as data: a scheme from the configuration (no API known by name) signs the requests a
 * generated client sends, checked end to end against a loopback server that verifies with
 * node:crypto; a client that signs nothing and reads no CSV ships neither runtime file.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../generator/config.js';
import type { SigningTrait } from '../generator/model/index.js';
import { generateClient } from '../generator/pipeline.js';
import { hashSigner } from '../templates/runtime/signing.js';
import { collectionOf } from './helpers.js';
import { typeCheck, writeFiles } from './support.js';

const encoder = new TextEncoder();

describe('a signing scheme', () => {
  const request = { method: 'GET', url: 'https://api.example.test/v1/me', headers: {}, body: undefined };

  it('writes upper-case hex when asked (the Accengage article prints its no-body example so)', async () => {
    const sign = hashSigner(
      {
        algorithm: 'sha1',
        parts: ['body', { variable: 'apiKey' }, 'time'],
        signatureHeader: 'Signature',
        timeHeader: 'Time',
        timeUnit: 'seconds',
        hexCase: 'upper',
      },
      { apiKey: 'a1b2c3d4e5f6g7h8' },
      () => 1507722391_000,
    );
    expect(await sign(request)).toEqual({ Time: '1507722391', Signature: 'BA04FC7206950CE63D78DDBC9E65C48FB96E54D7' });
  });

  it('hashes the parts in the configured order with SHA-256 and milliseconds', async () => {
    const sign = hashSigner(
      {
        algorithm: 'sha256',
        parts: ['time', 'method', 'url', { variable: 'secret' }, 'body'],
        signatureHeader: 'X-Sig',
        timeHeader: 'X-Ts',
        timeUnit: 'milliseconds',
        hexCase: 'lower',
      },
      { secret: 's3' },
      () => 1_700_000_000_123,
    );
    const signed = await sign({ ...request, method: 'POST', body: encoder.encode('{"a":1}') });
    const expected = createHash('sha256')
      .update('1700000000123POSThttps://api.example.test/v1/mes3{"a":1}')
      .digest('hex');
    expect(signed).toEqual({ 'X-Ts': '1700000000123', 'X-Sig': expected });
  });

  it('sends no time header when the scheme names none, and refuses to sign without its variable', async () => {
    const scheme = {
      algorithm: 'sha1',
      parts: [{ variable: 'key' }, 'url'],
      signatureHeader: 'Sig',
      timeUnit: 'seconds',
      hexCase: 'lower',
    } as const;
    expect(await hashSigner(scheme, { key: 'k' })(request)).toEqual({
      Sig: createHash('sha1').update(`k${request.url}`).digest('hex'),
    });
    expect(() => hashSigner(scheme, {})(request)).toThrow('signing needs the client option for "key"');
  });
});

describe('signing in the configuration', () => {
  const configWith = async (signing: unknown): Promise<string> => {
    const folder = await mkdtemp(path.join(tmpdir(), 'pc-signing-config-'));
    const file = path.join(folder, 'postman-codegen.config.json');
    await writeFile(file, JSON.stringify({ clients: [{ collection: 'api.json', out: 'out', signing }] }));
    return file;
  };

  it('fills in seconds and lower-case hex', async () => {
    const file = await configWith({
      algorithm: 'sha1',
      parts: ['body', { variable: 'apiKey' }, 'time'],
      signatureHeader: 'A-Signature',
      timeHeader: 'A-Time',
    });
    expect((await loadConfig(file)).clients[0]?.signing).toEqual({
      algorithm: 'sha1',
      parts: ['body', { variable: 'apiKey' }, 'time'],
      signatureHeader: 'A-Signature',
      timeHeader: 'A-Time',
      timeUnit: 'seconds',
      hexCase: 'lower',
    });
  });

  it.each([
    [{ scheme: 'accengage', keyVariable: 'apiKey' }, '$.clients[0].signing.scheme', 'has an unknown key "scheme"'],
    [
      { algorithm: 'md5', parts: ['body'], signatureHeader: 'S' },
      '$.clients[0].signing.algorithm',
      '"algorithm" must be "sha1" or "sha256"',
    ],
    [
      { algorithm: 'sha1', parts: ['body', 'query'], signatureHeader: 'S' },
      '$.clients[0].signing.parts[1]',
      'each part must be',
    ],
    [
      { algorithm: 'sha1', parts: ['body', 'time'], signatureHeader: 'S' },
      '$.clients[0].signing.timeHeader',
      'signs the time but sends it in no header',
    ],
    [
      { algorithm: 'sha1', parts: ['body'], signatureHeader: 'Bad Header' },
      '$.clients[0].signing.signatureHeader',
      'must be an HTTP header name',
    ],
  ])('rejects %j, naming the place', async (signing, place, message) => {
    const file = await configWith(signing);
    const error = await loadConfig(file).catch((caught: unknown) => caught);
    expect(String((error as Error).message)).toContain(message);
    expect((error as { format(): string }).format()).toContain(place);
  });
});

interface Seen {
  method: string;
  url: string;
  headers: Record<string, string | undefined>;
  body: Buffer;
}

let server: Server;
let origin = '';
const seen: Seen[] = [];
beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      seen.push({
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers as Record<string, string | undefined>,
        body: Buffer.concat(chunks),
      });
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"ok": true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('a generated client with a configured scheme', async () => {
  const ok = [
    { name: 'OK', code: 200, header: [{ key: 'Content-Type', value: 'application/json' }], body: '{"ok": true}' },
  ];
  const collection = collectionOf(
    [
      {
        name: 'Create note',
        request: {
          method: 'POST',
          url: '{{host}}/notes',
          body: { mode: 'raw', raw: '{"text": "hi"}', options: { raw: { language: 'json' } } },
        },
        response: ok,
      },
      { name: 'Get note', request: { method: 'GET', url: '{{host}}/notes/:id' }, response: ok },
    ],
    { variable: [{ key: 'host', value: 'https://example.invalid' }] },
  );
  const signing: SigningTrait = {
    algorithm: 'sha256',
    parts: ['method', 'url', 'body', { variable: 'signingSecret' }, 'time'],
    signatureHeader: 'X-Signature',
    timeHeader: 'X-Signed-At',
    timeUnit: 'milliseconds',
    hexCase: 'upper',
  };
  const folder = await mkdtemp(path.join(tmpdir(), 'pc-signed-'));
  await writeFile(path.join(folder, 'package.json'), '{"type": "module"}\n');
  const collectionFile = path.join(folder, 'notes.postman_collection.json');
  await writeFile(collectionFile, JSON.stringify(collection));
  const signed = await generateClient({ collection: collectionFile, out: folder, name: 'Notes', signing });
  const plain = await generateClient({ collection: collectionFile, out: folder, name: 'Notes' });
  await writeFiles(path.join(folder, 'signed'), signed.files);
  await writeFiles(path.join(folder, 'plain'), plain.files);

  it('ships the signer only when it signs, the CSV reader only when an answer is CSV, the listing reader only when a call pages', () => {
    expect([...signed.files.keys()].filter((name) => name.startsWith('runtime/'))).toContain('runtime/signing.ts');
    for (const files of [signed.files, plain.files]) {
      expect(files.has('runtime/csv.ts')).toBe(false);
      expect(files.has('runtime/pagination.ts')).toBe(false);
      expect(files.has('runtime/link.ts')).toBe(false);
      expect(files.get('operations.ts')).not.toContain('pagination');
    }
    expect(plain.files.has('runtime/signing.ts')).toBe(false);
    expect(plain.files.get('client.ts')).not.toContain('signing');
  });

  it('both type-check strictly', () => {
    expect(typeCheck([path.join(folder, 'signed', 'index.ts'), path.join(folder, 'plain', 'index.ts')])).toEqual([]);
  }, 120_000);

  it('signs every request as the scheme says, the secret being a required client option', async () => {
    const { NotesClient } = (await import(path.join(folder, 'signed', 'index.ts'))) as {
      NotesClient: new (options: Record<string, unknown>) => any;
    };
    expect(signed.files.get('client.ts')).toMatch(/signingSecret: string;/);
    const client = new NotesClient({ baseUrl: origin, signingSecret: 'top-secret', now: () => 1_700_000_000_456 });
    seen.length = 0;
    await client.createNote({ body: { text: 'hé' } });
    await client.getNote({ id: 'n1' });
    expect(seen).toHaveLength(2);
    for (const request of seen) {
      const url = `${origin}${request.url}`;
      const expected = createHash('sha256')
        .update(
          Buffer.concat([Buffer.from(`${request.method}${url}`), request.body, Buffer.from('top-secret1700000000456')]),
        )
        .digest('hex')
        .toUpperCase();
      expect(request.headers['x-signed-at']).toBe('1700000000456');
      expect(request.headers['x-signature']).toBe(expected);
    }
    expect(seen[0]?.body.toString('utf8')).toBe('{"text":"hé"}');
  });
});

import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../generator/cli.js';
import { accengageCollection, fixture, root } from './helpers.js';

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(['node', 'postman-codegen', ...args], {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  return { code, stdout, stderr };
}

describe('postman-codegen model', () => {
  it('prints the model as JSON', async () => {
    const { code, stdout, stderr } = await run('model', accengageCollection);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(JSON.parse(stdout)).toMatchObject({ modelVersion: 2, name: 'Accengage REST API' });
  });

  it('writes the model to --out', async () => {
    const out = path.join(await mkdtemp(path.join(tmpdir(), 'pc-')), 'nested/model.json');
    const { code, stdout } = await run('model', fixture('wrapped-export.json'), '--out', out);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(JSON.parse(await readFile(out, 'utf8')).name).toBe('Wrapped export');
  });

  it('reports bad input in one line with exit code 2 and no stack trace', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'pc-'));
    const file = path.join(folder, 'broken.json');
    await writeFile(file, '{"info": {"name": "x"},\n "item": [ }');
    const { code, stderr, stdout } = await run('model', file);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^error: .*broken\.json \(line 2, column 12\): is not valid JSON/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('leaves a previous --out file intact when the input is bad', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'pc-'));
    const out = path.join(folder, 'model.json');
    await writeFile(out, 'previous');
    const { code } = await run('model', path.join(folder, 'missing.json'), '--out', out);
    expect(code).toBe(2);
    expect(await readFile(out, 'utf8')).toBe('previous');
  });

  it('exits 2 on a usage error and 0 on --help', async () => {
    expect((await run('model')).code).toBe(2);
    expect((await run('frobnicate')).code).toBe(2);
    const help = await run('model', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Examples:');
  });
});

describe('postman-codegen model --overrides', () => {
  it('applies a file of overrides and rejects a malformed one', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'pc-'));
    const overrides = path.join(folder, 'overrides.json');
    await writeFile(overrides, JSON.stringify([{ operation: 'GET /ping', responses: { '200': { type: 'string' } } }]));
    const ok = await run('model', fixture('wrapped-export.json'), '--overrides', overrides);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).operations[0].responses).toEqual([
      {
        status: 200,
        schema: { type: 'string' },
        examples: [],
        headers: {},
        schemaSource: 'override',
        contentType: 'application/json',
      },
    ]);
    await writeFile(overrides, '{"operation": 1}');
    const bad = await run('model', fixture('wrapped-export.json'), '--overrides', overrides);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('must be an array');
  });
});

describe('start-up', () => {
  // A module-resolution hook in the child prints every package the CLI imports (the compiled CLI,
  // built by the pretest step), so the test sees what a real start-up loads.
  const hooks = `import { writeSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  if (!/^(\\.|node:|file:|data:)/.test(specifier)) writeSync(2, 'package ' + specifier + '\\n');
  return next(specifier, context);
}`;
  const register = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});`;
  // Packages our own modules load through require (the ones loaded on first use) are printed too.
  const requireHook = path.join(tmpdir(), `pc-require-hook-${process.pid}.cjs`);
  writeFileSync(
    requireHook,
    `const Module = require('node:module');
const { writeSync } = require('node:fs');
const load = Module._load;
Module._load = function (request, parent) {
  const ours = parent && parent.filename && !parent.filename.includes('/node_modules/');
  if (ours && !/^(\\.|node:|\\/)/.test(request) && !Module.isBuiltin(request)) writeSync(2, 'package ' + request + '\\n');
  return load.apply(this, arguments);
};
`,
  );
  const packagesLoaded = (...args: string[]): string[] => {
    const child = spawnSync(
      process.execPath,
      [
        '--require',
        requireHook,
        '--import',
        `data:text/javascript,${encodeURIComponent(register)}`,
        path.join(root, 'bin/postman-codegen.js'),
        ...args,
      ],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    expect(child.status).toBe(0);
    return [...new Set([...child.stderr.matchAll(/^package (\S+)$/gm)].map((match) => match[1] as string))].sort();
  };

  it('--version and --help load only the argument parser', () => {
    expect(packagesLoaded('--version')).toEqual(['commander']);
    expect(packagesLoaded('--help')).toEqual(['commander']);
  });

  it('generating from an ASCII JSON collection loads neither prettier, nor the YAML reader, nor the Postman SDK', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'pc-startup-'));
    const loaded = packagesLoaded('generate', fixture('shop-v2.1.json'), '--out', out);
    expect(loaded).toContain('markdown-it');
    for (const heavy of ['prettier', 'yaml', 'postman-collection']) expect(loaded).not.toContain(heavy);
  });

  it('the model command loads no emitter (no prettier) and not the Postman SDK', () => {
    const loaded = packagesLoaded('model', accengageCollection);
    expect(loaded).not.toContain('postman-collection');
    expect(loaded).not.toContain('prettier');
  });
});

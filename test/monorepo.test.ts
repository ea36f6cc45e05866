/**
 * The monorepo workflow, offline, against this checkout: an npm-workspaces repo where one package
 * holds the collection and generates its client from a `prebuild` npm script, and another imports
 * that client and type-checks.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { root } from './helpers.js';

const exec = promisify(execFile);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

async function writeJson(file: string, value: unknown): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(value, null, 2)}\n`);
}

const APP = `import { AccengageClient, AccengageError } from '@demo/api';

const client = new AccengageClient({ apiKey: 'key', partnerId: '12345678' });

export async function countDevices(): Promise<number> {
  let count = 0;
  for await (const device of client.devices.list({ lastOpen: '2017-10-01' })) if (device.deviceId !== '') count++;
  return count;
}

export const isTokenError = (error: unknown): boolean => error instanceof AccengageError && error.label === 'API_ERR_TOKEN';
`;

describe('an npm-workspaces monorepo', () => {
  it('generates in prebuild and type-checks the importing package', async () => {
    const repo = await mkdtemp(path.join(tmpdir(), 'pc-mono-'));
    await writeJson(path.join(repo, 'package.json'), {
      name: 'mono',
      private: true,
      workspaces: ['packages/*'],
      devDependencies: { 'postman-codegen': `file:${root}` },
    });
    const api = path.join(repo, 'packages/api');
    await writeJson(path.join(api, 'package.json'), {
      name: '@demo/api',
      version: '1.0.0',
      type: 'module',
      exports: { '.': './generated/index.ts' },
      scripts: { prebuild: 'postman-codegen generate', build: 'postman-codegen check' },
    });
    await cp(
      path.join(root, 'collection/accengage.postman_collection.json'),
      path.join(api, 'accengage.postman_collection.json'),
    );
    await writeJson(path.join(api, 'postman-codegen.config.json'), {
      clients: [
        {
          name: 'Accengage',
          collection: 'accengage.postman_collection.json',
          out: 'generated',
          signing: {
            algorithm: 'sha1',
            parts: ['body', { variable: 'apiKey' }, 'time'],
            signatureHeader: 'Accengage-Signature',
            timeHeader: 'Accengage-Time',
          },
        },
      ],
    });
    const app = path.join(repo, 'packages/app');
    await writeJson(path.join(app, 'package.json'), {
      name: '@demo/app',
      version: '1.0.0',
      type: 'module',
      dependencies: { '@demo/api': '1.0.0' },
    });
    await writeJson(path.join(app, 'tsconfig.json'), {
      compilerOptions: {
        strict: true,
        noEmit: true,
        module: 'nodenext',
        moduleResolution: 'nodenext',
        target: 'es2022',
        lib: ['es2023', 'dom'],
        types: ['node'],
        typeRoots: [path.join(root, 'node_modules/@types')],
        skipLibCheck: true,
      },
      include: ['src'],
    });
    await mkdir(path.join(app, 'src'), { recursive: true });
    await writeFile(path.join(app, 'src/main.ts'), APP);

    const env = {
      ...process.env,
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false',
    };
    // No scripts: npm would run this checkout's `prepare` (a rebuild of dist/ while other tests read it).
    await exec(npm, ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: repo, env });
    const build = await exec(npm, ['run', 'build', '-w', '@demo/api'], { cwd: repo, env });
    expect(build.stdout).toMatch(/generated: 22 operations in 12 resources; files: 30 written/);
    expect(build.stdout).toMatch(/generated: current \(22 operations/);

    const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
    // tsc prints nothing when the app type-checks.
    await expect(exec(process.execPath, [tsc, '-p', app])).resolves.toMatchObject({ stdout: '' });
    // The check is real: a wrongly typed call in the app fails it.
    await writeFile(
      path.join(app, 'src/wrong.ts'),
      "import { AccengageClient } from '@demo/api';\nexport const x = new AccengageClient({ apiKey: 'k' }).devices.list({ page: 2 });\n",
    );
    const failure = await exec(process.execPath, [tsc, '-p', app]).then(
      () => undefined,
      (error: { stdout: string }) => error.stdout,
    );
    expect(failure).toMatch(/wrong\.ts\(2,\d+\): error TS2345: .*Property 'lastOpen' is missing/s);
  }, 120_000);
});

// npm runs `prepare` after `npm ci`/`npm install` in a clone, before `npm pack`, and when this
// package is installed from git or linked from a folder: it compiles the CLI so that
// `bin/postman-codegen.js` works right away. A linked folder whose own dependencies were never
// installed cannot build (nor run): say so plainly rather than fail with "tsc: not found".
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
let tsc;
try {
  tsc = createRequire(path.join(root, 'package.json')).resolve('typescript/bin/tsc');
} catch {
  console.error(
    `postman-codegen: cannot build in ${root}: its dependencies are not installed. Run \`npm ci\` in that folder first.`,
  );
  process.exit(1);
}
const result = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
process.exit(result.status ?? 1);

// Fails when the committed generated/ output is not what the generator makes now.
import { readFile } from 'node:fs/promises';
import { main } from '../dist/generator/cli.js';

const target = 'generated/accengage/model.json';
let produced = '';
const code = await main(['node', 'postman-codegen', 'model', 'collection/accengage.postman_collection.json'], {
  stdout: (text) => {
    produced += text;
  },
  stderr: (text) => process.stderr.write(text),
});
if (code !== 0) process.exit(code);
const committed = await readFile(target, 'utf8').catch(() => '');
if (committed !== produced) {
  console.error(`${target} is stale: run \`npm run generate\` and commit the result.`);
  process.exit(1);
}
console.log(`${target} is current.`);

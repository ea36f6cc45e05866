/**
 * How strict the inferred types are, per collection (the Accengage collection and the fixture
 * corpus), under each response required-ness choice: response fields marked required out of all
 * response fields, request body fields required out of all, pooled entities, inferred enums, and
 * the places typed `null` alone or carrying an importer placeholder literally (both must be 0).
 * The README's figures come from this script: `npm run inference-stats`.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { loadCollection } from '../generator/load/index.js';
import { buildModel } from '../generator/model/index.js';
import { countModel } from './inference-counts.js';
import { packageRoot as root } from '../generator/paths.js';

async function measure(
  file: string,
  responseRequired: 'every-sample' | 'documented',
): Promise<ReturnType<typeof countModel>> {
  return countModel(buildModel(await loadCollection(file), { inference: { responseRequired } }).model);
}

const files = [
  path.join(root, 'collection/accengage.postman_collection.json'),
  ...readdirSync(path.join(root, 'test/fixtures/collections'))
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => path.join(root, 'test/fixtures/collections', name)),
];
const rows: string[][] = [
  [
    'collection',
    'response fields',
    'required: every-sample',
    'required: documented',
    'request fields required',
    'entities',
    'enums',
    'null-only',
    'literal placeholders',
  ],
];
const total = { fields: 0, everySample: 0, documented: 0 };
for (const file of files) {
  const seen = await measure(file, 'every-sample');
  const documented = await measure(file, 'documented');
  total.fields += seen.responses.fields;
  total.everySample += seen.responses.required;
  total.documented += documented.responses.required;
  rows.push([
    path.basename(file),
    String(seen.responses.fields),
    String(seen.responses.required),
    String(documented.responses.required),
    `${seen.requests.required}/${seen.requests.fields}`,
    String(seen.responses.entities.size),
    String(seen.responses.enums + seen.requests.enums),
    String(seen.responses.nullOnly + seen.requests.nullOnly),
    String(seen.responses.literalPlaceholders + seen.requests.literalPlaceholders),
  ]);
}
rows.push(['total', String(total.fields), String(total.everySample), String(total.documented), '', '', '', '', '']);
const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
for (const row of rows) console.log(row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  '));

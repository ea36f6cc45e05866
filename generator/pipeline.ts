import { createHash } from 'node:crypto';
import path from 'node:path';
import { buildOptionsOf, type ClientConfig } from './config.js';
import { emitClient } from './emit/index.js';
import { buildReference, emitDocs } from './docs/index.js';
import { renderOpenApi } from './openapi/index.js';
import {
  inputFiles,
  inputText,
  parseCollectionInput,
  readCollectionInput,
  type CollectionInput,
} from './load/index.js';
import { buildModel, type ApiModel, type Diagnostic } from './model/index.js';
import { operationsOf } from './model/find.js';
import type { ManifestInput } from './output.js';
import { CodegenError } from './errors.js';

/** The largest client generated: beyond it, a client is better split (and generation would need gigabytes). */
export const MAX_OPERATIONS = 10_000;

export interface Generated {
  model: ApiModel;
  files: Map<string, string>;
  diagnostics: Diagnostic[];
  inputHash: string;
  /** What the manifest says of a folder input (its files), beside the hash. */
  input?: ManifestInput;
  operations: number;
  resources: number;
}

function countResources(model: ApiModel): number {
  const count = (resources: ApiModel['resources']): number =>
    resources.reduce((sum, resource) => sum + 1 + count(resource.resources), 0);
  return count(model.resources);
}

/** The drift check's hash of the inputs: the collection's text and the client's configuration. */
function hashInputs(input: CollectionInput, client: ClientConfig): string {
  const {
    collection: _collection,
    out: _out,
    name,
    overrides,
    names,
    pagination,
    inference,
    docs,
    openapi,
    ...profile
  } = client;
  // Hashed in two parts: the same digest as of the two joined, without copying a 40 MB collection to join them.
  return createHash('sha256')
    .update(inputText(input))
    .update(
      `\u0000${JSON.stringify({ name, overrides, names, pagination, inference, profile, ...(docs === false ? { docs } : {}), ...(openapi === false ? { openapi } : {}) })}`,
    )
    .digest('hex');
}

/**
 * Reads the collection into a model. Only the model and small facts come out: the collection's
 * text, its parsed JSON and the SDK's objects (several times the file's size) can be freed before
 * the files are made.
 */
async function modelOf(
  client: ClientConfig,
  configFile: string | undefined,
): Promise<{ model: ApiModel; diagnostics: Diagnostic[]; display: string; inputHash: string; input?: ManifestInput }> {
  const input = await readCollectionInput(client.collection);
  const display = input.display;
  const inputHash = hashInputs(input, client);
  const inputHashes = inputFiles(input);
  const { model, diagnostics } = buildModel(
    parseCollectionInput(input, { maxRequests: MAX_OPERATIONS }),
    buildOptionsOf(client, configFile),
  );
  return {
    model,
    diagnostics,
    display,
    inputHash,
    // `.` as typed is the folder's own name, as `../api` gives it.
    ...(inputHashes ? { input: { folder: path.basename(path.resolve(display)), files: inputHashes } } : {}),
  };
}

/** Collection → model → files, all in memory. */
export async function generateClient(client: ClientConfig, configFile?: string): Promise<Generated> {
  const { model, diagnostics, display, inputHash, input } = await modelOf(client, configFile);
  const { name, docs, openapi } = client;
  const operationList = [...operationsOf(model.operations, model.resources)];
  if (operationList.length === 0) {
    throw new CodegenError(
      'has no requests (only empty folders, or nothing): there is nothing to generate.',
      display,
      // A v3 folder has no JSON path to show: its own name says where.
      input ? undefined : '$.item',
      'Add at least one request to the collection.',
    );
  }
  const scripts = new Set(operationList.flatMap((operation) => operation.scripts.prerequest));
  if (scripts.size > 0 && !model.signing) {
    diagnostics.push({
      level: 'warning',
      message: `pre-request scripts (${[...scripts].join(', ')}) do not run in the generated client; if they sign requests or compute headers, configure a signer or add a beforeRequest hook`,
      where: display,
    });
  }
  const { files, plan } = await emitClient(model, name ? { clientName: name } : {});
  for (const type of plan.unsupportedAuth) {
    diagnostics.push({
      level: 'warning',
      message: `auth type "${type}" is not performed by the generated client (its operations say so in their docs)`,
      where: display,
    });
  }
  if (docs !== false || openapi !== false) {
    // The reference reads the client's plan, so docs and OpenAPI use the exact names the client has.
    const reference = buildReference(model, { plan });
    if (docs !== false) for (const [file, content] of emitDocs(reference)) files.set(file, content);
    if (openapi !== false) files.set('openapi.json', renderOpenApi(reference));
  }
  const operations = plan.operations.length;
  return {
    model,
    files,
    diagnostics,
    inputHash,
    ...(input ? { input } : {}),
    operations,
    resources: countResources(model),
  };
}

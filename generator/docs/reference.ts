/**
 * The reference view of a model: every operation with the names a user of the generated client
 * types (`client.devices.list`, `devicesList`), its folder and a stable anchor. The HTML page, the
 * Markdown files and the OpenAPI export all read this, so they can never disagree on a name.
 *
 * Names come from the client's own plan (the emitter's decisions), never recomputed here.
 */
import { createHash } from 'node:crypto';
import type { ApiModel, Operation, Resource } from '../model/types.js';
import { planClient, type ClientOption, type ClientPlan } from '../emit/plan.js';

export interface ReferenceOperation {
  operation: Operation;
  /** `client.devices.list` */
  memberPath: string;
  /** The flat, tree-shakable function (`devicesList`): the OpenAPI operationId. */
  functionName: string;
  /** Folder names from the top, [] for a request outside any folder. */
  folders: string[];
  /** An HTML id and URL fragment derived from the operation's id: it survives regeneration. */
  anchor: string;
  paged: boolean;
}

export interface ReferenceFolder {
  name: string;
  description?: string;
  anchor: string;
  depth: number;
  /** Operations directly in this folder. */
  operations: ReferenceOperation[];
  folders: ReferenceFolder[];
  /** Operations here and below. */
  count: number;
}

export interface Reference {
  model: ApiModel;
  /** `AccengageClient` */
  className: string;
  /** `AccengageError` */
  errorName: string;
  options: ClientOption[];
  /** Requests outside any folder, then the folders: the model's own order. */
  root: ReferenceFolder;
  operations: ReferenceOperation[];
  /** The operation that issues tokens, when the client performs a token exchange. */
  tokenOperation?: ReferenceOperation;
  /** The shared types the client declares once (`Device`): the OpenAPI components of those names. */
  entityNames: ReadonlySet<string>;
}

/** A fragment made only of characters safe in any URL and any HTML id. */
function anchorOf(operation: Operation, taken: Set<string>): string {
  const safe = /^[A-Za-z0-9-]{1,64}$/.test(operation.id)
    ? operation.id
    : createHash('sha256').update(operation.id).digest('hex').slice(0, 16);
  let anchor = `op-${safe}`;
  // Postman ids are unique in a well-formed collection; a copied item may repeat one.
  for (let n = 2; taken.has(anchor); n++) anchor = `op-${safe}-${n}`;
  taken.add(anchor);
  return anchor;
}

/** Builds the reference; `plan` is the client's plan when one was just made (it is made otherwise). */
export function buildReference(model: ApiModel, options: { clientName?: string; plan?: ClientPlan } = {}): Reference {
  const plan = options.plan ?? planClient(model, options.clientName);
  const taken = new Set<string>();
  const operations: ReferenceOperation[] = [];
  // The plan lists operations in the model's walk order (top-level requests, then each folder depth first).
  let index = 0;
  const entry = (operation: Operation, memberChain: string[], folders: string[]): ReferenceOperation => {
    const planned = plan.operations[index++];
    if (!planned || planned.identifier !== operation.identifier || planned.typeName !== operation.typeName) {
      throw new Error(
        `the client plan does not match the model at operation "${operation.source.itemPath.join(' / ')}"`,
      );
    }
    const reference: ReferenceOperation = {
      operation,
      memberPath: ['client', ...memberChain, operation.identifier].join('.'),
      functionName: planned.functionName,
      folders,
      anchor: anchorOf(operation, taken),
      paged: planned.paged,
    };
    operations.push(reference);
    return reference;
  };
  const folder = (resource: Resource, memberChain: string[], folders: string[], depth: number): ReferenceFolder => {
    const chain = [...memberChain, resource.identifier];
    const path = [...folders, resource.name];
    const own = resource.operations.map((operation) => entry(operation, chain, path));
    const children = resource.resources.map((child) => folder(child, chain, path, depth + 1));
    return {
      name: resource.name,
      ...(resource.description ? { description: resource.description } : {}),
      anchor: `folder-${createHash('sha256').update(resource.id).digest('hex').slice(0, 12)}`,
      depth,
      operations: own,
      folders: children,
      count: own.length + children.reduce((sum, child) => sum + child.count, 0),
    };
  };
  const top = model.operations.map((operation) => entry(operation, [], []));
  const folders = model.resources.map((resource) => folder(resource, [], [], 1));
  const root: ReferenceFolder = {
    name: model.name,
    anchor: 'top',
    depth: 0,
    operations: top,
    folders,
    count: operations.length,
  };
  const tokenOperation = model.token
    ? operations.find((reference) => reference.operation.id === model.token?.operationId)
    : undefined;
  return {
    model,
    className: plan.className,
    errorName: plan.errorName,
    options: plan.options,
    root,
    operations,
    ...(tokenOperation ? { tokenOperation } : {}),
    entityNames: new Set(plan.entities.map((entity) => entity.name)),
  };
}

/** 2xx, or an example that gives no status (the client treats those as successes too). */
export function isSuccessStatus(status: number): boolean {
  return (status >= 200 && status < 300) || status === 0;
}

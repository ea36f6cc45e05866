import type { ApiModel, Operation, Resource } from './types.js';

export function* operationsOf(operations: Operation[], resources: Resource[]): Generator<Operation> {
  yield* operations;
  for (const resource of resources) yield* operationsOf(resource.operations, resource.resources);
}

/** Operations a configuration names: by Postman id, item path ("Folder / Request") or "METHOD /path". */
export function findOperations(model: ApiModel, reference: string): Operation[] {
  return [...operationsOf(model.operations, model.resources)].filter(
    (operation) =>
      operation.id === reference ||
      operation.source.itemPath.join(' / ') === reference ||
      `${operation.method} ${operation.pathTemplate}` === reference,
  );
}

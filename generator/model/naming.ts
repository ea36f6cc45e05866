import type { ApiModel, Operation, Resource } from './types.js';
import {
  RESOURCE_CLASS_MEMBERS,
  bindingName,
  memberName,
  operationNameCandidates,
  typeName,
  uniqueNames,
  type NameRequest,
} from './names.js';
import { pushTo } from '../maps.js';

const clearOfClass = (name: string): string => (RESOURCE_CLASS_MEMBERS.has(name) ? `${name}_` : name);

/** Names members of one scope (a resource, or the client's top level): sub-resources and operations share it. */
function nameScope(operations: Operation[], resources: Resource[], scopeName: string | undefined): void {
  const named = operations.map((operation) => {
    const candidates = operationNameCandidates(operation.name, scopeName).map(clearOfClass);
    // Never empty: operationNameCandidates gives one name or three, the full one last.
    return { operation, candidates, full: candidates[candidates.length - 1] as string };
  });
  const namesakes = new Map<string, Operation[]>();
  for (const { operation, full } of named) pushTo(namesakes, full, operation);
  // Decided once per name: 10,000 requests all called "New Request" are one group, not 10,000 walks of it.
  const methodsDiffer = new Map<string, boolean>();
  for (const [name, group] of namesakes)
    methodsDiffer.set(name, group.length > 1 && new Set(group.map((other) => other.method)).size === group.length);
  const requests: NameRequest[] = [
    ...resources.map((resource) => ({
      key: resource.id,
      candidates: [clearOfClass(memberName(resource.name, 'resource'))],
    })),
    // Same-named requests that differ by method (GET, DELETE and POST "Setup") are told apart by it.
    ...named.map(({ operation, candidates, full }) => ({
      key: operation.id,
      candidates: methodsDiffer.get(full) ? [...candidates, `${full}${typeName(operation.method)}`] : candidates,
    })),
  ];
  const names = uniqueNames(requests);
  for (const resource of resources) resource.identifier = names.get(resource.id) ?? resource.identifier;
  for (const operation of operations) operation.identifier = names.get(operation.id) ?? operation.identifier;
  for (const resource of resources) nameScope(resource.operations, resource.resources, resource.name);
}

function nameParameters(operation: Operation): void {
  const params = [
    ...operation.pathParams.map((param) => ({ key: `path:${param.name}`, param })),
    ...operation.query.map((param) => ({ key: `query:${param.name}`, param })),
  ];
  // The call's parameters object holds the body too, as `body` (`variables` for GraphQL).
  const bodyMember = new Set<string>();
  if (operation.body) bodyMember.add(operation.body.kind === 'graphql' ? 'variables' : 'body');
  const names = uniqueNames(
    params.map(({ key, param }) => ({ key, candidates: [bindingName(param.name, 'param')] })),
    bodyMember,
  );
  for (const { key, param } of params) param.identifier = names.get(key) ?? param.identifier;
}

/**
 * Assigns every identifier and type name in the model. Member names are unique within their
 * scope; type names are unique across the model (they share one generated module).
 */
export function assignNames(model: ApiModel): void {
  nameScope(model.operations, model.resources, undefined);
  const resourceTypes: Array<{ resource: Resource; chain: string[] }> = [];
  const operationTypes: Array<{ operation: Operation; chain: string[] }> = [];
  const visit = (operations: Operation[], resources: Resource[], chain: string[]): void => {
    for (const operation of operations) operationTypes.push({ operation, chain: [...chain, operation.identifier] });
    for (const resource of resources) {
      const inner = [...chain, resource.identifier];
      resourceTypes.push({ resource, chain: inner });
      visit(resource.operations, resource.resources, inner);
    }
  };
  visit(model.operations, model.resources, []);
  const resourceNames = uniqueNames(
    resourceTypes.map(({ resource, chain }) => ({ key: resource.id, candidates: [typeName(chain)] })),
  );
  for (const { resource } of resourceTypes) resource.typeName = resourceNames.get(resource.id) ?? resource.typeName;
  const operationNames = uniqueNames(
    operationTypes.map(({ operation, chain }) => ({ key: operation.id, candidates: [typeName(chain)] })),
  );
  for (const { operation } of operationTypes) {
    operation.typeName = operationNames.get(operation.id) ?? operation.typeName;
    nameParameters(operation);
  }
}

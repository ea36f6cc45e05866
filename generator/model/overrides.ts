import type { ApiModel, Operation, Pagination, Resource, Schema } from './types.js';
import { RESERVED_MEMBERS } from './names.js';
import { findOperations } from './find.js';
import { CodegenError } from '../errors.js';

/**
 * A type that wins over inference. `operation` names the operation by its id, its item path
 * ("Devices / List devices"), or "METHOD /path/template".
 */
export interface SchemaOverride {
  operation: string;
  /** The request body's schema. */
  request?: Schema;
  /** Response schemas by status code ("200"). A status with no example gets a response of its own. */
  responses?: Record<string, Schema>;
}

export function applyOverrides(model: ApiModel, overrides: SchemaOverride[], file: string): void {
  overrides.forEach((override, index) => {
    const targets = findOperations(model, override.operation);
    if (targets.length === 0) {
      throw new CodegenError(
        `override #${index + 1} names operation "${override.operation}", which the collection does not have.`,
        file,
        `overrides[${index}].operation`,
        'Name it by item path ("Folder / Request"), by "METHOD /path", or by its Postman id.',
      );
    }
    for (const operation of targets) {
      if (override.request) {
        if (operation.body) operation.body.schema = override.request;
        else operation.body = { kind: 'json', contentType: 'application/json', schema: override.request, examples: [] };
      }
      for (const [code, schema] of Object.entries(override.responses ?? {})) {
        const status = Number(code);
        const existing = operation.responses.find((response) => response.status === status);
        if (existing) {
          existing.schema = schema;
          existing.schemaSource = 'override';
        } else {
          operation.responses.push({
            status,
            schema,
            examples: [],
            headers: {},
            schemaSource: 'override',
            contentType: 'application/json',
          });
          operation.responses.sort((a, b) => a.status - b.status);
        }
      }
    }
  });
}

/**
 * Member names chosen by the configuration (`"Devices / List devices": "listAll"`). A chosen name
 * that is not an identifier, or that collides with another member of the same resource, is an error.
 */
export function applyNameOverrides(model: ApiModel, names: Record<string, string>, configFile: string): void {
  for (const [reference, identifier] of Object.entries(names)) {
    const targets = findOperations(model, reference);
    if (targets.length !== 1) {
      throw new CodegenError(
        `names["${reference}"] ${targets.length === 0 ? 'matches no operation of the collection' : 'matches several operations'}.`,
        configFile,
        `names["${reference}"]`,
        'Name the operation by item path ("Folder / Request"), by "METHOD /path", or by its Postman id.',
      );
    }
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(identifier) || RESERVED_MEMBERS.has(identifier)) {
      throw new CodegenError(
        `names["${reference}"] is "${identifier}", which is not a usable member name.`,
        configFile,
        `names["${reference}"]`,
        'Use a camelCase identifier such as "listAll".',
      );
    }
    (targets[0] as Operation).identifier = identifier;
  }
  const checkScope = (operations: Operation[], resources: Resource[], where: string): void => {
    const seen = new Map<string, string>();
    for (const [identifier, name] of [
      ...resources.map((r) => [r.identifier, r.name] as const),
      ...operations.map((o) => [o.identifier, o.name] as const),
    ]) {
      const other = seen.get(identifier);
      if (other !== undefined) {
        throw new CodegenError(
          `the names configuration gives "${identifier}" to both "${other}" and "${name}" in ${where}.`,
          configFile,
          'names',
          'Choose another name for one of them.',
        );
      }
      seen.set(identifier, name);
    }
    for (const resource of resources)
      checkScope(resource.operations, resource.resources, `"${resource.source.itemPath.join(' / ')}"`);
  };
  checkScope(model.operations, model.resources, 'the client');
}

/** Paging traits chosen by the configuration: a trait to set, or false to treat a list as one page. */
export function applyPaginationOverrides(
  model: ApiModel,
  pagination: Record<string, Pagination | false>,
  configFile: string,
): void {
  for (const [reference, trait] of Object.entries(pagination)) {
    const targets = findOperations(model, reference);
    if (targets.length === 0) {
      throw new CodegenError(
        `pagination["${reference}"] matches no operation of the collection.`,
        configFile,
        `pagination["${reference}"]`,
      );
    }
    for (const operation of targets) {
      if (trait === false) delete operation.pagination;
      else operation.pagination = { ...trait, style: 'link-header' };
    }
  }
}

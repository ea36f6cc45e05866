import type { ApiModel, Schema } from './types.js';
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

export function applyOverrides(model: ApiModel, overrides: SchemaOverride[]): void {
  overrides.forEach((override, index) => {
    const targets = findOperations(model, override.operation);
    if (targets.length === 0) {
      throw new CodegenError(
        `override #${index + 1} names operation "${override.operation}", which the collection does not have.`,
        model.source.file,
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
          operation.responses.push({ status, schema, examples: [], headers: {}, schemaSource: 'override', contentType: 'application/json' });
          operation.responses.sort((a, b) => a.status - b.status);
        }
      }
    }
  });
}

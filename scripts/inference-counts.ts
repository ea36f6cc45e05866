/**
 * Counts over a model's inferred types: fields and required fields, enums, entities, and the two
 * things that must never appear: a place typed `null` alone, an enum holding a placeholder.
 */
import type { ApiModel, Operation, Resource, Schema } from '../generator/model/index.js';

export interface Counts {
  fields: number;
  required: number;
  enums: number;
  nullOnly: number;
  literalPlaceholders: number;
  entities: Set<string>;
}

export const emptyCounts = (): Counts => ({
  fields: 0,
  required: 0,
  enums: 0,
  nullOnly: 0,
  literalPlaceholders: 0,
  entities: new Set(),
});

export function countSchema(schema: Schema, counts: Counts): void {
  switch (schema.type) {
    case 'object':
      if (schema.name) counts.entities.add(schema.name);
      for (const [key, property] of Object.entries(schema.properties)) {
        counts.fields++;
        if (schema.required.includes(key)) counts.required++;
        countSchema(property, counts);
      }
      break;
    case 'array':
      countSchema(schema.items, counts);
      break;
    case 'map':
      countSchema(schema.values, counts);
      break;
    case 'union':
      // `T | null` is fine: only a place typed `null` alone counts.
      for (const option of schema.anyOf) if (option.type !== 'null') countSchema(option, counts);
      break;
    case 'enum':
      counts.enums++;
      if (schema.values.some((value) => typeof value === 'string' && /^<\w+>$|\{\{.*\}\}/.test(value)))
        counts.literalPlaceholders++;
      break;
    case 'null':
      counts.nullOnly++;
      break;
    default:
      break;
  }
}

function operations(list: Operation[], resources: Resource[]): Operation[] {
  return [...list, ...resources.flatMap((resource) => operations(resource.operations, resource.resources))];
}

/** Success answers and request bodies, counted apart. */
export function countModel(model: ApiModel): { responses: Counts; requests: Counts } {
  const responses = emptyCounts();
  const requests = emptyCounts();
  for (const operation of operations(model.operations, model.resources)) {
    for (const response of operation.responses) if (response.status < 300) countSchema(response.schema, responses);
    if (operation.body) countSchema(operation.body.schema, requests);
  }
  return { responses, requests };
}

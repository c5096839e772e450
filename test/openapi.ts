/**
 * The parts of the OpenAPI document that the walks over every route read (the fuzz walk and the
 * hosted isolation walk), and how a schema is resolved to the one a request must match.
 */

export type Schema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  minimum?: number;
};
export interface Parameter {
  in: 'path' | 'query' | 'header';
  name: string;
  schema?: Schema;
}
export interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
}
export interface Doc {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

/**
 * Follows `$ref`s, merges `allOf`, and picks the first non-null choice of `anyOf`/`oneOf`: the
 * schema a plausible value is made for.
 */
export function resolveSchema(doc: Doc, schema: Schema | undefined): Schema {
  const resolve = (s: Schema | undefined): Schema => resolveSchema(doc, s);
  if (!schema) return {};
  if (schema.$ref) return resolve(doc.components?.schemas?.[schema.$ref.split('/').pop() ?? '']);
  if (schema.allOf?.length) {
    const merged: Schema = {};
    for (const part of schema.allOf.map(resolve)) {
      Object.assign(merged, part, { properties: { ...merged.properties, ...part.properties } });
    }
    return merged;
  }
  const options = schema.anyOf ?? schema.oneOf;
  if (options?.length) return resolve(options.find((o) => resolve(o).type !== 'null') ?? options[0]);
  return schema;
}

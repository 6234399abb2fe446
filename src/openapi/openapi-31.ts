import type { OpenAPIObject } from '@nestjs/swagger';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * @nestjs/swagger writes OpenAPI 3.0 schemas; the document is published as OpenAPI 3.1, whose
 * schemas are JSON Schema 2020-12. The one difference our decorators produce is `nullable`:
 * beside `allOf: [$ref]` (a nullable nested object, e.g. a webinar's `venue`) 3.0 cannot allow
 * null at all, while 3.1 says it exactly: `anyOf: [{ $ref }, { type: 'null' }]`, and for a plain
 * value `type: [T, 'null']`.
 */
export function toOpenApi31(document: OpenAPIObject): OpenAPIObject {
  const converted = convert(document) as OpenAPIObject;
  converted.openapi = '3.1.0';
  return converted;
}

function convert(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(convert);
  if (!isObject(node)) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) out[key] = convert(value);
  return out.nullable === true ? allowNull(out) : out;
}

function allowNull(schema: Json): Json {
  const { nullable: _nullable, ...rest } = schema;
  const allOf = rest.allOf as Json[] | undefined;
  if (typeof rest.$ref === 'string' || (allOf?.length === 1 && !rest.properties)) {
    const { $ref, allOf: _allOf, type: _type, ...annotations } = rest;
    const target = typeof $ref === 'string' ? { $ref } : allOf![0];
    return { ...annotations, anyOf: [target, { type: 'null' }] };
  }
  if (Array.isArray(rest.anyOf)) return { ...rest, anyOf: [...(rest.anyOf as Json[]), { type: 'null' }] };
  if (Array.isArray(rest.oneOf)) return { ...rest, oneOf: [...(rest.oneOf as Json[]), { type: 'null' }] };
  if (typeof rest.type === 'string') {
    const withNull: Json = { ...rest, type: [rest.type, 'null'] };
    if (Array.isArray(rest.enum)) withNull.enum = [...(rest.enum as unknown[]), null];
    return withNull;
  }
  return rest;
}

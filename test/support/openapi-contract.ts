import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { Response, Test } from 'supertest';

type Json = Record<string, any>;

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;
const DOCUMENT_ID = 'openapi.json';

/** Paths the API document must describe; anything else (pages, /gestion, /dsfr, /docs, /metrics) is not API. */
const API_PREFIXES = ['/api/', '/health'];
const isApiPath = (path: string) => API_PREFIXES.some((prefix) => path === prefix.replace(/\/$/, '') || path.startsWith(prefix));

interface Route {
  template: string;
  pattern: RegExp;
  literals: number;
  item: Json;
}

const isJson = (mediaType: string) => mediaType === 'application/json' || /^application\/[^/]+\+json$/.test(mediaType);

/**
 * Every answer a test receives through `t.http`, checked against the API document the app serves:
 * the operation exists, the status is declared, the media type is one it declares, and a JSON body
 * matches the schema. A mismatch fails the request with the operation, the status and the JSON
 * pointer of each broken value.
 */
export class ApiContract {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly routes: Route[];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(document: Json) {
    addFormats(this.ajv);
    this.ajv.addFormat('binary', true);
    this.ajv.addSchema({ $id: DOCUMENT_ID, components: document.components ?? {} });
    this.routes = Object.entries(document.paths as Json)
      .map(([template, item]) => {
        const segments = template.split('/');
        const pattern = segments.map((s) => (/^\{[^}]+\}$/.test(s) ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/');
        return { template, item, pattern: new RegExp(`^${pattern}$`), literals: segments.filter((s) => !s.startsWith('{')).length };
      })
      .sort((a, b) => b.literals - a.literals);
  }

  /** supertest bound to the app, every answer checked against the document. */
  watch<T extends object>(agent: T): T {
    return new Proxy(agent, {
      get: (target, property, receiver) => {
        const value = Reflect.get(target, property, receiver);
        if (typeof value !== 'function' || !(METHODS as readonly (string | symbol)[]).includes(property)) return value;
        return (...args: unknown[]) => this.hook(value.apply(target, args) as Test);
      },
    });
  }

  private hook(test: Test): Test {
    const internal = test as unknown as { assert(error: unknown, res: Response | undefined, fn: (error: unknown, res?: Response) => void): void };
    const assert = internal.assert.bind(test);
    internal.assert = (resError, res, fn) =>
      assert(resError, res, (error, response) => {
        const broken = !error && res ? this.check(test.method, test.url, res) : null;
        fn(broken ? new Error(broken) : error, response);
      });
    return test;
  }

  /** null when the answer is what the document says, else a message naming what differs. */
  check(method: string, url: string, res: Response): string | null {
    const path = new URL(url, 'http://localhost').pathname;
    const route = this.routes.find((r) => r.pattern.test(path));
    const verb = method.toLowerCase();
    const operation: Json | undefined = route?.item[verb];
    const where = `${method.toUpperCase()} ${route?.template ?? path}`;
    if (!operation) {
      if (!isApiPath(path)) return null;
      // The router's own answer to a path or method nothing serves.
      if (res.status === 404 || res.status === 405) return this.checkBody(`${where} (no such operation)`, this.problemResponse(), res, verb);
      return `OpenAPI contract: ${where} answered ${res.status} but the document has no such operation`;
    }
    const responses = operation.responses as Json;
    const declared = responses[String(res.status)] ?? responses[`${String(res.status)[0]}XX`] ?? responses.default;
    if (!declared) {
      return `OpenAPI contract: ${where} (${operation.operationId}) answered ${res.status}, which the document does not declare (declared: ${Object.keys(responses).join(', ')})`;
    }
    return this.checkBody(`${where} (${operation.operationId}) ${res.status}`, declared, res, verb, `#/paths/${pointer(route!.template)}/${verb}/responses/${res.status}`);
  }

  private problemResponse(): Json {
    return { content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
  }

  private checkBody(where: string, declared: Json, res: Response, verb: string, location = where): string | null {
    const content = declared.content as Json | undefined;
    const mediaType = String(res.headers['content-type'] ?? '')
      .split(';')[0]
      .trim()
      .toLowerCase();
    const raw = res.body instanceof Buffer ? res.body : undefined;
    const hasBody = mediaType !== '' || (raw ? raw.length > 0 : !!res.text);
    if (!content) return hasBody ? `OpenAPI contract: ${where} sent a body (${mediaType || 'no content type'}) that the document does not declare` : null;
    if (!hasBody && (res.status === 304 || res.status === 204 || verb === 'head')) return null;
    const media = content[mediaType] ?? content[mediaType.replace(/\/.*/, '/*')] ?? content['*/*'];
    if (!media) return `OpenAPI contract: ${where} sent ${mediaType || 'no content type'}; the document declares ${Object.keys(content).join(', ')}`;
    if (!isJson(mediaType) || !media.schema) return null;
    let body: unknown = res.body;
    // A test's own parser (`.buffer(true).parse(...)` for files) leaves the JSON unparsed.
    const unparsed = raw ? raw.toString('utf8') : typeof body === 'string' ? body : undefined;
    if (unparsed !== undefined) {
      try {
        body = JSON.parse(unparsed);
      } catch {
        return `OpenAPI contract: ${where} sent ${mediaType} that is not JSON`;
      }
    }
    const validate = this.validator(location + '/' + mediaType, media.schema);
    if (validate(body)) return null;
    return `OpenAPI contract: ${where} ${mediaType} does not match its schema:\n${describe(validate.errors ?? [])}`;
  }

  private validator(key: string, schema: Json): ValidateFunction {
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(rebase(schema));
      this.validators.set(key, validate);
    }
    return validate;
  }
}

/** A schema from inside the document, its local references pointed at the document's components. */
function rebase(node: unknown): any {
  if (Array.isArray(node)) return node.map(rebase);
  if (typeof node !== 'object' || node === null) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] = key === '$ref' && typeof value === 'string' && value.startsWith('#/') ? DOCUMENT_ID + value : rebase(value);
  }
  return out;
}

const pointer = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

function describe(errors: ErrorObject[]): string {
  return errors
    .slice(0, 10)
    .map((e) => `  at ${e.instancePath || '/'}: ${e.message}${e.params && Object.keys(e.params).length ? ' ' + JSON.stringify(e.params) : ''} (schema ${e.schemaPath})`)
    .join('\n');
}

// GitHub's official OpenAPI description (api.github.com, from @octokit/openapi) turned into
// request/response validators for the local test server.
//
// The description is OpenAPI 3.0: `nullable: true` is not JSON Schema, and ajv refuses
// `nullable` without `type` (DESIGN.md §6). We therefore normalise every schema into plain JSON
// Schema (draft-07 semantics, which ajv's default class implements) before ajv sees it:
//   {type: T, nullable: true}          -> {type: [T, "null"]}   (+ null in `enum`)
//   {nullable: true, anyOf/allOf/$ref}  -> {anyOf: [<rest>, {type: "null"}]}
//   "$ref": "#/components/..."           -> absolute ref into one registered document
// Validators are compiled lazily, per operation and per status, so only the operations a test
// touches pay the compile cost.
import { createRequire } from "node:module";
import { Ajv, type ValidateFunction, type ErrorObject } from "ajv";
import addFormatsModule from "ajv-formats";

const require = createRequire(import.meta.url);
const DOC_ID = "https://api.github.com/openapi.json";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

export interface Parameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema?: JsonObject;
}

export interface Operation {
  operationId: string;
  method: string;
  template: string;
  parameters: Parameter[];
  requestBody?: { required?: boolean; schema?: JsonObject };
  /** status code (as declared) -> JSON schema of the body, or null when no JSON body */
  responses: Map<string, JsonObject | null>;
}

export interface RouteMatch {
  operation: Operation;
  pathParams: Record<string, string>;
}

/** Values in keys that hold data, not schemas: never rewritten. */
const DATA_KEYS = new Set(["example", "examples", "default", "enum", "const", "x-github", "x-octokit"]);

/** Rewrites one OpenAPI 3.0 schema (and its sub-schemas) into JSON Schema. Pure. */
export function normaliseSchema(node: Json): Json {
  if (Array.isArray(node)) return node.map(normaliseSchema);
  if (node === null || typeof node !== "object") return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "nullable") continue;
    if (key === "$ref" && typeof value === "string" && value.startsWith("#/")) {
      out[key] = DOC_ID + value;
    } else if (DATA_KEYS.has(key)) {
      out[key] = value;
    } else {
      out[key] = normaliseSchema(value);
    }
  }
  if (node["nullable"] !== true) return out;
  const type = out["type"];
  if (typeof type === "string" && out["$ref"] === undefined && out["allOf"] === undefined
      && out["anyOf"] === undefined && out["oneOf"] === undefined) {
    out["type"] = [type, "null"];
    if (Array.isArray(out["enum"]) && !out["enum"].includes(null)) out["enum"] = [...out["enum"], null];
    return out;
  }
  // No plain type to widen: accept either the schema or null.
  const nullable: JsonObject = { anyOf: [out, { type: "null" }] };
  return nullable;
}

export class GitHubOpenApi {
  readonly ajv: Ajv;
  private readonly spec: JsonObject;
  private readonly routes: { method: string; regex: RegExp; names: string[]; literal: number; op: Operation }[] = [];
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(specFile = "@octokit/openapi/generated/api.github.com.json") {
    this.spec = require(specFile) as JsonObject;
    this.ajv = new Ajv({ strict: false, allErrors: true, logger: false, validateFormats: true });
    const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
    addFormats(this.ajv);
    const components = this.spec["components"] as JsonObject;
    this.ajv.addSchema({ $id: DOC_ID, components: { schemas: normaliseSchema(components["schemas"] ?? {}) } } as object);
    this.indexRoutes();
  }

  private resolve<T>(node: Json): T {
    // Parameters, responses and request bodies may themselves be $refs into components.
    let cur = node;
    for (let i = 0; i < 5 && cur && typeof cur === "object" && !Array.isArray(cur) && typeof cur["$ref"] === "string"; i++) {
      const parts = (cur["$ref"] as string).replace(/^#\//, "").split("/");
      let target: Json = this.spec;
      for (const part of parts) target = (target as JsonObject)[part] ?? null;
      cur = target;
    }
    return cur as T;
  }

  private indexRoutes(): void {
    const paths = this.spec["paths"] as JsonObject;
    for (const [template, item] of Object.entries(paths)) {
      const pathItem = item as JsonObject;
      const shared = (pathItem["parameters"] as Json[] | undefined) ?? [];
      for (const method of ["get", "post", "put", "patch", "delete"]) {
        const raw = pathItem[method] as JsonObject | undefined;
        if (!raw) continue;
        const parameters = [...shared, ...((raw["parameters"] as Json[] | undefined) ?? [])]
          .map((p) => this.resolve<Parameter>(p));
        const body = raw["requestBody"] ? this.resolve<JsonObject>(raw["requestBody"]) : undefined;
        const bodySchema = ((body?.["content"] as JsonObject | undefined)?.["application/json"] as JsonObject | undefined)?.["schema"] as JsonObject | undefined;
        const responses = new Map<string, JsonObject | null>();
        for (const [status, r] of Object.entries((raw["responses"] as JsonObject) ?? {})) {
          const resp = this.resolve<JsonObject>(r);
          const content = resp?.["content"] as JsonObject | undefined;
          const json = (content?.["application/json"] ?? content?.["application/scim+json"]) as JsonObject | undefined;
          responses.set(status, (json?.["schema"] as JsonObject | undefined) ?? null);
        }
        const op: Operation = {
          operationId: raw["operationId"] as string,
          method: method.toUpperCase(),
          template,
          parameters,
          ...(body ? { requestBody: { required: body["required"] === true, ...(bodySchema ? { schema: bodySchema } : {}) } } : {}),
          responses,
        };
        const names: string[] = [];
        const regex = new RegExp("^" + template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{([^}]+)\}/g, (_m, name: string) => {
          names.push(name);
          return "([^/]+)";
        }) + "$");
        const literal = template.split("/").filter((s) => s && !s.startsWith("{")).length;
        this.routes.push({ method: op.method, regex, names, literal, op });
      }
    }
    // A literal segment beats a parameter (e.g. /issues/comments/{id} over /issues/{number}/...).
    this.routes.sort((a, b) => b.literal - a.literal);
  }

  match(method: string, path: string): RouteMatch | undefined {
    for (const r of this.routes) {
      if (r.method !== method) continue;
      const m = r.regex.exec(path);
      if (!m) continue;
      const pathParams: Record<string, string> = {};
      r.names.forEach((n, i) => { pathParams[n] = decodeURIComponent(m[i + 1] ?? ""); });
      return { operation: r.op, pathParams };
    }
    return undefined;
  }

  operation(operationId: string): Operation | undefined {
    return this.routes.find((r) => r.op.operationId === operationId)?.op;
  }

  validator(key: string, schema: JsonObject): ValidateFunction {
    let v = this.cache.get(key);
    if (!v) {
      v = this.ajv.compile(normaliseSchema(schema) as object);
      this.cache.set(key, v);
    }
    return v;
  }

  /** Checks params (path, query) and body of a request; returns human-readable problems. */
  validateRequest(match: RouteMatch, query: URLSearchParams, body: unknown, hasBody: boolean): string[] {
    const { operation: op } = match;
    const problems: string[] = [];
    const known = new Set<string>();
    for (const p of op.parameters) {
      if (p.in !== "path" && p.in !== "query") continue;
      known.add(p.name);
      const raw = p.in === "path" ? match.pathParams[p.name] : query.get(p.name) ?? undefined;
      if (raw === undefined) {
        if (p.required) problems.push(`${p.in} parameter ${p.name} is required`);
        continue;
      }
      if (!p.schema) continue;
      const value = coerce(raw, p.schema);
      const v = this.validator(`${op.operationId}:param:${p.name}`, p.schema);
      if (!v(value)) problems.push(`${p.in} parameter ${p.name}=${JSON.stringify(raw)}: ${formatErrors(v.errors)}`);
    }
    for (const name of query.keys()) {
      if (!known.has(name)) problems.push(`query parameter ${name} is not defined for ${op.operationId}`);
    }
    if (op.requestBody?.schema) {
      if (!hasBody) {
        if (op.requestBody.required) problems.push("request body is required");
      } else {
        const v = this.validator(`${op.operationId}:body`, op.requestBody.schema);
        if (!v(body)) problems.push(`request body: ${formatErrors(v.errors)}`);
      }
    } else if (hasBody && op.method === "GET") {
      problems.push("GET request with a body");
    }
    return problems;
  }

  /** Checks a response the server is about to send against the declared schema for its status. */
  validateResponse(op: Operation, status: number, body: unknown): string[] {
    let schema = op.responses.get(String(status));
    if (schema === undefined) {
      if (status < 400) return [`status ${status} is not declared for ${op.operationId}`];
      // GitHub's description omits many error statuses (403, 429, 5xx) that the API does send;
      // their bodies are the documented basic-error shape.
      schema = { $ref: "#/components/schemas/basic-error" };
    }
    if (schema === null) {
      if (body === undefined || body === "") return [];
      // Declared without content, yet GitHub sends its basic-error JSON on such errors (e.g. the
      // 404 of team memberships); successes declared without content must stay empty.
      if (status < 400) return [`status ${status} of ${op.operationId} has no JSON body`];
      schema = { $ref: "#/components/schemas/basic-error" };
    }
    const v = this.validator(`${op.operationId}:response:${status}`, schema);
    return v(body) ? [] : [`response ${status} of ${op.operationId}: ${formatErrors(v.errors)}`];
  }
}

function coerce(raw: string, schema: JsonObject): unknown {
  const type = schema["type"];
  if (type === "integer" || type === "number") return /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
  if (type === "boolean") return raw === "true" ? true : raw === "false" ? false : raw;
  return raw;
}

export function formatErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? []).slice(0, 5).map((e) => `${e.instancePath || "/"} ${e.message ?? ""}${e.params && "additionalProperty" in e.params ? ` (${String(e.params["additionalProperty"])})` : ""}`).join("; ");
}

let shared: GitHubOpenApi | undefined;
/** One parsed description per process: parsing 13 MB of JSON is the slow part. */
export function githubOpenApi(): GitHubOpenApi {
  shared ??= new GitHubOpenApi();
  return shared;
}

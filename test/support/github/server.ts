// A local GitHub REST server on loopback for tests. Every request is matched to an operation of
// GitHub's official OpenAPI description and validated (method, path template, path and query
// parameters, JSON body); every response it sends is validated against the operation's response
// schema. Anything that does not validate is recorded in `violations` (and answered with 400/500),
// so a test that ends with `expect(server.violations).toEqual([])` proves the client only used the
// API as documented.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { githubOpenApi, type GitHubOpenApi, type Operation } from "./openapi.js";
import {
  checkRun, issueComment, review, teamMembership,
  type StoredAnnotation, type StoredCheckRun, type StoredComment, type StoredReview,
} from "./fixtures.js";

export interface RecordedRequest {
  method: string; path: string; operationId: string | undefined;
  pathParams: Record<string, string>; query: Record<string, string>; body: unknown; status: number;
}

export interface Fault {
  operationId: string;
  status: number;
  message?: string;
  headers?: Record<string, string>;
  /** How many matching requests fail (default 1). */
  times?: number;
}

type Permission = "write" | "read";

interface HandlerResult { status: number; body?: unknown; headers?: Record<string, string> }
interface Ctx {
  op: Operation; owner: string; repo: string; params: Record<string, string>; query: URLSearchParams;
  body: Record<string, unknown>; login: string; permission: Permission; baseUrl: string; path: string;
}
type Handler = (ctx: Ctx) => HandlerResult;

const COMMENT_LIMIT = 65536;

export class FakeGitHub {
  readonly api: GitHubOpenApi;
  readonly violations: string[] = [];
  readonly requests: RecordedRequest[] = [];
  readonly comments: StoredComment[] = [];
  readonly checkRuns: StoredCheckRun[] = [];
  readonly reviews: StoredReview[] = [];
  /** "org/team-slug" -> login -> role */
  readonly teams = new Map<string, Map<string, "member" | "maintainer">>();
  private readonly tokens = new Map<string, { login: string; permission: Permission }>();
  private readonly userIds = new Map<string, number>();
  private faults: (Fault & { left: number })[] = [];
  private nextId = 1000;
  private server: Server | undefined;
  baseUrl = "";
  /** A fixed clock keeps timestamps deterministic; tests may move it. */
  now = new Date("2026-11-22T10:00:00Z");

  constructor(api: GitHubOpenApi = githubOpenApi()) {
    this.api = api;
  }

  // ---- test set-up -------------------------------------------------------------------------
  addToken(token: string, login = "github-actions[bot]", permission: Permission = "write"): this {
    this.tokens.set(token, { login, permission });
    return this;
  }

  addTeamMember(org: string, slug: string, login: string, role: "member" | "maintainer" = "member"): this {
    const key = `${org}/${slug}`.toLowerCase();
    if (!this.teams.has(key)) this.teams.set(key, new Map());
    this.teams.get(key)!.set(login.toLowerCase(), role);
    return this;
  }

  addComment(issueNumber: number, body: string, login = "someone"): StoredComment {
    const at = this.now.toISOString().replace(/\.\d+Z$/, "Z");
    const c: StoredComment = { id: this.nextId++, issueNumber, body, login, userId: this.userId(login), createdAt: at, updatedAt: at };
    this.comments.push(c);
    return c;
  }

  addReview(pullNumber: number, login: string, state: StoredReview["state"], commitId: string, body = ""): StoredReview {
    const r: StoredReview = {
      id: this.nextId++, pullNumber, login, userId: this.userId(login), state, commitId, body,
      submittedAt: new Date(this.now.getTime() + this.reviews.length * 1000).toISOString().replace(/\.\d+Z$/, "Z"),
    };
    this.reviews.push(r);
    return r;
  }

  fail(fault: Fault): this {
    this.faults.push({ ...fault, left: fault.times ?? 1 });
    return this;
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => { void this.handle(req, res); });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    const { port } = this.server.address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${port}`;
    return this.baseUrl;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = undefined;
  }

  // ---- queries for assertions ----------------------------------------------------------------
  commentsOn(issueNumber: number): StoredComment[] {
    return this.comments.filter((c) => c.issueNumber === issueNumber);
  }

  checkRunsNamed(name: string): StoredCheckRun[] {
    return this.checkRuns.filter((r) => r.name === name);
  }

  // ---- request handling ----------------------------------------------------------------------
  private userId(login: string): number {
    let id = this.userIds.get(login);
    if (id === undefined) {
      id = 100 + this.userIds.size;
      this.userIds.set(login, id);
    }
    return id;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.baseUrl);
    const method = req.method ?? "GET";
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const record: RecordedRequest = {
      method, path: url.pathname, operationId: undefined, pathParams: {},
      query: Object.fromEntries(url.searchParams), body: undefined, status: 0,
    };
    this.requests.push(record);
    const send = (status: number, body?: unknown, headers: Record<string, string> = {}): void => {
      record.status = status;
      const text = body === undefined ? "" : JSON.stringify(body);
      res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
      res.end(text);
    };

    const match = this.api.match(method, url.pathname);
    if (!match) {
      this.violations.push(`${method} ${url.pathname}: no operation in GitHub's description`);
      return send(404, { message: "Not Found", documentation_url: "https://docs.github.com/rest" });
    }
    const { operation: op } = match;
    record.operationId = op.operationId;
    record.pathParams = match.pathParams;

    let body: unknown;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw);
      } catch {
        this.violations.push(`${op.operationId}: body is not JSON`);
        return send(400, { message: "Problems parsing JSON" });
      }
    }
    record.body = body;
    const problems = this.api.validateRequest(match, url.searchParams, body, raw.length > 0);
    if (problems.length > 0) {
      this.violations.push(...problems.map((p) => `${method} ${url.pathname} (${op.operationId}): ${p}`));
      return send(422, { message: "Validation Failed", documentation_url: "https://docs.github.com/rest", status: "422" });
    }

    const auth = /^(?:token|bearer)\s+(.+)$/i.exec(req.headers.authorization ?? "");
    const who = auth ? this.tokens.get(auth[1]!) : undefined;
    if (!who) return this.respond(op, send, { status: 401, body: { message: "Bad credentials", documentation_url: "https://docs.github.com/rest" } });

    const fault = this.faults.find((f) => f.left > 0 && f.operationId === op.operationId);
    if (fault) {
      fault.left--;
      return this.respond(op, send, {
        status: fault.status,
        body: { message: fault.message ?? "Server Error", documentation_url: "https://docs.github.com/rest" },
        ...(fault.headers ? { headers: fault.headers } : {}),
      });
    }

    const handler = HANDLERS[op.operationId];
    if (!handler) {
      this.violations.push(`${op.operationId}: valid request, but the test server does not implement it`);
      return send(501, { message: "Not implemented by the test server" });
    }
    if (method !== "GET" && who.permission === "read") {
      // What GitHub answers when a fork's GITHUB_TOKEN (read-only) tries to write.
      return this.respond(op, send, { status: 403, body: { message: "Resource not accessible by integration", documentation_url: "https://docs.github.com/rest" } });
    }
    const ctx: Ctx = {
      op, owner: match.pathParams["owner"] ?? "", repo: match.pathParams["repo"] ?? "", params: match.pathParams,
      query: url.searchParams, body: (body ?? {}) as Record<string, unknown>, login: who.login,
      permission: who.permission, baseUrl: this.baseUrl, path: url.pathname,
    };
    this.respond(op, send, handler.call(this, ctx));
  }

  private respond(op: Operation, send: (s: number, b?: unknown, h?: Record<string, string>) => void, r: HandlerResult): void {
    const problems = this.api.validateResponse(op, r.status, r.body);
    if (problems.length > 0) {
      this.violations.push(...problems.map((p) => `server fixture: ${p}`));
      return send(500, { message: "test server produced an invalid response" });
    }
    send(r.status, r.body, r.headers);
  }

  // ---- handlers (this = FakeGitHub) ----------------------------------------------------------
  paginate(ctx: Ctx, items: unknown[]): HandlerResult {
    const perPage = Math.min(Number(ctx.query.get("per_page") ?? 30), 100);
    const page = Math.max(Number(ctx.query.get("page") ?? 1), 1);
    const last = Math.max(Math.ceil(items.length / perPage), 1);
    const link = (p: number, rel: string): string => {
      const u = new URL(ctx.path, ctx.baseUrl);
      for (const [k, v] of ctx.query) if (k !== "page") u.searchParams.set(k, v);
      u.searchParams.set("per_page", String(perPage));
      u.searchParams.set("page", String(p));
      return `<${u.toString()}>; rel="${rel}"`;
    };
    const links: string[] = [];
    if (page < last) links.push(link(page + 1, "next"), link(last, "last"));
    if (page > 1) links.push(link(1, "first"), link(page - 1, "prev"));
    return {
      status: 200,
      body: items.slice((page - 1) * perPage, page * perPage),
      ...(links.length ? { headers: { link: links.join(", ") } } : {}),
    };
  }

  repoName(ctx: Ctx): string {
    return `${ctx.owner}/${ctx.repo}`;
  }

  stamp(): string {
    return this.now.toISOString().replace(/\.\d+Z$/, "Z");
  }

  newId(): number {
    return this.nextId++;
  }

  userIdOf(login: string): number {
    return this.userId(login);
  }
}

function notFound(): HandlerResult {
  return { status: 404, body: { message: "Not Found", documentation_url: "https://docs.github.com/rest" } };
}

function applyCheckRunBody(run: StoredCheckRun, body: Record<string, unknown>, stamp: string): void {
  if (typeof body["status"] === "string") run.status = body["status"];
  if (typeof body["conclusion"] === "string") {
    run.conclusion = body["conclusion"];
    run.status = "completed"; // documented: a conclusion completes the run
  }
  if (typeof body["details_url"] === "string") run.detailsUrl = body["details_url"];
  if (typeof body["external_id"] === "string") run.externalId = body["external_id"];
  if (typeof body["started_at"] === "string") run.startedAt = body["started_at"];
  if (typeof body["completed_at"] === "string") run.completedAt = body["completed_at"];
  if (run.status === "completed" && !run.completedAt) run.completedAt = stamp;
  const output = body["output"] as Record<string, unknown> | undefined;
  if (output) {
    run.title = (output["title"] as string | undefined) ?? run.title;
    run.summary = (output["summary"] as string | undefined) ?? run.summary;
    run.text = (output["text"] as string | undefined) ?? run.text;
    // Documented: annotations are appended on every update, not replaced.
    run.annotations.push(...((output["annotations"] as StoredAnnotation[] | undefined) ?? []));
  }
  run.history.push(body);
}

const HANDLERS: Record<string, (this: FakeGitHub, ctx: Ctx) => HandlerResult> = {
  "issues/list-comments"(ctx) {
    const n = Number(ctx.params["issue_number"]);
    return this.paginate(ctx, this.commentsOn(n).map((c) => issueComment(this.repoName(ctx), c)));
  },
  "issues/create-comment"(ctx) {
    const text = String(ctx.body["body"]);
    if (text.length > COMMENT_LIMIT) {
      return { status: 422, body: { message: `Validation Failed: body is too long (maximum is ${COMMENT_LIMIT} characters)`, documentation_url: "https://docs.github.com/rest" } };
    }
    const c = this.addComment(Number(ctx.params["issue_number"]), text, ctx.login);
    return { status: 201, body: issueComment(this.repoName(ctx), c), headers: { location: issueComment(this.repoName(ctx), c)["url"] as string } };
  },
  "issues/update-comment"(ctx) {
    const c = this.comments.find((x) => x.id === Number(ctx.params["comment_id"]));
    if (!c) return notFound();
    const text = String(ctx.body["body"]);
    if (text.length > COMMENT_LIMIT) {
      return { status: 422, body: { message: `Validation Failed: body is too long (maximum is ${COMMENT_LIMIT} characters)`, documentation_url: "https://docs.github.com/rest" } };
    }
    c.body = text;
    c.updatedAt = this.stamp();
    return { status: 200, body: issueComment(this.repoName(ctx), c) };
  },
  "checks/create"(ctx) {
    const run: StoredCheckRun = {
      id: this.newId(), name: String(ctx.body["name"]), headSha: String(ctx.body["head_sha"]),
      status: "queued", conclusion: null, startedAt: this.stamp(), completedAt: null, detailsUrl: null,
      externalId: null, title: null, summary: null, text: null, annotations: [], history: [],
    };
    applyCheckRunBody(run, ctx.body, this.stamp());
    this.checkRuns.push(run);
    return { status: 201, body: checkRun(this.repoName(ctx), run) };
  },
  "checks/update"(ctx) {
    const run = this.checkRuns.find((r) => r.id === Number(ctx.params["check_run_id"]));
    if (!run) return notFound();
    applyCheckRunBody(run, ctx.body, this.stamp());
    return { status: 200, body: checkRun(this.repoName(ctx), run) };
  },
  "checks/list-for-ref"(ctx) {
    const ref = ctx.params["ref"];
    const name = ctx.query.get("check_name");
    let runs = this.checkRuns.filter((r) => r.headSha === ref && (name === null || r.name === name));
    if (ctx.query.get("filter") !== "all") {
      // "latest" (the default): the most recent run of each name.
      const latest = new Map<string, StoredCheckRun>();
      for (const r of runs) latest.set(r.name, r);
      runs = [...latest.values()];
    }
    runs = [...runs].reverse();
    const page = this.paginate(ctx, runs.map((r) => checkRun(this.repoName(ctx), r)));
    return { ...page, body: { total_count: runs.length, check_runs: page.body } };
  },
  "pulls/list-reviews"(ctx) {
    const n = Number(ctx.params["pull_number"]);
    return this.paginate(ctx, this.reviews.filter((r) => r.pullNumber === n).map((r) => review(this.repoName(ctx), r)));
  },
  "teams/get-membership-for-user-in-org"(ctx) {
    const { org = "", team_slug: slug = "", username = "" } = ctx.params;
    const role = this.teams.get(`${org}/${slug}`.toLowerCase())?.get(username.toLowerCase());
    if (!role) return notFound();
    return { status: 200, body: teamMembership(org, slug, username, role, "active") };
  },
};

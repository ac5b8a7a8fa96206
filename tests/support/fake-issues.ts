/**
 * Stand-ins for the issue trackers the overdue digest writes to: a `gh` command for GitHub and a small
 * HTTP server for GitLab's issues API, both keeping their issues in memory or a JSON file, so tests can
 * run the workflows' own scripts and count the issues they leave behind.
 */
import { chmodSync, writeFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";

export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  labels: string[];
  state: "open" | "closed";
}

/**
 * Writes an executable `gh` into `dir` that understands the calls the GitHub workflow makes (label
 * create, issue list/create/edit/close) and keeps the issues in `<dir>/issues.json`.
 */
export function writeFakeGh(dir: string): { issuesFile: string } {
  const issuesFile = join(dir, "issues.json");
  writeFileSync(issuesFile, "[]");
  const script = `#!/usr/bin/env node
const fs = require("node:fs");
const file = ${JSON.stringify(issuesFile)};
const issues = JSON.parse(fs.readFileSync(file, "utf8"));
const args = process.argv.slice(2);
const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const save = () => fs.writeFileSync(file, JSON.stringify(issues, null, 2));
const [noun, verb] = args;
if (noun === "label" && verb === "create") process.exit(0);
if (noun !== "issue") { console.error("fake gh: unexpected " + args.join(" ")); process.exit(1); }
if (verb === "list") {
  const found = issues.filter((i) => i.state === opt("--state") && i.labels.includes(opt("--label")));
  const limited = found.slice(0, Number(opt("--limit") ?? 30)).map((i) => ({ number: i.number }));
  // Only the query the workflow uses: '.[0].number // empty'.
  if (opt("--jq") !== ".[0].number // empty") { console.error("fake gh: unexpected --jq " + opt("--jq")); process.exit(1); }
  if (limited[0]) console.log(limited[0].number);
} else if (verb === "create") {
  issues.push({ number: issues.length + 1, title: opt("--title"), body: fs.readFileSync(opt("--body-file"), "utf8"), labels: [opt("--label")], state: "open" });
} else if (verb === "edit") {
  issues.find((i) => i.number === Number(args[2])).body = fs.readFileSync(opt("--body-file"), "utf8");
} else if (verb === "close") {
  const issue = issues.find((i) => i.number === Number(args[2]));
  issue.state = "closed";
  issue.comment = opt("--comment");
} else { console.error("fake gh: unexpected " + args.join(" ")); process.exit(1); }
save();
`;
  const gh = join(dir, "gh");
  writeFileSync(gh, script);
  chmodSync(gh, 0o755);
  return { issuesFile };
}

/** A GitLab issues API for one project: GET (labels, state), POST and PUT (description, state_event). */
export async function fakeGitLab(projectId: string): Promise<{ api: string; issues: FakeIssue[]; close: () => Promise<void> }> {
  const issues: FakeIssue[] = [];
  const base = `/api/v4/projects/${projectId}/issues`;
  function answer(method: string, url: URL, headers: IncomingHttpHeaders, body: string): [number, unknown] {
    if (headers["private-token"] !== "secret-token") return [401, { message: "401 Unauthorized" }];
    const data = (body ? JSON.parse(body) : {}) as {
      title?: string;
      labels?: string;
      description?: string;
      state_event?: string;
    };
    if (method === "GET" && url.pathname === base) {
      const state = url.searchParams.get("state") === "opened" ? "open" : "closed";
      const label = url.searchParams.get("labels") ?? "";
      return [200, issues.filter((i) => i.state === state && i.labels.includes(label)).map((i) => ({ iid: i.number }))];
    }
    if (method === "POST" && url.pathname === base) {
      const issue: FakeIssue = {
        number: issues.length + 1,
        title: data.title ?? "",
        body: data.description ?? "",
        labels: (data.labels ?? "").split(","),
        state: "open",
      };
      issues.push(issue);
      return [201, { iid: issue.number }];
    }
    const issue = issues.find((i) => `${base}/${i.number}` === url.pathname);
    if (method === "PUT" && issue) {
      if (data.description !== undefined) issue.body = data.description;
      if (data.state_event === "close") issue.state = "closed";
      return [200, { iid: issue.number }];
    }
    return [404, { message: "404 Not found" }];
  }
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      const [status, data] = answer(req.method ?? "GET", new URL(req.url ?? "/", "http://localhost"), req.headers, body);
      res.writeHead(status, { "Content-Type": "application/json" });
      res.end(JSON.stringify(data));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    api: `http://127.0.0.1:${port}/api/v4`,
    issues,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * The Dockerfile, read statically (no container engine in CI): dockerfile-utils' linter, and its stages
 * parsed with dockerfile-ast, checked against the nginx configuration they serve with.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DockerfileParser } from "dockerfile-ast";
import { validate } from "dockerfile-utils";
import { describe, expect, it } from "vitest";
import { NGINX_DEFAULTS } from "../../src/lib/deploy/nginx.ts";
import { ROOT } from "../support/paths.ts";

const text = readFileSync(join(ROOT, "Dockerfile"), "utf8");
const dockerfile = DockerfileParser.parse(text);
const stages = dockerfile.getFROMs().map((from) => ({
  image: `${from.getImageName() ?? ""}:${from.getImageTag() ?? ""}`,
  name: from.getBuildStage(),
  line: from.getRange().start.line,
}));
/** The instructions of a stage, as `KEYWORD arguments`. */
function stage(index: number): string[] {
  const start = stages[index]?.line ?? 0;
  const end = stages[index + 1]?.line ?? Number.POSITIVE_INFINITY;
  return dockerfile
    .getInstructions()
    .filter((i) => i.getRange().start.line > start && i.getRange().start.line < end)
    .map((i) => `${i.getKeyword()} ${i.getArgumentsContent() ?? ""}`);
}

describe("the Dockerfile", () => {
  it("passes the Dockerfile linter", () => {
    const problems = validate(text).map(
      (d) => `${d.range.start.line + 1}: ${typeof d.message === "string" ? d.message : d.message.value}`,
    );
    expect(problems).toEqual([]);
  });

  it("builds on Node 22 and serves from nginx, in two stages", () => {
    expect(stages.map((s) => s.name)).toEqual(["build", "serve"]);
    expect(stages[0]?.image).toMatch(/^node:22\b/);
    expect(stages[1]?.image).toMatch(/nginx/);
  });

  it("installs without development packages, then builds", () => {
    const build = stage(0);
    expect(build).toContain("RUN npm ci --omit=dev --no-audit --no-fund");
    const install = build.findIndex((i) => i.startsWith("RUN npm ci"));
    const compile = build.findIndex((i) => i.includes("npm run build"));
    expect(install).toBeGreaterThan(-1);
    expect(compile).toBeGreaterThan(install);
  });

  it("serves the built site with the production nginx configuration, on its port and from its root", () => {
    const serve = stage(1);
    expect(stage(0).join("\n")).toContain("deploy/nginx/hindsight.conf");
    expect(serve).toContain("COPY /site/nginx.conf /etc/nginx/conf.d/default.conf");
    expect(serve).toContain(`COPY /site/dist/ ${NGINX_DEFAULTS.root}/`);
    expect(serve).toContain(`EXPOSE ${NGINX_DEFAULTS.port}`);
    expect(text).toContain("COPY --from=build /site/dist/");
  });

  it("keeps installed packages and earlier builds out of the build context", () => {
    const ignored = readFileSync(join(ROOT, ".dockerignore"), "utf8").split("\n");
    expect(ignored).toEqual(expect.arrayContaining(["node_modules/", "dist/", ".git/"]));
  });
});

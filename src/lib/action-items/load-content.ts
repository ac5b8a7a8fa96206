/**
 * Reads the content folder straight from disk (no site build): catalogs and every postmortem's frontmatter,
 * validated by the same schemas and cross-file rules as the build. Used by `hindsight actions`; small enough
 * for other command-line tools to reuse.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import type { z } from "zod";
import { contentPaths } from "../content-paths.ts";
import { checkCatalogs, checkPostmortemReferences, type PostmortemSource } from "../integrity/cross-file.ts";
import type { Problem } from "../integrity/problem.ts";
import { postmortemSchema, servicesFileSchema, taxonomyFileSchema, teamsFileSchema, type Catalogs } from "../schema/index.ts";

export interface LoadedContent {
  postmortems: PostmortemSource[];
  catalogs: Catalogs;
  /** Everything wrong with the content; when not empty, the rest may be incomplete. */
  problems: Problem[];
}

const FRONTMATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

function issueProblems(file: string, issues: readonly z.core.$ZodIssue[]): Problem[] {
  return issues.map((issue) => ({
    file,
    path: issue.path.map((p) => (typeof p === "symbol" ? String(p) : p)),
    message: issue.message,
  }));
}

function readYaml(file: string, problems: Problem[]): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    problems.push({
      file,
      path: [],
      message: "cannot be read — check that the content folder is right (--content DIR or HINDSIGHT_CONTENT)",
    });
    return undefined;
  }
  try {
    return parseYaml(text);
  } catch (error) {
    problems.push({
      file,
      path: [],
      message: `is not valid YAML (${(error as Error).message.split("\n")[0]}) — run \`hindsight validate\` for the exact line`,
    });
    return undefined;
  }
}

function loadCatalog<T>(file: string, schema: z.ZodType<T[]>, problems: Problem[]): T[] {
  const raw = readYaml(file, problems);
  if (raw === undefined) return [];
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  problems.push(...issueProblems(file, result.error.issues));
  return [];
}

/** Parses one postmortem file's frontmatter, or records why it cannot. */
export function loadPostmortemFile(file: string, text: string, problems: Problem[]): PostmortemSource | undefined {
  const id = file.replace(/^.*[\\/]/, "").replace(/\.mdx$/, "");
  const match = FRONTMATTER.exec(text);
  if (!match) {
    problems.push({ file, path: [], message: 'has no frontmatter — start the file with "---", the fields, then another "---"' });
    return undefined;
  }
  let raw: unknown;
  try {
    raw = parseYaml(match[1]!);
  } catch (error) {
    problems.push({
      file,
      path: [],
      message: `frontmatter is not valid YAML (${(error as Error).message.split("\n")[0]}) — run \`hindsight validate\` for the exact line`,
    });
    return undefined;
  }
  const result = postmortemSchema.safeParse(raw);
  if (!result.success) {
    problems.push(...issueProblems(file, result.error.issues));
    return undefined;
  }
  return { id, file, data: result.data };
}

/** Loads and checks `dir` (default: HINDSIGHT_CONTENT or content/). */
export function loadContent(dir?: string): LoadedContent {
  const paths = contentPaths(dir);
  const problems: Problem[] = [];
  const catalogs: Catalogs = {
    teams: loadCatalog(paths.teams, teamsFileSchema, problems),
    services: loadCatalog(paths.services, servicesFileSchema, problems),
    categories: loadCatalog(paths.taxonomy, taxonomyFileSchema, problems),
  };
  let names: string[] = [];
  try {
    names = readdirSync(paths.postmortems)
      .filter((name) => name.endsWith(".mdx"))
      .sort();
  } catch {
    problems.push({
      file: paths.postmortems,
      path: [],
      message:
        "is not a folder that can be read — point --content (or HINDSIGHT_CONTENT) at the folder holding postmortems/ and teams.yaml",
    });
  }
  const postmortems: PostmortemSource[] = [];
  for (const name of names) {
    const file = join(paths.postmortems, name);
    const loaded = loadPostmortemFile(file, readFileSync(file, "utf8"), problems);
    if (loaded) postmortems.push(loaded);
  }
  if (problems.length === 0) {
    const files = { teams: paths.teams, services: paths.services, taxonomy: paths.taxonomy };
    problems.push(...checkCatalogs(catalogs, files), ...checkPostmortemReferences(postmortems, catalogs, files));
  }
  return { postmortems, catalogs, problems };
}

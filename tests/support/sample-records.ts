/** The sample content parsed with the real schemas, for tests that compute what a build should contain. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import {
  postmortemSchema,
  servicesFileSchema,
  taxonomyFileSchema,
  teamsFileSchema,
  type Catalogs,
  type Postmortem,
} from "../../src/lib/schema/index.ts";
import { ROOT } from "./paths.ts";
import { readPostmortemFrontmatter } from "./sample-content.ts";

export interface SampleRecord {
  id: string;
  data: Postmortem;
}

/** Every sample postmortem that a build shows (not drafts), newest first, as the knowledge base orders them. */
export function visibleSamples(contentDir = join(ROOT, "content")): SampleRecord[] {
  return readPostmortemFrontmatter(contentDir)
    .map((file) => ({ id: file.id, data: postmortemSchema.parse(file.data) }))
    .filter((r) => r.data.status !== "draft")
    .sort((a, b) => Date.parse(b.data.started) - Date.parse(a.data.started) || a.id.localeCompare(b.id));
}

/** The sample catalogs. */
export function sampleCatalogs(contentDir = join(ROOT, "content")): Catalogs {
  const read = (name: string) => parse(readFileSync(join(contentDir, name), "utf8")) as unknown;
  return {
    teams: teamsFileSchema.parse(read("teams.yaml")),
    services: servicesFileSchema.parse(read("services.yaml")),
    categories: taxonomyFileSchema.parse(read("taxonomy.yaml")),
  };
}

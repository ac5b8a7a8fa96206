/** The files `hindsight init` copies as they are, kept as real files so that tests lint them as such. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const TEMPLATES = new URL("./templates/", import.meta.url);

/** Template file (under src/lib/init/templates/) → where it goes in a new knowledge base. */
export const COPIED_TEMPLATES = {
  "github/workflows/check-pull-request.yml": ".github/workflows/check-pull-request.yml",
  "github/workflows/publish.yml": ".github/workflows/publish.yml",
  "github/workflows/overdue-digest.yml": ".github/workflows/overdue-digest.yml",
  "gitlab-ci.yml": ".gitlab-ci.yml",
  "taxonomy.yaml": "content/taxonomy.yaml",
  gitignore: ".gitignore",
} as const;

export type TemplateName = keyof typeof COPIED_TEMPLATES;

/** The path of a template file, for tests and tools that read it in place. */
export function templatePath(name: TemplateName): string {
  return fileURLToPath(new URL(name, TEMPLATES));
}

export function readTemplate(name: TemplateName): string {
  return readFileSync(new URL(name, TEMPLATES), "utf8");
}

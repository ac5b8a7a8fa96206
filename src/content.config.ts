/** Wires Astro's loaders to the schemas in src/lib/schema. Nothing else belongs here. */
import { defineCollection } from "astro:content";
import { file, glob } from "astro/loaders";
import { contentPaths, listPostmortemFolder } from "./lib/content-paths.ts";
import { checkPostmortemFileKinds, checkPostmortemFileNames } from "./lib/integrity/files.ts";
import { formatProblem } from "./lib/integrity/problem.ts";
import { causeCategorySchema, postmortemSchema, serviceSchema, teamSchema } from "./lib/schema/index.ts";

const paths = contentPaths();

// The glob below only loads .mdx, so a stray .md would vanish silently, and it follows symbolic links, so a
// link out of the content folder would be published: refuse to build instead.
const names = listPostmortemFolder(paths.postmortems);
const fileProblems = [
  ...checkPostmortemFileNames(names, paths.postmortems),
  ...checkPostmortemFileKinds(names, paths.postmortems, paths.dir),
];
if (fileProblems.length > 0) throw new Error(`Content errors:\n${fileProblems.map(formatProblem).join("\n")}`);

// Pages render each body from its own module, so the store keeps no copy of the raw text (`retainBody`): a
// smaller store is faster to write and to reload on every save in `astro dev`.
const postmortems = defineCollection({
  loader: glob({
    pattern: "*.mdx",
    base: paths.postmortems,
    generateId: ({ entry }) => entry.replace(/\.mdx$/, ""),
    retainBody: false,
  }),
  schema: postmortemSchema,
});

const teams = defineCollection({ loader: file(paths.teams), schema: teamSchema });
const services = defineCollection({ loader: file(paths.services), schema: serviceSchema });
const categories = defineCollection({ loader: file(paths.taxonomy), schema: causeCategorySchema });

export const collections = { postmortems, teams, services, categories };

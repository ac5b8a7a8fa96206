/**
 * Rules that span files: catalog ids exist and are unique, references between postmortems resolve,
 * prior action items belong to earlier incidents, ids and aliases do not collide.
 * Used by both the Astro build (src/data) and `hindsight validate`.
 */
import { closest, distance } from "fastest-levenshtein";
import type { Catalogs, Postmortem } from "../schema/index.ts";
import { ACTION_ITEM_KEY } from "../schema/identifiers.ts";
import { mayBeUnassigned } from "../schema/imported.ts";
import type { Problem } from "./problem.ts";

/** A postmortem as the cross-file rules see it. */
export interface PostmortemSource {
  id: string;
  file: string;
  data: Postmortem;
}

/** Where each catalog came from, for error messages. */
export interface CatalogFiles {
  teams: string;
  services: string;
  taxonomy: string;
}

function duplicateIds(entries: { id: string }[], file: string, kind: string): Problem[] {
  const seen = new Map<string, number>();
  const problems: Problem[] = [];
  entries.forEach((entry, index) => {
    const first = seen.get(entry.id);
    if (first !== undefined)
      problems.push({
        file,
        path: [index, "id"],
        message: `${kind} id "${entry.id}" is already used by entry ${first + 1} — ids must be unique`,
      });
    else seen.set(entry.id, index);
  });
  return problems;
}

/** Problems inside the catalogs themselves. */
export function checkCatalogs(catalogs: Catalogs, files: CatalogFiles): Problem[] {
  const teamIds = new Set(catalogs.teams.map((t) => t.id));
  const problems = [
    ...duplicateIds(catalogs.teams, files.teams, "team"),
    ...duplicateIds(catalogs.services, files.services, "service"),
    ...duplicateIds(catalogs.categories, files.taxonomy, "category"),
  ];
  catalogs.services.forEach((service, index) => {
    if (!teamIds.has(service.owner)) {
      problems.push({
        file: files.services,
        path: [index, "owner"],
        message: `team "${service.owner}" is not in ${files.teams} — add the team there or fix the id`,
      });
    }
  });
  return problems;
}

/** The known id closest to `value` by edit distance, if it is close enough to be the one meant. */
export function nearestId(value: string, known: Iterable<string>): string | undefined {
  const ids = [...known];
  if (ids.length === 0) return undefined;
  const best = closest(value, ids);
  return distance(value, best) <= Math.max(2, Math.floor(value.length / 3)) ? best : undefined;
}

/** "did you mean x?" when an existing id is close, else the existing ids; never an id that does not exist. */
export function knownIdHint(value: string, known: Set<string>): string {
  const nearest = nearestId(value, known);
  if (nearest) return `did you mean "${nearest}"?`;
  if (known.size === 0) return "the catalog has no entries yet";
  const sample = [...known].slice(0, 8).join(", ");
  return `existing ids: ${sample}${known.size > 8 ? ", …" : ""}`;
}

function unknownId(value: string, kind: string, catalogFile: string, known: Set<string>): string {
  return `${kind} "${value}" is not in ${catalogFile} — add it there or use an existing id (${knownIdHint(value, known)})`;
}

/**
 * Problems in references from postmortems to catalogs and to each other. `unreadable` holds ids of
 * postmortem files that exist but failed validation (already reported), so references to them are not
 * reported a second time as missing.
 */
export function checkPostmortemReferences(
  postmortems: PostmortemSource[],
  catalogs: Catalogs,
  files: CatalogFiles,
  unreadable: ReadonlySet<string> = new Set(),
): Problem[] {
  const problems: Problem[] = [];
  const teams = new Set(catalogs.teams.map((t) => t.id));
  const services = new Set(catalogs.services.map((s) => s.id));
  const categories = new Set(catalogs.categories.map((c) => c.id));
  const byId = new Map(postmortems.map((p) => [p.id, p]));
  const byLowerId = new Map<string, PostmortemSource>();

  for (const pm of postmortems) {
    const add = (path: (string | number)[], message: string) => problems.push({ file: pm.file, path, message });
    const twin = byLowerId.get(pm.id.toLowerCase());
    if (twin) add([], `has the same id (and URL) as ${twin.file}, ignoring case — rename one of them`);
    else byLowerId.set(pm.id.toLowerCase(), pm);

    const d = pm.data;
    // An imported draft may say `unassigned` where the source named no team, service or category.
    const known = (ids: Set<string>, id: string) => ids.has(id) || mayBeUnassigned(d, id);
    d.services.forEach((s, i) => known(services, s) || add(["services", i], unknownId(s, "service", files.services, services)));
    d.teams.forEach((t, i) => known(teams, t) || add(["teams", i], unknownId(t, "team", files.teams, teams)));
    d.causes.forEach(
      (c, i) =>
        known(categories, c.category) ||
        add(["causes", i, "category"], unknownId(c.category, "category", files.taxonomy, categories)),
    );
    d.actionItems.forEach(
      (a, i) => known(teams, a.owner) || add(["actionItems", i, "owner"], unknownId(a.owner, "team", files.teams, teams)),
    );
    d.related.forEach((r, i) => {
      if (r === pm.id) add(["related", i], "a postmortem cannot be related to itself — remove this entry");
      else if (!byId.has(r) && !unreadable.has(r))
        add(["related", i], `postmortem "${r}" does not exist — check the id (the file name without .mdx)`);
    });
    d.priorActionItems.forEach((key, i) => {
      const message = priorActionItemProblem(key, pm, byId, unreadable);
      if (message) add(["priorActionItems", i], message);
    });
    d.aliases.forEach((alias, i) => {
      const owner = byId.get(alias);
      if (alias === pm.id) add(["aliases", i], "an alias cannot be the postmortem's own id — remove it");
      else if (owner)
        add(["aliases", i], `"${alias}" is the id of ${owner.file} — an alias must be a former id that no longer exists`);
    });
  }
  problems.push(...aliasCollisions(postmortems));
  return problems;
}

/**
 * Warnings for `related` entries that name a draft: drafts are never built, so the link stays hidden
 * until that postmortem is published.
 */
export function checkRelatedDrafts(
  postmortems: PostmortemSource[],
  lookup?: (id: string) => PostmortemSource | undefined,
): Problem[] {
  const byId = new Map(postmortems.map((p) => [p.id, p]));
  const find = lookup ?? ((id: string) => byId.get(id));
  const problems: Problem[] = [];
  for (const pm of postmortems) {
    if (pm.data.status === "draft") continue;
    pm.data.related.forEach((id, i) => {
      const target = find(id);
      if (target?.data.status !== "draft") return;
      problems.push({
        file: pm.file,
        path: ["related", i],
        level: "warning",
        rule: "related-draft",
        message: `"${id}" is a draft, so readers will not see this link until it is published — publish it first, or expect the link to appear later`,
      });
    });
  }
  return problems;
}

function priorActionItemProblem(
  key: string,
  pm: PostmortemSource,
  byId: Map<string, PostmortemSource>,
  unreadable: ReadonlySet<string>,
): string | undefined {
  const match = ACTION_ITEM_KEY.exec(key);
  if (!match) return undefined; // the schema already reported the format
  const [, targetId, itemId] = match;
  if (targetId === pm.id) return `"${key}" is one of this postmortem's own items — cite items of earlier postmortems only`;
  const target = byId.get(targetId!);
  if (!target) return unreadable.has(targetId!) ? undefined : `postmortem "${targetId}" does not exist — check the id before "#"`;
  if (!target.data.actionItems.some((a) => a.id === itemId))
    return `${targetId} has no action item ${itemId} — check the id after "#"`;
  if (Date.parse(target.data.started) >= Date.parse(pm.data.started)) {
    return `"${key}" belongs to an incident that started after this one — only earlier incidents' items can bear on this one`;
  }
  return undefined;
}

function aliasCollisions(postmortems: PostmortemSource[]): Problem[] {
  const claimed = new Map<string, string>();
  const problems: Problem[] = [];
  for (const pm of postmortems) {
    pm.data.aliases.forEach((alias, i) => {
      const other = claimed.get(alias);
      if (other && other !== pm.file)
        problems.push({
          file: pm.file,
          path: ["aliases", i],
          message: `alias "${alias}" is also claimed by ${other} — an old URL can redirect to one place only`,
        });
      else claimed.set(alias, pm.file);
    });
  }
  return problems;
}

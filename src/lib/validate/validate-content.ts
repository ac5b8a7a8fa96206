/**
 * `hindsight validate`: every rule on a content folder — file names, catalogs, each postmortem's
 * frontmatter and body, then the rules across files — reported at once, each at its exact position.
 * It reads the files itself (no Astro), with the same zod schemas as the build.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { load as loadYaml } from "js-yaml";
import { contentPaths, isPostmortemFileName, listPostmortemFolder } from "../content-paths.ts";
import { loadSiteConfig } from "../site/config.ts";
import { todayIso } from "../action-items/overdue.ts";
import {
  checkCatalogs,
  checkPostmortemReferences,
  checkRelatedDrafts,
  type CatalogFiles,
  type PostmortemSource,
} from "../integrity/cross-file.ts";
import { checkPostmortemFileNames, readContentFile } from "../integrity/files.ts";
import { formatPath, type Problem } from "../integrity/problem.ts";
import { publicFileExists, type AllowlistContext } from "../markdown/body-allowlist.ts";
import {
  causeCategorySchema,
  postmortemSchema,
  serviceSchema,
  taxonomyFileSchema,
  teamSchema,
  teamsFileSchema,
  servicesFileSchema,
  isCalendarDate,
  type Catalogs,
  type Postmortem,
} from "../schema/index.ts";
import { sortDiagnostics, uniqueDiagnostics, type Diagnostic, type ValidationSummary } from "./diagnostic.ts";
import type { MessageContext } from "./contextual-messages.ts";
import { genericMessage } from "./error-map.ts";
import { checkFacts } from "./facts.ts";
import type { FileResults } from "./file-results.ts";
import { ruleLevel } from "./rules.ts";
import { checkBody } from "./mdx-body.ts";
import { findSecrets, secretMessage } from "./secrets.ts";
import {
  formatBytes,
  MAX_ALIAS_EXPANSION,
  MAX_BODY_BYTES,
  MAX_CATALOG_BYTES,
  MAX_FRONTMATTER_BYTES,
  MAX_POSTMORTEM_FILE_BYTES,
} from "./limits.ts";
import { LineIndex, splitFrontmatter } from "./source.ts";
import { issueDiagnostics } from "./issue-diagnostics.ts";
import { parseYamlSource, type YamlSource } from "./yaml-source.ts";
import { locatorFor } from "./quick-locate.ts";

export { issueDiagnostics };

export interface ValidateOptions {
  /** The content folder (catalogs and `postmortems/`). */
  contentDir: string;
  /** File names in messages are relative to this folder; defaults to the process's working directory. */
  cwd?: string;
  /** The site's public folder, where images in bodies must exist; defaults to `public` in the working directory. */
  publicDir?: string;
  /** Today (YYYY-MM-DD, UTC) for rules about the future; defaults to the clock. */
  today?: string;
  /** Results of earlier runs: a postmortem whose text is unchanged is not checked again (`hindsight dev`). */
  cache?: FileResults;
}

/** What checking one postmortem needs from the rest of the content. */
export interface FileContext extends MessageContext, AllowlistContext {
  /** Today (YYYY-MM-DD, UTC); defaults to the clock. */
  today?: string;
}

/** What a run learnt besides its problems, for `--against` and the build hook. */
export interface ValidationResult extends ValidationSummary {
  /** Postmortems whose frontmatter is valid, by id. */
  valid: PostmortemSource[];
  /** Ids of every postmortem file read. */
  ids: string[];
  /** The valid catalog entries. */
  catalogs: Catalogs;
}

const CATALOGS = [
  { key: "teams", file: "teams" as const, fileSchema: teamsFileSchema, itemSchema: teamSchema, noun: "teams" },
  { key: "services", file: "services" as const, fileSchema: servicesFileSchema, itemSchema: serviceSchema, noun: "services" },
  {
    key: "categories",
    file: "taxonomy" as const,
    fileSchema: taxonomyFileSchema,
    itemSchema: causeCategorySchema,
    noun: "cause categories",
  },
] as const;

/**
 * Reads and checks the three catalogs. An invalid entry is reported; its id still counts as known, so references to it are not reported twice.
 * Like postmortems, a catalog is read the fast way (js-yaml, as Astro's file loader reads it) and parsed with
 * positions only when it has a problem; `catalogSources` parses a valid one when a rule across files points into it.
 */
function readCatalogs(
  paths: ReturnType<typeof contentPaths>,
  files: CatalogFiles,
  diagnostics: Diagnostic[],
  sources: Map<string, YamlSource>,
): {
  catalogs: Catalogs;
  knownIds: Record<keyof Catalogs, Set<string>>;
  catalogSources: Map<string, () => Pick<YamlSource, "locate">>;
} {
  const atFile = (file: string, message: string): Diagnostic => ({ file, line: 1, column: 1, path: "(file)", message });
  const catalogs: Catalogs = { teams: [], services: [], categories: [] };
  const knownIds = { teams: new Set<string>(), services: new Set<string>(), categories: new Set<string>() };
  const catalogSources = new Map<string, () => Pick<YamlSource, "locate">>();
  for (const catalog of CATALOGS) {
    const path = paths[catalog.file];
    const file = files[catalog.file];
    if (!existsSync(path)) {
      diagnostics.push(
        atFile(file, `is missing — create it with a YAML list of ${catalog.noun} (each item starting with "- id:")`),
      );
      continue;
    }
    const read = readContentFile(path, paths.dir, MAX_CATALOG_BYTES);
    if (!read.ok) {
      diagnostics.push({ file, line: read.line, column: read.column, path: "(file)", message: read.message });
      continue;
    }
    const text = read.text;
    // A merge key (<<) is refused by the positional parse but merged by js-yaml: such a catalog stays on the positional parse.
    let data = text.includes("<<") ? undefined : quickLoad(text);
    if (data === undefined || !catalog.fileSchema.safeParse(data).success) {
      const source = parseYamlSource(text, file, 0);
      sources.set(file, source);
      diagnostics.push(...source.syntax);
      if (source.syntax.length > 0) continue;
      const result = catalog.fileSchema.safeParse(source.data, { error: genericMessage });
      if (!result.success) diagnostics.push(...issueDiagnostics(result.error.issues, source.data, source, file));
      data = source.data;
    } else catalogSources.set(file, () => locatorFor(text, file, 0));
    if (Array.isArray(data)) {
      for (const item of data as unknown[]) {
        const id = (item as { id?: unknown } | null)?.id;
        if (typeof id === "string") knownIds[catalog.key].add(id);
        const parsed = catalog.itemSchema.safeParse(item);
        if (parsed.success) (catalogs[catalog.key] as unknown[]).push(parsed.data);
      }
    }
  }

  return { catalogs, knownIds, catalogSources };
}

/** validatePostmortemFile, or its result from an earlier run on the same text. */
function checkedOrCached(
  text: string,
  file: string,
  out: Diagnostic[],
  sources: Map<string, YamlSource>,
  context: FileContext,
  cache: FileResults | undefined,
): Postmortem | undefined {
  const cached = cache?.get(file, text);
  if (cached) {
    out.push(...cached.diagnostics);
    return cached.data;
  }
  const diagnostics: Diagnostic[] = [];
  const data = validatePostmortemFile(text, file, diagnostics, sources, context);
  cache?.set(file, text, { diagnostics, data });
  out.push(...diagnostics);
  return data;
}

/** What every validation run starts from: paths as printed (relative to cwd), the catalog files, empty results. */
function startRun(options: { contentDir: string; cwd?: string | undefined }) {
  const cwd = options.cwd ?? process.cwd();
  const display = (path: string) => relative(cwd, path).split(sep).join("/") || ".";
  const paths = contentPaths(options.contentDir);
  const files: CatalogFiles = {
    teams: display(paths.teams),
    services: display(paths.services),
    taxonomy: display(paths.taxonomy),
  };
  return { cwd, display, paths, files, diagnostics: [] as Diagnostic[], sources: new Map<string, YamlSource>() };
}

/** Validates a whole content folder. */
export function validateContent(options: ValidateOptions): ValidationResult {
  const { cwd, display, paths, files, diagnostics, sources } = startRun(options);
  const atFile = (file: string, message: string, path = "(file)"): Diagnostic => ({ file, line: 1, column: 1, path, message });

  const { catalogs, knownIds, catalogSources } = readCatalogs(paths, files, diagnostics, sources);
  const context = fileContext(options, cwd, catalogs, knownIds, files);
  options.cache?.begin(context);

  // The site configuration (optional; its own environment overrides are checked when the site builds).
  diagnostics.push(...loadSiteConfig(options.contentDir, {}, cwd).diagnostics);

  // Postmortems.
  const valid: PostmortemSource[] = [];
  const locations = new Map<string, string>();
  const unreadable = new Set<string>();
  const ids: string[] = [];
  const dirName = display(paths.postmortems);
  if (!existsSync(paths.postmortems)) {
    diagnostics.push(atFile(dirName, "is missing — create the folder and add a postmortem with `npm run new`"));
  } else {
    const names = listPostmortemFolder(paths.postmortems);
    const startedOf = (name: string) => startedDateIn(join(paths.postmortems, name), paths.dir);
    diagnostics.push(...checkPostmortemFileNames(names, dirName, startedOf).map((p) => atFile(p.file, p.message)));
    for (const name of names) {
      if (!isPostmortemFileName(name)) continue;
      const id = name.slice(0, -".mdx".length);
      const file = `${dirName}/${name}`;
      ids.push(id);
      const absolute = join(paths.postmortems, name);
      locations.set(file, absolute);
      const read = readContentFile(absolute, paths.dir, MAX_POSTMORTEM_FILE_BYTES);
      if (!read.ok) {
        diagnostics.push({ file, line: read.line, column: read.column, path: "(file)", message: read.message });
        unreadable.add(id);
        continue;
      }
      const data = checkedOrCached(read.text, file, diagnostics, sources, context, options.cache);
      if (data) valid.push({ id, file, data });
      else unreadable.add(id);
    }
    options.cache?.keepOnly(locations);
  }

  // Rules across files, located in the file they concern.
  const crossFile: Problem[] = [
    ...checkCatalogs(catalogs, files),
    ...checkPostmortemReferences(valid, withKnownIds(catalogs, knownIds), files, unreadable),
    ...checkRelatedDrafts(valid),
  ];
  for (const problem of crossFile) {
    const source =
      sources.get(problem.file) ?? catalogSources.get(problem.file)?.() ?? sourceOf(locations.get(problem.file), problem.file);
    const position = source && problem.path.length > 0 ? source.locate(problem.path) : { line: 1, column: 1 };
    diagnostics.push(locatedProblem(problem, position));
  }
  return { postmortems: ids.length, diagnostics: sortDiagnostics(uniqueDiagnostics(diagnostics)), valid, ids, catalogs };
}

/** What checking each postmortem needs: today, the catalogs for suggestions, the public folder for images. */
function fileContext(
  options: ValidateOptions,
  cwd: string,
  catalogs: Catalogs,
  knownIds: Record<keyof Catalogs, Set<string>>,
  catalogFiles: CatalogFiles,
): FileContext {
  return {
    today: options.today ?? todayIso(),
    catalogs: withKnownIds(catalogs, knownIds),
    catalogFiles,
    imageExists: publicFileExists(options.publicDir ?? join(cwd, "public")),
  };
}

/** A cross-file problem at its position, keeping its level and rule. */
export function locatedProblem(problem: Problem, position: { line: number; column: number }): Diagnostic {
  return {
    file: problem.file,
    ...position,
    path: formatPath(problem.path),
    message: problem.message,
    ...(problem.level ? { level: problem.level } : {}),
    ...(problem.rule ? { rule: problem.rule } : {}),
  };
}

/** The `started` date written in a postmortem file, for suggesting its file name. */
function startedDateIn(absolute: string, root: string): string | undefined {
  const read = readContentFile(absolute, root, MAX_POSTMORTEM_FILE_BYTES);
  if (!read.ok) return undefined;
  const m = /^started:\s*["']?(\d{4}-\d{2}-\d{2})/m.exec(read.text);
  return m && isCalendarDate(m[1]!) ? m[1] : undefined;
}

/**
 * The located YAML of a postmortem that passed the fast path (which keeps no positions), parsed again
 * only because a rule across files needs to point into it.
 */
function sourceOf(absolute: string | undefined, file: string): Pick<YamlSource, "locate"> | undefined {
  if (absolute === undefined) return undefined;
  const split = splitFrontmatter(readFileSync(absolute, "utf8"));
  return split.ok ? locatorFor(split.source.yaml, file, split.source.yamlLine) : undefined;
}

/** Catalogs with ids of invalid entries added back as bare records, for reference checks only. */
function withKnownIds(catalogs: Catalogs, known: Record<keyof Catalogs, Set<string>>): Catalogs {
  const add = <T extends { id: string }>(list: T[], ids: Set<string>): T[] => {
    const have = new Set(list.map((e) => e.id));
    return [...list, ...[...ids].filter((id) => !have.has(id)).map((id) => ({ id }) as T)];
  };
  return {
    teams: add(catalogs.teams, known.teams),
    services: add(catalogs.services, known.services),
    categories: add(catalogs.categories, known.categories),
  };
}

/** `YYYY-MM-DD` anywhere in frontmatter text, to catch impossible dates js-yaml would roll over. */
const DATE_LIKE = /\b(\d{4}-\d{2}-\d{2})\b/g;

/**
 * The fast path for the common case, a valid file: js-yaml (the parser Astro's loader uses, so the data is
 * what the build sees) and the schema, without source positions. Anything unusual — a YAML error, a
 * duplicate key, an impossible date that js-yaml would roll over, any schema issue — returns undefined, and
 * the caller takes the slow path that locates every problem. Parsing with positions costs about ten times more.
 */
function quickParse(yaml: string): Postmortem | undefined {
  const data = quickLoad(yaml);
  if (data === undefined) return undefined;
  const result = postmortemSchema.safeParse(data);
  return result.success ? result.data : undefined;
}

/** YAML read with js-yaml, or undefined when it needs the slow path: a YAML error, a duplicate key, an impossible date, an alias bomb. */
function quickLoad(yaml: string): unknown {
  for (const match of yaml.matchAll(DATE_LIKE)) if (!isCalendarDate(match[1]!)) return undefined;
  let data: unknown;
  try {
    data = loadYaml(yaml);
  } catch {
    return undefined;
  }
  // js-yaml shares an aliased value instead of copying it, but the schema would walk every repeat: data
  // bigger than its text allows (an alias bomb) takes the slow path, which refuses it without expanding it.
  if (data === undefined || !fitsIn(data, yaml.length + MAX_ALIAS_EXPANSION)) return undefined;
  return data;
}

/** True when walking `data` (repeats included) visits at most `budget` values. */
function fitsIn(data: unknown, budget: number): boolean {
  let left = budget;
  const visit = (value: unknown): boolean => {
    if (--left < 0) return false;
    if (value === null || typeof value !== "object" || value instanceof Date) return true;
    for (const item of Array.isArray(value) ? value : Object.values(value)) if (!visit(item)) return false;
    return true;
  };
  return visit(data);
}

/**
 * Validates one postmortem's text; returns its data when the frontmatter is valid. `context` gives today's
 * date, the catalogs for suggestions, and how to check that a body's local images exist (unchecked without it).
 */
export function validatePostmortemFile(
  text: string,
  file: string,
  out: Diagnostic[],
  sources?: Map<string, YamlSource>,
  context: FileContext = {},
): Postmortem | undefined {
  const split = splitFrontmatter(text);
  const secrets = findSecrets(text);
  if (secrets.length > 0) {
    const index = new LineIndex(text);
    for (const secret of secrets) {
      const position = index.position(secret.offset);
      const inBody = split.ok && position.line > split.source.bodyLine;
      out.push({ file, ...position, path: inBody ? "body" : "frontmatter", message: secretMessage(secret) });
    }
  }
  if (!split.ok) {
    out.push({ file, line: split.line, column: split.column, path: "frontmatter", message: split.message });
    return undefined;
  }
  const { yaml, yamlLine, body, bodyLine } = split.source;
  const bodyBytes = Buffer.byteLength(body);
  if (bodyBytes > MAX_BODY_BYTES)
    out.push({
      file,
      line: bodyLine + 1,
      column: 1,
      path: "body",
      message: `the body is ${formatBytes(bodyBytes)}; a postmortem's body may be at most ${formatBytes(MAX_BODY_BYTES)} — keep the story here and move logs or data dumps to a linked file`,
    });
  else for (const problem of checkBody(body, bodyLine, context)) out.push({ file, ...problem, path: "body" });
  const yamlBytes = Buffer.byteLength(yaml);
  if (yamlBytes > MAX_FRONTMATTER_BYTES) {
    out.push({
      file,
      line: yamlLine,
      column: 1,
      path: "frontmatter",
      message: `the frontmatter is ${formatBytes(yamlBytes)}; it may be at most ${formatBytes(MAX_FRONTMATTER_BYTES)} — shorten the longest fields, or move long text into the body`,
    });
    return undefined;
  }
  let source: YamlSource | undefined;
  let data = quickParse(yaml);
  if (data === undefined) {
    const slow = (source = parseYamlSource(yaml, file, yamlLine));
    sources?.set(file, source);
    if (slow.syntax.length > 0) {
      out.push(...slow.syntax);
      return undefined;
    }
    const result = postmortemSchema.safeParse(slow.data, { error: genericMessage });
    if (!result.success) {
      out.push(...issueDiagnostics(result.error.issues, slow.data, slow, file, context));
      return undefined;
    }
    data = result.data;
  }
  // A file that passed the fast path is located without the positional parse where possible (quick-locate.ts).
  let fast: Pick<YamlSource, "locate" | "locateInText"> | undefined;
  const where = () => source ?? (fast ??= locatorFor(yaml, file, yamlLine));
  for (const finding of checkFacts(data, context.today ?? todayIso())) {
    const position =
      finding.index === undefined ? where().locate(finding.path) : where().locateInText(finding.path, finding.index);
    const level = ruleLevel(finding.rule);
    out.push({
      file,
      ...position,
      path: formatPath(finding.path),
      message: finding.message,
      rule: finding.rule,
      ...(level === "warning" ? { level } : {}),
    });
  }
  return data;
}

export interface ValidateFilesOptions extends ValidateOptions {
  /** The postmortem files to check (paths as given on the command line, relative to `cwd`). */
  files: string[];
}

/** The ids a postmortem's `related` and `priorActionItems` name, found without parsing the file. */
function referencedIds(data: Postmortem): Set<string> {
  return new Set([...data.related, ...data.priorActionItems.map((key) => key.split("#")[0]!)]);
}

const ALIASES_LINE = /^aliases:[ \t]*(.*)$/m;
const STATUS_LINE = /^status:[ \t]*["']?([\w-]+)/m;

/**
 * What the rules across files need to know of a postmortem that is not being checked: its status and its
 * aliases, read without the schema (its own problems are not reported here). Aliases are parsed only
 * when the file lists some.
 */
export function stubOf(id: string, file: string, text: string): PostmortemSource {
  const split = splitFrontmatter(text);
  const yaml = split.ok ? split.source.yaml : "";
  let aliases: string[] = [];
  const line = ALIASES_LINE.exec(yaml);
  if (line && line[1]!.trim() !== "[]") {
    try {
      const data = loadYaml(yaml) as { aliases?: unknown } | null;
      if (Array.isArray(data?.aliases)) aliases = data.aliases.filter((a): a is string => typeof a === "string");
    } catch {
      // Its YAML is broken: it has no aliases as far as other files are concerned.
    }
  }
  const status = STATUS_LINE.exec(yaml)?.[1] ?? "published";
  const data = { status, aliases, related: [], priorActionItems: [], services: [], teams: [], causes: [], actionItems: [] };
  return { id, file, data: data as unknown as Postmortem };
}

/**
 * Validates only the given postmortems, plus the rules across files they touch: their file names and ids
 * among all the others, catalog references, `related`, `priorActionItems` and `aliases`. Other postmortems
 * are read only as far as those rules need (a referenced postmortem is parsed; the rest are scanned for
 * status and aliases). For editors and pre-commit hooks.
 */
export function validateFiles(options: ValidateFilesOptions): ValidationResult {
  const { cwd, display, paths, files, diagnostics, sources } = startRun(options);
  const { catalogs, knownIds, catalogSources } = readCatalogs(paths, files, diagnostics, sources);
  const context: FileContext = {
    today: options.today ?? todayIso(),
    catalogs: withKnownIds(catalogs, knownIds),
    catalogFiles: files,
  };

  const dirName = display(paths.postmortems);
  const names = existsSync(paths.postmortems) ? listPostmortemFolder(paths.postmortems) : [];
  const checked = new Set(options.files.map((f) => display(resolve(cwd, f))));
  const startedOf = (name: string) => startedDateIn(join(paths.postmortems, name), paths.dir);
  for (const problem of checkPostmortemFileNames(names, dirName, startedOf))
    if (checked.has(problem.file))
      diagnostics.push({ file: problem.file, line: 1, column: 1, path: "(file)", message: problem.message });

  const valid: PostmortemSource[] = [];
  const unreadable = new Set<string>();
  const ids: string[] = [];
  for (const file of checked) {
    const absolute = resolve(cwd, file);
    if (!existsSync(absolute)) {
      diagnostics.push({ file, line: 1, column: 1, path: "(file)", message: "does not exist — check the path" });
      continue;
    }
    const name = file.slice(file.lastIndexOf("/") + 1);
    const id = name.replace(/\.mdx$/, "");
    ids.push(id);
    const read = readContentFile(absolute, paths.dir, MAX_POSTMORTEM_FILE_BYTES);
    if (!read.ok) {
      diagnostics.push({ file, line: read.line, column: read.column, path: "(file)", message: read.message });
      unreadable.add(id);
      continue;
    }
    const data = validatePostmortemFile(read.text, file, diagnostics, sources, context);
    if (data) valid.push({ id, file, data });
    else unreadable.add(id);
  }

  // The other postmortems: parsed when a checked file cites them, else scanned for status and aliases.
  const cited = new Set(valid.flatMap((pm) => [...referencedIds(pm.data)]));
  const others: PostmortemSource[] = [];
  for (const name of names) {
    if (!isPostmortemFileName(name)) continue;
    const file = `${dirName}/${name}`;
    if (checked.has(file)) continue;
    const id = name.slice(0, -".mdx".length);
    const read = readContentFile(join(paths.postmortems, name), paths.dir, MAX_POSTMORTEM_FILE_BYTES);
    if (!read.ok) {
      unreadable.add(id);
      continue;
    }
    const text = read.text;
    if (cited.has(id)) {
      const data = validatePostmortemFile(text, file, [], undefined, context);
      if (data) others.push({ id, file, data });
      else unreadable.add(id);
    } else others.push(stubOf(id, file, text));
  }

  // Checked files last, so that a clash of ids or aliases is reported in the file being checked.
  const all = [...others, ...valid];
  const crossFile = [
    ...checkPostmortemReferences(all, withKnownIds(catalogs, knownIds), files, unreadable),
    ...checkRelatedDrafts(valid, (id) => all.find((pm) => pm.id === id)),
  ].filter((problem) => checked.has(problem.file));
  for (const problem of crossFile) {
    const source =
      sources.get(problem.file) ?? catalogSources.get(problem.file)?.() ?? sourceOf(resolve(cwd, problem.file), problem.file);
    const position = source && problem.path.length > 0 ? source.locate(problem.path) : { line: 1, column: 1 };
    diagnostics.push(locatedProblem(problem, position));
  }
  return { postmortems: ids.length, diagnostics: sortDiagnostics(uniqueDiagnostics(diagnostics)), valid, ids, catalogs };
}

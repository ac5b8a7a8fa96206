/**
 * One import run over many sources: which draft each source becomes, which file it goes to, and what
 * happens to a draft already there. Decisions only — the command reads and writes the files.
 *
 * Safe to repeat: a source whose checksum matches an existing draft changes nothing (unless forced); a
 * source that changed since its import is refused (unless forced); two sources with the same date and slug
 * get `-2`, `-3`, … in the order of their paths, so the same inputs always give the same ids.
 */
import { load } from "js-yaml";
import { splitFrontmatter } from "../validate/source.ts";
import { validatePostmortemFile } from "../validate/validate-content.ts";
import { importDocument, ImportError, type CatalogNames, type DraftFindings } from "./draft.ts";
import { renderDraft } from "./render-draft.ts";
import { draftTexts, lostSentences, sourceTexts } from "./sentences.ts";
import { sourceTree, type SourceFormat } from "./source-tree.ts";

export interface SourceFile {
  /** The path as given (sorted on, and shown in the report). */
  path: string;
  /** The file name, kept in `imported.source`. */
  name: string;
  format: SourceFormat;
  text: string;
  sha256: string;
}

/** A draft already in the postmortems folder, as far as imports care. */
export interface ExistingDraft {
  id: string;
  source?: string | undefined;
  sha256?: string | undefined;
}

export const IMPORT_ACTIONS = ["created", "updated", "unchanged", "refused", "failed"] as const;
export type ImportAction = (typeof IMPORT_ACTIONS)[number];

export interface FileResult {
  source: string;
  action: ImportAction;
  /** The draft's id (file name without .mdx), unless the import failed. */
  id?: string;
  /** Why a source was refused or failed, phrased as a fix. */
  reason?: string;
  findings?: DraftFindings;
  /** Fields still holding placeholders (`imported.todo`). */
  todo?: string[];
  /** Sentences of the source missing from the draft (the importer checks itself; expected empty). */
  lost?: string[];
  /** Problems `hindsight validate` would report in the draft on its own (schema and body). */
  problems?: string[];
  /** The text to write (for created and updated). */
  text?: string;
}

export interface RunOptions {
  timezone?: string | undefined;
  force?: boolean;
  catalogs?: CatalogNames;
}

/** A draft `.mdx` file's `imported` source and checksum, read without a full validation. */
export function importedFields(text: string): Pick<ExistingDraft, "source" | "sha256"> {
  const block = text.indexOf("\nimported:");
  if (block < 0) return {};
  const sha256 = /^\s+sha256:\s*"?([0-9a-f]{64})"?\s*$/m.exec(text.slice(block))?.[1];
  const written = /^\s+source:\s*(.+?)\s*$/m.exec(text.slice(block))?.[1];
  let source = written;
  try {
    if (written?.startsWith('"')) source = JSON.parse(written) as string;
  } catch {
    // Not JSON-compatible YAML quoting: keep the text as written.
  }
  return { sha256, source };
}

/** Checks a written draft: the validator's single-file rules, and that no sentence of the source is missing. */
function selfCheck(text: string, source: SourceFile, id: string): { problems: string[]; lost: string[] } {
  const diagnostics: Parameters<typeof validatePostmortemFile>[2] = [];
  validatePostmortemFile(text, `${id}.mdx`, diagnostics);
  const split = splitFrontmatter(text);
  if (!split.ok) return { problems: diagnostics.map((d) => `${d.path}  ${d.message}`), lost: [] };
  const problems = diagnostics.map((d) => `${d.line}:${d.column}  ${d.path}  ${d.message}`);
  let output: string;
  try {
    output = draftTexts(load(split.source.yaml), split.source.body);
  } catch (error) {
    return { problems: [...problems, `the draft could not be read back: ${(error as Error).message}`], lost: [] };
  }
  return { problems, lost: lostSentences(sourceTexts(sourceTree(source.text, source.format)), output) };
}

/** Decides what each source becomes. Sources are taken in the order of their paths. */
export function planImport(
  sources: readonly SourceFile[],
  existing: readonly ExistingDraft[],
  options: RunOptions = {},
): FileResult[] {
  const taken = new Set(existing.map((d) => d.id.toLowerCase()));
  const bySha = new Map(existing.filter((d) => d.sha256).map((d) => [d.sha256!, d]));
  const bySource = new Map(existing.filter((d) => d.source).map((d) => [d.source!, d]));
  const results: FileResult[] = [];
  for (const source of [...sources].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    let draft;
    try {
      draft = importDocument({
        fileName: source.name,
        text: source.text,
        format: source.format,
        sha256: source.sha256,
        timezone: options.timezone,
        ...(options.catalogs ? { catalogs: options.catalogs } : {}),
      });
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      results.push({ source: source.path, action: "failed", reason: error.message });
      continue;
    }
    const found = { findings: draft.findings, todo: draft.frontmatter.imported.todo };
    const same = bySha.get(source.sha256);
    if (same && !options.force) {
      results.push({ source: source.path, action: "unchanged", id: same.id, ...found });
      continue;
    }
    // The same file name with the same date and title is an earlier import of this document, since changed.
    const named = bySource.get(source.name);
    const earlier = same ?? (named && (named.id === draft.baseId || named.id.startsWith(`${draft.baseId}-`)) ? named : undefined);
    if (earlier && !same && !options.force) {
      results.push({
        source: source.path,
        action: "refused",
        id: earlier.id,
        reason: `changed since it was imported as ${earlier.id} — pass --force to replace that draft (edits made to it are lost)`,
        ...found,
      });
      continue;
    }
    let id = earlier?.id;
    if (id === undefined) {
      id = draft.baseId;
      for (let n = 2; taken.has(id.toLowerCase()); n++) id = `${draft.baseId}-${n}`;
      taken.add(id.toLowerCase());
    }
    const text = renderDraft(draft);
    results.push({
      source: source.path,
      action: earlier ? "updated" : "created",
      id,
      ...found,
      text,
      ...selfCheck(text, source, id),
    });
  }
  return results;
}

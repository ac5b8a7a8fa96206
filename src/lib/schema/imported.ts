/**
 * The `imported` block of a postmortem brought in by `hindsight import` from an older document.
 *
 * The importer never invents a fact. Where a required field cannot be read from the source it writes a
 * placeholder — the id `unassigned` for services, teams, owners, categories and authors, the sentence
 * {@link TO_FILL} for text, a neutral value for a fixed list (severity, action-item type) — and names the
 * field in `imported.todo`. A draft may hold placeholders; in-review and published postmortems may not.
 */
import { z } from "zod";
import { strictObject } from "./strict-object.ts";

/** The id the importer writes where a team, service, owner, cause category or author is not stated. */
export const UNASSIGNED = "unassigned";
/** The text the importer writes where a required sentence is not in the source. */
export const TO_FILL = "To fill: not stated in the imported document.";

/** Where an imported draft came from and what is left for its author. */
export const importedSchema = strictObject({
  /** File name of the document it was imported from. */
  source: z
    .string({ error: "expected the file name of the imported document" })
    .trim()
    .min(1, { error: "is empty — keep the file name the importer wrote" })
    .describe("File name of the document it was imported from."),
  /** SHA-256 of the source file, so that importing it again is recognised and changes nothing. */
  sha256: z
    .string({ error: "expected a SHA-256 checksum" })
    .regex(/^[0-9a-f]{64}$/, {
      error: "is not a SHA-256 checksum (64 lower-case hex digits) — keep the value the importer wrote",
    })
    .describe("SHA-256 of the source file, so that importing it again is recognised and changes nothing."),
  /** Fields that still hold a placeholder because the source did not state them; empty them before review. */
  todo: z
    .array(z.string().trim().min(1))
    .default([])
    .describe("Fields that still hold a placeholder because the source did not state them; empty them before review."),
});
export type Imported = z.infer<typeof importedSchema>;

/** True for a value the importer wrote as a placeholder. */
export function isPlaceholder(value: unknown): boolean {
  return value === UNASSIGNED || value === TO_FILL;
}

/** True when a catalog reference may be the `unassigned` placeholder: in an imported draft only. */
export function mayBeUnassigned(fm: { status: string; imported?: Imported | undefined }, value: string): boolean {
  return value === UNASSIGNED && fm.status === "draft" && fm.imported !== undefined;
}

interface Issue {
  path: (string | number)[];
  message: string;
}

/** Every placeholder value in a frontmatter object, with its path. */
function placeholders(value: unknown): (string | number)[][] {
  const found: (string | number)[][] = [];
  // One path, extended and shortened in place; copied only for a placeholder (most frontmatter has none).
  const path: (string | number)[] = [];
  const visit = (node: unknown) => {
    if (isPlaceholder(node)) found.push([...path]);
    else if (Array.isArray(node))
      node.forEach((item, i) => {
        path.push(i);
        visit(item);
        path.pop();
      });
    else if (node && typeof node === "object")
      for (const [key, item] of Object.entries(node)) {
        if (key === "imported") continue;
        path.push(key);
        visit(item);
        path.pop();
      }
  };
  visit(value);
  return found;
}

/**
 * An imported postmortem leaves draft only once its author has filled every field the import could not:
 * `imported.todo` is empty and no placeholder is left anywhere.
 */
export function checkImported(
  fm: { status: string; imported?: Imported | undefined } & Record<string, unknown>,
  add: (issue: Issue) => void,
): void {
  if (fm.status === "draft") return;
  const todo = fm.imported?.todo ?? [];
  if (todo.length > 0) {
    const shown = todo.slice(0, 5).join(", ") + (todo.length > 5 ? `, … (${todo.length} in all)` : "");
    add({
      path: ["imported", "todo"],
      message: `still lists fields the import could not fill (${shown}) — fill each one in, remove it from the list, then set status: ${fm.status}`,
    });
  }
  for (const path of placeholders(fm)) {
    add({
      path,
      message: `still holds the import placeholder "${String(path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], fm))}" — replace it before the postmortem is ${fm.status}`,
    });
  }
}

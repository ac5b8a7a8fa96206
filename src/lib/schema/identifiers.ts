/** Identifiers shared by catalogs and postmortems. */
import { z } from "zod";

/**
 * The message for a value that should be text. YAML reads an unquoted `503` as a number and `yes` or
 * `true` as a boolean, so those get a "quote it" hint.
 */
export function expectedText(example: string) {
  return (issue: { input?: unknown }): string =>
    typeof issue.input === "number" || typeof issue.input === "boolean"
      ? `${String(issue.input)} was read as a ${typeof issue.input}, not text — put it in quotes: "${String(issue.input)}"`
      : `expected ${example}`;
}

/** Lower-case kebab-case, used for every catalog id and tag. */
export const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A catalog id (team, service, cause category): lower-case words joined by hyphens. */
export const catalogId = z.string({ error: expectedText('an id such as "data-platform"') }).regex(KEBAB_ID, {
  error: (issue) =>
    `"${String(issue.input)}" is not a valid id — use lower-case words joined by hyphens, for example "data-platform"`,
});

/** A postmortem id: the file name without `.mdx`, `YYYY-MM-DD-kebab-slug` (ASCII only). */
export const POSTMORTEM_ID = /^\d{4}-\d{2}-\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Longest postmortem id, in characters: it is a file name, a URL segment and a folder in the built site,
 * and file systems refuse names over 255 bytes.
 */
export const MAX_ID_LENGTH = 100;

export const postmortemId = z
  .string({ error: 'expected a postmortem id such as "2016-01-04-dashboard-outage"' })
  .regex(POSTMORTEM_ID, {
    error: (issue) =>
      `"${String(issue.input)}" is not a postmortem id — use the file name without .mdx, for example "2016-01-04-dashboard-outage"`,
  })
  .max(MAX_ID_LENGTH, {
    error: (issue) =>
      `"${issue.input as string}" is longer than ${MAX_ID_LENGTH} characters, so it cannot be a postmortem id — use the (shortened) file name without .mdx`,
  });

/** An action item's id inside its postmortem: `A1`, `A2`, … */
export const ACTION_ITEM_ID = /^A[1-9][0-9]*$/;

/** The global key of an action item: `<postmortem-id>#<item-id>`. */
export const ACTION_ITEM_KEY = /^(\d{4}-\d{2}-\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*)#(A[1-9][0-9]*)$/;

export const actionItemKey = z
  .string({ error: 'expected an action-item key such as "2016-01-04-dashboard-outage#A3"' })
  .regex(ACTION_ITEM_KEY, {
    error: (issue) =>
      `"${String(issue.input)}" is not an action-item key — write "<postmortem-id>#<item-id>", for example "2016-01-04-dashboard-outage#A3"`,
  });

/** A person, as the organisation writes names or handles. */
export const personName = z
  .string({ error: expectedText("a person's name or handle") })
  .trim()
  .min(1, { error: "is empty — write a name or handle" })
  .max(80, { error: "is longer than 80 characters — write just the name or handle" });

/** A tag: lower-case kebab-case, so that `DynamoDB` and `dynamodb` are one tag. */
export const tag = z.string({ error: expectedText('a tag such as "dynamodb"') }).regex(KEBAB_ID, {
  error: (issue) => `tag "${String(issue.input)}" must be lower-case words joined by hyphens, for example "dynamodb"`,
});

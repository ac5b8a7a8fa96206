/** Rules on the files in the postmortems folder, before any of them is read. */
import { slugify } from "../scaffold/postmortem-template.ts";
import { POSTMORTEM_ID } from "../schema/identifiers.ts";
import { isCalendarDate } from "../schema/time.ts";
import type { Problem } from "./problem.ts";

/** A date written in a file name in any common shape (2016-1-4, 2016_01_04, 20160104), as YYYY-MM-DD. */
const NAME_DATE = /(\d{4})[-_. ]?(\d{1,2})[-_. ]?(\d{1,2})(?!\d)/;

/**
 * The file name a misnamed postmortem should have, from its own name: its date (or, failing that, the
 * start date written inside it) and its words as a slug. `startedOf` reads the file's `started` date.
 */
export function suggestedFileName(name: string, startedOf?: (name: string) => string | undefined): string {
  const stem = name.replace(/\.[^.]*$/, "");
  const m = NAME_DATE.exec(stem);
  const written = m ? `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}` : undefined;
  const date = written !== undefined && isCalendarDate(written) ? written : startedOf?.(name);
  const words = m ? stem.replace(m[0], " ") : stem;
  const slug = slugify(words);
  return `${date ?? "YYYY-MM-DD"}-${slug}.mdx`;
}

/** Problems with the names in `content/postmortems/` (given relative to `dir`). */
export function checkPostmortemFileNames(
  names: readonly string[],
  dir: string,
  startedOf?: (name: string) => string | undefined,
): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  const mdx = names.filter((n) => !n.startsWith(".") || n.endsWith(".mdx"));
  if (!mdx.some((n) => n.endsWith(".mdx"))) {
    problems.push({
      file: dir,
      path: [],
      message: "holds no postmortems — add one with `npm run new`, or point HINDSIGHT_CONTENT at your content folder",
    });
  }
  for (const name of mdx) {
    const file = `${dir}/${name}`;
    if (!name.endsWith(".mdx")) {
      const hint = name.endsWith(".md") ? `rename it to ${name.replace(/\.md$/, ".mdx")}` : "move it out of this folder";
      problems.push({ file, path: [], message: `only .mdx postmortems belong here — ${hint}` });
      continue;
    }
    const id = name.slice(0, -".mdx".length);
    if (id.includes("/")) {
      problems.push({
        file,
        path: [],
        message: "postmortems must sit directly in the postmortems folder — move it up, out of the subfolder",
      });
      continue;
    }
    if (!POSTMORTEM_ID.test(id) || !isCalendarDate(id.slice(0, 10))) {
      problems.push({
        file,
        path: [],
        message: `file name "${name}" is not YYYY-MM-DD-slug.mdx — name it after the incident's start date and a lower-case slug: ${suggestedFileName(name, startedOf)}`,
      });
    }
    const other = seen.get(id.toLowerCase());
    if (other !== undefined)
      problems.push({
        file,
        path: [],
        message: `has the same id (and URL) as ${dir}/${other}, ignoring case — rename one of them`,
      });
    else seen.set(id.toLowerCase(), name);
  }
  return problems;
}

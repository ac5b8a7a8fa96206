/** Rules on the files in the postmortems folder, before any of them is read. */
import { POSTMORTEM_ID } from "../schema/identifiers.ts";
import { isCalendarDate } from "../schema/time.ts";
import type { Problem } from "./problem.ts";

/** Problems with the names in `content/postmortems/` (given relative to `dir`). */
export function checkPostmortemFileNames(names: readonly string[], dir: string): Problem[] {
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
        message: `file name "${name}" is not YYYY-MM-DD-slug.mdx — name it after the incident's start date and a lower-case slug, for example 2016-01-04-dashboard-outage.mdx`,
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

/**
 * Splits a document into its title and sections, and recognises what each section is by its heading, in
 * the shapes old postmortems take: the Google SRE book template, the generic "Summary / Impact / Timeline /
 * Root cause / Contributing factors / Action items / Lessons learned" layout, and the DFDS template.
 */
import type { Heading, Root, RootContent } from "mdast";
import { plainText } from "./markdown-out.ts";

/** What a section holds, as far as the importer is concerned. */
export const SECTION_ROLES = [
  "summary",
  "impact",
  "timeline",
  "trigger",
  "root",
  "contributing",
  "detection",
  "resolution",
  "actions",
  "lessons",
  "wentWell",
  "wentWrong",
  "gotLucky",
  "stats",
  "other",
] as const;
export type SectionRole = (typeof SECTION_ROLES)[number];

/** Heading patterns, tried in order: the first match decides (so "root causes" wins over "causes"). */
const HEADING_ROLES: readonly [RegExp, SectionRole][] = [
  [/^(executive |incident )?summary|^overview$|^tl ?;? ?dr$/, "summary"],
  [/^(customer |business )?impact/, "impact"],
  [/^timeline|^chronology|^sequence of events|^incident timeline/, "timeline"],
  [/^root causes?/, "root"],
  [/^triggers?$|^trigger\b/, "trigger"],
  [/^contributing|^contributing factors|^factors/, "contributing"],
  [/^detection/, "detection"],
  [/^(resolution|recovery|mitigation|remediation)$/, "resolution"],
  [/^(action items?|actions|follow[ -]?ups?|follow[ -]?up actions|corrective actions|next steps)/, "actions"],
  [/^lessons( learn[et]d?)?/, "lessons"],
  [/^(what|things that) went well/, "wentWell"],
  [/^(what|things that) went wrong/, "wentWrong"],
  [/^(where|when) we got lucky|^got lucky/, "gotLucky"],
  [/^(stats|statistics|key facts|metadata|incident details|details)$/, "stats"],
];

/** The role of a heading's text. */
export function roleOf(heading: string): SectionRole {
  const text = heading
    .toLowerCase()
    .replace(/^[\d.\s]+/, "")
    .replace(/[:*_]/g, "")
    .trim();
  return HEADING_ROLES.find(([pattern]) => pattern.test(text))?.[1] ?? "other";
}

/** A heading and the blocks up to the next heading. */
export interface Section {
  heading: string;
  depth: number;
  /** The heading node itself, so the body can repeat it with its formatting. */
  headingNode: Heading | undefined;
  role: SectionRole;
  nodes: RootContent[];
}

export interface Outline {
  /** The text of the first first-level heading, when the document starts with one. */
  title: string | undefined;
  /** Blocks before the first heading (after the title). */
  preamble: RootContent[];
  sections: Section[];
}

/** The outline of a document. */
export function outline(tree: Root): Outline {
  const children = [...tree.children];
  let title: string | undefined;
  const firstHeading = children.findIndex((n) => n.type === "heading");
  const first = children[firstHeading];
  if (first?.type === "heading" && first.depth === 1) {
    title = plainText(first);
    children.splice(firstHeading, 1);
  }
  const preamble: RootContent[] = [];
  const sections: Section[] = [];
  for (const node of children) {
    if (node.type === "heading") {
      const heading = plainText(node);
      sections.push({ heading, depth: node.depth, headingNode: node, role: roleOf(heading), nodes: [] });
    } else if (sections.length > 0) sections[sections.length - 1]!.nodes.push(node);
    else preamble.push(node);
  }
  return { title, preamble, sections };
}

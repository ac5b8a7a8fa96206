/**
 * What `hindsight init` writes: every file of a new knowledge base, computed from the answers alone (no
 * I/O besides reading the template files), so tests can check the set before anything touches a disk.
 */
import { parse } from "yaml";
import { postmortemIdFor, scaffoldPostmortem } from "../scaffold/postmortem-template.ts";
import { siteConfigSchema } from "../schema/site.ts";
import { COPIED_TEMPLATES, readTemplate, type TemplateName } from "./templates-dir.ts";
import { writersGuide } from "./writers-guide.ts";

export interface InitAnswers {
  /** The organisation's name, as readers know it: "Example Org". */
  organisation: string;
  /** The site's title; default "<organisation> postmortems". */
  siteName: string;
  /** The public address of the site, if known (CI may set it instead through HINDSIGHT_SITE). */
  url?: string | undefined;
  /** The IANA time zone most readers think in. */
  timeZone: string;
  /** The first team of the catalog. */
  team: { id: string; name: string };
  /** The first service of the catalog, owned by the team. */
  service: { id: string; name: string };
  /** How the new package.json names Hindsight: a version range, a git URL or a file: path. */
  hindsight: string;
  /** When the example draft's incident began, with an offset: "2026-11-30T09:00:00+00:00". */
  started: string;
  /** Who the example draft names as its author. */
  author: string;
}

export interface KnowledgeBaseFile {
  /** Relative to the knowledge base's folder, with forward slashes. */
  path: string;
  text: string;
}

/** A package name npm accepts, from the organisation's name: "Example Org" → "example-org-postmortems". */
export function packageNameFor(organisation: string): string {
  const slug = organisation
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `${slug || "knowledge-base"}-postmortems`;
}

const yamlString = (value: string) => JSON.stringify(value);

function packageJson(answers: InitAnswers): string {
  const pkg = {
    name: packageNameFor(answers.organisation),
    private: true,
    type: "module",
    description: `${answers.organisation}'s postmortems, published with Hindsight.`,
    engines: { node: ">=22.18.0" },
    scripts: {
      dev: "hindsight dev",
      build: "hindsight build",
      validate: "hindsight validate",
      new: "hindsight new",
      actions: "hindsight actions",
      schema: "hindsight schema",
    },
    dependencies: { hindsight: answers.hindsight },
    // esbuild (Astro's bundler) checks its platform binary in an install script.
    allowScripts: { esbuild: true },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

function siteConfig(answers: InitAnswers): string {
  const lines = [
    "# yaml-language-server: $schema=../node_modules/hindsight/schema/site.schema.json",
    `# The site configuration of ${answers.organisation}. \`npm run validate\` checks it; every field but the names`,
    "# is optional, and the schema above gives editors completion and help on each one.",
    `organisation: ${yamlString(answers.organisation)}`,
    `siteName: ${yamlString(answers.siteName)}`,
    "",
    "# Where readers find the site. The publishing workflows set it (HINDSIGHT_SITE and HINDSIGHT_BASE),",
    "# so fill it in for a server of your own, for example https://intranet.example.com/postmortems/.",
    answers.url ? `url: ${yamlString(answers.url)}` : "# url: https://postmortems.example.com/",
    "",
    '# `hindsight new` starts postmortems in this zone, and "today" (overdue, ages) is its date;',
    "# dates on the site read in this locale and style.",
    `timeZone: ${answers.timeZone}`,
    "locale: en-GB",
    "dateStyle: medium",
    "",
    "# Links in every page's footer, and a prominent link for declaring an incident. Uncomment and edit.",
    "# footer:",
    "#   incidentProcess:",
    "#     url: https://wiki.example.com/incident-process",
    "#   onCall:",
    "#     url: https://oncall.example.com/schedules",
    "#   questions:",
    "#     url: https://chat.example.com/channels/incidents",
    '#     text: "Ask in #incidents"',
    "# reportIncident:",
    "#   url: https://oncall.example.com/declare",
    "",
    "# The ids stay SEV1–SEV4; the labels and descriptions can be your organisation's own.",
    "# severities:",
    "#   SEV1:",
    "#     label: Critical",
    "#     description: A core product is unavailable or data is lost or exposed for many customers.",
  ];
  return `${lines.join("\n")}\n`;
}

/**
 * What the site configuration's schema says about the answers, as `field: message` lines (empty when the
 * generated content/site.yaml is valid), so that init refuses what validate would refuse later.
 */
export function siteConfigProblems(answers: InitAnswers): string[] {
  const result = siteConfigSchema.safeParse(parse(siteConfig(answers)));
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

function teamsYaml(answers: InitAnswers): string {
  return `# Teams. Postmortems refer to these ids in \`teams\` and in action-item \`owner\`; each gets a page at /teams/<id>/.
- id: ${answers.team.id}
  name: ${yamlString(answers.team.name)}
  # contact: ${answers.team.id}@example.com
  # channel: "#${answers.team.id}"
  # description: One sentence on what the team owns.
`;
}

function servicesYaml(answers: InitAnswers): string {
  return `# Services. Postmortems list the ones affected in \`services\`; each gets a page at /services/<id>/.
- id: ${answers.service.id}
  name: ${yamlString(answers.service.name)}
  # The id of the owning team in teams.yaml.
  owner: ${answers.team.id}
  # tier-1 (customer-facing, revenue-critical), tier-2 or tier-3 (internal, tolerant of downtime).
  tier: tier-1
`;
}

/** Every file of the new knowledge base, in a stable order. */
export function knowledgeBaseFiles(answers: InitAnswers): KnowledgeBaseFile[] {
  const draftTitle = `Example: ${answers.service.name} unavailable`;
  const draftId = postmortemIdFor(answers.started, draftTitle);
  const generated: KnowledgeBaseFile[] = [
    { path: "package.json", text: packageJson(answers) },
    { path: "README.md", text: writersGuide(answers, `content/postmortems/${draftId}.mdx`) },
    { path: "content/site.yaml", text: siteConfig(answers) },
    { path: "content/teams.yaml", text: teamsYaml(answers) },
    { path: "content/services.yaml", text: servicesYaml(answers) },
    {
      path: `content/postmortems/${draftId}.mdx`,
      text: scaffoldPostmortem({
        title: draftTitle,
        severity: "SEV3",
        services: [answers.service.id],
        teams: [answers.team.id],
        started: answers.started,
        timezone: answers.timeZone,
        authors: [answers.author],
      }),
    },
  ];
  const copied = (Object.entries(COPIED_TEMPLATES) as [TemplateName, string][]).map(([name, path]) => ({
    path,
    text: readTemplate(name),
  }));
  return [...generated, ...copied];
}

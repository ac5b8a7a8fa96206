/** The README of a new knowledge base: a short guide for the people who write and review postmortems. */
import type { InitAnswers } from "./knowledge-base.ts";

export function writersGuide(answers: InitAnswers, exampleDraft: string): string {
  const where = answers.url ? `<${answers.url}>` : "the address set in `content/site.yaml` (or by CI when it publishes)";
  return `# ${answers.siteName}

${answers.organisation}'s incident postmortems, one file each, reviewed in pull requests and published with
Hindsight at ${where}.

## Write a postmortem

1. Once: install Node.js 22.18 or newer, then \`npm install\`.
2. \`npm run new\` asks for a title, severity and the affected services, and writes a draft in
   \`content/postmortems/<date>-<title>.mdx\` with every section and a comment explaining each field.
3. Fill it in. Write blamelessly: describe what the system and the process allowed, not who slipped.
   The site's guide page (\`/guide/\`) has the reference of every field.
4. \`npm run validate\` prints every problem as \`file:line:col  field  what is wrong — how to fix it\`.
   \`npm run dev\` previews the site with drafts at <http://localhost:4321/>.
5. Set \`status: in-review\` and open a pull request: the review happens there, and CI marks problems on the
   changed lines. Merge it with \`status: published\`.

\`${exampleDraft}\` is an example draft to look at; drafts are never published. Delete it when your first real
postmortem is in.

## Rules that keep the record trustworthy

- Never delete an action item: set \`status: wont-do\` and say why. CI refuses a change that removes one.
- Renaming a published postmortem changes its address: keep the old id in \`aliases\` and it redirects.
- Times carry their UTC offset (\`2026-11-30T09:05:00+01:00\`); durations are computed, never typed.

## What lives where

| File | What it holds |
| --- | --- |
| \`content/postmortems/*.mdx\` | one postmortem each, named \`<date>-<title>\` |
| \`content/teams.yaml\`, \`content/services.yaml\` | the catalogs postmortems refer to by id |
| \`content/taxonomy.yaml\` | the cause categories |
| \`content/site.yaml\` | names, address, time zone and links of the site |
| \`.github/workflows/\`, \`.gitlab-ci.yml\` | checks on pull requests, publishing, the weekly overdue digest |

## Follow up

\`npm run actions\` lists the open action items; \`npm run actions -- --overdue\` only the late ones. Every
Monday CI updates one issue, "Overdue action items", with the overdue list.

Hindsight itself is the \`hindsight\` dependency in \`package.json\`: to take a new release, change its version
there and run \`npm install\`. Updates never touch the files above.
`;
}

/** Writes an imported draft as the text of an `.mdx` file: commented YAML frontmatter, then the body. */
import { Document, isSeq } from "yaml";
import { TO_FILL, UNASSIGNED } from "../schema/imported.ts";
import type { Draft } from "./draft.ts";

const HEADER = [
  ` Imported by \`hindsight import\`: a draft until its author has checked it.`,
  ` Every field listed under imported.todo holds a placeholder — "${UNASSIGNED}", "${TO_FILL}"`,
  ` or a neutral value the source did not state. Fill each one in and remove it from the list;`,
  ` \`npm run validate\` refuses status: in-review or published while any is left. See the guide (/guide/).`,
].join("\n");

/** The full text of the draft's `.mdx` file. */
export function renderDraft(draft: Draft): string {
  const doc = new Document(draft.frontmatter);
  doc.commentBefore = HEADER;
  for (const path of [["authors"], ["reviewers"], ["tags"], ["services"], ["teams"], ["imported", "todo"]]) {
    const node = doc.getIn(path, true);
    if (isSeq(node)) node.flow = true;
  }
  const yaml = doc.toString({
    lineWidth: 0,
    defaultStringType: "QUOTE_DOUBLE",
    defaultKeyType: "PLAIN",
    flowCollectionPadding: false,
  });
  return `---\n${yaml}---\n\n${draft.body}\n`;
}

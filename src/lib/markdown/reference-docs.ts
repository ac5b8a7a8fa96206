/**
 * The Markdown tables that docs/authoring.md and docs/security.md show for the components' props and the
 * body allowlist, generated from the same constants and schemas the validator and the build use (a test
 * fails when a document drifts from them).
 */
import { AUTHORING_COMPONENTS, propReference } from "../schema/components.ts";
import {
  ALIGNMENT_CLASSES,
  allowedAttributes,
  ALLOWED_ELEMENTS,
  globalAttributes,
  REFUSED_ELEMENTS,
  URL_ATTRIBUTES,
} from "./body-allowlist.ts";

/** One table per authoring component: prop, required, allowed values, meaning. */
export function componentPropsMarkdown(): string {
  return AUTHORING_COMPONENTS.map((component) =>
    [
      `**\`<${component}>\`**`,
      "",
      "| Prop | Required | Values | Meaning |",
      "| --- | --- | --- | --- |",
      ...propReference(component).map(
        (p) =>
          `| \`${p.name}\` | ${p.required ? "yes" : "no"} | ${p.values ? p.values.map((v) => `\`${v}\``).join(", ") : "text"} | ${p.description} |`,
      ),
    ].join("\n"),
  ).join("\n\n");
}

/** The HTML elements a body may produce, each with its attributes; then the refused elements. */
export function allowlistMarkdown(): string {
  const global = globalAttributes();
  const code = (names: readonly string[]) => names.map((n) => `\`${n}\``).join(", ");
  const rows = [...ALLOWED_ELEMENTS].sort().map((element) => {
    const own = allowedAttributes(element).filter((a) => !global.includes(a));
    return `| \`${element}\` | ${own.length > 0 ? code(own) : "—"} |`;
  });
  return [
    `Every allowed element may carry ${code(global)} (\`id\` only with the \`user-content-\` prefix footnotes use).`,
    'Values are literal text: an expression is accepted only when it is a plain string (`{"…"}`), and then judged',
    "like the same text in quotes. `class`, `style` and the footnote attributes accept only the values the",
    "Markdown processor and the build write. A table cell's `text-align` style (from GFM column",
    `alignment) becomes the class ${ALIGNMENT_CLASSES.map((c) => `\`${c}\``).join(", ")}, because the page's`,
    "Content-Security-Policy (`style-src 'self'`) makes browsers ignore inline styles.",
    "",
    "| Element | Its own attributes |",
    "| --- | --- |",
    ...rows,
    "",
    `Refused with an explanation: ${Object.keys(REFUSED_ELEMENTS)
      .sort()
      .map((e) => `\`${e}\``)
      .join(", ")}, \`h1\`, and any other element or component.`,
    "",
    `URL-bearing attributes (checked by the URL rule wherever the allowlist admits them, refused everywhere else): ${URL_ATTRIBUTES.map((a) => `\`${a}\``).join(", ")}.`,
  ].join("\n");
}

/** The text between `<!-- name:start -->` and `<!-- name:end -->` in a document, trimmed. */
export function generatedSection(document: string, name: string): string | undefined {
  const start = document.indexOf(`<!-- ${name}:start -->`);
  const end = document.indexOf(`<!-- ${name}:end -->`);
  if (start === -1 || end === -1) return undefined;
  return document.slice(start + `<!-- ${name}:start -->`.length, end).trim();
}

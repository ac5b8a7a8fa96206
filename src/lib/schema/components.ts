/**
 * The props of the components authors may use in a postmortem body without importing them
 * (src/components/mdx). The validator and the build check every use against these schemas, the
 * components take their prop types from them, and docs/authoring.md lists them (a test keeps it in step).
 */
import { z } from "zod";

/** The kinds of `<Callout>`, in the order the guide lists them. */
export const CALLOUT_TYPES = ["note", "tip", "warning"] as const;
export type CalloutType = (typeof CALLOUT_TYPES)[number];

/** The heading a `<Callout>` shows when it has no `title`. */
export const CALLOUT_DEFAULT_TITLES: Record<CalloutType, string> = { note: "Note", tip: "Tip", warning: "Warning" };

/** Longest `<Callout>` title, in characters: it is a heading, not a paragraph. */
export const CALLOUT_TITLE_MAX = 120;

/** Longest `<Figure>` alt text and caption, in characters. */
export const FIGURE_TEXT_MAX = 400;

const text = (what: string, max: number) =>
  z
    .string({ error: `expected ${what} in quotes` })
    .trim()
    .min(1, { error: `is empty — write ${what}` })
    .max(max, { error: `is longer than ${max} characters — shorten it` });

/** `<Callout type="warning" title="…">Markdown</Callout>`: a highlighted note beside the story. */
export const calloutPropsSchema = z.strictObject({
  /** What kind of note: note (default), tip or warning; sets the colour and the default heading. */
  type: z
    .enum(CALLOUT_TYPES, { error: `is not a callout type — use one of ${CALLOUT_TYPES.join(", ")}` })
    .optional()
    .describe(`What kind of note: ${CALLOUT_TYPES.join(", ")} (default note); sets the colour and the default heading.`),
  /** The heading shown above the text; without it the callout is headed Note, Tip or Warning. */
  title: text("a short heading", CALLOUT_TITLE_MAX)
    .optional()
    .describe("The heading shown above the text; without it the callout is headed Note, Tip or Warning."),
});
export type CalloutProps = z.infer<typeof calloutPropsSchema>;

/** `<Figure src="/images/x.png" alt="…" caption="…" />`: an image from public/images with a caption. */
export const figurePropsSchema = z.strictObject({
  /** The image's path on the site, under /images/ (the file lives in public/images/). */
  src: z
    .string({ error: 'expected a path in quotes, such as "/images/queue-depth.png"' })
    .describe("The image's path on the site, such as /images/queue-depth.png (the file lives in public/images/)."),
  /** What the image shows, for readers who cannot see it. */
  alt: text("what the image shows, for readers who cannot see it", FIGURE_TEXT_MAX).describe(
    "What the image shows, for readers who cannot see it.",
  ),
  /** The caption under the image: what the reader should notice. */
  caption: text("a caption: what the reader should notice in the image", FIGURE_TEXT_MAX).describe(
    "The caption under the image: what the reader should notice.",
  ),
});
export type FigureProps = z.infer<typeof figurePropsSchema>;

/** Every authoring component and the schema of its props. */
export const COMPONENT_PROPS = {
  Callout: calloutPropsSchema,
  Figure: figurePropsSchema,
} as const;

/** The names of the MDX components authors may use without imports. */
export const AUTHORING_COMPONENTS = Object.keys(COMPONENT_PROPS) as (keyof typeof COMPONENT_PROPS)[];
export type AuthoringComponent = keyof typeof COMPONENT_PROPS;

export function isAuthoringComponent(name: string): name is AuthoringComponent {
  return Object.hasOwn(COMPONENT_PROPS, name);
}

/** One documented prop of a component, for the guide and docs/authoring.md. */
export interface PropReference {
  name: string;
  required: boolean;
  /** The allowed values, for a prop with a fixed list. */
  values?: readonly string[];
  description: string;
}

/** The props of a component, in schema order, with their descriptions and allowed values. */
export function propReference(component: AuthoringComponent): PropReference[] {
  const shape = COMPONENT_PROPS[component].shape as Record<string, z.ZodType>;
  return Object.entries(shape).map(([name, schema]) => {
    const required = !schema.safeParse(undefined).success;
    const inner = schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
    const values = inner instanceof z.ZodEnum ? (inner.options as string[]) : undefined;
    return { name, required, ...(values ? { values } : {}), description: schema.description ?? "" };
  });
}

/**
 * Problems with the props of one use of a component, written as the author wrote them (every value a
 * string, `true` for a bare attribute). Each names the prop and says what to write instead.
 */
export function componentPropProblems(
  component: AuthoringComponent,
  props: Record<string, string | true>,
): { prop: string | undefined; message: string }[] {
  const schema = COMPONENT_PROPS[component];
  const result = schema.safeParse(props);
  if (result.success) return [];
  const names = Object.keys(schema.shape);
  const problems: { prop: string | undefined; message: string }[] = [];
  for (const issue of result.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys)
        problems.push({
          prop: key,
          message: `<${component}> has no prop "${key}" — its props are ${names.join(", ")}`,
        });
      continue;
    }
    const prop = typeof issue.path[0] === "string" ? issue.path[0] : undefined;
    const value = prop === undefined ? undefined : props[prop];
    if (prop !== undefined && value === undefined) {
      const description = ((schema.shape as Record<string, z.ZodType>)[prop]?.description ?? "").replace(/\.$/, "");
      problems.push({
        prop,
        message: `<${component}> needs ${prop}="…" — ${description.charAt(0).toLowerCase()}${description.slice(1)}`,
      });
    } else if (value === true) {
      problems.push({ prop, message: `<${component}> prop "${prop}" has no value — write ${prop}="…"` });
    } else {
      problems.push({ prop, message: `<${component}> ${prop}="${String(value)}" ${issue.message}` });
    }
  }
  return problems;
}

/** The names of the MDX components authors may use without imports (see src/components/mdx). */
export const AUTHORING_COMPONENTS = ["Callout", "Figure"] as const;
export type AuthoringComponent = (typeof AUTHORING_COMPONENTS)[number];

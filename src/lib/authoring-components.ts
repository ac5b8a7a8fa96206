/** The names of the MDX components authors may use without imports (see src/components/mdx); their props are in schema/components.ts. */
export { AUTHORING_COMPONENTS, type AuthoringComponent } from "./schema/components.ts";

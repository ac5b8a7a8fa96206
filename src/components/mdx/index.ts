/** The components authors may use in postmortem bodies, without importing them. */
import Callout from "./Callout.astro";
import Figure from "./Figure.astro";

export const mdxComponents = { Callout, Figure };

/** Their names, for the validator: any other capitalised tag in a body is an error. */
export { AUTHORING_COMPONENTS } from "../../lib/authoring-components.ts";

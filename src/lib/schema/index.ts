/** The content model: one place to import schemas, types and vocabularies from. */
export * from "./catalogs.ts";
export * from "./identifiers.ts";
export * from "./imported.ts";
export * from "./links.ts";
export * from "./postmortem.ts";
export * from "./strict-object.ts";
export * from "./time.ts";
export * from "./vocabulary.ts";

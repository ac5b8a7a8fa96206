/**
 * A package loaded the first time it is used rather than when the module that needs it is imported.
 * `hindsight validate` runs at the start of every build and in pre-commit hooks: most content never needs
 * the Markdown parsers (only bodies with components, footnotes or unpaired emphasis do) or the YAML parser
 * that keeps positions (only files with problems), and loading them costs more than checking 100 files.
 * The load is synchronous (Node's `require` of an ES module), so the checks that use them stay synchronous.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** A function returning the package's module namespace (its type given as `typeof import`), loading it on the first call. */
// The type parameter is the one place the package's type is named: require() cannot infer it.
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
export function loadOnFirstUse<Namespace>(specifier: string): () => Namespace {
  let loaded: Namespace | undefined;
  return () => (loaded ??= require(specifier) as Namespace);
}

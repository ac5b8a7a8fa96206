interface ImportMetaEnv {
  /** True under `astro dev` only (set by src/integrations/validate.ts): drafts are shown in the local preview. */
  readonly HINDSIGHT_INCLUDE_DRAFTS: boolean | undefined;
}

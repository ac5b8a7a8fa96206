/** The catalogs postmortems refer to: teams, services and the cause taxonomy (content/*.yaml). */
import { z } from "zod";
import { catalogId } from "./identifiers.ts";
import { webUrl } from "./links.ts";
import { strictObject } from "./strict-object.ts";
import { SERVICE_TIERS } from "./vocabulary.ts";

/** One team in `content/teams.yaml`. */
export const teamSchema = strictObject({
  /** Stable id used by postmortems (`teams`, action-item `owner`) and in URLs: `/teams/<id>/`. */
  id: catalogId.describe("Stable id used by postmortems (`teams`, action-item `owner`) and in URLs: `/teams/<id>/`."),
  /** Display name, for example "Data Platform". */
  name: z
    .string()
    .trim()
    .min(1, { error: "is empty — give the team a display name" })
    .describe('Display name, for example "Data Platform".'),
  /** How to reach the team: an email address or a URL. */
  contact: z.string().trim().min(1).optional().describe("How to reach the team: an email address or a URL."),
  /** The team's chat channel, for example "#data-platform". */
  channel: z.string().trim().min(1).optional().describe('The team\'s chat channel, for example "#data-platform".'),
  /** One sentence on what the team owns. */
  description: z.string().trim().min(1).optional().describe("One sentence on what the team owns."),
});
export type Team = z.infer<typeof teamSchema>;

/** One service in `content/services.yaml`. */
export const serviceSchema = strictObject({
  /** Stable id used by postmortems (`services`) and in URLs: `/services/<id>/`. */
  id: catalogId.describe("Stable id used by postmortems (`services`) and in URLs: `/services/<id>/`."),
  /** Display name, for example "Query engine". */
  name: z
    .string()
    .trim()
    .min(1, { error: "is empty — give the service a display name" })
    .describe('Display name, for example "Query engine".'),
  /** Id of the owning team in `content/teams.yaml`. */
  owner: catalogId.describe("Id of the owning team in `content/teams.yaml`."),
  /** Criticality: tier-1 is customer-facing and revenue-critical, tier-3 internal and tolerant of downtime. */
  tier: z
    .enum(SERVICE_TIERS, { error: `expected one of ${SERVICE_TIERS.join(", ")}` })
    .describe("Criticality: tier-1 is customer-facing and revenue-critical, tier-3 internal and tolerant of downtime."),
  /** One sentence on what the service does. */
  description: z.string().trim().min(1).optional().describe("One sentence on what the service does."),
  /** Where its runbook or documentation lives. */
  docs: webUrl.optional().describe("Where its runbook or documentation lives."),
});
export type Service = z.infer<typeof serviceSchema>;

/** One cause category in `content/taxonomy.yaml`. */
export const causeCategorySchema = strictObject({
  /** Stable id used by `causes[].category` and in URLs: `/causes/<id>/`. */
  id: catalogId.describe("Stable id used by `causes[].category` and in URLs: `/causes/<id>/`."),
  /** Display name, for example "Configuration change". */
  name: z
    .string()
    .trim()
    .min(1, { error: "is empty — give the category a display name" })
    .describe('Display name, for example "Configuration change".'),
  /** What belongs in this category, so authors choose consistently. */
  description: z
    .string()
    .trim()
    .min(1, { error: "is empty — say in a sentence what belongs in this category" })
    .describe("What belongs in this category, so authors choose consistently."),
});
export type CauseCategory = z.infer<typeof causeCategorySchema>;

/** The file shapes: each catalog is a YAML list. */
export const teamsFileSchema = z.array(teamSchema, { error: 'expected a list of teams (each item starting with "- id:")' });
export const servicesFileSchema = z.array(serviceSchema, {
  error: 'expected a list of services (each item starting with "- id:")',
});
export const taxonomyFileSchema = z.array(causeCategorySchema, {
  error: 'expected a list of cause categories (each item starting with "- id:")',
});

/** The three catalogs, as the rest of the code receives them. */
export interface Catalogs {
  teams: Team[];
  services: Service[];
  categories: CauseCategory[];
}

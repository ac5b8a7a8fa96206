/** Name lookups over the catalogs, so pages show "Data Platform" where content says `data-platform`. */
import type { Catalogs, CauseCategory, Service, Team } from "./schema/index.ts";

export interface CatalogIndex {
  team: (id: string) => Team | undefined;
  service: (id: string) => Service | undefined;
  category: (id: string) => CauseCategory | undefined;
  teamName: (id: string) => string;
  serviceName: (id: string) => string;
  categoryName: (id: string) => string;
}

export function indexCatalogs(catalogs: Catalogs): CatalogIndex {
  const teams = new Map(catalogs.teams.map((t) => [t.id, t]));
  const services = new Map(catalogs.services.map((s) => [s.id, s]));
  const categories = new Map(catalogs.categories.map((c) => [c.id, c]));
  return {
    team: (id) => teams.get(id),
    service: (id) => services.get(id),
    category: (id) => categories.get(id),
    teamName: (id) => teams.get(id)?.name ?? id,
    serviceName: (id) => services.get(id)?.name ?? id,
    categoryName: (id) => categories.get(id)?.name ?? id,
  };
}

/** Related postmortems in both directions: if A lists B, B shows A without declaring it. */

interface Linkable {
  id: string;
  data: { related: string[] };
}

const indexes = new WeakMap<readonly Linkable[], Map<string, string[]>>();

/** Every postmortem's related ids, computed once per list (every page asks, so one pass instead of one per page). */
function relatedIndex(postmortems: readonly Linkable[]): Map<string, string[]> {
  let index = indexes.get(postmortems);
  if (index) return index;
  const backlinks = new Map<string, string[]>();
  for (const p of postmortems) {
    for (const target of p.data.related) {
      if (target === p.id) continue;
      const list = backlinks.get(target);
      if (list) list.push(p.id);
      else backlinks.set(target, [p.id]);
    }
  }
  index = new Map(postmortems.map((p) => [p.id, [...new Set([...p.data.related, ...(backlinks.get(p.id) ?? [])])]]));
  indexes.set(postmortems, index);
  return index;
}

/** Ids related to `id`: the ones it lists first, then the ones that list it, without repeats. */
export function relatedIds(id: string, postmortems: readonly Linkable[]): string[] {
  return relatedIndex(postmortems).get(id) ?? [];
}

/** Related postmortems in both directions: if A lists B, B shows A without declaring it. */

interface Linkable {
  id: string;
  data: { related: string[] };
}

/** Ids related to `id`: the ones it lists first, then the ones that list it, without repeats. */
export function relatedIds(id: string, postmortems: readonly Linkable[]): string[] {
  const own = postmortems.find((p) => p.id === id)?.data.related ?? [];
  const backlinks = postmortems.filter((p) => p.id !== id && p.data.related.includes(id)).map((p) => p.id);
  return [...new Set([...own, ...backlinks])];
}

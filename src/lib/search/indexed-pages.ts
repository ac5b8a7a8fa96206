/** Pages in a written pagefind index, summed over languages (pagefind writes one index per `<html lang>`). */
export function indexedPageCount(pagefindEntryJson: string): number {
  const entry = JSON.parse(pagefindEntryJson) as { languages?: Record<string, { page_count?: number }> };
  return Object.values(entry.languages ?? {}).reduce((sum, language) => sum + (language.page_count ?? 0), 0);
}

/**
 * pagefind's excerpts are HTML: text with `<` and `>` escaped and the matched words wrapped in `<mark>`.
 * The search page never assigns that string as HTML; it splits it into plain text and marked runs and
 * builds text nodes, so nothing in a postmortem can inject markup into the results.
 */

export interface ExcerptPart {
  text: string;
  marked: boolean;
}

const ENTITIES: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&#x27;": "'", "&amp;": "&" };

function decode(text: string): string {
  return text.replace(/&(?:lt|gt|quot|amp|#39|#x27);/g, (entity) => ENTITIES[entity] ?? entity);
}

/** Splits an excerpt into runs of plain and highlighted text; any other tag is dropped, its text kept. */
export function parseExcerpt(html: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let marked = false;
  for (const token of html.split(/(<\/?mark>)/)) {
    if (token === "<mark>") marked = true;
    else if (token === "</mark>") marked = false;
    else {
      const text = decode(token.replace(/<[^>]*>/g, ""));
      if (text === "") continue;
      const last = parts.at(-1);
      if (last && last.marked === marked) last.text += text;
      else parts.push({ text, marked });
    }
  }
  return parts;
}

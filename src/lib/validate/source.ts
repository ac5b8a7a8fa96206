/** Splits a postmortem file into its YAML frontmatter and MDX body, keeping where each starts. */

export interface SplitSource {
  /** The YAML between the `---` fences. */
  yaml: string;
  /** 0-based line of the first YAML line in the file. */
  yamlLine: number;
  /** The MDX after the closing fence. */
  body: string;
  /** 0-based line of the first body line in the file. */
  bodyLine: number;
}

export type SplitResult = { ok: true; source: SplitSource } | { ok: false; line: number; column: number; message: string };

const OPENING = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSING = /(^|\n)---[ \t]*(?:\r?\n|$)/;

/** Finds the frontmatter fences, or explains why there are none. */
export function splitFrontmatter(text: string): SplitResult {
  const opening = OPENING.exec(text);
  if (!opening) {
    return {
      ok: false,
      line: 1,
      column: 1,
      message:
        'has no frontmatter — start the file with a line "---", then the fields (title, summary, …), then another "---" (`npm run new` writes a complete skeleton)',
    };
  }
  const rest = text.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (!closing) {
    return {
      ok: false,
      line: 1,
      column: 1,
      message: 'the frontmatter opened here is never closed — add a line "---" after the last field, before the body',
    };
  }
  const yaml = rest.slice(0, closing.index).replace(/\r$/, "");
  const body = rest.slice(closing.index + closing[0].length);
  const yamlLine = 1;
  const bodyLine = yamlLine + countLines(rest.slice(0, closing.index + closing[0].length));
  return { ok: true, source: { yaml, yamlLine, body, bodyLine } };
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

/** Maps offsets in a text to 1-based lines and columns, with the text starting at a given 0-based line. */
export class LineIndex {
  readonly #starts: number[] = [0];
  readonly #firstLine: number;
  constructor(text: string, firstLine = 0) {
    this.#firstLine = firstLine;
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) this.#starts.push(i + 1);
  }
  position(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.#starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.#starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: this.#firstLine + low + 1, column: offset - this.#starts[low]! + 1 };
  }
}

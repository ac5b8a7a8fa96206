/**
 * Paragraphs of real-world prose for the benchmark corpus, taken from plain Markdown postmortems
 * (the DFDS template: Summary, Timeline table, Contributing Factors, Action Items, Lessons Learned…).
 * Headings, tables, attendee lists and template placeholders are dropped; bullets of a section become one paragraph.
 */

const SKIPPED_SECTIONS = /^(attendees|stats|timeline)$/i;

/** The prose paragraphs of one Markdown document. */
export function proseParagraphs(markdown: string): string[] {
  const paragraphs: string[] = [];
  let section = "";
  let current: string[] = [];
  const flush = () => {
    const text = current.join(" ").replace(/\s+/g, " ").trim();
    if (text.split(" ").length >= 8) paragraphs.push(text);
    current = [];
  };
  for (const raw of markdown.split(/\r?\n/)) {
    const line = raw.trim();
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      section = heading[1]!.trim();
      continue;
    }
    if (SKIPPED_SECTIONS.test(section) || line.startsWith("|") || line.startsWith("```")) continue;
    if (line === "") {
      if (!current.some((l) => l.startsWith("- "))) flush();
      continue;
    }
    current.push(line.replace(/^[-*]\s+/, ""));
  }
  flush();
  return paragraphs.map((p) => p.replace(/[{}<>`|]/g, "")).filter((p) => !/XXX|YYY|ZZZ|Someone Fromtheteam/.test(p));
}

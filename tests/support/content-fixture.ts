/**
 * Builds content folders for tests: a small, valid knowledge base in a fresh temporary folder, which a
 * test then breaks in exactly one place. Positions in expected messages are computed from the text
 * written, so fixtures and assertions cannot drift apart.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach } from "vitest";

export const TEAMS = `- id: platform
  name: Platform
- id: web
  name: Web
`;

export const SERVICES = `- id: api
  name: Public API
  owner: platform
  tier: tier-1
- id: website
  name: Website
  owner: web
  tier: tier-2
`;

export const TAXONOMY = `- id: software-change
  name: Software change
  description: A deploy or code change.
- id: monitoring-gap
  name: Monitoring gap
  description: Something we could not see.
`;

export const API_ERRORS = "2024-03-01-api-errors";
export const WEBSITE_SLOW = "2024-05-02-website-slow";

export const API_ERRORS_TEXT = `---
title: API returned errors after a deploy
summary: A deploy broke request parsing and the API returned 500s for 40 minutes.
severity: SEV2
status: published
authors: [Ada]
tags: [deploy]
services: [api]
teams: [platform]
timezone: Europe/London
started: "2024-03-01T10:00:00Z"
detected: "2024-03-01T10:05:00Z"
mitigated: "2024-03-01T10:40:00Z"
resolved: "2024-03-01T11:00:00Z"
impact:
  description: Requests failed with *500* errors.
  customerFacing: true
  dataLoss: none
detection:
  method: alert
  note: The error-rate alert fired.
timeline:
  - at: "2024-03-01T10:00:00Z"
    kind: trigger
    text: Deploy \`v2.3\` went out.
  - at: "2024-03-01T10:40:00Z"
    kind: mitigation
    text: Rolled back.
causes:
  - kind: trigger
    category: software-change
    text: The deploy.
  - kind: root
    category: software-change
    text: A parser change without tests.
actionItems:
  - id: A1
    title: Add parser tests
    type: prevent
    priority: P1
    owner: platform
    status: open
    due: "2024-04-01"
    ticket: https://tracker.example.com/OPS-1
  - id: A2
    title: Alert on parse errors
    type: detect
    priority: P2
    owner: platform
    status: done
    due: "2024-04-15"
    completed: "2024-04-10"
related: [${WEBSITE_SLOW}]
---

## What happened

A deploy changed the request parser. See [the dashboard](https://grafana.example.com/d/api).

<Callout type="warning">Roll back first, debug later.</Callout>
`;

export const WEBSITE_SLOW_TEXT = `---
title: Website slow for an hour
summary: Pages took ten seconds to load because a cache was cold.
severity: SEV3
status: published
authors: [Grace]
services: [website]
teams: [web]
timezone: Europe/London
started: "2024-05-02T09:00:00+01:00"
detected: "2024-05-02T09:20:00+01:00"
resolved: "2024-05-02T10:00:00+01:00"
impact:
  description: Slow pages.
  customerFacing: true
  dataLoss: none
detection:
  method: customer-report
  note: A customer wrote in.
timeline:
  - at: "2024-05-02T09:00:00+01:00"
    kind: trigger
    text: The cache was flushed.
causes:
  - kind: root
    category: monitoring-gap
    text: No latency alert.
---

The cache was flushed during the morning peak.
`;

export interface ContentFixture {
  /** A fresh folder holding \`content/\`: run commands here so messages read \`content/postmortems/…\`. */
  root: string;
  /** The content folder (pass it to \`--content\` or HINDSIGHT_CONTENT). */
  dir: string;
  /** Writes a file, relative to the content folder. */
  write: (path: string, text: string) => string;
  /** Reads a file, relative to the content folder. */
  read: (path: string) => string;
  /** Replaces one exact piece of a file's text (which must be there) and returns the new text. */
  edit: (path: string, from: string, to: string) => string;
  remove: (path: string) => void;
  cleanup: () => void;
}

/** The path of a postmortem inside the content folder. */
export function pm(id: string): string {
  return `postmortems/${id}.mdx`;
}

/** Writes a valid content folder to a new temporary directory. */
export function createContent(): ContentFixture {
  const root = mkdtempSync(join(tmpdir(), "hindsight-content-"));
  const dir = join(root, "content");
  const write = (path: string, text: string) => {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    return text;
  };
  const read = (path: string) => readFileSync(join(dir, path), "utf8");
  write("teams.yaml", TEAMS);
  write("services.yaml", SERVICES);
  write("taxonomy.yaml", TAXONOMY);
  write(pm(API_ERRORS), API_ERRORS_TEXT);
  write(pm(WEBSITE_SLOW), WEBSITE_SLOW_TEXT);
  return {
    root,
    dir,
    write,
    read,
    edit: (path, from, to) => {
      const text = read(path);
      if (!text.includes(from)) throw new Error(`fixture ${path} does not contain ${JSON.stringify(from)}`);
      return write(path, text.replace(from, to));
    },
    remove: (path) => rmSync(join(dir, path), { recursive: true, force: true }),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** The 1-based line and column where `needle` first occurs in `text` (after `after`, if given). */
export function positionOf(text: string, needle: string, after = ""): { line: number; column: number } {
  const start = after ? text.indexOf(after) : 0;
  const offset = text.indexOf(needle, Math.max(start, 0));
  if (offset === -1) throw new Error(`${JSON.stringify(needle)} is not in the text`);
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

/**
 * A maker of content fixtures for one test file: each call gives a fresh knowledge base, and every one made
 * is removed after each test.
 */
export function contentFixtures(): () => ContentFixture {
  const made: ContentFixture[] = [];
  afterEach(() => {
    for (const f of made.splice(0)) f.cleanup();
  });
  return () => {
    const f = createContent();
    made.push(f);
    return f;
  };
}

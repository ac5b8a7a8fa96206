import { describe, expect, test } from "vitest";
import { checkPostmortemReferences } from "../../src/lib/integrity/cross-file.ts";
import { TO_FILL, UNASSIGNED } from "../../src/lib/schema/imported.ts";
import { postmortemSchema, type Catalogs } from "../../src/lib/schema/index.ts";

const SHA = "a".repeat(64);

function imported(overrides: Record<string, unknown> = {}, todo: string[] = ["severity", "services"]) {
  return {
    title: "Disk full on the primary",
    summary: "The primary ran out of disk.",
    severity: "SEV3",
    status: "draft",
    authors: ["Ada"],
    services: [UNASSIGNED],
    teams: [UNASSIGNED],
    timezone: "UTC",
    started: "2024-01-02T03:04:00+00:00",
    detected: "2024-01-02T03:10:00+00:00",
    resolved: "2024-01-02T04:00:00+00:00",
    impact: { description: TO_FILL, customerFacing: false, dataLoss: "none" },
    detection: { method: "other", note: "An alert." },
    imported: { source: "PM-1 disk full.md", sha256: SHA, todo },
    ...overrides,
  };
}

const messages = (data: unknown) => {
  const result = postmortemSchema.safeParse(data);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("the imported block", () => {
  test("a draft may hold placeholders and list them in imported.todo", () => {
    expect(messages(imported())).toEqual([]);
  });

  test("in review, a non-empty imported.todo is an error that names the fields and says how to fix it", () => {
    expect(messages(imported({ status: "in-review" }))).toContain(
      "imported.todo: still lists fields the import could not fill (severity, services) — fill each one in, remove it from the list, then set status: in-review",
    );
  });

  test("once published, every placeholder left in a field is an error, even with imported.todo emptied", () => {
    const found = messages(imported({ status: "published" }, []));
    expect(found).toEqual(
      expect.arrayContaining([
        'services.0: still holds the import placeholder "unassigned" — replace it before the postmortem is published',
        `impact.description: still holds the import placeholder "${TO_FILL}" — replace it before the postmortem is published`,
      ]),
    );
  });

  test("the checksum must be a SHA-256 and unknown keys are refused", () => {
    expect(messages(imported({ imported: { source: "x.md", sha256: "abc", todo: [] } }))[0]).toMatch(
      /^imported.sha256: is not a SHA-256/,
    );
    expect(messages(imported({ imported: { source: "x.md", sha256: SHA, todos: [] } }))[0]).toMatch(
      /unknown key "todos" — did you mean "todo"/,
    );
  });
});

describe("catalog references of an imported draft", () => {
  const catalogs: Catalogs = {
    teams: [{ id: "platform", name: "Platform" }],
    services: [{ id: "api", name: "API", owner: "platform", tier: "tier-1" }],
    categories: [],
  };
  const files = { teams: "teams.yaml", services: "services.yaml", taxonomy: "taxonomy.yaml" };
  const check = (data: Record<string, unknown>) =>
    checkPostmortemReferences(
      [{ id: "2024-01-02-disk-full", file: "pm.mdx", data: postmortemSchema.parse(data) }],
      catalogs,
      files,
    ).map((p) => p.path.join("."));

  test("may say unassigned for a team or service while it is an imported draft", () => {
    expect(check(imported())).toEqual([]);
  });

  test("may not say unassigned without the imported block", () => {
    const plain: Record<string, unknown> = imported();
    delete plain["imported"];
    expect(check(plain)).toEqual(["services.0", "teams.0"]);
  });
});

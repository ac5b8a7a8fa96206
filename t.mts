import { validatePostmortemFile } from "./src/lib/validate/validate-content.ts";
import { API_ERRORS_TEXT } from "./tests/support/content-fixture.ts";
const catalogs = { teams: [{id:"platform"},{id:"web"}], services: [{id:"api"}], categories: [] } as any;
const ctx = { today: "2024-06-01", catalogs, catalogFiles: { teams: "content/teams.yaml", services: "content/services.yaml", taxonomy: "content/taxonomy.yaml" } };
const cases: [string,string][] = [
 ["    owner: platform\n    status: open", "    owner: Ada Lovelace\n    status: open"],
 ['started: "2024-03-01T10:00:00Z"', 'started: "2024-03-01T10:00:00"'],
 ['started: "2024-03-01T10:00:00Z"', 'started: 2024-03-01 10:00:00'],
 ['started: "2024-03-01T10:00:00Z"', 'started: "2024-13-01 10:00"'],
 ['completed: "2024-04-10"', 'completed: "2024-09-10"'],
 ['description: Requests failed with *500* errors.', 'description: Requests failed with **500 errors.'],
 ['ticket: https://tracker.example.com/OPS-1', 'ticket: http://localhost:8080/OPS-1'],
 ['timezone: Europe/London', 'timezone: America/Los_Angeles'],
 ['  - at: "2024-03-01T10:40:00Z"\n    kind: mitigation\n    text: Rolled back.', '  - at: "2024-03-01T10:40:00Z"\n    kind: mitigation\n    text: Rolled back.\n  - at: "2024-03-01T10:40:00Z"\n    kind: mitigation\n    text: Rolled back.'],
 ['impact:\n  description', 'impact:\n\tdescription'],
 ['started: "2024-03-01T10:00:00Z"', 'started: "2024-03-31 01:30"'],
 ['started: "2024-03-01T10:00:00Z"\ndetected: "2024-03-01T10:05:00Z"', 'started: "2024-10-27 01:30"\ndetected: "2024-10-27 01:35"'],
];
for (const [a,b] of cases) { const out:any[] = []; validatePostmortemFile(API_ERRORS_TEXT.replace(a,b), "f.mdx", out, undefined, ctx); console.log(out.map(d=>`${d.line}:${d.column} ${d.path} ${d.level??""} ${d.message}`).join("\n")||"(none)"); console.log("--"); }

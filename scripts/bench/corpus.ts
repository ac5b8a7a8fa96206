/**
 * A generated knowledge base for benchmarks: N valid, varied postmortems plus the catalogs they refer
 * to, as file contents keyed by path. Deterministic for a given seed, so measurements can be repeated.
 * The text is assembled from a few hundred technical terms, numbers, host names and versions, so an
 * index built over it has the spread of words a real corpus has, not a handful of repeated ones.
 */
import { stringify } from "yaml";
import { resolveTime } from "../../src/lib/schema/resolve-times.ts";
import { formatOffset, zoneOffsetMinutes } from "../../src/lib/schema/zone-time.ts";

export interface CorpusOptions {
  /** How many postmortems to write. */
  count: number;
  /** Seed for the pseudo-random generator; the same seed gives the same files. */
  seed?: number;
  /** The first incident year; incidents spread from its 1 January up to `until`. */
  firstYear?: number;
  /** The latest possible incident start (YYYY-MM-DD), fixed rather than "today" so output never changes. */
  until?: string;
  /**
   * Real-world paragraphs to mix into bodies (the benchmark passes paragraphs of public postmortems), so the
   * search index sees natural language as well as generated sentences. Braces and angle brackets are removed.
   */
  prose?: readonly string[];
}

/** File contents keyed by path relative to the content folder (`teams.yaml`, `postmortems/<id>.mdx`). */
export type CorpusFiles = Map<string, string>;

/** mulberry32: small, fast and good enough to vary text. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TEAMS = [
  ["platform", "Platform"],
  ["data-platform", "Data Platform"],
  ["payments", "Payments"],
  ["identity", "Identity"],
  ["search", "Search"],
  ["mobile", "Mobile"],
  ["web", "Web"],
  ["sre", "Site Reliability Engineering"],
  ["networking", "Networking"],
  ["storage", "Storage"],
  ["messaging", "Messaging"],
  ["security", "Security"],
  ["support", "Customer Support"],
  ["growth", "Growth"],
] as const;

const SERVICE_NAMES = [
  "Checkout",
  "Cart",
  "Catalog API",
  "Search API",
  "Recommendations",
  "Login",
  "Single sign-on",
  "API gateway",
  "Billing",
  "Invoicing",
  "Payments gateway",
  "Fraud scoring",
  "Notifications",
  "Email delivery",
  "Push delivery",
  "SMS delivery",
  "Webhooks",
  "Public API",
  "Admin console",
  "Reporting",
  "Data warehouse",
  "Event ingestion",
  "Stream processing",
  "Feature flags",
  "Config service",
  "Service mesh",
  "Edge CDN",
  "DNS",
  "Object storage",
  "Block storage",
  "Primary database",
  "Read replicas",
  "Cache cluster",
  "Message queue",
  "Job scheduler",
  "Batch exports",
  "Mobile backend",
  "Web frontend",
  "Image resizing",
  "Audit log",
];

const CATEGORIES = [
  ["software-change", "Software change", "A code deploy, release or dependency upgrade that changed behaviour."],
  ["configuration-change", "Configuration change", "A change to configuration, flags or infrastructure settings."],
  ["capacity", "Capacity", "Load beyond what a component was sized for, hot spots, quotas and missing headroom."],
  ["dependency-failure", "Dependency failure", "An outage of a provider or another internal service we rely on."],
  ["data-schema-change", "Data or schema change", "A migration, backfill or change to the shape of stored data."],
  ["hardware-infrastructure", "Hardware and infrastructure", "Failure of machines, disks, networks, power or a zone."],
  ["security", "Security", "Exposure of credentials or data, unauthorised access, or an attack."],
  ["manual-operation", "Manual operation", "A command or console action run by hand without a safeguard."],
  ["monitoring-gap", "Monitoring gap", "Something we could not see, or saw too late."],
  ["process-gap", "Process or communication gap", "A missing or unclear procedure, handover or message."],
] as const;

const TECH = [
  "PostgreSQL",
  "MySQL",
  "DynamoDB",
  "Cassandra",
  "Redis",
  "Memcached",
  "Kafka",
  "RabbitMQ",
  "SQS",
  "S3",
  "Elasticsearch",
  "OpenSearch",
  "ClickHouse",
  "BigQuery",
  "Kubernetes",
  "etcd",
  "Consul",
  "Vault",
  "Terraform",
  "Ansible",
  "nginx",
  "Envoy",
  "HAProxy",
  "CloudFront",
  "Fastly",
  "Route 53",
  "BGP",
  "TLS",
  "OAuth",
  "SAML",
  "gRPC",
  "GraphQL",
  "the JVM",
  "the Go runtime",
  "Node.js",
  "Python",
  "cron",
  "Airflow",
  "Spark",
  "Flink",
  "Prometheus",
  "Grafana",
  "PagerDuty",
  "Sentry",
  "Istio",
  "ZooKeeper",
  "NFS",
  "EBS",
  "Ceph",
  "MongoDB",
  "CockroachDB",
  "Vitess",
  "PgBouncer",
  "Sidekiq",
  "Celery",
  "Stripe",
  "Twilio",
  "SendGrid",
  "Cloudflare",
  "Helm",
  "Argo CD",
  "Jenkins",
  "GitHub Actions",
  "Let's Encrypt",
  "LDAP",
  "Okta",
  "Lambda",
  "Fargate",
  "ECS",
];

const SYMPTOMS = [
  "503 errors",
  "timeouts",
  "elevated latency",
  "stale data",
  "duplicate emails",
  "failed logins",
  "missing events",
  "slow queries",
  "out-of-memory kills",
  "a full disk",
  "an expired certificate",
  "a connection storm",
  "replication lag",
  "a split brain",
  "a retry storm",
  "a cache stampede",
  "dropped webhooks",
  "double charges",
  "empty search results",
  "garbled exports",
  "a crash loop",
  "throttled API calls",
  "lost sessions",
  "a stuck job queue",
  "partial page loads",
];

const TRIGGERS = [
  "a routine deploy",
  "a configuration push",
  "a schema migration",
  "a library upgrade",
  "a failover",
  "a traffic spike",
  "a provider outage",
  "a certificate rotation",
  "a cleanup script",
  "a zone power loss",
  "a kernel upgrade",
  "a DNS change",
  "a flag rollout",
  "a backfill",
  "a marketing campaign",
  "a credential leak",
  "a node replacement",
  "a load test",
];

const FIXES = [
  "rolled back the deploy",
  "failed over to the replica",
  "raised the connection limit",
  "drained the bad node",
  "purged the CDN cache",
  "restored the table from backup",
  "paused the consumers",
  "disabled the feature flag",
  "rotated the credentials",
  "scaled out the cluster",
  "reverted the configuration",
  "rebuilt the index",
  "moved traffic to another region",
  "throttled the noisy client",
  "restarted the stuck workers",
  "extended the certificate",
];

const REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-northeast-1", "ap-southeast-2", "sa-east-1"];
const ZONES = [
  "UTC",
  "Europe/London",
  "Europe/Berlin",
  "America/New_York",
  "America/Los_Angeles",
  "Asia/Tokyo",
  "Australia/Sydney",
];
const PEOPLE = [
  "Ada Okafor",
  "Ben Müller",
  "Chen Wei",
  "Dana Cohen",
  "Emeka Obi",
  "Fatima Zahra",
  "Gustavo Lima",
  "Hana Sato",
  "Ivan Petrov",
  "Jonas Berg",
  "Kavya Rao",
  "Liam O'Brien",
  "Maya Levi",
  "Nora Lind",
  "Omar Haddad",
  "Priya Nair",
  "Quinn Park",
  "Rosa Díaz",
  "Sven Holm",
  "Tara Singh",
  "Uma Patel",
  "Victor Hugo",
  "Wen Li",
  "Yusuf Demir",
  "Zoe Martin",
];
const SEVERITY_WEIGHTS = [
  ["SEV1", 0.08],
  ["SEV2", 0.27],
  ["SEV3", 0.4],
  ["SEV4", 0.25],
] as const;

const kebab = (text: string) =>
  text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");

/**
 * An instant as an author in `zone` writes it: the local wall-clock time with the zone's offset then
 * ("2016-01-04T20:22:00-08:00", "Z" in UTC), or, with `wallTime`, the local time alone ("2016-01-04 20:22")
 * unless the clocks went back over it and it names two instants.
 */
export function writtenTime(ms: number, zone: string, wallTime: boolean): string {
  const offset = zoneOffsetMinutes(ms, zone);
  const local = new Date(ms + offset * 60_000).toISOString().slice(0, 19);
  if (wallTime) {
    const written = `${local.slice(0, 10)} ${local.slice(11, 16)}`;
    if (Date.parse(resolvedIso(written, zone)) === ms) return written;
  }
  return `${local}${zone === "UTC" ? "Z" : formatOffset(offset)}`;
}

/** The instant a written time names in `zone` (an ambiguous local time names none here). */
function resolvedIso(written: string, zone: string): string {
  const resolved = resolveTime(written, zone);
  return resolved.ok ? resolved.iso : "";
}

/** The catalogs every generated corpus shares. */
function catalogFiles(): [string, string][] {
  const teams = TEAMS.map(([id, name]) => ({ id, name, channel: `#${id}`, description: `Owns ${name.toLowerCase()} systems.` }));
  const services = SERVICE_NAMES.map((name, i) => ({
    id: kebab(name),
    name,
    owner: TEAMS[i % TEAMS.length]![0],
    tier: (["tier-1", "tier-2", "tier-3"] as const)[i % 3]!,
    description: `The ${name.toLowerCase()} service.`,
  }));
  const categories = CATEGORIES.map(([id, name, description]) => ({ id, name, description }));
  return [
    ["teams.yaml", stringify(teams)],
    ["services.yaml", stringify(services)],
    ["taxonomy.yaml", stringify(categories)],
  ];
}

/** Writes one postmortem per call; `next` makes its random choices. */
function postmortemWriter(next: () => number, firstYear: number, until: string, prose: readonly string[]) {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const some = <T>(list: readonly T[], min: number, max: number): T[] => {
    const n = min + Math.floor(next() * (max - min + 1));
    return [...new Set(Array.from({ length: n }, () => pick(list)))];
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const host = () => `${pick(["db", "api", "web", "cache", "queue", "worker", "edge", "search"])}-${int(1, 48)}`;
  const version = () => `v${int(1, 9)}.${int(0, 30)}.${int(0, 12)}`;
  // Starts end 14 hours before `until` in UTC, so that no zone's local start date reaches it.
  const span = Date.parse(`${until}T00:00:00Z`) - 14 * 3_600_000 - Date.UTC(firstYear, 0, 1);
  const used = new Set<string>();

  const sentence = (service: string, tech: string): string =>
    pick([
      () =>
        `At ${int(0, 23)}:${String(int(0, 59)).padStart(2, "0")} UTC ${host()} in ${pick(REGIONS)} started reporting ${pick(SYMPTOMS)} from ${tech}.`,
      () => `The ${service} team saw ${int(2, 95)}% of requests fail with ${pick(SYMPTOMS)} while ${pick(TECH)} kept retrying.`,
      () =>
        `Release ${version()} changed how ${tech} connections were pooled, which nobody had load tested above ${int(2, 40)}k requests per second.`,
      () =>
        `On-call ${pick(PEOPLE)} paged the ${pick(TEAMS)[1]} team after the ${pick(["error-rate", "latency", "saturation", "queue-depth"])} alert fired on ${host()}.`,
      () => `We ${pick(FIXES)}, and ${service} recovered within ${int(3, 90)} minutes.`,
      () =>
        `Dashboards for ${tech} showed ${int(2, 500)} ${pick(["connections", "retries", "evictions", "timeouts", "restarts"])} per second, against a normal ${int(1, 20)}.`,
      () =>
        `The runbook for ${service} still assumed ${pick(TECH)}, which had been replaced by ${tech} ${int(2, 30)} months before.`,
      () => `Ticket OPS-${int(1000, 9999)} had warned about ${pick(SYMPTOMS)} in ${tech} ${int(2, 14)} months earlier.`,
      () => `Customers in ${pick(REGIONS)} noticed first: support received ${int(3, 400)} reports about ${pick(SYMPTOMS)}.`,
      () =>
        `A ${pick(["cron job", "cleanup script", "migration", "backfill", "health check", "autoscaler"])} running as ${pick(["root", "a service account", "an admin"])} touched ${int(2, 900)} ${pick(["tables", "keys", "buckets", "pods", "records", "partitions"])}.`,
      () =>
        `Nothing in ${tech} was wrong on its own; the failure came from ${pick(TRIGGERS)} meeting ${pick(SYMPTOMS)} in ${pick(TECH)}.`,
      () => `We confirmed the fix by replaying ${int(1, 90)} minutes of traffic from ${host()} against ${version()}.`,
    ])();

  const paragraph = (service: string, tech: string) => Array.from({ length: int(3, 6) }, () => sentence(service, tech)).join(" ");

  /** 6 to 26 events between detection and resolution, in order, for a timeline of 10 to 30. */
  const middleEvents = (detectAfter: number, mitigateAfter: number, resolveAfter: number) =>
    Array.from({ length: int(6, 26) }, () => ({
      minute: detectAfter + Math.floor(next() * (resolveAfter - detectAfter)),
      kind: pick(["escalation", "diagnosis", "diagnosis", "communication", "recovery", "other"] as const),
    }))
      .map((e) => (e.kind === "recovery" && e.minute < mitigateAfter ? { ...e, kind: "diagnosis" as const } : e))
      .sort((a, b) => a.minute - b.minute);

  /** A table of measurements, as postmortems often have. */
  const table = (tech: string) =>
    [
      "| Measurement | Normal | During the incident |",
      "| --- | ---: | ---: |",
      ...Array.from({ length: int(3, 6) }, () => {
        const what = pick(["p99 latency (ms)", "error rate (%)", "queue depth", "connections", "CPU (%)", "replication lag (s)"]);
        return `| ${tech} ${what} | ${int(1, 50)} | ${int(60, 9000)} |`;
      }),
    ].join("\n");

  /** A body of 1,000 to 2,000 words in sections, with a table, a list and, when given, real-world prose. */
  const bodyText = (service: string, tech: string) => {
    const target = int(1000, 2000);
    const sections = ["What happened", "How we found it", "Why it happened", "How we recovered", "What we are changing"];
    const parts: string[] = [];
    let words = 0;
    const add = (text: string) => {
      parts.push(text);
      words += text.split(/\s+/).length;
    };
    sections.forEach((heading, i) => {
      add(`## ${heading}`);
      if (i === 1) add(table(tech));
      if (i === sections.length - 1) add(Array.from({ length: int(3, 6) }, () => `- ${sentence(service, tech)}`).join("\n"));
      while (words < (target * (i + 1)) / sections.length) {
        add(prose.length > 0 && next() < 0.4 ? pick(prose) : paragraph(service, tech));
      }
    });
    return parts.join("\n\n");
  };

  return (): [string, string] => {
    const zone = pick(ZONES);
    // Authors in a zone write its wall-clock times: most with the zone's offset, some as local times read in
    // the zone (an ambiguous one, in the hour the clocks go back, with its offset as the validator asks).
    const wallTimes = next() < 0.3;
    const startMs = Date.UTC(firstYear, 0, 1) + Math.floor(next() * span);
    const started = startMs - (startMs % 60_000);
    const at = (minutes: number) => writtenTime(started + minutes * 60_000, zone, wallTimes);
    const startedIso = at(0);
    const detectAfter = int(1, 120);
    const mitigateAfter = detectAfter + int(5, 240);
    const resolveAfter = mitigateAfter + int(5, 720);

    const services = some(SERVICE_NAMES, 1, 3);
    const service = services[0]!;
    const tech = pick(TECH);
    const symptom = pick(SYMPTOMS);
    const trigger = pick(TRIGGERS);
    const title = `${symptom[0]!.toUpperCase()}${symptom.slice(1)} in ${service} after ${trigger}`.replace(
      /\b(a|an) (a|an) /,
      "$2 ",
    );
    const day = startedIso.slice(0, 10);
    let id = `${day}-${kebab(`${service} ${symptom}`).split("-").slice(0, 7).join("-")}`;
    for (let n = 2; used.has(id); n++) id = `${day}-${kebab(`${service} ${symptom}`).split("-").slice(0, 6).join("-")}-${n}`;
    used.add(id);

    let roll = next();
    const severity = SEVERITY_WEIGHTS.find(([, weight]) => (roll -= weight) < 0)?.[0] ?? "SEV4";
    const teams = some(
      TEAMS.map(([teamId]) => teamId),
      1,
      3,
    );
    const categories = some(
      CATEGORIES.map(([categoryId]) => categoryId),
      1,
      3,
    );
    const dueBase = started + resolveAfter * 60_000;
    const actionItems = Array.from({ length: int(3, 10) }, (_, i) => {
      const due = new Date(dueBase + int(7, 120) * 86_400_000).toISOString().slice(0, 10);
      const status = pick(["done", "done", "done", "open", "in-progress", "blocked", "wont-do"] as const);
      return {
        id: `A${i + 1}`,
        title: `${pick(["Alert on", "Add a runbook for", "Load test", "Rate limit", "Add a safeguard to", "Automate", "Document"])} ${pick(TECH)} ${pick(["connections", "failover", "migrations", "deploys", "credentials", "backups", "quotas"])}`,
        type: pick(["prevent", "mitigate", "detect", "process"] as const),
        priority: pick(["P0", "P1", "P2", "P3"] as const),
        owner: pick(teams),
        status,
        due,
        // Done on its due date, or by the corpus's last day when that is earlier: never a completion in the future.
        ...(status === "done" ? { completed: due < until ? due : until } : {}),
        ...(status === "wont-do" ? { reason: `Superseded by the move away from ${pick(TECH)}.` } : {}),
        ...(next() < 0.6 ? { ticket: `https://tracker.example.com/OPS-${int(1000, 9999)}` } : {}),
      };
    });
    const dataLoss = next() < 0.08 ? "recovered" : "none";

    const frontmatter = {
      title,
      summary:
        `${symptom[0]!.toUpperCase()}${symptom.slice(1)} hit ${services.join(", ")} for ${resolveAfter} minutes after ${trigger} involving ${tech}. ${paragraph(service, tech).split(". ")[0]}.`.slice(
          0,
          390,
        ),
      severity,
      status: next() < 0.9 ? "published" : "in-review",
      authors: some(PEOPLE, 1, 2),
      reviewers: some(PEOPLE, 0, 2),
      tags: [...new Set([kebab(tech), kebab(symptom.replace(/^(a|an) /, "")), kebab(trigger.replace(/^(a|an) /, ""))])].filter(
        (t) => t !== "",
      ),
      services: services.map(kebab),
      teams,
      timezone: zone,
      started: startedIso,
      detected: at(detectAfter),
      mitigated: at(mitigateAfter),
      resolved: at(resolveAfter),
      impact: {
        description: `Users of ${services.join(" and ")} saw ${symptom}.`,
        customerFacing: next() < 0.7,
        ...(next() < 0.5 ? { customersAffected: int(1, 5000) } : {}),
        dataLoss,
        ...(dataLoss === "recovered"
          ? { dataLossNote: `Records written during the incident were replayed from ${pick(TECH)}.` }
          : {}),
      },
      detection: {
        method: pick(["alert", "customer-report", "employee", "automated-test", "other"] as const),
        note: sentence(service, tech),
      },
      timeline: [
        { at: startedIso, kind: "trigger", text: `${trigger[0]!.toUpperCase()}${trigger.slice(1)} reaches ${service}.` },
        { at: at(detectAfter), kind: "detection", text: sentence(service, tech) },
        ...middleEvents(detectAfter, mitigateAfter, resolveAfter).map((e) => ({
          at: at(e.minute),
          kind: e.kind,
          text: sentence(service, tech),
        })),
        { at: at(mitigateAfter), kind: "mitigation", text: `We ${pick(FIXES)}.` },
        { at: at(resolveAfter), kind: "resolution", text: `${service} is fully recovered.` },
      ].sort((a, b) => Date.parse(resolvedIso(a.at, zone)) - Date.parse(resolvedIso(b.at, zone))),
      causes: [
        { kind: "trigger", category: categories[0]!, text: `${trigger[0]!.toUpperCase()}${trigger.slice(1)}.` },
        ...categories.map((category, i) => ({
          kind: i === 0 ? "root" : "contributing",
          category,
          text: sentence(service, tech),
        })),
      ],
      lessons: {
        wentWell: Array.from({ length: int(1, 3) }, () => sentence(service, tech)),
        wentWrong: Array.from({ length: int(1, 3) }, () => sentence(service, tech)),
        gotLucky: Array.from({ length: int(0, 2) }, () => sentence(service, tech)),
      },
      actionItems,
    };

    const body = bodyText(service, tech);
    // Quoted strings keep timestamps strings in every YAML dialect.
    return [
      `postmortems/${id}.mdx`,
      `---\n${stringify(frontmatter, { lineWidth: 0, defaultStringType: "QUOTE_DOUBLE", defaultKeyType: "PLAIN" })}---\n\n${body}\n`,
    ];
  };
}

/** Generates the catalogs and `count` postmortems. */
export function generateCorpus(options: CorpusOptions): CorpusFiles {
  const { count, seed = 1, firstYear = 2012, until = "2026-10-31", prose = [] } = options;
  if (!Number.isInteger(count) || count < 0)
    throw new Error(`count must be a whole number of postmortems, got ${count} — pass --count 1000`);
  const files: CorpusFiles = new Map(catalogFiles());
  const write = postmortemWriter(
    random(seed),
    firstYear,
    until,
    prose.map((p) => p.replace(/[{}<>]/g, "")),
  );
  for (let i = 0; i < count; i++) {
    const [path, text] = write();
    files.set(path, text);
  }
  return files;
}

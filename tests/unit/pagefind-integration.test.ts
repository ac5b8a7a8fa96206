import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const pagefind = vi.hoisted(() => ({
  createIndex: vi.fn(),
  close: vi.fn(),
  index: { addDirectory: vi.fn(), writeFiles: vi.fn() },
}));
vi.mock("pagefind", () => ({ createIndex: pagefind.createIndex, close: pagefind.close }));

const { buildSearchIndex, default: pagefindIntegration } = await import("../../src/integrations/pagefind.ts");

let site: string;

/** Makes the mocked pagefind "write" an index of `pageCount` pages into the site folder. */
function writesIndexOf(pageCount: number) {
  pagefind.index.writeFiles.mockImplementation(({ outputPath }: { outputPath: string }) => {
    mkdirSync(outputPath, { recursive: true });
    writeFileSync(
      join(outputPath, "pagefind-entry.json"),
      JSON.stringify({ version: "1.6.0", languages: { en: { hash: "en_1", wasm: "en", page_count: pageCount } } }),
    );
    return Promise.resolve({ errors: [], outputPath });
  });
}

beforeEach(() => {
  site = mkdtempSync(join(tmpdir(), "hindsight-pagefind-"));
  vi.resetAllMocks();
  pagefind.createIndex.mockResolvedValue({ errors: [], index: pagefind.index });
  pagefind.close.mockResolvedValue(null);
  pagefind.index.addDirectory.mockResolvedValue({ errors: [], page_count: 12 });
  writesIndexOf(3);
});

afterEach(() => {
  rmSync(site, { recursive: true, force: true });
});

describe("buildSearchIndex", () => {
  it("indexes the build output, writes the index into its pagefind folder and closes pagefind", async () => {
    const result = await buildSearchIndex(site, 3);
    expect(result).toEqual({ pages: 3, outputPath: join(site, "pagefind") });
    expect(pagefind.createIndex).toHaveBeenCalledWith({
      excludeSelectors: [".pm-header .eyebrow", ".pm-meta .chips", ".overview", ".key-times", ".timeline-chart"],
    });
    expect(pagefind.index.addDirectory).toHaveBeenCalledWith({ path: site, glob: "postmortems/*/index.html" });
    expect(pagefind.index.writeFiles).toHaveBeenCalledWith({ outputPath: join(site, "pagefind") });
    expect(pagefind.close).toHaveBeenCalledOnce();
  });

  it("fails when pagefind cannot start, quoting its errors, and still closes it", async () => {
    pagefind.createIndex.mockResolvedValue({ errors: ["binary not found"] });
    await expect(buildSearchIndex(site, 3)).rejects.toThrow(/pagefind failed while starting:\n {2}binary not found/);
    expect(pagefind.index.addDirectory).not.toHaveBeenCalled();
    expect(pagefind.close).toHaveBeenCalledOnce();
  });

  it("fails when pagefind returns neither an index nor an error, and says how to recover", async () => {
    pagefind.createIndex.mockResolvedValue({ errors: [] });
    await expect(buildSearchIndex(site, 3)).rejects.toThrow(/returned no index and no error\. Reinstall dependencies/);
    expect(pagefind.close).toHaveBeenCalledOnce();
  });

  it("fails when indexing reports errors, and writes nothing", async () => {
    pagefind.index.addDirectory.mockResolvedValue({
      errors: ["could not parse a.html", "could not parse b.html"],
      page_count: 0,
    });
    await expect(buildSearchIndex(site, 3)).rejects.toThrow(
      `pagefind failed while indexing ${site}:\n  could not parse a.html\n  could not parse b.html`,
    );
    expect(pagefind.index.writeFiles).not.toHaveBeenCalled();
    expect(pagefind.close).toHaveBeenCalledOnce();
  });

  it("fails when writing the index reports errors", async () => {
    pagefind.index.writeFiles.mockResolvedValue({ errors: ["disk full"], outputPath: join(site, "pagefind") });
    await expect(buildSearchIndex(site, 3)).rejects.toThrow("pagefind failed while writing the index:\n  disk full");
    expect(pagefind.close).toHaveBeenCalledOnce();
  });

  it("fails with both numbers when fewer pages were indexed than postmortems are published", async () => {
    writesIndexOf(2);
    await expect(buildSearchIndex(site, 3)).rejects.toThrow(
      "Search index: 2 pages were indexed but 3 postmortems are published. Every postmortem page must render its content inside one element with data-pagefind-body",
    );
    expect(pagefind.close).toHaveBeenCalledOnce();
  });

  it("fails when more pages were indexed than postmortems are published", async () => {
    writesIndexOf(4);
    await expect(buildSearchIndex(site, 3)).rejects.toThrow("4 pages were indexed but 3 postmortems are published");
  });

  it("counts indexed pages across every language pagefind wrote", async () => {
    pagefind.index.writeFiles.mockImplementation(({ outputPath }: { outputPath: string }) => {
      mkdirSync(outputPath, { recursive: true });
      writeFileSync(
        join(outputPath, "pagefind-entry.json"),
        JSON.stringify({ languages: { en: { page_count: 2 }, de: { page_count: 1 } } }),
      );
      return Promise.resolve({ errors: [], outputPath });
    });
    await expect(buildSearchIndex(site, 3)).resolves.toMatchObject({ pages: 3 });
  });

  it("closes pagefind even when a call throws instead of reporting an error", async () => {
    pagefind.index.addDirectory.mockRejectedValue(new Error("service crashed"));
    await expect(buildSearchIndex(site, 3)).rejects.toThrow("service crashed");
    expect(pagefind.close).toHaveBeenCalledOnce();
  });
});

describe("pagefindIntegration", () => {
  const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn(), debug: vi.fn(), options: {}, label: "test", fork: vi.fn() };

  it("indexes the output folder when the build is done and logs how many postmortems it indexed", async () => {
    const integration = pagefindIntegration({ expectedPages: () => 3 });
    const hooks = integration.hooks as Record<string, (options: unknown) => Promise<void> | void>;
    await hooks["astro:build:start"]?.({ logger });
    await hooks["astro:build:done"]?.({ dir: pathToFileURL(`${site}/`), pages: [], assets: new Map(), logger });
    expect(pagefind.index.addDirectory).toHaveBeenCalledWith({ path: `${site}/`, glob: "postmortems/*/index.html" });
    expect(logger.info).toHaveBeenCalledWith(expect.stringMatching(/^Indexed 3 postmortems for search in \d+ ms\.$/));
  });

  it("fails the build when the count taken at the start of the build does not match the index", async () => {
    const integration = pagefindIntegration({ expectedPages: () => 5 });
    const hooks = integration.hooks as Record<string, (options: unknown) => Promise<void> | void>;
    await hooks["astro:build:start"]?.({ logger });
    await expect(
      hooks["astro:build:done"]?.({ dir: pathToFileURL(`${site}/`), pages: [], assets: new Map(), logger }),
    ).rejects.toThrow("3 pages were indexed but 5 postmortems are published");
    expect(pagefind.close).toHaveBeenCalledOnce();
  });
});

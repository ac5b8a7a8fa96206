/** Zod issues turned into diagnostics located in the YAML they concern. */
import type { z } from "zod";
import { formatPath } from "../integrity/problem.ts";
import { contextualMessage, type MessageContext } from "./contextual-messages.ts";
import type { Diagnostic } from "./diagnostic.ts";
import { issueMessage } from "./error-map.ts";
import type { YamlSource } from "./yaml-source.ts";

/** Converts zod issues to located diagnostics. */
export function issueDiagnostics(
  issues: readonly z.core.$ZodIssue[],
  data: unknown,
  source: YamlSource,
  file: string,
  context: MessageContext = {},
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      const messages = issue.message.split("\n");
      issue.keys.forEach((key, i) => {
        const path = [...issue.path, key];
        out.push({ file, ...source.locate(path, "key"), path: formatPath(path), message: messages[i] ?? issue.message });
      });
      continue;
    }
    const message = contextualMessage(issue, data, context) ?? issueMessage(issue, data);
    out.push({ file, ...source.locate(issue.path), path: formatPath(issue.path), message });
  }
  return out;
}

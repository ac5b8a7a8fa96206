/**
 * Things that look like credentials pasted from logs. A postmortem is read by the whole company and
 * lives in git history forever, so a real key in it must be removed and rotated.
 */

interface SecretPattern {
  kind: string;
  pattern: RegExp;
  /** A substring every match contains: texts without it skip the (slower) pattern. */
  hint?: string;
}

const SECRET_PATTERNS: readonly SecretPattern[] = [
  { kind: "AWS access key id", pattern: /\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b/g },
  { kind: "AWS secret access key", pattern: /aws_?secret_?access_?key["']?\s*[:=]\s*["']?[A-Za-z0-9/+=]{40}/gi },
  { kind: "private key block", hint: "PRIVATE KEY", pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/g },
  { kind: "Slack token", hint: "xox", pattern: /\bxox[abposre]-[0-9A-Za-z-]{10,}/g },
  {
    kind: "Slack webhook URL",
    hint: "hooks.slack.com",
    pattern: /https:\/\/hooks\.slack\.com\/services\/T[0-9A-Z]+\/B[0-9A-Z]+\/[0-9A-Za-z]+/g,
  },
  { kind: "bearer token", pattern: /\b[Bb]earer\s+[A-Za-z0-9\-._~+/]{20,}=*/g },
  { kind: "GitHub token", hint: "_", pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})/g },
  { kind: "Google API key", hint: "AIza", pattern: /\bAIza[0-9A-Za-z\-_]{35}\b/g },
  { kind: "Stripe live key", hint: "_live_", pattern: /\b(?:sk|rk)_live_[0-9a-zA-Z]{24,}/g },
  { kind: "JSON Web Token", hint: "eyJ", pattern: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/g },
  { kind: "password in a URL", hint: "@", pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:@/<>()]+:[^\s@/<>()]+@[^\s]/g },
];

/** Documentation placeholders (AWS's own examples end in EXAMPLE) are not secrets. */
const PLACEHOLDER = /EXAMPLE|example|x{8,}|X{8,}|\*{4,}|…|\.\.\./;

export interface SecretMatch {
  kind: string;
  offset: number;
  /** The first characters only: the output must not repeat the secret into CI logs. */
  preview: string;
}

/** Every likely secret in a text, by offset. */
export function findSecrets(text: string): SecretMatch[] {
  const found: SecretMatch[] = [];
  for (const { kind, pattern, hint } of SECRET_PATTERNS) {
    if (hint !== undefined && !text.includes(hint)) continue;
    for (const match of text.matchAll(pattern)) {
      if (PLACEHOLDER.test(match[0])) continue;
      found.push({ kind, offset: match.index, preview: `${match[0].slice(0, kind === "private key block" ? 31 : 6)}…` });
    }
  }
  return found;
}

export function secretMessage(secret: SecretMatch): string {
  return `looks like a ${secret.kind} (${secret.preview}) pasted from logs — remove it and rotate it if it is real; write a placeholder such as "AKIA…EXAMPLE" or "<redacted>" instead`;
}

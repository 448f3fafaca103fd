export interface PolicyMatcher {
  name: string;
  /** Empty = any category. */
  categories: readonly string[];
  /** Empty = any severity. */
  severities: readonly string[];
}

export interface ComplaintToRoute {
  policy?: string | null;
  category: string;
  severity: string;
}

export const DEFAULT_POLICY = 'default';

/** The complaint names a policy that does not exist: a 400 for the API, not a silent fallback. */
export class UnknownPolicyError extends Error {
  override readonly name = 'UnknownPolicyError';
  constructor(readonly policy: string) {
    super(`unknown escalation policy ${JSON.stringify(policy)}`);
  }
}

const normalise = (text: string) => text.trim().toLowerCase();

/**
 * How narrowly a policy targets: both lists set (2+1) beats category only (2), beats severity only (1),
 * beats a catch-all (0). Category weighs more than severity because it names the topic, and the
 * team owning a topic usually owns all of its severities.
 */
function specificity(policy: PolicyMatcher): number {
  return (policy.categories.length > 0 ? 2 : 0) + (policy.severities.length > 0 ? 1 : 0);
}

function matches(policy: PolicyMatcher, category: string, severity: string): boolean {
  const categoryOk = policy.categories.length === 0 || policy.categories.some((c) => normalise(c) === category);
  const severityOk = policy.severities.length === 0 || policy.severities.some((s) => normalise(s) === severity);
  return categoryOk && severityOk;
}

/**
 * The name of the policy that governs a complaint.
 * 1. A named policy wins; a name not in `policies` throws UnknownPolicyError (except `default`, which
 *    always exists: it is created on first use, like the `default` queue).
 * 2. Otherwise the most specific matching policy (see `specificity`); among equally specific ones,
 *    the first in `policies` (the caller passes them in a stable order, e.g. by creation).
 *    Categories and severities compare trimmed and case-insensitively.
 * 3. Otherwise `default`. The policy named `default` never takes part in matching, whatever its
 *    lists say: it is only the fallback, so a catch-all policy of another name wins over it.
 */
export function choosePolicy(complaint: ComplaintToRoute, policies: readonly PolicyMatcher[]): string {
  if (complaint.policy != null && complaint.policy !== '') {
    if (complaint.policy === DEFAULT_POLICY || policies.some((p) => p.name === complaint.policy)) return complaint.policy;
    throw new UnknownPolicyError(complaint.policy);
  }
  const category = normalise(complaint.category);
  const severity = normalise(complaint.severity);
  let best: PolicyMatcher | undefined;
  for (const policy of policies) {
    if (policy.name === DEFAULT_POLICY || !matches(policy, category, severity)) continue;
    if (best === undefined || specificity(policy) > specificity(best)) best = policy;
  }
  return best?.name ?? DEFAULT_POLICY;
}

import { rateLimitPolicies } from "@/lib/security/rate-limit-policies";
import { rateLimitKey, secondsUntilAdmitted } from "@/lib/security/rate-limit";

describe("rate-limit policies", () => {
  test("every policy has its own counter name and a positive limit and window", () => {
    const policies = Object.values(rateLimitPolicies);
    expect(new Set(policies.map((policy) => policy.name)).size).toBe(policies.length);
    for (const policy of policies) {
      expect(policy.limit).toBeGreaterThan(0);
      expect(policy.windowSeconds).toBeGreaterThanOrEqual(60);
    }
  });

  test("keys hash the subject (no emails or IPs in the table), case- and space-insensitively", () => {
    const key = rateLimitKey(rateLimitPolicies.signInPerAccount, "Mario.Rossi@Example.org ");
    expect(key).toBe(rateLimitKey(rateLimitPolicies.signInPerAccount, "mario.rossi@example.org"));
    expect(key).toMatch(/^sign-in:account:[A-Za-z0-9_-]{32}$/);
    expect(key).not.toContain("rossi");
    expect(rateLimitKey(rateLimitPolicies.signInLinkPerEmail, "mario.rossi@example.org")).not.toBe(key);
  });
});

describe("secondsUntilAdmitted", () => {
  const window = { limit: 10, windowSeconds: 600 };
  test("over the limit in this window: the rest of it, plus the time the count takes to decay in the next", () => {
    // 10 of 10 used, half the window gone: 300 s to the next window, then 10·(1−g)+1 ≤ 10 ⇒ g ≥ 0.1 ⇒ 60 s more.
    expect(secondsUntilAdmitted({ ...window, previous: 0, current: 10, elapsed: 0.5 })).toBe(360);
  });
  test("held back by the previous window: until its weight has decayed enough", () => {
    // 10·(1−f) + 4 + 1 ≤ 10 ⇒ f ≥ 0.5; now at 0.2 ⇒ 0.3 of 600 s.
    expect(secondsUntilAdmitted({ ...window, previous: 10, current: 4, elapsed: 0.2 })).toBe(180);
  });
  test("never less than one second", () => {
    expect(secondsUntilAdmitted({ ...window, previous: 10, current: 4, elapsed: 0.5 })).toBe(1);
  });
});

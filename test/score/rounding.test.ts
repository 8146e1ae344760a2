// Rounding as decimal arithmetic does it: a control's current is max × healthy / (healthy +
// unhealthy) rounded to 2 decimals, and on an exact tie (3 × 29/40 = 2.175) every decimal rule
// (half up, half even) gives 2.18. Binary floating point stores 2.175 as 2.17499999…, so a naive
// Math.round(x × 100) / 100 reports 2.17: one cent of score lost on that control.
import { describe, expect, it } from "vitest";
import { controlScore, round } from "../../engine/score/index.js";

/** a / b rounded half away from zero to `digits` decimals, in exact integer arithmetic. */
function exact(a: number, b: number, digits: number): number {
  const f = 10n ** BigInt(digits);
  const q = (BigInt(a) * f * 2n + BigInt(b)) / (2n * BigInt(b));
  return Number(q) / Number(f);
}

describe("rounding", () => {
  it("an exact tie at the third decimal rounds up: 3 × 29/40 = 2.175 → 2.18", () => {
    expect(controlScore(3, { healthy: 29, unhealthy: 11, notApplicable: 0 })).toMatchObject({ current: 2.18, max: 3, percentage: 0.7267 });
  });

  it("every control current for max 1-10 and up to 120 resources equals the exact decimal rounding", () => {
    const wrong: string[] = [];
    for (let max = 1; max <= 10; max++) {
      for (let total = 1; total <= 120; total++) {
        for (let healthy = 0; healthy <= total; healthy++) {
          const got = controlScore(max, { healthy, unhealthy: total - healthy, notApplicable: 0 }).current;
          const want = exact(max * healthy, total, 2);
          if (got !== want) wrong.push(`${max} × ${healthy}/${total}: ${got}, want ${want}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it("0.8325 stays 0.8325 (Azure's example); negatives round half away from zero; never -0", () => {
    expect(round(3.33 / 4, 4)).toBe(0.8325);
    expect(round(-2.175, 2)).toBe(-2.18);
    expect(Object.is(round(-0.001, 2), 0)).toBe(true);
    expect(round(0.1 + 0.2, 2)).toBe(0.3);
  });
});

// The secure score formula of DESIGN.md section 1, as Azure computes it.
//
// For a control: current = max × healthy / (healthy + unhealthy), counted over resources; not
// applicable resources are in neither count; a control with no healthy or unhealthy resource
// counts with max 0 (Azure's DDoS control in the REST example: maxScore 2, score.max 0).
// Azure reports current with 2 decimals and the percentage from that rounded current with 4
// (the REST example's "Encrypt data in transit": 4 × 5/6 → current 3.33, percentage 0.8325);
// we do the same, so our figures match the portal's.

export interface ControlCounts {
  healthy: number;
  unhealthy: number;
  notApplicable: number;
}

export interface ControlScore extends ControlCounts {
  current: number;
  max: number;
  percentage: number;
}

export interface ScoreSummary {
  current: number;
  max: number;
  percentage: number;
}

/**
 * Round half away from zero to `digits` decimals, as decimal arithmetic would. x × 10^digits carries
 * binary noise (2.175 × 100 = 217.49999999999997, 0.8325 × 10000 = 8324.999999999999): it is cut
 * at 15 significant digits, below any figure a score has, before rounding. (Adding Number.EPSILON
 * instead only helps below 1: 3 × 29/40 = 2.175 became 2.17.)
 */
export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  const scaled = Number((x * f).toPrecision(15));
  const whole = Math.sign(scaled) * Math.round(Math.abs(scaled));
  return whole === 0 ? 0 : whole / f;
}

export function controlScore(maxScore: number, counts: ControlCounts): ControlScore {
  const denominator = counts.healthy + counts.unhealthy;
  if (denominator === 0) return { ...counts, current: 0, max: 0, percentage: 0 };
  const current = round((maxScore * counts.healthy) / denominator, 2);
  return { ...counts, current, max: maxScore, percentage: maxScore === 0 ? 0 : round(current / maxScore, 4) };
}

/** Overall: Σ current / Σ max over the controls, rounded to 4 digits; 0 when Σ max is 0. */
export function overallScore(controls: readonly ScoreSummary[]): ScoreSummary {
  let current = 0;
  let max = 0;
  for (const c of controls) {
    current += c.current;
    max += c.max;
  }
  return { current: round(current, 2), max, percentage: max === 0 ? 0 : round(current / max, 4) };
}

/** DASH-style levels, from least to most serious. */
export const RISK_LEVELS = ['standard', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/**
 * Risk factors the structured assessment checks, named after what the practitioner observed. Our
 * own list (see docs/adr/0009-assessments.md), not a licensed checklist; codes are stable.
 */
export const RISK_FACTORS = [
  'physical-violence',
  'non-fatal-strangulation',
  'threats-to-kill',
  'weapon-access',
  'coercive-control',
  'stalking',
  'protective-order-breach',
  'escalation',
  'recent-separation',
  'substance-misuse',
  'child-witnessed-violence',
  'child-fear-of-parent',
  'parent-denies-violence',
] as const;
export type RiskFactor = (typeof RISK_FACTORS)[number];

export const REASSESSMENT_TRIGGERS = ['incident', 'mandate-change'] as const;
export type ReassessmentTrigger = (typeof REASSESSMENT_TRIGGERS)[number];

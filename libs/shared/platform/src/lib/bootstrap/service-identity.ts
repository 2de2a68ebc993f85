/** The four services of Lien; the names appear in CloudEvents sources, metrics and logs. */
export const SERVICE_NAMES = ['referrals', 'sessions', 'assessments', 'reporting'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

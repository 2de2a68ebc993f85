import { isErasedValue, Personal } from '@lien/assessments-domain';

/** The words of the report to the mandant; codes stay English in events and APIs. */
export const FR = {
  mandant: { FAMILY_COURT: 'Tribunal de la famille', SPJ: 'Service de la protection de la jeunesse (SPJ)', SAJ: "Service de l'aide à la jeunesse (SAJ)" } as Record<string, string>,
  legalBasis: { CONSTRAINED: 'Aide contrainte', CONSENT_BASED: 'Aide consentie' } as Record<string, string>,
  reportKind: { interim: 'Rapport intermédiaire', final: 'Rapport final' } as Record<string, string>,
  dimension: { psychological: 'Bien-être psychologique', physical: 'Bien-être physique', emotional: 'Bien-être émotionnel' } as Record<string, string>,
  wellbeingLevel: { critical: 'critique', fragile: 'fragile', stable: 'stable', good: 'bon' } as Record<string, string>,
  riskLevel: { standard: 'standard', medium: 'moyen', high: 'élevé' } as Record<string, string>,
  riskFactor: {
    'physical-violence': 'violences physiques',
    'non-fatal-strangulation': 'strangulation non mortelle',
    'threats-to-kill': 'menaces de mort',
    'weapon-access': 'accès à une arme',
    'coercive-control': 'contrôle coercitif',
    stalking: 'harcèlement',
    'protective-order-breach': "non-respect d'une mesure de protection",
    escalation: 'escalade',
    'recent-separation': 'séparation récente',
    'substance-misuse': "consommation d'alcool ou de drogues",
    'child-witnessed-violence': "enfant témoin de violences",
    'child-fear-of-parent': "peur de l'enfant envers le parent",
    'parent-denies-violence': 'déni des violences par le parent',
  } as Record<string, string>,
  sessionType: { 'child-interview': "Entretien avec l'enfant", 'parent-interview': 'Entretien avec un parent', 'supervised-meeting': 'Rencontre encadrée', 'network-meeting': 'Réunion de réseau' } as Record<string, string>,
  sessionOutcome: { held: 'tenue', cancelled: 'annulée', 'no-show': 'absence' } as Record<string, string>,
  attribution: { parent: 'un parent', child: "l'enfant", service: 'le service', 'force-majeure': 'force majeure' } as Record<string, string>,
  severity: { minor: 'mineur', moderate: 'modéré', serious: 'grave' } as Record<string, string>,
  bondOutcome: { continue: 'Poursuivre le lien', adapt: 'Adapter les modalités', suspend: 'Suspendre les rencontres', end: 'Mettre fin aux rencontres' } as Record<string, string>,
  role: { practitioner: 'intervenant·e', coordinator: 'responsable de service' } as Record<string, string>,
  trigger: { incident: 'incident', 'mandate-change': 'modification du mandat' } as Record<string, string>,
};

/** A code the table does not know is printed as it is rather than dropped. */
export function label(table: Record<string, string>, code: string | null | undefined): string {
  if (code === null || code === undefined) return '—';
  return table[code] ?? code;
}

/** `2026-04-02` or an ISO instant → `02/04/2026`, the instant read in Brussels. */
export function frenchDate(value: string): string {
  const date = value.length === 10 ? value : new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date(value));
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

export const ERASED_TEXT = '[donnée effacée]';

export function personalText(value: Personal<string> | null): string {
  if (value === null) return '—';
  return isErasedValue(value) ? ERASED_TEXT : value;
}

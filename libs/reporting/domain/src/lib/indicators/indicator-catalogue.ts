/**
 * The indicators, their categories and their French labels. Each indicator is its own table with its
 * own totals: no two tables share a margin, so one table's published total can never be subtracted
 * from another's to reveal a cell (see docs/adr/0010-disclosure-control.md).
 */
export type IndicatorKind =
  /** Events counted in the period they happened in. */
  | 'count'
  /** A state counted on the last day of the period. */
  | 'snapshot'
  /** Durations in days of the things counted: n, median and p90. */
  | 'duration';

export interface Category {
  readonly code: string;
  readonly label: string;
}

export interface IndicatorDefinition {
  readonly id: string;
  readonly kind: IndicatorKind;
  readonly title: string;
  readonly description: string;
  readonly categories: readonly Category[];
  /** The category whose share of the total is shown (e.g. improved cases), if any. */
  readonly shareOf?: { readonly category: string; readonly label: string };
  /** Whether the district's configured capacity is shown beside it. */
  readonly againstCapacity?: boolean;
  /**
   * A duration whose n is a count another table already publishes (its category, or its row total):
   * that cell is shown as n, suppressed or not, so the two tables can never disagree about it.
   */
  readonly countedIn?: { readonly indicator: string; readonly category?: string };
  /**
   * For a snapshot: the published flows that move it from one period's end to the next. With `exact`,
   * stock(end) = stock(start) + inflows − outflows holds with nothing unpublished in it, so a published
   * stock beside its flows and the previous stock gives a hidden flow away (docs/adr/0010-disclosure-control.md, "Stocks and flows").
   */
  readonly stockOf?: StockIdentity;
}

/** One cell of another table: a category, or the row total when none is named. */
export interface CellLink {
  readonly indicator: string;
  readonly category?: string;
}

export interface StockIdentity {
  readonly inflows: readonly CellLink[];
  readonly outflows: readonly CellLink[];
  /** False when an unpublished flow also moves the stock (leaving the waiting list is not published). */
  readonly exact: boolean;
}

const c = (code: string, label: string): Category => ({ code, label });
const ONE = (label: string) => [c('n', label)];

export const MANDANT_TYPES = ['FAMILY_COURT', 'SPJ', 'SAJ'] as const;
export const DECLINE_REASONS = ['OUT_OF_SCOPE', 'NO_VIOLENCE_CONTEXT', 'OTHER_SERVICE_BETTER_PLACED', 'INCOMPLETE_MANDATE'] as const;
export const ATTRIBUTIONS = ['parent', 'child', 'service', 'force-majeure'] as const;
export const SESSION_TYPES = ['child-interview', 'parent-interview', 'supervised-meeting', 'network-meeting'] as const;
export const SEVERITIES = ['minor', 'moderate', 'serious'] as const;
export const BOND_OUTCOMES = ['continue', 'adapt', 'suspend', 'end'] as const;
export const CLOSE_OUTCOMES = ['BOND_RESUMED', 'BOND_ENDED', 'MANDATE_EXPIRED', 'MANDATE_WITHDRAWN', 'REFERRED_ELSEWHERE', 'OTHER'] as const;
/** Codes a contract may carry that the catalogue does not list yet are counted here, never dropped. */
export const OTHER = 'other';

export const INDICATORS: readonly IndicatorDefinition[] = [
  {
    id: 'referrals-received', kind: 'count', title: 'Demandes reçues par type de mandant', description: 'Mandats enregistrés pendant la période.',
    categories: [c('FAMILY_COURT', 'Tribunal de la famille'), c('SPJ', 'SPJ'), c('SAJ', 'SAJ'), c(OTHER, 'Autre')],
  },
  {
    id: 'intake-outcomes', kind: 'count', title: "Décisions d'admission", description: 'Acceptations, refus par motif et mises en liste d’attente décidés pendant la période.',
    categories: [
      c('accepted', 'Acceptée'), c('declined:OUT_OF_SCOPE', 'Refus : hors champ'), c('declined:NO_VIOLENCE_CONTEXT', 'Refus : pas de contexte de violence'),
      c('declined:OTHER_SERVICE_BETTER_PLACED', 'Refus : autre service mieux placé'), c('declined:INCOMPLETE_MANDATE', 'Refus : mandat incomplet'),
      c(`declined:${OTHER}`, 'Refus : autre motif'), c('waitlisted', "Liste d'attente"),
    ],
  },
  { id: 'waiting-list', kind: 'snapshot', title: "Liste d'attente", description: "Demandes en liste d'attente le dernier jour de la période.", categories: ONE('Demandes en attente'),
    stockOf: { inflows: [{ indicator: 'intake-outcomes', category: 'waitlisted' }], outflows: [], exact: false },
  },
  {
    id: 'wait-received-to-accepted', kind: 'duration', title: 'Délai réception → acceptation (jours)', description: 'Pour les demandes acceptées pendant la période.', categories: ONE('Demandes acceptées'),
    countedIn: { indicator: 'intake-outcomes', category: 'accepted' },
  },
  { id: 'wait-accepted-to-first-session', kind: 'duration', title: 'Délai acceptation → première séance (jours)', description: 'Pour les dossiers dont la première séance a eu lieu pendant la période.', categories: ONE('Dossiers') },
  { id: 'caseload', kind: 'snapshot', title: 'Dossiers actifs et capacité', description: 'Dossiers ouverts le dernier jour de la période, rapportés à la capacité configurée.', categories: ONE('Dossiers actifs'), againstCapacity: true,
    stockOf: { inflows: [{ indicator: 'intake-outcomes', category: 'accepted' }], outflows: [{ indicator: 'case-closures' }], exact: true },
  },
  {
    id: 'sessions-held', kind: 'count', title: 'Séances tenues', description: 'Par type de séance.',
    categories: [c('child-interview', 'Entretien enfant'), c('parent-interview', 'Entretien parent'), c('supervised-meeting', 'Rencontre encadrée'), c('network-meeting', 'Réunion de réseau'), c(OTHER, 'Autre')],
  },
  {
    id: 'sessions-cancelled', kind: 'count', title: 'Séances annulées selon la cause', description: 'Annulations attribuées à qui les a causées.',
    categories: [c('parent', 'Un parent'), c('child', "L'enfant"), c('service', 'Le service'), c('force-majeure', 'Force majeure'), c(OTHER, 'Autre')],
  },
  { id: 'no-shows', kind: 'count', title: 'Absences non excusées par partie', description: 'Absences attribuées à la partie absente.', categories: [c('parent', 'Un parent'), c('child', "L'enfant"), c(OTHER, 'Autre')] },
  { id: 'incidents', kind: 'count', title: 'Incidents par gravité', description: 'Incidents de sécurité signalés pendant la période.', categories: [c('minor', 'Mineur'), c('moderate', 'Modéré'), c('serious', 'Grave'), c(OTHER, 'Autre')] },
  {
    id: 'bond-decisions', kind: 'count', title: 'Décisions de pertinence du lien', description: 'Décisions cosignées pendant la période, par issue.',
    categories: [c('continue', 'Poursuivre'), c('adapt', 'Adapter'), c('suspend', 'Suspendre'), c('end', 'Mettre fin'), c(OTHER, 'Autre')],
  },
  {
    id: 'wellbeing-trend', kind: 'count', title: "Évolution du bien-être de l'enfant", description: "Enfants suivis avec au moins deux évaluations, dont une pendant la période : dernière évaluation comparée à la première.",
    categories: [c('improved', 'Amélioré'), c('stable', 'Stable'), c('worsened', 'Dégradé')], shareOf: { category: 'improved', label: 'Part des situations améliorées' },
  },
  {
    id: 'case-closures', kind: 'count', title: 'Dossiers clôturés par issue', description: 'Clôtures pendant la période.',
    categories: [c('BOND_RESUMED', 'Lien repris'), c('BOND_ENDED', 'Lien rompu'), c('MANDATE_EXPIRED', 'Mandat échu'), c('MANDATE_WITHDRAWN', 'Mandat retiré'), c('REFERRED_ELSEWHERE', 'Réorienté'), c('OTHER', 'Autre')],
  },
  {
    id: 'closed-case-durations', kind: 'duration', title: 'Durée des dossiers clôturés (jours)', description: 'De l’ouverture à la clôture, pour les dossiers clôturés pendant la période.', categories: ONE('Dossiers clôturés'),
    countedIn: { indicator: 'case-closures' },
  },
  {
    id: 'reports-to-mandants', kind: 'count', title: 'Rapports aux mandants', description: "Rapports envoyés pendant la période, dans le délai ou en retard (rapports sans échéance exclus).",
    categories: [c('on-time', 'Dans le délai'), c('late', 'En retard')], shareOf: { category: 'on-time', label: 'Part dans le délai' },
  },
];

export type IndicatorId = string;

export function indicatorById(id: IndicatorId): IndicatorDefinition {
  const found = INDICATORS.find((i) => i.id === id);
  if (!found) throw new Error(`unknown indicator ${id}`);
  return found;
}

/** The category a code counts in: itself when listed, else the indicator's catch-all. */
export function categoryFor(definition: IndicatorDefinition, code: string | null): string {
  if (code !== null && definition.categories.some((cat) => cat.code === code)) return code;
  const fallback = definition.categories.find((cat) => cat.code === OTHER || cat.code === 'OTHER' || cat.code === `declined:${OTHER}`);
  return fallback?.code ?? definition.categories[definition.categories.length - 1].code;
}

import { InstrumentRegistry, InstrumentScores, WELLBEING_DIMENSIONS } from '@lien/assessments-domain';
import { CaseFileView, DecisionView, RiskAssessmentView, WellbeingAssessmentView } from '../get-case-file/case-file.view';
import { PdfBlock } from '../report-pdf/pdf-writer';
import { FR, frenchDate, label, personalText } from './french-labels';

export function mandateSection(view: CaseFileView): PdfBlock[] {
  const mandate = view.mandate;
  if (!mandate) return [];
  return [
    { kind: 'heading', text: '1. Mandat' },
    { kind: 'field', label: 'Mandant', value: label(FR.mandant, mandate.mandantType) },
    { kind: 'field', label: 'Cadre', value: label(FR.legalBasis, mandate.legalBasis) },
    ...(mandate.decisionDate ? [{ kind: 'field' as const, label: 'Décision du mandant', value: `du ${frenchDate(mandate.decisionDate)}` }] : []),
    ...view.mandateChanges.map((change): PdfBlock => ({ kind: 'bullet', text: `${change.kind === 'renewal' ? 'Renouvellement' : 'Modification'} du mandat décidé(e) le ${frenchDate(change.decisionDate)}` })),
  ];
}

/** Held and missed sessions, each missed one attributed to whoever caused it, by role, never by name. */
export function sessionsSection(view: CaseFileView): PdfBlock[] {
  const count = (outcome: string) => view.sessions.filter((s) => s.outcome === outcome).length;
  const blocks: PdfBlock[] = [
    { kind: 'heading', text: '2. Séances' },
    { kind: 'paragraph', text: `Séances tenues : ${count('held')} — annulées : ${count('cancelled')} — absences : ${count('no-show')}.` },
    ...view.sessions.map((s): PdfBlock => {
      const who = s.outcome === 'held' ? (s.interrupted ? ', interrompue' : '') : `, imputable à ${label(FR.attribution, s.attributedTo)}`;
      return { kind: 'bullet', text: `${frenchDate(s.occurredAt)} — ${label(FR.sessionType, s.sessionType)} : ${label(FR.sessionOutcome, s.outcome)}${who}` };
    }),
    { kind: 'heading', text: '3. Incidents' },
  ];
  if (view.incidents.length === 0) return [...blocks, { kind: 'paragraph', text: 'Aucun incident signalé.' }];
  return [
    ...blocks,
    ...view.incidents.map((i): PdfBlock => ({
      kind: 'bullet',
      text: `${frenchDate(i.occurredAt)} — incident ${label(FR.severity, i.severity)} lors d'une ${label(FR.sessionType, i.sessionType).toLowerCase()}${i.interruptedSession ? ' (séance interrompue)' : ''}`,
    })),
  ];
}

export function wellbeingSection(assessments: readonly WellbeingAssessmentView[], registry: InstrumentRegistry): PdfBlock[] {
  return [
    { kind: 'heading', text: "4. Évaluations du bien-être de l'enfant" },
    ...assessments.flatMap((a): PdfBlock[] => [
      { kind: 'paragraph', text: `Évaluation du ${frenchDate(a.assessedOn)}`, bold: true },
      ...WELLBEING_DIMENSIONS.flatMap((d): PdfBlock[] => {
        const dimension = a.dimensions[d];
        return [
          { kind: 'field', label: `${label(FR.dimension, d)} : ${label(FR.wellbeingLevel, dimension.level)}`, value: personalText(dimension.observations) },
          ...(dimension.childWords !== null ? [{ kind: 'field' as const, label: "Paroles de l'enfant", value: `« ${personalText(dimension.childWords)} »` }] : []),
        ];
      }),
      ...a.instruments.map((i): PdfBlock => ({ kind: 'field', label: instrumentTitle(i, registry), value: scoresText(i, registry) })),
    ]),
  ];
}

export function riskSection(assessments: readonly RiskAssessmentView[]): PdfBlock[] {
  if (assessments.length === 0) return [{ kind: 'heading', text: '5. Évaluation du risque' }, { kind: 'paragraph', text: 'Aucune évaluation du risque à cette date.' }];
  return [
    { kind: 'heading', text: '5. Évaluation du risque' },
    ...assessments.flatMap((r): PdfBlock[] => [
      { kind: 'paragraph', text: `Évaluation du ${frenchDate(r.assessedOn)} : risque ${label(FR.riskLevel, r.level)}`, bold: true },
      { kind: 'field', label: 'Facteurs relevés', value: r.factors.length ? r.factors.map((f) => label(FR.riskFactor, f)).join(', ') : 'aucun' },
      ...(r.override
        ? [{ kind: 'field' as const, label: `Jugement professionnel : niveau évalué ${label(FR.riskLevel, r.scoredLevel)}, niveau retenu ${label(FR.riskLevel, r.override.level)}`, value: personalText(r.override.reason) }]
        : []),
    ]),
  ];
}

/** Only signed decisions have effect, so only they reach the mandant; a superseded one is named as such. */
export function decisionSection(view: CaseFileView): PdfBlock[] {
  const signed = view.decisions.filter((d) => d.status === 'signed' || d.status === 'superseded');
  if (signed.length === 0) return [{ kind: 'heading', text: '6. Pertinence du lien' }, { kind: 'paragraph', text: 'Aucune décision cosignée à cette date.' }];
  const effective = signed.find((d) => d.decisionId === view.effectiveDecisionId);
  return [
    { kind: 'heading', text: '6. Pertinence du lien' },
    ...(effective ? decisionBlocks(effective, view) : []),
    ...signed
      .filter((d) => d !== effective)
      .map((d): PdfBlock => ({ kind: 'bullet', text: `Décision antérieure du ${frenchDate(d.signedAt ?? d.draftedAt)} (${label(FR.bondOutcome, d.outcome).toLowerCase()}), remplacée par une décision ultérieure.` })),
  ];
}

function decisionBlocks(decision: DecisionView, view: CaseFileView): PdfBlock[] {
  const dates = decision.assessmentIds.map((id) => {
    const wellbeing = view.wellbeingAssessments.find((a) => a.assessmentId === id);
    const risk = view.riskAssessments.find((a) => a.assessmentId === id);
    return wellbeing ? `bien-être du ${frenchDate(wellbeing.assessedOn)}` : risk ? `risque du ${frenchDate(risk.assessedOn)}` : id;
  });
  return [
    { kind: 'paragraph', text: `Décision : ${label(FR.bondOutcome, decision.outcome)}`, bold: true },
    ...(decision.adaptedModalities !== null ? [{ kind: 'field' as const, label: 'Modalités adaptées', value: personalText(decision.adaptedModalities) }] : []),
    { kind: 'field', label: 'Motivation', value: personalText(decision.rationale) },
    { kind: 'field', label: "Souhaits exprimés par l'enfant", value: personalText(decision.childWishes) },
    { kind: 'field', label: 'Évaluations sur lesquelles elle repose', value: dates.join(' ; ') },
    {
      kind: 'field',
      label: 'Signatures',
      value: `Rédigée par un·e ${label(FR.role, decision.draftedBy.role)}, cosignée le ${frenchDate(decision.signedAt ?? '')} par un·e ${label(FR.role, decision.cosignedBy?.role)}.`,
    },
  ];
}

function instrumentTitle(scores: InstrumentScores, registry: InstrumentRegistry): string {
  const name = registry[scores.instrumentId]?.name ?? scores.instrumentId;
  return `${name}${scores.respondent ? ` (répondant : ${scores.respondent})` : ''}`;
}

/** In the registry's scale order: the stored scores' key order is not kept by every store. */
function scoresText(scores: InstrumentScores, registry: InstrumentRegistry): string {
  const scales = registry[scores.instrumentId]?.scales ?? [];
  const known = scales.filter((s) => scores.scores[s.code] !== undefined).map((s) => `${s.label} ${scores.scores[s.code]}/${s.max}`);
  const unknown = Object.keys(scores.scores).filter((code) => !scales.some((s) => s.code === code)).sort().map((code) => `${code} ${scores.scores[code]}`);
  return [...known, ...unknown].join(' ; ');
}

import { InstrumentRegistry } from '@lien/assessments-domain';
import { CaseFileView, ReportVersionView, ReportView } from '../get-case-file/case-file.view';
import { PdfBlock, PdfDocumentInfo } from '../report-pdf/pdf-writer';
import { FR, frenchDate, label } from './french-labels';
import { decisionSection, mandateSection, riskSection, sessionsSection, wellbeingSection } from './report-sections';

export interface ReportDocument {
  readonly blocks: readonly PdfBlock[];
  readonly info: PdfDocumentInfo;
}

/**
 * The report as the mandant reads it. `asOf` is the file as it stood when the version was generated
 * (the content never changes afterwards); `report` and `version` come from the file as it is now, so
 * the validation part shows the sign-offs and the sending recorded since.
 */
export function reportDocumentOf(asOf: CaseFileView, report: ReportView, version: ReportVersionView, registry: InstrumentRegistry): ReportDocument {
  const title = `${label(FR.reportKind, report.kind)} au mandant — version ${version.version}`;
  const blocks: PdfBlock[] = [
    { kind: 'title', text: title },
    { kind: 'field', label: 'Dossier', value: asOf.caseId },
    { kind: 'field', label: 'Établi le', value: `${frenchDate(version.generatedAt)}, sur la base du dossier à cette date` },
    ...(report.deadlineDueOn ? [{ kind: 'field' as const, label: 'Échéance fixée par le mandat', value: frenchDate(report.deadlineDueOn) }] : []),
    ...mandateSection(asOf),
    ...sessionsSection(asOf),
    ...wellbeingSection(asOf.wellbeingAssessments, registry),
    ...riskSection(asOf.riskAssessments),
    ...decisionSection(asOf),
    ...validationSection(version),
  ];
  return { blocks, info: { title, header: 'Clinique du Lien — rapport au mandant — confidentiel', createdAt: version.generatedAt } };
}

function validationSection(version: ReportVersionView): PdfBlock[] {
  const signOffs = version.signOffs.map((s) => `${label(FR.role, s.role)} le ${frenchDate(s.at)}`);
  return [
    { kind: 'heading', text: 'Validation' },
    signOffs.length >= 2
      ? { kind: 'paragraph', text: `Version validée par deux signataires : ${signOffs.join(' ; ')}.` }
      : { kind: 'paragraph', text: `PROJET — en attente de deux signatures${signOffs.length ? ` (signée : ${signOffs.join(' ; ')})` : ''}.`, bold: true },
    ...(version.sentOn ? [{ kind: 'paragraph' as const, text: `Envoyée au mandant le ${frenchDate(version.sentOn)}.` }] : []),
  ];
}

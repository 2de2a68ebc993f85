import { InstrumentRegistry, ReportVersionNotFound } from '@lien/assessments-domain';
import { CaseFileRepository } from '../case-file-store/case-file.repository';
import { caseFileViewOf } from '../get-case-file/case-file.view';
import { getCaseFile } from '../get-case-file/get-case-file';
import { renderPdf } from '../report-pdf/pdf-writer';
import { reportDocumentOf } from './report-document';

export interface RenderedReport {
  readonly pdf: Buffer;
  readonly filename: string;
  readonly revision: number | null;
}

/** Any version, any time: its content is rebuilt from the file's events up to the revision the version was pinned to. */
export async function renderReportVersion(files: CaseFileRepository, registry: InstrumentRegistry, district: string, caseId: string, reportId: string, version: number): Promise<RenderedReport> {
  const now = await getCaseFile(files, district, caseId);
  const report = now.reports.find((r) => r.reportId === reportId);
  const pinned = report?.versions.find((v) => v.version === version);
  if (!report || !pinned) throw new ReportVersionNotFound();
  const asOf = caseFileViewOf(caseId, await files.readEvents(district, caseId, pinned.basedOnRevision));
  const document = reportDocumentOf(asOf, report, pinned, registry);
  return { pdf: renderPdf(document.blocks, document.info), filename: `rapport-${report.kind}-v${version}.pdf`, revision: now.revision };
}

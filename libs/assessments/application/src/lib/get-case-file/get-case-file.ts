import { AssessmentFileNotFound } from '@lien/assessments-domain';
import { CaseFileRepository } from '../case-file-store/case-file.repository';
import { CaseFileView, caseFileViewOf } from './case-file.view';

/** Read straight from the case's own stream: one case is a few hundred events at most, and always current. */
export async function getCaseFile(files: CaseFileRepository, district: string, caseId: string): Promise<CaseFileView> {
  const view = caseFileViewOf(caseId, await files.readEvents(district, caseId));
  if (!view.opened) throw new AssessmentFileNotFound();
  return view;
}

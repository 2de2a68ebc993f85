import { ChildNotInCase, ChildRequired, InstrumentRegistry } from '@lien/assessments-domain';
import { CaseFileRepository } from '../case-file-store/case-file.repository';
import { getCaseFile } from '../get-case-file/get-case-file';
import { WellbeingTrend, wellbeingTrendOf } from './wellbeing-trend';

export async function getWellbeingTrend(files: CaseFileRepository, registry: InstrumentRegistry, district: string, caseId: string, childId?: string): Promise<WellbeingTrend & { readonly revision: number | null }> {
  const file = await getCaseFile(files, district, caseId);
  if (childId === undefined && file.childIds.length !== 1) throw new ChildRequired();
  const child = childId ?? (file.childIds[0] as string);
  if (!file.childIds.includes(child)) throw new ChildNotInCase();
  return { ...wellbeingTrendOf(file.wellbeingAssessments, child, registry), revision: file.revision };
}

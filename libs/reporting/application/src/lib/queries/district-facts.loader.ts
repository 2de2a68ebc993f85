import { EntityManager } from 'typeorm';
import { DistrictScopedDatabase } from '@lien/shared-read-model';
import { DistrictFacts } from '@lien/reporting-domain';
import { BondDecisionRowEntity, CaseRowEntity, IncidentRowEntity, ReferralRowEntity, ReportRowEntity, SessionRowEntity, WellbeingRowEntity } from '../read-model/reporting-entities';

const iso = (date: Date | null) => (date === null ? null : date.toISOString());

async function read(manager: EntityManager, district: string): Promise<DistrictFacts> {
  // One after the other: the unit of work holds a single connection.
  const referrals = await manager.getRepository(ReferralRowEntity).find();
  const cases = await manager.getRepository(CaseRowEntity).find();
  const sessions = await manager.getRepository(SessionRowEntity).find();
  const incidents = await manager.getRepository(IncidentRowEntity).find();
  const bondDecisions = await manager.getRepository(BondDecisionRowEntity).find();
  const wellbeing = await manager.getRepository(WellbeingRowEntity).find();
  const reports = await manager.getRepository(ReportRowEntity).find();
  return {
    district,
    referrals: referrals.map((r) => ({ ...r, receivedAt: iso(r.receivedAt), waitlistedAt: iso(r.waitlistedAt), acceptedAt: iso(r.acceptedAt), declinedAt: iso(r.declinedAt), withdrawnAt: iso(r.withdrawnAt) })),
    cases: cases.map((c) => ({ ...c, openedAt: iso(c.openedAt), closedAt: iso(c.closedAt) })),
    sessions: sessions.map((s) => ({ ...s, outcome: s.outcome as 'held' | 'cancelled' | 'no-show', occurredAt: s.occurredAt.toISOString() })),
    incidents: incidents.map((i) => ({ ...i, occurredAt: i.occurredAt.toISOString() })),
    bondDecisions: bondDecisions.map((d) => ({ ...d, signedAt: d.signedAt.toISOString() })),
    wellbeing,
    reports,
  };
}

/**
 * Everything one district's indicators are computed from, read as the service role under that
 * district's row-level security: a query cannot see another district's rows even by mistake.
 * Volumes are tens to hundreds of cases a year per district, so the facts are read whole and counted
 * in memory by the pure domain, the same code the specs check.
 */
export function loadDistrictFacts(database: DistrictScopedDatabase, district: string): Promise<DistrictFacts> {
  return database.inDistrict(district, (manager) => read(manager, district));
}

import { ReceivedEvent, topicName } from '@lien/shared-messaging';
import { IntegrationEventHandler } from '@lien/shared-messaging-consumer';
import { ASSESSMENT_CONTRACT_TYPES, ASSESSMENTS_SERVICE, CASE_ASSESSMENTS_FAMILY, CASE_ASSESSMENTS_VERSION } from '@lien/assessments-contracts';
import { PlanCommandRunner } from '../plan-store/plan-command-runner';
import { bondDecisionForSessions } from './bond-decision.translation';

export const BOND_DECISION_GROUP = 'sessions.apply-bond-decisions';

export function assessmentTopics(districts: readonly string[]): string[] {
  return districts.map((district) => topicName({ district, service: ASSESSMENTS_SERVICE, family: CASE_ASSESSMENTS_FAMILY, version: CASE_ASSESSMENTS_VERSION }));
}

/**
 * Applies a co-signed bond decision to the case's session plan. Like the case-opened handler, the effect
 * lands in the event store, not in the inbox's transaction: the plan remembers each decision it applied,
 * so a crash between the two only means one more no-op delivery. A decision for a plan not opened yet
 * (case-opened still on its way) fails and is retried, then dead-lettered to be replayed; it is never dropped.
 */
export function bondDecisionHandler<Tx>(runner: PlanCommandRunner, districts: readonly string[]): IntegrationEventHandler<Tx> {
  return {
    groupId: BOND_DECISION_GROUP,
    topics: assessmentTopics(districts),
    async handle(event: ReceivedEvent): Promise<void> {
      if (event.type !== ASSESSMENT_CONTRACT_TYPES.bondDecisionSigned) return;
      const { caseId, command } = bondDecisionForSessions(event.data);
      await runner.run(caseId, command, {
        district: event.district,
        actor: { userId: ASSESSMENTS_SERVICE, role: 'system' },
        correlationId: event.id,
        causationId: event.id,
        issuedAt: command.issuedAt,
        ...(event.traceparent ? { traceparent: event.traceparent } : {}),
      });
    },
  };
}

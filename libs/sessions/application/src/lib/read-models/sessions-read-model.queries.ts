import { DistrictScopedDatabase } from '@lien/shared-read-model';
import { Household, parseZonedInstant, toDistrictLocalIso, toUtcIso } from '@lien/sessions-domain';
import { ParticipantDirectory } from '../participant-directory/participant-directory.port';
import { SessionsReadModelTables } from './sessions-read-model.schema';

/** A time as stored (UTC) and as people read it in the district (Europe/Brussels, with its offset). */
export interface ShownTime {
  readonly utc: string;
  readonly local: string;
}

export function shownTime(value: Date | string): ShownTime {
  const instant = new Date(value).getTime();
  return { utc: toUtcIso(instant), local: toDistrictLocalIso(instant) };
}

export interface CalendarEntry {
  readonly sessionId: string;
  readonly caseId: string;
  readonly sessionType: string;
  readonly phase: string;
  readonly roomId: string;
  readonly startsAt: ShownTime;
  readonly endsAt: ShownTime;
  readonly practitionerIds: readonly string[];
  readonly participantIds: readonly string[];
  readonly separation: readonly { household: Household; arrives: { from: ShownTime; by: ShownTime }; leaves: { from: ShownTime; by: ShownTime } }[];
  readonly status: string;
  readonly interrupted: boolean;
}

export interface CalendarQuery {
  /** ISO-8601 with offset: a window without zone would be ambiguous. */
  readonly from: string;
  readonly to: string;
  readonly roomId?: string;
  readonly practitionerId?: string;
}

export interface TimelineEntry {
  readonly eventId: string;
  readonly revision: number;
  readonly occurredAt: ShownTime;
  readonly entry: string;
  readonly sessionId: string | null;
  readonly details: Record<string, unknown>;
}

interface CalendarRow {
  session_id: string;
  case_id: string;
  session_type: string;
  phase: string;
  room_id: string;
  starts_at: Date;
  ends_at: Date;
  practitioner_ids: string[];
  participant_ids: string[];
  separation: { household: Household; arrivesFrom: string; arrivesBy: string; leavesFrom: string; leavesBy: string }[];
  status: string;
  interrupted: boolean;
}

/** Reads of the sessions read models, always inside one district's RLS-bound transaction. */
export class SessionsReadModels extends ParticipantDirectory {
  constructor(
    private readonly db: DistrictScopedDatabase,
    private readonly tables: SessionsReadModelTables,
  ) {
    super();
  }

  async calendar(district: string, query: CalendarQuery): Promise<CalendarEntry[]> {
    const from = toUtcIso(parseZonedInstant(query.from, 'from'));
    const to = toUtcIso(parseZonedInstant(query.to, 'to'));
    const rows = (await this.db.inDistrict(district, (m) =>
      m.query(
        `SELECT * FROM ${this.tables.calendar} WHERE starts_at < $2 AND ends_at > $1
           AND ($3::text IS NULL OR room_id = $3) AND ($4::text IS NULL OR $4 = ANY(practitioner_ids))
         ORDER BY starts_at, session_id`,
        [from, to, query.roomId ?? null, query.practitionerId ?? null],
      ),
    )) as CalendarRow[];
    return rows.map((row) => ({
      sessionId: row.session_id,
      caseId: row.case_id,
      sessionType: row.session_type,
      phase: row.phase,
      roomId: row.room_id,
      startsAt: shownTime(row.starts_at),
      endsAt: shownTime(row.ends_at),
      practitionerIds: row.practitioner_ids,
      participantIds: row.participant_ids,
      separation: row.separation.map((w) => ({ household: w.household, arrives: { from: shownTime(w.arrivesFrom), by: shownTime(w.arrivesBy) }, leaves: { from: shownTime(w.leavesFrom), by: shownTime(w.leavesBy) } })),
      status: row.status,
      interrupted: row.interrupted,
    }));
  }

  async caseTimeline(district: string, caseId: string): Promise<TimelineEntry[]> {
    const rows = (await this.db.inDistrict(district, (m) =>
      m.query(`SELECT event_id, plan_revision, occurred_at, entry, session_id, details FROM ${this.tables.timeline} WHERE case_id = $1 ORDER BY plan_revision`, [caseId]),
    )) as { event_id: string; plan_revision: string; occurred_at: Date; entry: string; session_id: string | null; details: Record<string, unknown> }[];
    return rows.map((row) => ({ eventId: row.event_id, revision: Number(row.plan_revision), occurredAt: shownTime(row.occurred_at), entry: row.entry, sessionId: row.session_id, details: row.details }));
  }

  async isKnownInDistrict(district: string, participantId: string): Promise<boolean> {
    const rows = (await this.db.inDistrict(district, (m) => m.query(`SELECT 1 FROM ${this.tables.participants} WHERE participant_id = $1 LIMIT 1`, [participantId]))) as unknown[];
    return rows.length > 0;
  }
}

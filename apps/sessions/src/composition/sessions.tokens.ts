/** Nest injection token of the opened `SessionsInfrastructure`. */
export const SESSIONS_INFRASTRUCTURE = Symbol('SESSIONS_INFRASTRUCTURE');

/** Nest injection token of the opened `AssessmentsInfrastructure`. */
export const ASSESSMENTS_INFRASTRUCTURE = Symbol('ASSESSMENTS_INFRASTRUCTURE');

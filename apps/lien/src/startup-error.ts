/** A start refused for a reason the person starting can fix: printed as one line, never as a stack trace. */
export class StartupError extends Error {}

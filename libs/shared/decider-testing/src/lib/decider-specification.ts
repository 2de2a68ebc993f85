import { Decider } from '@lien/shared-kernel';

/** A class of error, abstract or not, as `toBeInstanceOf` accepts it. */
export type ErrorClass<E extends Error> = abstract new (...args: never[]) => E;

export interface DeciderOutcome<Event> {
  /** The command produced exactly these events, in this order. */
  then(expectedEvents: readonly Event[]): void;
  /** The command was refused with this error; `check` may look at its fields. */
  thenThrows<E extends Error>(errorClass: ErrorClass<E>, check?: (error: E) => void): void;
  /** The command was accepted but changed nothing. */
  thenNothing(): void;
}

export interface DeciderSpecification<Command, Event> {
  given(events: readonly Event[]): { when(command: Command): DeciderOutcome<Event> };
}

/**
 * Given/when/then for a pure decider: folds the given events from the initial state, decides the
 * command, and compares the outcome. No store, no clock, no mocks.
 */
export function deciderSpecification<Command, Event, State>(decider: Decider<Command, Event, State>): DeciderSpecification<Command, Event> {
  return {
    given: (events) => ({
      when: (command) => {
        const decide = (): readonly Event[] =>
          decider.decide(
            command,
            events.reduce((state, event) => decider.evolve(state, event), decider.initialState()),
          );
        return {
          then: (expectedEvents) => expect(decide()).toEqual(expectedEvents),
          thenNothing: () => expect(decide()).toEqual([]),
          thenThrows: <E extends Error>(errorClass: ErrorClass<E>, check?: (error: E) => void) => {
            let produced: readonly Event[];
            try {
              produced = decide();
            } catch (error) {
              expect(error).toBeInstanceOf(errorClass);
              check?.(error as E);
              return;
            }
            throw new Error(`expected ${errorClass.name} to be thrown, but the decider produced ${JSON.stringify(produced)}`);
          },
        };
      },
    }),
  };
}

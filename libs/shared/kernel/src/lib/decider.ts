/**
 * A pure model of one consistency boundary (Emmett-style decider). `decide` turns a command into new
 * events, or throws a `DomainError` when a business rule refuses it; `evolve` folds one event into the
 * state; `initialState` is the state before the first event. No clock, no I/O: time comes on the command.
 */
export interface Decider<Command, Event, State> {
  decide(command: Command, state: State): readonly Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
}

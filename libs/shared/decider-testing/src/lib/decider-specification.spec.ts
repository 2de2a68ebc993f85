import { Decider, DomainError } from '@lien/shared-kernel';
import { deciderSpecification } from './decider-specification';

type Command = { type: 'Increment'; by: number } | { type: 'Reset' };
type Event = { type: 'Incremented'; by: number } | { type: 'WasReset' };
type State = { value: number };

class CounterLimitReached extends DomainError {
  readonly code = 'COUNTER_LIMIT_REACHED';
  readonly kind = 'rule-violation' as const;
  constructor(readonly limit: number) {
    super(`The counter may not exceed ${limit}`, { limit });
  }
}

const counter: Decider<Command, Event, State> = {
  initialState: () => ({ value: 0 }),
  evolve: (state, event) => ({ value: event.type === 'Incremented' ? state.value + event.by : 0 }),
  decide: (command, state) => {
    if (command.type === 'Reset') return state.value === 0 ? [] : [{ type: 'WasReset' }];
    if (state.value + command.by > 10) throw new CounterLimitReached(10);
    return [{ type: 'Incremented', by: command.by }];
  },
};

const spec = deciderSpecification(counter);

describe('decider specification', () => {
  it('given past events, when the decider emits the expected events, then `then` passes', () => {
    spec.given([{ type: 'Incremented', by: 2 }]).when({ type: 'Increment', by: 3 }).then([{ type: 'Incremented', by: 3 }]);
  });

  it('given past events, when the decider emits other events, then `then` fails', () => {
    expect(() => spec.given([]).when({ type: 'Increment', by: 3 }).then([{ type: 'Incremented', by: 4 }])).toThrow();
  });

  it('given past events that reach a limit, when the rule refuses the command, then `thenThrows` passes and may check the error', () => {
    spec
      .given([{ type: 'Incremented', by: 9 }])
      .when({ type: 'Increment', by: 2 })
      .thenThrows(CounterLimitReached, (error) => expect(error.limit).toBe(10));
  });

  it('given a command the decider accepts, when expecting an error, then `thenThrows` fails and shows what was produced', () => {
    expect(() => spec.given([]).when({ type: 'Increment', by: 1 }).thenThrows(CounterLimitReached)).toThrow(/Incremented/);
  });

  it('given a refused command, when expecting another error class, then `thenThrows` fails', () => {
    class OtherRule extends Error {}
    expect(() => spec.given([{ type: 'Incremented', by: 10 }]).when({ type: 'Increment', by: 1 }).thenThrows(OtherRule)).toThrow();
  });

  it('given a command that changes nothing, when expecting nothing, then `thenNothing` passes', () => {
    spec.given([{ type: 'Incremented', by: 4 }, { type: 'WasReset' }]).when({ type: 'Reset' }).thenNothing();
  });

  it('given a command that emits events, when expecting nothing, then `thenNothing` fails', () => {
    expect(() => spec.given([{ type: 'Incremented', by: 4 }]).when({ type: 'Reset' }).thenNothing()).toThrow();
  });
});

const dimension = (level: string, observations = 'Calme, joue seule.') => ({ level, observations });

export const CHILD_WORDS = 'J’ai peur quand il crie.';

/** A wellbeing assessment as a practitioner posts it: three dimensions, the child's words, SDQ scores. */
export function wellbeingBody(overrides: object = {}) {
  return {
    assessedOn: '2026-03-20',
    dimensions: { psychological: { ...dimension('fragile', 'Se fige quand on évoque son père.'), childWords: CHILD_WORDS }, physical: dimension('good'), emotional: dimension('fragile') },
    instruments: [{ instrumentId: 'SDQ', respondent: 'parent', scores: { emotional: 7, conduct: 3, hyperactivity: 4, peer: 2, prosocial: 6 } }],
    ...overrides,
  };
}

export { dimension };

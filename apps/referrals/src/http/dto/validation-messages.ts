/** French messages for the people who fill the forms; field names stay those of the API. */
export const FR = {
  required: 'Ce champ est obligatoire.',
  uuid: 'Identifiant attendu au format UUID.',
  date: 'Date attendue au format AAAA-MM-JJ (et existante).',
  oneOf: (values: readonly string[]) => `Valeur attendue parmi : ${values.join(', ')}.`,
  text: (max: number) => `Texte de 1 à ${max} caractères.`,
  reference: 'Référence de 1 à 64 caractères : lettres, chiffres, espace, / . -',
  integer: (min: number, max: number) => `Nombre entier entre ${min} et ${max}.`,
  list: (min: number, max: number) => `Liste de ${min} à ${max} éléments.`,
  division: 'Division attendue en minuscules (par exemple marche-en-famenne).',
} as const;

/** `YYYY-MM-DD`, checked again as a real calendar day (no 30 February). */
export const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** 1–64 of letters, digits, space, `/`, `.`, `-`, with at least one letter or digit. */
export const MANDATE_REFERENCE = /^(?=.*[A-Za-z0-9])[A-Za-z0-9/.\- ]{1,64}$/;

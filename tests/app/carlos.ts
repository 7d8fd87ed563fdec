import type { Answers } from '../../src/engine/types';

/** Persona 1 (notified-3), as in rules/notified/notified-3.cases.yaml. */
export const CARLOS: Answers = {
  location: 'abroad',
  birth_date: '1997-05-10',
  marital_status: 'never_married',
  adoption: 'none',
  resettlement_unhcr_recommended: 'no',
  china_connection: 'no',
  parent_japanese_at_birth: 'no',
  parent_born_to_japanese: 'yes',
  conduct_prison: 'none',
  conduct_fine: 'none',
  conduct_juvenile_measure: 'no',
  conduct_repeated_misconduct: 'no',
  conduct_immigration_fraud: 'no',
};

import { Matches } from 'class-validator';
import { ORGANISATION_CODE } from '@lp/organisation';

/** A store or region code: 1-20 letters, digits, _ or -. */
export function OrganisationCode(): PropertyDecorator {
  return Matches(ORGANISATION_CODE, { message: 'code must be 1-20 letters, digits, _ or -' });
}

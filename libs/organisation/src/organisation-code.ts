/** What a store or region code may be: the same in the API inputs and the employee import. */
export const ORGANISATION_CODE = /^[A-Za-z0-9_-]{1,20}$/;

/** A DRAFT is edited in place; a PUBLISHED version never changes again. */
export enum CourseVersionStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
}

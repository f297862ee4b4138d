/** Jobs of the `certification-issuing` queue. */
export enum CertificationJob {
  /** Certifies those a course removed from a programme left with nothing to pass (CourseRemovalIssuer). */
  IssueAfterCourseRemoval = 'IssueAfterCourseRemoval',
}

export interface IssueAfterCourseRemovalPayload {
  programId: number;
  removedCourseIds: number[];
  /** When the edit was made, as an ISO string: it dates the certificates issued. */
  changedAt: string;
  /** Who edited the programme, recorded as the actor of the certificates' audit events. */
  actorId: number | null;
}

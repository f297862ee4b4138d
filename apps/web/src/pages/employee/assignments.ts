import { graphql } from '../../gql';

export const MyAssignmentsDocument = graphql(`
  query MyAssignments {
    myAssignments {
      id
      status
      dueAt
      completedAt
      reason
      progressPercent
      completedLessonIds
      course {
        id
        title
        summary
        category
        estimatedMinutes
      }
      courseVersion {
        id
        number
        lessons {
          id
          title
          position
        }
        quiz {
          passingScorePercent
          maxAttempts
          timeLimitMinutes
          questionsPerAttempt
        }
      }
    }
  }
`);

export const OPEN_STATUSES = ['ASSIGNED', 'IN_PROGRESS', 'OVERDUE'];

import { graphql } from '../../gql';

export const CourseEditorDocument = graphql(`
  query CourseEditor($id: ID!) {
    course(id: $id) {
      id
      code
      title
      summary
      category
      estimatedMinutes
      currentVersion {
        id
        number
        publishedAt
      }
      draftVersion {
        id
        number
        status
        lessons {
          id
          title
          body
          mediaUrl
          position
        }
        questions {
          id
          type
          prompt
          explanation
          position
          options {
            id
            text
            correct
          }
        }
        quiz {
          passingScorePercent
          maxAttempts
          timeLimitMinutes
          questionsPerAttempt
          shuffle
        }
      }
    }
  }
`);

export const AddLessonDocument = graphql(`
  mutation AddLesson($courseId: ID!, $input: LessonInput!) {
    addLesson(courseId: $courseId, input: $input) {
      id
    }
  }
`);

export const UpdateLessonDocument = graphql(`
  mutation UpdateLesson($lessonId: ID!, $input: UpdateLessonInput!) {
    updateLesson(lessonId: $lessonId, input: $input) {
      id
      title
      body
      mediaUrl
    }
  }
`);

export const RemoveLessonDocument = graphql(`
  mutation RemoveLesson($lessonId: ID!) {
    removeLesson(lessonId: $lessonId) {
      id
    }
  }
`);

export const ReorderLessonsDocument = graphql(`
  mutation ReorderLessons($courseId: ID!, $lessonIds: [ID!]!) {
    reorderLessons(courseId: $courseId, lessonIds: $lessonIds) {
      id
    }
  }
`);

export const AddQuestionDocument = graphql(`
  mutation AddQuestion($courseId: ID!, $input: QuestionInput!) {
    addQuestion(courseId: $courseId, input: $input) {
      id
    }
  }
`);

export const UpdateQuestionDocument = graphql(`
  mutation UpdateQuestion($questionId: ID!, $input: UpdateQuestionInput!) {
    updateQuestion(questionId: $questionId, input: $input) {
      id
    }
  }
`);

export const RemoveQuestionDocument = graphql(`
  mutation RemoveQuestion($questionId: ID!) {
    removeQuestion(questionId: $questionId) {
      id
    }
  }
`);

export const ConfigureQuizDocument = graphql(`
  mutation ConfigureQuiz($courseId: ID!, $input: QuizInput!) {
    configureQuiz(courseId: $courseId, input: $input) {
      passingScorePercent
      maxAttempts
      timeLimitMinutes
      questionsPerAttempt
      shuffle
    }
  }
`);

export const CreateDraftDocument = graphql(`
  mutation CreateCourseDraft($courseId: ID!) {
    createCourseDraft(courseId: $courseId) {
      id
    }
  }
`);

export const PublishCourseDocument = graphql(`
  mutation PublishCourse($courseId: ID!) {
    publishCourse(courseId: $courseId) {
      id
      number
    }
  }
`);

export const DiscardDraftDocument = graphql(`
  mutation DiscardCourseDraft($courseId: ID!) {
    discardCourseDraft(courseId: $courseId) {
      id
    }
  }
`);

/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Me {\n    me {\n      id\n      firstName\n      lastName\n      email\n      role\n      employeeNumber\n      jobRole {\n        code\n        name\n      }\n      store {\n        id\n        code\n        name\n      }\n    }\n  }\n": typeof types.MeDocument,
    "\n  query MyLessons {\n    myAssignments {\n      id\n      status\n      completedLessonIds\n      course {\n        id\n        title\n      }\n      courseVersion {\n        id\n        lessons {\n          id\n          title\n          body\n          mediaUrl\n          position\n        }\n      }\n    }\n  }\n": typeof types.MyLessonsDocument,
    "\n  mutation CompleteLesson($assignmentId: ID!, $lessonId: ID!) {\n    completeLesson(assignmentId: $assignmentId, lessonId: $lessonId) {\n      id\n      status\n      progressPercent\n      completedLessonIds\n    }\n  }\n": typeof types.CompleteLessonDocument,
    "\n  query MyCertifications {\n    myCertifications {\n      id\n      certificateNumber\n      verificationCode\n      status\n      issuedAt\n      expiresAt\n      program {\n        id\n        name\n        code\n      }\n      employee {\n        id\n        firstName\n        lastName\n      }\n    }\n  }\n": typeof types.MyCertificationsDocument,
    "\n  mutation StartQuiz($assignmentId: ID!) {\n    startQuizAttempt(assignmentId: $assignmentId) {\n      id\n      number\n      expiresAt\n      attemptsRemaining\n      questions {\n        id\n        type\n        prompt\n        options {\n          id\n          text\n        }\n      }\n    }\n  }\n": typeof types.StartQuizDocument,
    "\n  mutation SubmitQuiz($attemptId: ID!, $answers: [QuizAnswerInput!]!) {\n    submitQuizAttempt(attemptId: $attemptId, answers: $answers) {\n      scorePercent\n      passed\n      correctCount\n      questionCount\n      attemptsRemaining\n      assignment {\n        id\n        status\n        progressPercent\n        completedAt\n      }\n      certification {\n        id\n        certificateNumber\n        verificationCode\n        expiresAt\n        program {\n          id\n          name\n        }\n      }\n      review {\n        questionId\n        prompt\n        answeredCorrectly\n        explanation\n        selectedOptionIds\n      }\n    }\n  }\n": typeof types.SubmitQuizDocument,
    "\n  query MyAssignments {\n    myAssignments {\n      id\n      status\n      dueAt\n      completedAt\n      reason\n      progressPercent\n      completedLessonIds\n      course {\n        id\n        title\n        summary\n        category\n        estimatedMinutes\n      }\n      courseVersion {\n        id\n        number\n        lessons {\n          id\n          title\n          position\n        }\n        quiz {\n          passingScorePercent\n          maxAttempts\n          timeLimitMinutes\n          questionsPerAttempt\n        }\n      }\n    }\n  }\n": typeof types.MyAssignmentsDocument,
    "\n  mutation AcceptInvite($token: String!, $password: String!) {\n    acceptInvite(token: $token, password: $password) {\n      accessToken\n    }\n  }\n": typeof types.AcceptInviteDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      accessToken\n    }\n  }\n": typeof types.LoginDocument,
    "\n  query VerifyCertificate($code: String!) {\n    verifyCertificate(code: $code) {\n      valid\n      status\n      holderName\n      programName\n      issuedAt\n      expiresAt\n    }\n  }\n": typeof types.VerifyCertificateDocument,
};
const documents: Documents = {
    "\n  query Me {\n    me {\n      id\n      firstName\n      lastName\n      email\n      role\n      employeeNumber\n      jobRole {\n        code\n        name\n      }\n      store {\n        id\n        code\n        name\n      }\n    }\n  }\n": types.MeDocument,
    "\n  query MyLessons {\n    myAssignments {\n      id\n      status\n      completedLessonIds\n      course {\n        id\n        title\n      }\n      courseVersion {\n        id\n        lessons {\n          id\n          title\n          body\n          mediaUrl\n          position\n        }\n      }\n    }\n  }\n": types.MyLessonsDocument,
    "\n  mutation CompleteLesson($assignmentId: ID!, $lessonId: ID!) {\n    completeLesson(assignmentId: $assignmentId, lessonId: $lessonId) {\n      id\n      status\n      progressPercent\n      completedLessonIds\n    }\n  }\n": types.CompleteLessonDocument,
    "\n  query MyCertifications {\n    myCertifications {\n      id\n      certificateNumber\n      verificationCode\n      status\n      issuedAt\n      expiresAt\n      program {\n        id\n        name\n        code\n      }\n      employee {\n        id\n        firstName\n        lastName\n      }\n    }\n  }\n": types.MyCertificationsDocument,
    "\n  mutation StartQuiz($assignmentId: ID!) {\n    startQuizAttempt(assignmentId: $assignmentId) {\n      id\n      number\n      expiresAt\n      attemptsRemaining\n      questions {\n        id\n        type\n        prompt\n        options {\n          id\n          text\n        }\n      }\n    }\n  }\n": types.StartQuizDocument,
    "\n  mutation SubmitQuiz($attemptId: ID!, $answers: [QuizAnswerInput!]!) {\n    submitQuizAttempt(attemptId: $attemptId, answers: $answers) {\n      scorePercent\n      passed\n      correctCount\n      questionCount\n      attemptsRemaining\n      assignment {\n        id\n        status\n        progressPercent\n        completedAt\n      }\n      certification {\n        id\n        certificateNumber\n        verificationCode\n        expiresAt\n        program {\n          id\n          name\n        }\n      }\n      review {\n        questionId\n        prompt\n        answeredCorrectly\n        explanation\n        selectedOptionIds\n      }\n    }\n  }\n": types.SubmitQuizDocument,
    "\n  query MyAssignments {\n    myAssignments {\n      id\n      status\n      dueAt\n      completedAt\n      reason\n      progressPercent\n      completedLessonIds\n      course {\n        id\n        title\n        summary\n        category\n        estimatedMinutes\n      }\n      courseVersion {\n        id\n        number\n        lessons {\n          id\n          title\n          position\n        }\n        quiz {\n          passingScorePercent\n          maxAttempts\n          timeLimitMinutes\n          questionsPerAttempt\n        }\n      }\n    }\n  }\n": types.MyAssignmentsDocument,
    "\n  mutation AcceptInvite($token: String!, $password: String!) {\n    acceptInvite(token: $token, password: $password) {\n      accessToken\n    }\n  }\n": types.AcceptInviteDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      accessToken\n    }\n  }\n": types.LoginDocument,
    "\n  query VerifyCertificate($code: String!) {\n    verifyCertificate(code: $code) {\n      valid\n      status\n      holderName\n      programName\n      issuedAt\n      expiresAt\n    }\n  }\n": types.VerifyCertificateDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      firstName\n      lastName\n      email\n      role\n      employeeNumber\n      jobRole {\n        code\n        name\n      }\n      store {\n        id\n        code\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      id\n      firstName\n      lastName\n      email\n      role\n      employeeNumber\n      jobRole {\n        code\n        name\n      }\n      store {\n        id\n        code\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyLessons {\n    myAssignments {\n      id\n      status\n      completedLessonIds\n      course {\n        id\n        title\n      }\n      courseVersion {\n        id\n        lessons {\n          id\n          title\n          body\n          mediaUrl\n          position\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyLessons {\n    myAssignments {\n      id\n      status\n      completedLessonIds\n      course {\n        id\n        title\n      }\n      courseVersion {\n        id\n        lessons {\n          id\n          title\n          body\n          mediaUrl\n          position\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteLesson($assignmentId: ID!, $lessonId: ID!) {\n    completeLesson(assignmentId: $assignmentId, lessonId: $lessonId) {\n      id\n      status\n      progressPercent\n      completedLessonIds\n    }\n  }\n"): (typeof documents)["\n  mutation CompleteLesson($assignmentId: ID!, $lessonId: ID!) {\n    completeLesson(assignmentId: $assignmentId, lessonId: $lessonId) {\n      id\n      status\n      progressPercent\n      completedLessonIds\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyCertifications {\n    myCertifications {\n      id\n      certificateNumber\n      verificationCode\n      status\n      issuedAt\n      expiresAt\n      program {\n        id\n        name\n        code\n      }\n      employee {\n        id\n        firstName\n        lastName\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyCertifications {\n    myCertifications {\n      id\n      certificateNumber\n      verificationCode\n      status\n      issuedAt\n      expiresAt\n      program {\n        id\n        name\n        code\n      }\n      employee {\n        id\n        firstName\n        lastName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartQuiz($assignmentId: ID!) {\n    startQuizAttempt(assignmentId: $assignmentId) {\n      id\n      number\n      expiresAt\n      attemptsRemaining\n      questions {\n        id\n        type\n        prompt\n        options {\n          id\n          text\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation StartQuiz($assignmentId: ID!) {\n    startQuizAttempt(assignmentId: $assignmentId) {\n      id\n      number\n      expiresAt\n      attemptsRemaining\n      questions {\n        id\n        type\n        prompt\n        options {\n          id\n          text\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitQuiz($attemptId: ID!, $answers: [QuizAnswerInput!]!) {\n    submitQuizAttempt(attemptId: $attemptId, answers: $answers) {\n      scorePercent\n      passed\n      correctCount\n      questionCount\n      attemptsRemaining\n      assignment {\n        id\n        status\n        progressPercent\n        completedAt\n      }\n      certification {\n        id\n        certificateNumber\n        verificationCode\n        expiresAt\n        program {\n          id\n          name\n        }\n      }\n      review {\n        questionId\n        prompt\n        answeredCorrectly\n        explanation\n        selectedOptionIds\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitQuiz($attemptId: ID!, $answers: [QuizAnswerInput!]!) {\n    submitQuizAttempt(attemptId: $attemptId, answers: $answers) {\n      scorePercent\n      passed\n      correctCount\n      questionCount\n      attemptsRemaining\n      assignment {\n        id\n        status\n        progressPercent\n        completedAt\n      }\n      certification {\n        id\n        certificateNumber\n        verificationCode\n        expiresAt\n        program {\n          id\n          name\n        }\n      }\n      review {\n        questionId\n        prompt\n        answeredCorrectly\n        explanation\n        selectedOptionIds\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyAssignments {\n    myAssignments {\n      id\n      status\n      dueAt\n      completedAt\n      reason\n      progressPercent\n      completedLessonIds\n      course {\n        id\n        title\n        summary\n        category\n        estimatedMinutes\n      }\n      courseVersion {\n        id\n        number\n        lessons {\n          id\n          title\n          position\n        }\n        quiz {\n          passingScorePercent\n          maxAttempts\n          timeLimitMinutes\n          questionsPerAttempt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyAssignments {\n    myAssignments {\n      id\n      status\n      dueAt\n      completedAt\n      reason\n      progressPercent\n      completedLessonIds\n      course {\n        id\n        title\n        summary\n        category\n        estimatedMinutes\n      }\n      courseVersion {\n        id\n        number\n        lessons {\n          id\n          title\n          position\n        }\n        quiz {\n          passingScorePercent\n          maxAttempts\n          timeLimitMinutes\n          questionsPerAttempt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvite($token: String!, $password: String!) {\n    acceptInvite(token: $token, password: $password) {\n      accessToken\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptInvite($token: String!, $password: String!) {\n    acceptInvite(token: $token, password: $password) {\n      accessToken\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      accessToken\n    }\n  }\n"): (typeof documents)["\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      accessToken\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VerifyCertificate($code: String!) {\n    verifyCertificate(code: $code) {\n      valid\n      status\n      holderName\n      programName\n      issuedAt\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  query VerifyCertificate($code: String!) {\n    verifyCertificate(code: $code) {\n      valid\n      status\n      holderName\n      programName\n      issuedAt\n      expiresAt\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;
import type autocannon from 'autocannon';
import type { Scenario } from '../lib/context';
import { graphqlRequest } from '../lib/load';
import { GraphqlErrorCounter, compare, measure } from '../lib/measure';
import { rateRow } from '../lib/results';
import { sampleLearners } from './learners';
import { TYPENAME } from './stack.scenario';

const DASHBOARD = `query LearnerDashboard {
  myAssignments { id status dueAt progressPercent course { id title } }
  myCertifications { id status expiresAt certificateNumber program { id name } }
}`;

/** 1: the learner dashboard for random employees vs `{ __typename }` through the same API. */
export const dashboardScenario: Scenario = {
  name: '1 learner dashboard vs { __typename }',
  target: 0.5,
  nextStep: 'run npm run bench:data first (it needs learners with assignments)',
  async run(context) {
    const api = await context.servers.get('api');
    const tokens = (await sampleLearners(context.dataSource, 500)).map((id) => context.tokenFor(id));
    let next = 0;
    const errors = new GraphqlErrorCounter();
    const asRandomLearner = (query: string): autocannon.Request => ({
      ...graphqlRequest(query),
      setupRequest: (request) => ({
        ...request,
        headers: { ...request.headers, authorization: `Bearer ${tokens[next++ % tokens.length]}` },
      }),
      onResponse: (_status, body) => void errors.check(body),
    });
    const { ours, baseline } = await compare(
      context,
      () => measure(context, api.url, [asRandomLearner(TYPENAME)]),
      () => measure(context, api.url, [asRandomLearner(DASHBOARD)]),
    );
    const problems = errors.describe(ours.total + baseline.total);
    const row = rateRow(
      this.name,
      'req/s',
      ours.requestsPerSecond,
      baseline.requestsPerSecond,
      this.target!,
      `p95 ${ours.p95Ms} ms vs ${baseline.p95Ms} ms` + (problems ? `; ${problems}` : ''),
    );
    return [{ ...row, pass: row.pass === true && !problems }];
  },
};

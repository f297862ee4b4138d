import type { Scenario } from '../lib/context';
import { graphqlRequest } from '../lib/load';
import { compare, measure } from '../lib/measure';
import { rateRow } from '../lib/results';

export const TYPENAME = '{ __typename }';

/** 0: what Nest, the guards, plugins and request logging cost over bare Apollo on the same Express 5. */
export const stackScenario: Scenario = {
  name: '0 stack: { __typename } API vs bare Apollo',
  target: 0.85,
  nextStep: 'check that the API starts (npm run start:api) and that port binding on 127.0.0.1 works',
  async run(context) {
    const api = await context.servers.get('api');
    const bare = await context.servers.get('bare-apollo');
    const request = [graphqlRequest(TYPENAME)];
    const { ours, baseline } = await compare(
      context,
      () => measure(context, bare.url, request),
      () => measure(context, api.url, request),
    );
    const failed = ours.failed + baseline.failed;
    return [
      rateRow(
        this.name,
        'req/s',
        ours.requestsPerSecond,
        baseline.requestsPerSecond,
        this.target!,
        `p95 ${ours.p95Ms} ms vs ${baseline.p95Ms} ms` + (failed ? `; ${failed} failed requests` : ''),
      ),
    ];
  },
};

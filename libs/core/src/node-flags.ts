/**
 * Node flags the API and the worker run with: `npm start` passes them to its children; the
 * Docker image (`NODE_OPTIONS`), the `start:api`, `start:worker` and `bench` scripts in
 * package.json spell them out; the bench's servers and worker get them from here.
 *
 * `--max-semi-space-size=64` lets V8's young generation grow to 64 MB per semi-space instead
 * of Node 20's 16 MB. A request's short-lived objects (parsed rows, GraphQL results, promises)
 * then die in the young generation instead of being copied and promoted to the old one: the
 * learner dashboard cost a fifth to a third less CPU per request in the bench (bench/README.md).
 */
export const SERVICE_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];

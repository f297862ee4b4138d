/** The compiled operator CLI: what `npm run build` makes in a checkout and the Docker image holds. */
export const CLI_ENTRY = 'node dist/apps/cli/src/main.js';

/** The compiled CLI run in the Docker image, as docker/compose.yaml names its services. */
export const COMPOSE_CLI_ENTRY = `docker compose -f docker/compose.yaml run --rm api ${CLI_ENTRY}`;

/**
 * How to run an operator command, for messages that can show in a checkout and in the Docker
 * image alike: the image has the compiled CLI but neither the sources nor the build tools that
 * `npm run cli` (which builds first) needs.
 */
export function cliCommand(args: string): string {
  return `\`${CLI_ENTRY} ${args}\` (with Docker compose: \`${COMPOSE_CLI_ENTRY} ${args}\`)`;
}

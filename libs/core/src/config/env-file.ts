import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';

/** The `.env` file is there but cannot be read. */
export class EnvFileError extends Error {
  constructor(path: string, cause: unknown) {
    const reason = (cause as NodeJS.ErrnoException).code ?? String(cause);
    super(
      `Cannot read ${path} (${reason}). Fix its permissions, or remove it and set the variables in the environment.`,
    );
    this.name = 'EnvFileError';
  }
}

/**
 * Reads a `.env` file (the working directory's by default) into the environment when there
 * is one, with Node's own parser (`process.loadEnvFile`'s). A variable already set wins,
 * even when empty, so `PORT=3100 npm start` or a container's settings beat the file.
 * Returns whether a file was read.
 */
export function loadEnvFile(path = '.env', env: NodeJS.ProcessEnv = process.env): boolean {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new EnvFileError(path, error);
  }
  for (const [name, value] of Object.entries(parseEnv(text))) {
    if (env[name] === undefined && value !== undefined) env[name] = value;
  }
  return true;
}

import { ValidateBy } from 'class-validator';

export interface ServiceUrlForm {
  schemes: readonly string[];
  /** What else the URL must look like, beyond a host and a valid port. */
  pattern?: RegExp;
  /** Says the form the variable takes, with an example. */
  message: string;
}

/** The port of `scheme://[user[:password]@]host:port…`, whatever it is, so a bad one can be named. */
const PORT = /^[a-z][a-z0-9+.-]*:\/\/(?:[^/?#]*@)?(?:\[[^\]]*\]|[^:/?#@]*):([^/?#@]*)(?:[/?#]|$)/i;

function isPort(text: string): boolean {
  return /^\d{1,5}$/.test(text) && Number(text) >= 1 && Number(text) <= 65535;
}

/**
 * What is wrong with the URL of a service (database, Redis, SMTP), or null. It is parsed as
 * the clients parse it (WHATWG URL): a value a looser check let through crashed them at
 * start-up with "Invalid URL", after the database had been migrated.
 */
export function serviceUrlProblem(value: unknown, form: ServiceUrlForm): string | null {
  if (typeof value !== 'string') return form.message;
  const port = PORT.exec(value)?.[1];
  if (port && !isPort(port)) return `its port must be a number from 1 to 65535; ${form.message}`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return form.message;
  }
  const scheme = url.protocol.slice(0, -1);
  if (!form.schemes.includes(scheme) || url.hostname === '') return form.message;
  return form.pattern && !form.pattern.test(value) ? form.message : null;
}

/** Validates a service URL setting (serviceUrlProblem); the one check the database, Redis and mail settings share. */
export function IsServiceUrl(form: ServiceUrlForm): PropertyDecorator {
  return ValidateBy({
    name: 'isServiceUrl',
    validator: {
      validate: (value) => serviceUrlProblem(value, form) === null,
      defaultMessage: (args) => serviceUrlProblem(args?.value, form) ?? form.message,
    },
  });
}

import 'reflect-metadata';

export interface EnvVarDescription {
  description: string;
  /** Secret values are never echoed back in validation errors or logs. */
  secret?: boolean;
}

const ENV_VARS = Symbol('lp:env-vars');

/** Documents an environment variable read by a config class; a secret one's value is never shown in errors. */
export function EnvVar(description: EnvVarDescription): PropertyDecorator {
  return (target, property) => {
    const known: Map<string, EnvVarDescription> = Reflect.getMetadata(ENV_VARS, target.constructor) ?? new Map();
    known.set(String(property), description);
    Reflect.defineMetadata(ENV_VARS, known, target.constructor);
  };
}

export function describeEnvVars(configClass: object): Map<string, EnvVarDescription> {
  return Reflect.getMetadata(ENV_VARS, configClass) ?? new Map();
}

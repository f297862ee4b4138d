import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';

/**
 * Caps the aliases in one document: aliases let a client repeat an expensive field many
 * times in one request (alias-based batching attacks, e.g. many `login` calls at once).
 */
export function aliasLimit(maxAliases: number): ValidationRule {
  return (context: ValidationContext) => {
    let aliases = 0;
    return {
      Field(node) {
        if (!node.alias) return;
        aliases += 1;
        if (aliases === maxAliases + 1) {
          context.reportError(
            new GraphQLError(`An operation may use at most ${maxAliases} aliases`, {
              nodes: [node],
              extensions: { code: 'BAD_USER_INPUT', reason: 'ALIAS_LIMIT' },
            }),
          );
        }
      },
    };
  };
}

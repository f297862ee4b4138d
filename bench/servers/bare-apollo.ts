import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { type RunningServer, urlOf } from './running-server';

/**
 * The floor for scenario 0: Apollo Server on Express 5 with JSON body parsing, nothing
 * else — no Nest, guards, plugins, logging or database.
 */
export async function startBareApollo(): Promise<RunningServer> {
  const apollo = new ApolloServer({ typeDefs: 'type Query { ok: Boolean }', resolvers: { Query: { ok: () => true } } });
  await apollo.start();
  const app = express();
  app.disable('x-powered-by');
  app.use('/graphql', express.json(), expressMiddleware(apollo));
  const server = await new Promise<import('node:http').Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  return {
    url: urlOf(server),
    pid: process.pid,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await apollo.stop();
    },
  };
}

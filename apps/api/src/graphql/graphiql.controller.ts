import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Public } from '../modules/identity/public.decorator';
import { Controller, Get, Header, NotFoundException, Param, StreamableFile } from '@nestjs/common';

/** Files of installed packages, found from the package's folder: react's `exports` do not list its UMD builds. */
const ASSETS: Record<string, { package: string; file: string; type: string }> = {
  'react.js': { package: 'react', file: 'umd/react.production.min.js', type: 'text/javascript' },
  'react-dom.js': { package: 'react-dom', file: 'umd/react-dom.production.min.js', type: 'text/javascript' },
  'graphiql.js': { package: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript' },
  'graphiql.css': { package: 'graphiql', file: 'graphiql.min.css', type: 'text/css' },
};

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>LP Academy — GraphiQL</title>
  <link rel="stylesheet" href="/graphiql/assets/graphiql.css">
  <style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
</head>
<body>
  <div id="graphiql">Loading GraphiQL…</div>
  <script src="/graphiql/assets/react.js"></script>
  <script src="/graphiql/assets/react-dom.js"></script>
  <script src="/graphiql/assets/graphiql.js"></script>
  <script>
    const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
    ReactDOM.createRoot(document.getElementById('graphiql')).render(
      React.createElement(GraphiQL, {
        fetcher,
        defaultEditorToolsVisibility: true,
        defaultQuery: '# Sign in with the login mutation, then add\\n# { "Authorization": "Bearer <accessToken>" } under Headers.\\n\\nquery { __typename }\\n',
      }),
    );
  </script>
</body>
</html>`;

/**
 * A GraphQL browser served from local packages, because Apollo's landing page loads from a
 * CDN and LP Academy must work offline. Registered only outside production.
 */
@Controller('graphiql')
@Public()
export class GraphiqlController {
  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  // The page's one inline script starts GraphiQL; everything else comes from this server.
  @Header(
    'Content-Security-Policy',
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:",
  )
  page(): string {
    return PAGE;
  }

  @Get('assets/:name')
  @Header('Cache-Control', 'public, max-age=86400')
  asset(@Param('name') name: string): StreamableFile {
    const asset = ASSETS[name];
    if (!asset) throw new NotFoundException();
    const folder = dirname(require.resolve(`${asset.package}/package.json`));
    return new StreamableFile(readFileSync(join(folder, asset.file)), { type: asset.type });
  }
}

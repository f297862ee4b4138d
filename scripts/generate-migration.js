#!/usr/bin/env node
// Generates a migration from the difference between the entities and a scratch database
// that has every existing migration applied, then lists it in migrations/index.ts.
// Usage: npm run migration:generate -- AddSomething
'use strict';
const { execFileSync } = require('node:child_process');
const { readdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const mysql = require('mysql2/promise');

const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  console.error('Usage: npm run migration:generate -- <VerbNoun>   (PascalCase, e.g. AddInvites)');
  process.exit(2);
}

const root = join(__dirname, '..');
const base = new URL(process.env.DATABASE_URL || 'mysql://root@127.0.0.1:3306/lp_academy');
const scratch = new URL(base);
const scratchName = `lp_migration_scratch_${process.pid}`;
scratch.pathname = `/${scratchName}`;

let dialect = 'mysql';

function typeorm(...args) {
  execFileSync(
    process.execPath,
    [
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      require.resolve('typeorm/cli.js'),
      ...args,
    ],
    {
      cwd: root,
      stdio: 'inherit',
      env: {
        ...process.env,
        DATABASE_URL: scratch.toString(),
        DATABASE_DIALECT: dialect,
        TS_NODE_PROJECT: 'tsconfig.json',
      },
    },
  );
}

function writeIndex() {
  const files = readdirSync(join(root, 'migrations'))
    .filter((f) => /^\d{13}-[A-Za-z0-9]+\.ts$/.test(f))
    .sort();
  const imports = files.map((f) => {
    const [stamp, verbNoun] = f.replace(/\.ts$/, '').split('-');
    return { module: `./${f.replace(/\.ts$/, '')}`, cls: `${verbNoun}${stamp}` };
  });
  writeFileSync(
    join(root, 'migrations', 'index.ts'),
    imports.map((i) => `import { ${i.cls} } from '${i.module}';`).join('\n') +
      '\n\n/** Kept in order by `npm run migration:generate`; never edit a migration that is on main. */\n' +
      // One per line, as Prettier writes it: an unchanged list leaves the file as it was.
      `export const allMigrations = [\n${imports.map((i) => `  ${i.cls},\n`).join('')}];\n`,
  );
}

(async () => {
  const connection = await mysql.createConnection({
    host: base.hostname,
    port: Number(base.port || 3306),
    user: decodeURIComponent(base.username || 'root'),
    password: decodeURIComponent(base.password),
  });
  const [[{ version }]] = await connection.query('SELECT VERSION() AS version');
  // Read as MySQL, MariaDB's catalogue makes every JSON and nullable column look changed.
  if (/mariadb/i.test(version)) dialect = 'mariadb';
  await connection.query(`DROP DATABASE IF EXISTS ${scratchName}`);
  await connection.query(`CREATE DATABASE ${scratchName} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  try {
    writeIndex();
    typeorm('migration:run', '-d', 'migrations/data-source.ts');
    typeorm('migration:generate', `migrations/${name}`, '-d', 'migrations/data-source.ts', '--pretty');
    writeIndex();
    console.log('migrations/index.ts updated; review the new migration, then run `npm run migration:run`.');
  } finally {
    await connection.query(`DROP DATABASE IF EXISTS ${scratchName}`);
    await connection.end();
  }
})().catch((error) => {
  console.error(error.message);
  process.exit(1);
});

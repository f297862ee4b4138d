import type { Command } from 'commander';
import { SnapshotService } from '@lp/reporting';
import { withCliContext } from '../cli-context';

export function registerSnapshotsBackfill(program: Command): void {
  program
    .command('snapshots:backfill')
    .summary('rebuild the daily compliance snapshots')
    .description('rebuild the daily compliance snapshots of every store from a day (UTC, YYYY-MM-DD) up to today')
    .requiredOption('--from <date>', 'first UTC day to rebuild, YYYY-MM-DD')
    .action(async (options: { from: string }) => {
      const days = await withCliContext((context) =>
        context
          .get(SnapshotService)
          .backfill(options.from, ({ day, stores }) => console.log(`  ${day}: ${stores} stores written`)),
      );
      console.log(`Compliance snapshots rebuilt: ${days} closed days since ${options.from}, and today.`);
    });
}

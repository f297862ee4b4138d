import type { EntityManager } from 'typeorm';

/** One thing that still refers to a store or a region, as the CONFLICT that refuses its deletion names it. */
interface Reference {
  words: string;
  plural: boolean;
}

function counted(n: number, singular: string, plural = `${singular}s`): Reference | null {
  return n === 0 ? null : { words: `${n} ${n === 1 ? singular : plural}`, plural: n !== 1 };
}

/** What to do about audience rules limited to the store or region, when some are. */
export function audienceAdvice(programCodes: string | null): string {
  return programCodes
    ? ` Take it out of the audience of ${programCodes} first (updateCertificationProgram with an audience that does not name it).`
    : '';
}

function audienceOf(programCodes: string | null): Reference | null {
  if (!programCodes) return null;
  const plural = programCodes.includes(',');
  return { words: `the ${plural ? 'audiences of programmes' : 'audience of programme'} ${programCodes}`, plural };
}

/** "A, B and C refer to it", or null when nothing does. */
function referToIt(references: (Reference | null)[]): string | null {
  const found = references.filter((reference): reference is Reference => reference !== null);
  if (found.length === 0) return null;
  const words = found.map((reference) => reference.words);
  const list = words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
  return `${list} ${found.length > 1 || found[0].plural ? 'refer' : 'refers'} to it`;
}

/**
 * What still refers to a store: its people (the employees table keeps former staff too), the
 * transfers in their history (employee_changes holds store ids), the managers of other stores
 * who manage it or did (the link is the record of who managed it, which the row's deletion
 * would take with it), audience rules, daily snapshots and the audit trail of what happened there
 * (its own create/update events aside). The last three are other domains' tables, read here
 * by name so that organisation need not depend on them. Meant to run after the store row is
 * locked: a row referring to it by foreign key cannot be added until the caller commits.
 */
export async function storeReferences(
  manager: EntityManager,
  storeId: number,
): Promise<{ sentence: string | null; activeEmployees: number; programs: string | null }> {
  const [row] = (await manager.query(
    `SELECT
       (SELECT COUNT(*) FROM employees WHERE store_id = ? AND active = 1) AS active,
       (SELECT COUNT(*) FROM employees WHERE store_id = ? AND active = 0) AS former,
       (SELECT COUNT(DISTINCT employee_id) FROM employee_changes
         WHERE kind = 'STORE' AND (from_value = ? OR to_value = ?)
           AND employee_id NOT IN (SELECT id FROM employees WHERE store_id = ?)) AS transferred,
       (SELECT COUNT(*) FROM store_managers m JOIN employees e ON e.id = m.employee_id
         WHERE m.store_id = ? AND e.active = 1) AS managers,
       (SELECT COUNT(*) FROM store_managers m JOIN employees e ON e.id = m.employee_id
         WHERE m.store_id = ? AND e.active = 0) AS former_managers,
       (SELECT GROUP_CONCAT(DISTINCT p.code ORDER BY p.code SEPARATOR ', ')
          FROM program_audiences a JOIN certification_programs p ON p.id = a.program_id
         WHERE a.store_id = ?) AS programs,
       (SELECT COUNT(*) FROM store_compliance_snapshots WHERE store_id = ?) AS snapshots,
       (SELECT COUNT(*) FROM audit_events
         WHERE store_id = ? AND NOT (subject_type = 'Store' AND subject_id = ?)) AS events`,
    [
      storeId,
      storeId,
      String(storeId),
      String(storeId),
      storeId,
      storeId,
      storeId,
      storeId,
      storeId,
      storeId,
      String(storeId),
    ],
  )) as (Record<
    'active' | 'former' | 'transferred' | 'managers' | 'former_managers' | 'snapshots' | 'events',
    string
  > & {
    programs: string | null;
  })[];
  const transferred = Number(row.transferred);
  return {
    activeEmployees: Number(row.active),
    programs: row.programs,
    sentence: referToIt([
      counted(Number(row.active), 'active employee'),
      counted(Number(row.former), 'former employee'),
      transferred === 0 ? null : { words: `the transfers of ${counted(transferred, 'employee')!.words}`, plural: true },
      counted(Number(row.managers), 'store manager'),
      counted(Number(row.former_managers), 'former store manager'),
      audienceOf(row.programs),
      counted(Number(row.snapshots), 'daily compliance snapshot'),
      counted(Number(row.events), 'audit event'),
    ]),
  };
}

/** What still refers to a region: its stores, its regional managers (former ones too) and audience rules; locked as above. */
export async function regionReferences(
  manager: EntityManager,
  regionId: number,
): Promise<{ sentence: string | null; stores: number; openStores: number; managers: number; programs: string | null }> {
  const [row] = (await manager.query(
    `SELECT
       (SELECT COUNT(*) FROM stores WHERE region_id = ?) AS stores,
       (SELECT COUNT(*) FROM stores WHERE region_id = ? AND closed_on IS NULL) AS open_stores,
       (SELECT COUNT(*) FROM region_managers m JOIN employees e ON e.id = m.employee_id
         WHERE m.region_id = ? AND e.active = 1) AS managers,
       (SELECT COUNT(*) FROM region_managers m JOIN employees e ON e.id = m.employee_id
         WHERE m.region_id = ? AND e.active = 0) AS former_managers,
       (SELECT GROUP_CONCAT(DISTINCT p.code ORDER BY p.code SEPARATOR ', ')
          FROM program_audiences a JOIN certification_programs p ON p.id = a.program_id
         WHERE a.region_id = ?) AS programs`,
    [regionId, regionId, regionId, regionId, regionId],
  )) as { stores: string; open_stores: string; managers: string; former_managers: string; programs: string | null }[];
  const [stores, openStores, managers] = [Number(row.stores), Number(row.open_stores), Number(row.managers)];
  return {
    stores,
    openStores,
    managers,
    programs: row.programs,
    sentence: referToIt([
      counted(openStores, 'store'),
      counted(stores - openStores, 'closed store'),
      counted(managers, 'regional manager'),
      counted(Number(row.former_managers), 'former regional manager'),
      audienceOf(row.programs),
    ]),
  };
}

import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { AuthContext } from '../access/auth-context.ts';
import { hasRole, ORG_ADMIN_ROLES } from '../access/roles.ts';
import { canSeeStore } from '../access/scope.ts';
import type { Db } from '../db/client.ts';
import { members, stores, tags } from '../db/schema/index.ts';
import type { ErrorDetail } from '../errors.ts';
import { ensureTags, tagMembers } from '../tags/tag-members.ts';
import { recordMemberEvents } from '../timeline/record-member-event.ts';
import { parseCsv, refuseCsvImport } from './csv.ts';
import { type ImportRow, readImportRows } from './import-rows.ts';

export const MAX_IMPORT_ROWS = 50_000;

type Lookups = {
  storeIds: Map<string, string>;
  tagIds: Map<string, string[]>;
  existing: Map<string, { id: string; storeId: string | null }>;
};

const loadLookups = async (db: Db, tenantId: string, rows: ImportRow[]): Promise<Lookups> => {
  const storeRows = await db
    .select({ id: stores.id, code: stores.code })
    .from(stores)
    .where(eq(stores.tenantId, tenantId));
  const tagRows = await db
    .select({ id: tags.id, name: tags.name })
    .from(tags)
    .where(eq(tags.tenantId, tenantId));
  const tagIds = new Map<string, string[]>();
  for (const t of tagRows) tagIds.set(t.name, [...(tagIds.get(t.name) ?? []), t.id]);
  const refs = rows.flatMap((r) => (r.externalRef ? [r.externalRef] : []));
  const existing = new Map<string, { id: string; storeId: string | null }>();
  for (let i = 0; i < refs.length; i += 5_000) {
    const found = await db
      .select({ id: members.id, storeId: members.storeId, ref: members.externalRef })
      .from(members)
      .where(and(eq(members.tenantId, tenantId), inArray(members.externalRef, refs.slice(i, i + 5_000))));
    for (const m of found) existing.set(m.ref!, { id: m.id, storeId: m.storeId });
  }
  return { storeIds: new Map(storeRows.map((s) => [s.code, s.id])), tagIds, existing };
};

/** What only the database can tell: the store exists and is the caller's, tags are unambiguous, the member is visible. */
const checkAgainstBrand = (auth: AuthContext, rows: ImportRow[], lookups: Lookups): ErrorDetail[] => {
  const problems: ErrorDetail[] = [];
  const canCreateTags = hasRole(auth, ...ORG_ADMIN_ROLES);
  for (const r of rows) {
    const problem = (column: string, message: string) =>
      problems.push({ path: `row ${r.row}.${column}`, message });
    const storeId = r.storeCode ? lookups.storeIds.get(r.storeCode) : null;
    if (r.storeCode && (!storeId || !canSeeStore(auth.scope, storeId)))
      problem('store', `unknown store "${r.storeCode}"`);
    if (!r.storeCode && auth.scope.kind === 'stores') problem('store', 'required for a store-bound caller');
    for (const name of r.tagNames) {
      const ids = lookups.tagIds.get(name) ?? [];
      if (ids.length > 1) problem('tags', `tag "${name}" exists in several groups`);
      if (ids.length === 0 && !canCreateTags) problem('tags', `unknown tag "${name}"`);
    }
    const match = r.externalRef ? lookups.existing.get(r.externalRef) : undefined;
    if (match && !canSeeStore(auth.scope, match.storeId)) {
      problem('external_id', `"${r.externalRef}" belongs to a member outside your stores`);
    }
  }
  return problems;
};

/**
 * Import members from CSV (name, phone, store code, `;`-separated tag names, external_id). Every row is checked
 * before anything is written; one bad row refuses the whole file. A row whose external_id is known updates that
 * member; the others create members. All writes share one transaction.
 */
export const importMembers = async (
  db: Db,
  input: { auth: AuthContext; csv: string; now: Date },
): Promise<{ created: number; updated: number; tagged: number }> => {
  const { auth, now } = input;
  const tenantId = auth.tenantId;
  const parsed = parseCsv(input.csv);
  if (!parsed.ok) refuseCsvImport([{ path: `line ${parsed.line}`, message: parsed.message }]);
  const records = parsed.ok ? parsed.rows : [];
  if (records.length - 1 > MAX_IMPORT_ROWS)
    refuseCsvImport([{ path: 'csv', message: `more than ${MAX_IMPORT_ROWS} rows` }]);
  const { rows, problems, columns } = readImportRows(records);
  if (problems.length > 0) refuseCsvImport(problems);
  const lookups = await loadLookups(db, tenantId, rows);
  const brandProblems = checkAgainstBrand(auth, rows, lookups);
  if (brandProblems.length > 0) refuseCsvImport(brandProblems);

  return db.transaction(async (tx) => {
    const created = rows.filter((r) => !(r.externalRef && lookups.existing.has(r.externalRef)));
    const valuesOf = (r: ImportRow) => ({
      name: r.name,
      phone: r.phone,
      storeId: r.storeCode ? lookups.storeIds.get(r.storeCode)! : null,
    });
    const memberIdOfRow = new Map<number, string>();
    for (let i = 0; i < created.length; i += 2_000) {
      const chunk = created.slice(i, i + 2_000);
      // Ids made here rather than read back, so no reliance on RETURNING keeping the VALUES order.
      const ids = chunk.map(() => randomUUID());
      await tx
        .insert(members)
        .values(chunk.map((r, j) => ({ id: ids[j], tenantId, externalRef: r.externalRef, ...valuesOf(r) })));
      for (const [j, r] of chunk.entries()) memberIdOfRow.set(r.row, ids[j]!);
    }
    const updated = rows.filter((r) => r.externalRef && lookups.existing.has(r.externalRef));
    for (const r of updated) {
      const id = lookups.existing.get(r.externalRef!)!.id;
      // A column the file does not have leaves the member's value alone; an empty cell clears it.
      const { name, phone, storeId } = valuesOf(r);
      const patch = {
        name,
        ...(columns.has('phone') ? { phone } : {}),
        ...(columns.has('storeCode') ? { storeId } : {}),
      };
      await tx
        .update(members)
        .set(patch)
        .where(and(eq(members.tenantId, tenantId), eq(members.id, id)));
      memberIdOfRow.set(r.row, id);
    }
    await recordMemberEvents(
      tx,
      [...memberIdOfRow.values()].map((memberId) => ({
        tenantId,
        memberId,
        type: 'member.imported' as const,
        occurredAt: now,
        data: { actor: `${auth.actor.type}:${auth.actor.id}` },
      })),
    );
    const newTags = await ensureTags(
      tx,
      tenantId,
      rows.flatMap((r) => r.tagNames).filter((n) => !lookups.tagIds.has(n)),
    );
    const tagIdOf = (name: string) => newTags.get(name) ?? lookups.tagIds.get(name)![0]!;
    // Group rows by their tag set so each distinct set is one bulk call.
    const byTags = new Map<string, string[]>();
    for (const r of rows) {
      if (r.tagNames.length === 0) continue;
      const key = r.tagNames.map(tagIdOf).sort().join(',');
      const group = byTags.get(key) ?? [];
      group.push(memberIdOfRow.get(r.row)!);
      byTags.set(key, group);
    }
    let tagged = 0;
    for (const [key, memberIds] of byTags) {
      const source = 'import';
      tagged += await tagMembers(tx, {
        tenantId,
        memberIds,
        tagIds: key.split(','),
        source,
        occurredAt: now,
      });
    }
    return { created: created.length, updated: updated.length, tagged };
  });
};

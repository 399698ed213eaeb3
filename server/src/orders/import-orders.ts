import { eq } from 'drizzle-orm';
import type { AuthContext } from '../access/auth-context.ts';
import { canSeeStore } from '../access/scope.ts';
import type { Db } from '../db/client.ts';
import { stores } from '../db/schema/index.ts';
import type { ErrorDetail } from '../errors.ts';
import { parseCsv, refuseCsvImport } from '../members/csv.ts';
import { type OrderInput, orderInputSchema } from './orders.schemas.ts';
import { recordOrder } from './record-order.ts';

export const MAX_ORDER_ROWS = 20_000;
const columns = ['external_id', 'amount', 'currency', 'ordered_at', 'store', 'member_code', 'phone'] as const;

/** Yuan with up to two decimals ("129.9") to cents, exactly (no floating point). */
const centsOf = (amount: string): number | null => {
  const m = /^(\d{1,10})(?:\.(\d{1,2}))?$/.exec(amount.trim());
  return m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : null;
};

/**
 * Import orders from CSV (external_id, amount in yuan, currency, ordered_at ISO time, store code, member_code,
 * phone). Every row is checked first and one bad row imports nothing; orders already recorded (same external_id)
 * are skipped, so importing a file again adds nothing. All orders are written in one transaction.
 */
export const importOrders = async (
  db: Db,
  input: { auth: AuthContext; csv: string },
): Promise<{ created: number; existing: number }> => {
  const { auth } = input;
  const parsed = parseCsv(input.csv);
  if (!parsed.ok) return refuseCsvImport([{ path: `line ${parsed.line}`, message: parsed.message }]);
  const [header = [], ...records] = parsed.rows.filter((r) => r.some((cell) => cell.trim() !== ''));
  if (records.length > MAX_ORDER_ROWS)
    refuseCsvImport([{ path: 'csv', message: `more than ${MAX_ORDER_ROWS} rows` }]);
  const index = new Map(header.map((h, i) => [h.trim().toLowerCase(), i]));
  for (const required of ['external_id', 'amount', 'ordered_at'])
    if (!index.has(required)) refuseCsvImport([{ path: 'header', message: `missing column ${required}` }]);
  const storeRows = await db
    .select({ id: stores.id, code: stores.code })
    .from(stores)
    .where(eq(stores.tenantId, auth.tenantId));
  const storeIds = new Map(storeRows.map((s) => [s.code, s.id]));

  const problems: ErrorDetail[] = [];
  const inputs: OrderInput[] = [];
  const seen = new Set<string>();
  for (const [i, record] of records.entries()) {
    const row = i + 2;
    const cell = (c: (typeof columns)[number]) => {
      const at = index.get(c);
      const value = at === undefined ? '' : (record[at] ?? '').trim();
      return value === '' ? undefined : value;
    };
    const problem = (column: string, message: string) =>
      problems.push({ path: `row ${row}.${column}`, message });
    const amountCents = centsOf(cell('amount') ?? '');
    if (amountCents === null) problem('amount', 'a number of yuan with at most 2 decimals');
    const storeCode = cell('store');
    const storeId = storeCode ? storeIds.get(storeCode) : undefined;
    if (storeCode && (!storeId || !canSeeStore(auth.scope, storeId)))
      problem('store', `unknown store "${storeCode}"`);
    const memberCode = cell('member_code');
    const phone = cell('phone');
    const candidate = orderInputSchema.safeParse({
      externalId: cell('external_id'),
      amountCents: amountCents ?? 0,
      currency: cell('currency') ?? 'CNY',
      orderedAt: cell('ordered_at'),
      storeId,
      member: memberCode || phone ? { memberCode, phone } : undefined,
    });
    if (!candidate.success) {
      for (const issue of candidate.error.issues) problem(issue.path.join('.') || 'row', issue.message);
      continue;
    }
    if (seen.has(candidate.data.externalId)) problem('external_id', 'appears twice in the file');
    seen.add(candidate.data.externalId);
    inputs.push(candidate.data);
  }
  if (problems.length > 0) refuseCsvImport(problems);

  return db.transaction(async (tx) => {
    let created = 0;
    for (const order of inputs) {
      const result = await recordOrder(tx, {
        tenantId: auth.tenantId,
        scope: auth.scope,
        order,
        source: 'csv',
      });
      if (result.isNew) created += 1;
    }
    return { created, existing: inputs.length - created };
  });
};

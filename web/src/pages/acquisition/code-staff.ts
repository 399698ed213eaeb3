/** The staff a code's form lists, as the form holds them (a row may still be empty). */
export type StaffChoices = {
  staff?: { staffId?: string; dailyCap?: number | null }[];
  backupStaffIds?: string[];
  schedule?: { staffIds?: string[] }[];
};

/**
 * The choices without the staff who cannot take members on the chosen platform account (after the account
 * changed), or null when every choice may stay. A dropped row keeps its place and cap, so the form asks again.
 */
export const dropUnassignable = <T extends StaffChoices>(
  target: T,
  assignable: ReadonlySet<string>,
): T | null => {
  const isKept = (id: string | undefined) => !id || assignable.has(id);
  const chosen = [
    ...(target.staff ?? []).map((s) => s.staffId),
    ...(target.backupStaffIds ?? []),
    ...(target.schedule ?? []).flatMap((w) => w.staffIds ?? []),
  ];
  if (chosen.every(isKept)) return null;
  return {
    ...target,
    staff: target.staff?.map((s) => (isKept(s.staffId) ? s : { ...s, staffId: undefined })),
    backupStaffIds: target.backupStaffIds?.filter(isKept),
    schedule: target.schedule?.map((w) => ({ ...w, staffIds: w.staffIds?.filter(isKept) })),
  };
};

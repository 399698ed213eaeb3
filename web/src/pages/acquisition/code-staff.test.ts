import { describe, expect, it } from 'vitest';
import { dropUnassignable } from './code-staff.ts';

describe('dropUnassignable', () => {
  const target = {
    kind: 'staff' as const,
    staff: [{ staffId: 'li', dailyCap: 20 }, { staffId: 'wang', dailyCap: 5 }, {}],
    backupStaffIds: ['wang', 'zhao'],
    schedule: [{ weekdays: [1], from: '09:00', to: '18:00', staffIds: ['li', 'zhao'] }],
  };

  it('empties the rows of staff who cannot take members there, keeping their caps and the rest', () => {
    expect(dropUnassignable(target, new Set(['li']))).toEqual({
      kind: 'staff',
      staff: [{ staffId: 'li', dailyCap: 20 }, { staffId: undefined, dailyCap: 5 }, {}],
      backupStaffIds: [],
      schedule: [{ weekdays: [1], from: '09:00', to: '18:00', staffIds: ['li'] }],
    });
  });

  it('answers null when every choice may stay, so the form is left alone', () => {
    expect(dropUnassignable(target, new Set(['li', 'wang', 'zhao']))).toBeNull();
    expect(dropUnassignable({ staff: [{}] }, new Set())).toBeNull();
  });

  it('drops a staff member chosen only as a backup or in a duty window', () => {
    expect(dropUnassignable({ backupStaffIds: ['zhao'] }, new Set(['li']))).toEqual({
      backupStaffIds: [],
      staff: undefined,
      schedule: undefined,
    });
    expect(dropUnassignable({ schedule: [{ staffIds: ['zhao'] }] }, new Set(['li']))?.schedule).toEqual([
      { staffIds: [] },
    ]);
  });
});

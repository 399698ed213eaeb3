/**
 * The demo brand: seed 000's maternal & baby chain in miniature. Pure data, so the seed and its tests read the same.
 */
export const demoBrand = {
  name: 'Sunny Baby 阳光母婴 (demo)',
  region: 'East China',
  operator: { name: 'Lily Chen', email: 'operator@demo.orchard.local' },
  stores: [
    { code: 'JA', name: "Jing'an store", group: "Happy Moms Jing'an" },
    { code: 'XH', name: 'Xuhui store', group: 'Happy Moms Xuhui' },
    { code: 'PD', name: 'Pudong store', group: 'Happy Moms Pudong' },
  ],
  /** Members who already came in through the store flyer and the group codes. */
  members: ['Wang Fang', 'Li Na', 'Zhang Min', 'Liu Yang', 'Chen Jing', 'Zhao Lei'],
} as const;

export const staffEmailOf = (role: 'manager' | 'guide', storeCode: string): string =>
  `${role}.${storeCode.toLowerCase()}@demo.orchard.local`;

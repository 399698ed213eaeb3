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
  /** A store-poster channel code over the three guides (seed 000's flyers and store gift). */
  channelCode: {
    name: 'Store poster: free gift',
    source: 'store_poster' as const,
    headline: 'Add your guide, get a free gift',
    tagNames: ['store-poster'],
    welcome: {
      text: 'Hi {nickname}, I am {staff} of {store}. Your welcome gift:',
      attachments: [
        { type: 'coupon' as const, templateId: 'welcome-gift', title: 'Free gift at the counter' },
      ],
    },
  },
  welcome: {
    private: { text: 'Hi {nickname}, welcome to Sunny Baby! I am {staff}.' },
    group: { text: 'Welcome %NICKNAME% to {group}! Relay games and red packets every evening at 8.' },
  },
};

export const staffEmailOf = (role: 'manager' | 'guide', storeCode: string): string =>
  `${role}.${storeCode.toLowerCase()}@demo.orchard.local`;

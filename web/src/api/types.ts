import type { components } from './schema.d.ts';

/** Short names for the API's schemas; every one comes from the generated schema.d.ts. */
export type Schemas = components['schemas'];
export type Role = Schemas['Role'];
export type Me = Schemas['Me'];
export type Store = Schemas['Store'];
export type Region = Schemas['Region'];
export type Staff = Schemas['Staff'];
export type RoleGrant = Schemas['RoleGrant'];
export type ApiKey = Schemas['ApiKey'];
export type CreatedApiKey = Schemas['CreatedApiKey'];
export type AuditEntry = Schemas['AuditEntry'];
export type Tag = Schemas['Tag'];
export type TagGroup = Schemas['TagGroup'];
export type Member = Schemas['Member'];
export type MemberDetail = Schemas['MemberDetail'];
export type MemberFilter = Schemas['MemberFilter'];
export type MemberAttribute = Schemas['MemberAttribute'];
export type MemberStage = Member['stage'];
export type PlatformAccount = Schemas['PlatformAccount'];
export type Community = Schemas['Community'];
export type CommunityDetail = Schemas['CommunityDetail'];
export type CommunitySeries = Schemas['CommunitySeries'];
export type CommunitySeriesDetail = Schemas['CommunitySeriesDetail'];
export type RosterEntry = Schemas['CommunityRosterEntry'];
export type CommunityType = NonNullable<Community['type']>;
export type DemandPattern = NonNullable<Community['demandPattern']>;
export type KeywordRule = Schemas['KeywordRule'];
export type KeywordScope = Schemas['KeywordScope'];
export type CreateKeywordRuleInput = Schemas['CreateKeywordRuleInput'];
export type ModerationSettings = Schemas['ModerationSettings'];
export type ModerationIncident = Schemas['ModerationIncident'];
export type InboundEvent = Schemas['InboundEvent'];
export type OutboundMessage = Schemas['OutboundMessage'];
export type SandboxUser = Schemas['SandboxUser'];
export type SandboxGroup = Schemas['SandboxGroup'];
export type SandboxLink = Schemas['SandboxLink'];
export type SandboxMessage = Schemas['SandboxMessage'];
export type SandboxStaffAccount = Schemas['SandboxStaffAccount'];
export type ChannelCode = Schemas['ChannelCode'];
export type ChannelCodeStats = Schemas['ChannelCodeStats'];
export type ChannelCodeTarget = Schemas['ChannelCodeTarget'];
export type Partner = Schemas['Partner'];
export type WelcomeContent = Schemas['WelcomeContent'];
export type WelcomeSettings = Schemas['WelcomeSettings'];
export type LoyaltySettings = Schemas['LoyaltySettings'];
export type Level = Schemas['Level'];
export type CouponTemplate = Schemas['CouponTemplate'];
export type Coupon = Schemas['Coupon'];
export type MallItem = Schemas['MallItem'];
export type Fulfilment = Schemas['Fulfilment'];
export type MassSend = Schemas['MassSend'];

export const memberStages = ['new', 'active', 'silent', 'churned', 'core'] as const satisfies MemberStage[];
export const roles = ['owner', 'operator', 'store_manager', 'guide'] as const satisfies Role[];
export const communityTypes = [
  'welfare',
  'sales',
  'sharing',
  'enablement',
] as const satisfies CommunityType[];
export const demandPatterns = [
  'high_frequency_rigid',
  'low_frequency_rigid',
  'niche',
] as const satisfies DemandPattern[];
export const rosterRoles = [
  'owner',
  'admin',
  'welfare_officer',
  'consultant',
  'helper',
] as const satisfies RosterEntry['role'][];
export const matchModes = [
  'exact',
  'contains',
  'starts_with',
  'regex',
] as const satisfies KeywordRule['matchMode'][];
export const ladderSteps = ['warn', 'delete', 'mute', 'remove', 'ban'] as const;
export const eventStatuses = ['pending', 'processed', 'failed'] as const satisfies InboundEvent['status'][];
export const outboundStatuses = [
  'pending',
  'sending',
  'sent',
  'failed',
  'cancelled',
] as const satisfies OutboundMessage['status'][];
export const channelSources = [
  'flyer',
  'store_poster',
  'payment_page',
  'official_account_menu',
  'app_page',
  'moments_ad',
  'partner_merchant',
  'custom',
] as const satisfies ChannelCode['source'][];
export const assignmentStrategies = [
  'round_robin',
  'random',
  'least_loaded',
  'schedule',
] as const satisfies Extract<ChannelCode['target'], { kind: 'staff' }>['strategy'][];

export * from './members.ts';
export * from './org.ts';
export * from './platform.ts';
export * from './profiles.ts';
export * from './sandbox.ts';
export * from './tenants.ts';

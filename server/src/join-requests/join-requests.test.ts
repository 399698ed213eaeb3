import { describe, expect, it } from 'vitest';
import { decideJoinRequest } from './join-requests.ts';

describe('decideJoinRequest', () => {
  const facts = { isOrchardLink: true, isBanned: false, canAnswer: true };

  it("approves a request through Orchard's own link", () => {
    expect(decideJoinRequest(facts)).toBe('approve');
  });

  it('declines a banned member, even through an Orchard link', () => {
    expect(decideJoinRequest({ ...facts, isBanned: true })).toBe('decline');
    expect(decideJoinRequest({ ...facts, isBanned: true, isOrchardLink: false })).toBe('decline');
  });

  it("leaves a request through someone else's link to staff", () => {
    expect(decideJoinRequest({ ...facts, isOrchardLink: false })).toBe('staff');
  });

  it('leaves every request to staff where the platform cannot answer', () => {
    expect(decideJoinRequest({ ...facts, canAnswer: false })).toBe('staff');
    expect(decideJoinRequest({ ...facts, canAnswer: false, isBanned: true })).toBe('staff');
  });
});

/**
 * Generated from Orchard's OpenAPI document by `npm run api:types -w web`. Do not edit by hand:
 * change the server's routes and regenerate.
 */
export interface paths {
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with email and password; returns a bearer session token */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the current session */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller (staff member or API key), its brand, roles and scope */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/regions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listRegions"];
        put?: never;
        post: operations["createRegion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stores": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Stores the caller may see (all of the brand, or its own stores) */
        get: operations["listStores"];
        put?: never;
        post: operations["createStore"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stores/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getStore"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["updateStore"];
        trace?: never;
    };
    "/api/v1/staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listStaff"];
        put?: never;
        /** Add a staff member, optionally with a password and role grants */
        post: operations["createStaff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getStaff"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit a staff member; isActive=false deactivates and signs them out */
        patch: operations["updateStaff"];
        trace?: never;
    };
    "/api/v1/staff/{id}/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Replace a staff member's role grants */
        put: operations["setStaffRoles"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listApiKeys"];
        put?: never;
        /** Create an API key; the full key is in this response only */
        post: operations["createApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke an API key; it stops working at once */
        post: operations["revokeApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Changes made in this brand, newest first */
        get: operations["listAuditLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import members from CSV; every row is checked first and one broken row imports nothing
         * @description Columns (header, any order): name (required), phone, store (store code), tags (names separated by ;), external_id (matches an existing member to update). Send text/csv, or JSON {"csv": "..."}.
         */
        post: operations["importMembers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The filtered members as CSV (same filters as listMembers) */
        get: operations["exportMembers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tag-groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["createTagGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every tag of the brand: groups in order with their tags, then ungrouped tags */
        get: operations["listTags"];
        put?: never;
        post: operations["createTag"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tags/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a tag; it comes off every member */
        delete: operations["deleteTag"];
        options?: never;
        head?: never;
        patch: operations["updateTag"];
        trace?: never;
    };
    "/api/v1/members/tags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add and remove tags on many members at once (listed ids or a filter), all or nothing */
        post: operations["tagMembers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Members the caller may see, newest first, filtered by tags, store, stage, joined date and name */
        get: operations["listMembers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getMember"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["updateMember"];
        trace?: never;
    };
    "/api/v1/members/{id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Everything that happened to the member, newest first */
        get: operations["getMemberTimeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/member-attributes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listMemberAttributes"];
        put?: never;
        post: operations["defineMemberAttribute"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/platform-accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listPlatformAccounts"];
        put?: never;
        /** Connect a platform account (sandbox, WeCom app, Telegram bot); secrets are sealed at rest */
        post: operations["createPlatformAccount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/platform-accounts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getPlatformAccount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/platform-accounts/{id}/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Call the platform with the account's credentials and report what works */
        post: operations["checkPlatformAccount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/platform-accounts/{id}/staff-accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listStaffAccounts"];
        put?: never;
        /** Link a platform user (a WeCom userid) to an Orchard staff member */
        post: operations["linkStaffAccount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff-accounts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["unlinkStaffAccount"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/platform-accounts/{id}/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Read the platform's customers, groups or tags into Orchard (a background job) */
        post: operations["syncPlatformAccount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mass-sends": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Mass sends, newest first, each with its status (e.g. awaiting a staff member’s confirmation) */
        get: operations["listMassSends"];
        put?: never;
        /** Plan a mass message within the platform's per-recipient quota (a staff-confirmed task on WeCom) */
        post: operations["createMassSend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mass-sends/quota": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Can this member receive a mass message now on this account? */
        get: operations["getMassQuota"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mass-sends/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getMassSend"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sandbox/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["sandboxListMembers"];
        put?: never;
        post: operations["sandboxCreateMember"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sandbox/staff-accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["sandboxListStaffAccounts"];
        put?: never;
        post: operations["sandboxCreateStaffAccount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sandbox/groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["sandboxListGroups"];
        put?: never;
        post: operations["sandboxCreateGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sandbox/links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["sandboxListLinks"];
        put?: never;
        post: operations["sandboxCreateLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sandbox/links/open": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["sandboxOpenLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sandbox/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["sandboxPostMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sandbox/groups/leave": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["sandboxLeaveGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sandbox/groups/{groupId}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Everything the group shows, oldest first */
        get: operations["sandboxListGroupMessages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sandbox/members/{memberId}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the member's private chats with staff show, oldest first */
        get: operations["sandboxListPrivateMessages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Inbound platform events, newest first */
        get: operations["listInboundEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Give a failed event one more try */
        post: operations["retryInboundEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/outbound-messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Outbound messages and actions, newest first */
        get: operations["listOutboundMessages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/outbound-messages/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a failed outbound message again */
        post: operations["retryOutboundMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/communities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Communities the caller may see, newest first */
        get: operations["listCommunities"];
        put?: never;
        /** Create a group on the platform, or link an existing one, under a store */
        post: operations["createCommunity"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/communities/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getCommunity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["updateCommunity"];
        trace?: never;
    };
    "/api/v1/communities/{id}/roster": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Replace the group's persona roster */
        put: operations["setCommunityRoster"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/community-series": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listCommunitySeries"];
        put?: never;
        /** Create a series of groups ("<template> A, B…") and open its first group */
        post: operations["createCommunitySeries"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/community-series/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getCommunitySeries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/keyword-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Keyword rules the caller may see, highest priority first */
        get: operations["listKeywordRules"];
        put?: never;
        /** Create a keyword auto-reply rule (a catastrophic regex is refused) */
        post: operations["createKeywordRule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/keyword-rules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["deleteKeywordRule"];
        options?: never;
        head?: never;
        patch: operations["updateKeywordRule"];
        trace?: never;
    };
    "/api/v1/moderation/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The brand's group rules, whitelist and escalation ladder (defaults until saved) */
        get: operations["getModerationSettings"];
        /** Replace the moderation settings; omitted fields take their defaults */
        put: operations["updateModerationSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/moderation/incidents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Offences detected, newest first, with what was done and the offending message */
        get: operations["listModerationIncidents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/channel-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Channel codes the caller may see, newest first (archived ones on request) */
        get: operations["listChannelCodes"];
        put?: never;
        /** Create a channel code leading to staff (1:1) or to a community series (group) */
        post: operations["createChannelCode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/channel-codes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getChannelCode"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a code; its link, state and QR stay the same */
        patch: operations["updateChannelCode"];
        trace?: never;
    };
    "/api/v1/channel-codes/{id}/qr": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The QR of the code's public link, PNG (512 px) or SVG */
        get: operations["getChannelCodeQr"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/channel-codes/{id}/poster": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A printable poster (720×1080): headline, QR, name and link
         * @description PNG: text in a built-in bitmap font (ASCII and ¥; other characters, e.g. Chinese, print as boxes). SVG: the same layout with the text as real text, so any script prints.
         */
        get: operations["getChannelCodePoster"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/channel-codes/{id}/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Scans, arrivals, new members, still in / left (churn), by local day and by staff */
        get: operations["getChannelCodeStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/partners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Partners with the members their codes brought */
        get: operations["listPartners"];
        put?: never;
        /** Add a partner merchant (community alliance); partner codes attribute members to it */
        post: operations["createPartner"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/partners/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["updatePartner"];
        trace?: never;
    };
    "/api/v1/welcome-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The brand's default welcomes and group batching */
        get: operations["getWelcomeSettings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["updateWelcomeSettings"];
        trace?: never;
    };
    "/api/v1/communities/{id}/welcome": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The community's own group welcome (null: it uses the next level's) */
        get: operations["getCommunityWelcome"];
        /** Set (or clear with null) the community's group welcome */
        put: operations["updateCommunityWelcome"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/community-series/{id}/welcome": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The series's own group welcome (null: it uses the next level's) */
        get: operations["getSeriesWelcome"];
        /** Set (or clear with null) the series's group welcome */
        put: operations["updateSeriesWelcome"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/loyalty/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getLoyaltySettings"];
        /** Points rules, check-in (keywords, streak bonuses, milestones, make-up cards), level basis, timezone */
        put: operations["updateLoyaltySettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/loyalty/levels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listLevels"];
        put?: never;
        /** Add a member level (e.g. Sprout, Blossom, Fruit) with its threshold and benefits */
        post: operations["createLevel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/loyalty/levels/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a level (members move on their next points change, or with the nightly job) */
        patch: operations["updateLevel"];
        trace?: never;
    };
    "/api/v1/members/{id}/points": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A member’s balance, level, next level and next expiry */
        get: operations["getMemberPoints"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/{id}/points/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listMemberPointsHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/{id}/points/adjustments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add or take points by hand (owner, operator); the reason is kept in the ledger and the audit log */
        post: operations["adjustPoints"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/points/entries/{entryId}/reverse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Undo a ledger entry once: refund a spend, or take back what is left of an earning */
        post: operations["reversePointsEntry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/loyalty/balance-check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Members whose balance differs from the sum of their ledger (expected: none) */
        get: operations["checkPointsBalances"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/{id}/member-link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A signed, expiring link to the member’s own pages (points, mall, coupons, check-in), no login */
        post: operations["createMemberLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/coupon-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listCouponTemplates"];
        put?: never;
        /** Create a coupon template: ¥10 off, ¥20 off ¥49, 15% off, or a gift; stock, limits, validity, stores */
        post: operations["createCouponTemplate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/coupons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Issued coupons, newest first, with their member (store roles: their stores’ members) */
        get: operations["listCoupons"];
        put?: never;
        /** Issue a coupon to a member (201), or return the one issued under the same idempotency key (200) */
        post: operations["issueCoupon"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/coupons/redeem": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Redeem a coupon by its code at a store (POS); the same requestId again returns the first answer
         * @description Refusals: 404 not_found (no coupon of this brand has the code), 409 coupon_already_redeemed, 409 coupon_expired, 409 coupon_voided, 422 coupon_not_applicable (wrong store, not valid yet, order too small).
         */
        post: operations["redeemCoupon"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/coupons/{id}/void": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["voidCoupon"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/{id}/coupons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listMemberCoupons"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mall/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listMallItems"];
        put?: never;
        /** Offer an item for points: a physical gift, a coupon, or something virtual */
        post: operations["createMallItem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mall/items/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change an item: price, stock (restock), limits, or take it off the shelf */
        patch: operations["updateMallItem"];
        trace?: never;
    };
    "/api/v1/fulfilments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Physical mall items to hand over or ship (store roles: pickups at their stores) */
        get: operations["listFulfilments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/fulfilments/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["completeFulfilment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/fission-campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The brand’s fission campaigns, each with its figures (inviters, invites, rewards) */
        get: operations["listFissionCampaigns"];
        put?: never;
        /** Create a fission (referral) campaign: tiers, invitee gift, budget, stay window, K, schedule */
        post: operations["createFissionCampaign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/fission-campaigns/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getFissionCampaign"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change status (draft → active → ended), name, headline or end */
        patch: operations["updateFissionCampaign"];
        trace?: never;
    };
    "/api/v1/fission-campaigns/{id}/inviters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The campaign’s inviters, newest first, with their valid, pending and void invites (paged) */
        get: operations["listFissionInviters"];
        put?: never;
        /** Give members their personal invite link (again: their existing one) */
        post: operations["enrollFissionInviters"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/fission-campaigns/{id}/inviters/{memberId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One inviter’s progress: valid, pending and void invites, tiers, link */
        get: operations["getFissionProgress"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/fission-campaigns/{id}/inviters/{memberId}/poster": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The inviter’s poster: headline, the QR of their invite link, their name */
        get: operations["getFissionPoster"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/fission-campaigns/{id}/leaderboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getFissionLeaderboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/fission-campaigns/{id}/invite-tree": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who brought whom (depth), invite counts and the K-factor */
        get: operations["getFissionInviteTree"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/fission-campaigns/{id}/rewards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Rewards of the campaign, oldest first (paged); status=held is the approvals queue */
        get: operations["listFissionRewards"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/fission-rewards/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issue a held reward */
        post: operations["approveFissionReward"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/fission-campaigns/{id}/inviters/{memberId}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Lift an inviter’s hold (set when they invited more than K an hour): later rewards need no approval */
        post: operations["releaseFissionInviter"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/fission-rewards/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["rejectFissionReward"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listOrders"];
        put?: never;
        /** Record an order (idempotent by externalId: the same id again answers the recorded order, 200) */
        post: operations["createOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/refunds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A full or partial refund, once per refund externalId; revenue becomes amount − refunded */
        post: operations["refundOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import orders from CSV; every row is checked first and one broken row imports nothing
         * @description Columns: external_id, amount (yuan, e.g. 129.90), ordered_at (ISO 8601 with offset) required; currency, store (store code), member_code (the member’s external id), phone. Send text/csv.
         */
        post: operations["importOrders"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/webhook-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The secret a POS signs order webhooks with (owner, operator) */
        get: operations["getOrderWebhookSecret"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/funnel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The AARRR funnel of a brand, store, channel code, community or campaign over a period
         * @description Acquisition: members who entered the scope (brand/store: new members; code: first touch; community: joined the group; campaign: joined it). Activation: an interaction (message, check-in, game, page visit) within 7 days. Retention week n: an interaction 7n..7(n+1) days after entering and still in a group at its end (counted once the week is over). Revenue: orders placed in the period owed to the scope (codes: last touch), net of refunds. Referral: inviters, invitees, valid invites, K-factor = valid invites ÷ inviters.
         */
        get: operations["getFunnel"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/funnel/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The members behind one funnel figure (same scope and period) */
        get: operations["listFunnelMembers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getAnalyticsSettings"];
        /** The attribution window (owner, operator) */
        put: operations["updateAnalyticsSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/campaign-costs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listCampaignCosts"];
        put?: never;
        /** Enter a cost (staff hours, ad spend, red packets, gifts) for a campaign and/or a channel code */
        post: operations["createCampaignCost"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/campaigns/roi": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listCampaignRoi"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/campaigns/{id}/roi": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Costs, attributed revenue, ROI, cost per acquired/activated member, plan against actual */
        get: operations["getCampaignRoi"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/codes/{id}/roi": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getChannelCodeRoi"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/communities/{id}/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getGroupHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/leaderboards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getLeaderboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The funnel, campaign ROI or a leaderboard as CSV */
        get: operations["exportAnalyticsCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who the member page is for: the member, the brand, and the stores (the member’s own first) */
        get: operations["getMyProfile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/points": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The member’s balance, level, next level and next expiry */
        get: operations["getMyPoints"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/points/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listMyPointsHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/mall/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The points mall as this member sees it: what they may redeem, and why not otherwise */
        get: operations["listMyMallItems"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/mall/items/{id}/redeem": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Spend points on a mall item (201), or get the redemption made under the same requestId (200)
         * @description Refusals: 409 insufficient_points, 409 out_of_stock, 409 limit_reached, 403 not_eligible (level too low).
         */
        post: operations["redeemMallItem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/coupons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The member’s coupons with their redemption codes */
        get: operations["listMyCoupons"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/coupons/{id}/qr": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The coupon’s redemption code as a QR code (SVG) for the cashier to scan */
        get: operations["getMyCouponQr"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/checkin": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The member’s check-in calendar for a month (default: this month, brand timezone) */
        get: operations["getMyCheckinCalendar"];
        put?: never;
        /** Check in for today from the member page (a second time today answers status "already") */
        post: operations["checkIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/checkin/makeup-cards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Buy a make-up card with points; the same requestId buys one card however often it is sent */
        post: operations["buyMakeupCard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/checkin/makeup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Use a make-up card on a missed day within the brand’s reach */
        post: operations["makeUpCheckin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/fission": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Running fission campaigns and those the member joined (brand-wide ones, and their own store’s): whether they joined, their progress, link and poster */
        get: operations["listMyFissionCampaigns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/fission/{id}/join": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Join a running campaign (another store’s is not found): the member gets their personal invite link (again: the same one) */
        post: operations["joinMyFissionCampaign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/fission/{id}/leaderboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The campaign’s top inviters (names masked) and the member’s own rank */
        get: operations["getMyFissionLeaderboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/fission/{id}/poster": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getMyFissionPoster"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/orders/{tenantId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Orders and refunds from a POS or shop, signed with the brand’s secret (HMAC-SHA256 of timestamp.body) */
        post: operations["receiveOrderWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{platformAccountId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** URL verification for platforms that verify by GET (WeCom echostr) */
        get: operations["verifyWebhook"];
        put?: never;
        /** Platform event delivery (signed by the platform) */
        post: operations["receiveWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/c/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open a channel code: redirect to the platform link Orchard chose for this scan */
        get: operations["openChannelCodeLink"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        LoginResult: {
            token: string;
            expiresAt: string;
            staff: {
                /** Format: uuid */
                id: string;
                name: string;
                email: string;
            };
            tenant: components["schemas"]["TenantSummary"];
            roles: components["schemas"]["Role"][];
            scope: components["schemas"]["Scope"];
        };
        TenantSummary: {
            /** Format: uuid */
            id: string;
            slug: string;
            name: string;
        };
        /** @enum {string} */
        Role: "owner" | "operator" | "store_manager" | "guide";
        Scope: {
            /** @enum {string} */
            kind: "brand";
        } | {
            /** @enum {string} */
            kind: "stores";
            storeIds: string[];
        };
        Me: {
            caller: {
                /** @enum {string} */
                type: "staff";
                /** Format: uuid */
                id: string;
                name: string;
                email: string | null;
            } | {
                /** @enum {string} */
                type: "api_key";
                /** Format: uuid */
                id: string;
                name: string;
                prefix: string;
            };
            tenant: components["schemas"]["TenantSummary"];
            roles: components["schemas"]["Role"][];
            scope: components["schemas"]["Scope"];
        };
        Region: {
            /** Format: uuid */
            id: string;
            name: string;
            createdAt: string;
        };
        Store: {
            /** Format: uuid */
            id: string;
            code: string;
            name: string;
            address: string | null;
            /** Format: uuid */
            regionId: string | null;
            createdAt: string;
        };
        Staff: {
            /** Format: uuid */
            id: string;
            name: string;
            email: string | null;
            /** Format: uuid */
            storeId: string | null;
            isActive: boolean;
            hasPassword: boolean;
            lastLoginAt: string | null;
            createdAt: string;
            roles: {
                role: components["schemas"]["Role"];
                /** Format: uuid */
                storeId: string | null;
            }[];
        };
        RoleGrant: {
            role: components["schemas"]["Role"];
            /** Format: uuid */
            storeId?: string | null;
        };
        CreatedApiKey: components["schemas"]["ApiKey"] & {
            key: string;
        };
        ApiKey: {
            /** Format: uuid */
            id: string;
            name: string;
            prefix: string;
            role: components["schemas"]["Role"];
            /** Format: uuid */
            storeId: string | null;
            /** Format: uuid */
            createdBy: string | null;
            lastUsedAt: string | null;
            revokedAt: string | null;
            createdAt: string;
        };
        AuditEntry: {
            /** Format: uuid */
            id: string;
            actor: {
                /** @enum {string} */
                type: "staff" | "api_key" | "system";
                id: string | null;
            };
            action: string;
            targetType: string | null;
            targetId: string | null;
            data: {
                [key: string]: unknown;
            };
            ip: string | null;
            createdAt: string;
        };
        TagGroup: {
            /** Format: uuid */
            id: string;
            name: string;
            color: string | null;
            sortOrder: number;
            tags: components["schemas"]["Tag"][];
        };
        Tag: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            groupId: string | null;
            name: string;
            color: string | null;
            sortOrder: number;
        };
        MemberFilter: {
            /** Format: uuid */
            storeId?: string;
            /** @enum {string} */
            stage?: "new" | "active" | "silent" | "churned" | "core";
            /** @description Joined at or after */
            joinedFrom?: string;
            /** @description Joined before */
            joinedTo?: string;
            /** @description Name contains (case-insensitive) */
            q?: string;
            /**
             * Format: uuid
             * @description Members attributed to this channel code
             */
            channelCodeId?: string;
            /**
             * @description With channelCodeId: first-touch, last-touch or either attribution (default any)
             * @enum {string}
             */
            touch?: "first" | "last" | "any";
            tags?: {
                all?: string[];
                any?: string[];
                none?: string[];
            };
        };
        Member: {
            /** Format: uuid */
            id: string;
            name: string;
            phone: string | null;
            /** Format: uuid */
            storeId: string | null;
            /** Format: uuid */
            ownerStaffId: string | null;
            /** @enum {string} */
            stage: "new" | "active" | "silent" | "churned" | "core";
            externalRef: string | null;
            createdAt: string;
            lastSeenAt: string | null;
        };
        MemberDetail: components["schemas"]["Member"] & {
            description: string | null;
            identities: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                platformAccountId: string;
                platform: string;
                externalId: string;
                displayName: string | null;
                createdAt: string;
            }[];
            tags: {
                /** Format: uuid */
                id: string;
                name: string;
                /** Format: uuid */
                groupId: string | null;
                color: string | null;
            }[];
            attributes: {
                [key: string]: string | number;
            };
        };
        MemberAttribute: {
            /** Format: uuid */
            id: string;
            key: string;
            label: string;
            /** @enum {string} */
            type: "text" | "number" | "date" | "choice";
            options: string[];
            sortOrder: number;
        };
        CreatedPlatformAccount: components["schemas"]["PlatformAccount"] & {
            /** @description Sandbox only: the secret that signs webhook deliveries. Shown once. */
            webhookSecret?: string;
        };
        Capabilities: {
            canSendDirect: boolean;
            welcome: {
                /** @enum {string} */
                mode: "token";
                deadlineMs: number;
                maxAttachments: number;
            } | {
                /** @enum {string} */
                mode: "message";
            };
            /** @enum {string} */
            groupWelcome: "template" | "message";
            attachments: ("image" | "link" | "miniprogram" | "file" | "coupon")[];
            entryLinks: {
                contact: boolean;
                group: boolean;
                autoCreateGroup: boolean;
                maxStateLength: number;
                /** @enum {string} */
                contactVia?: "staff_account" | "bot";
                maxGroupsPerLink?: number;
            };
            moderation: {
                delete: boolean;
                mute: boolean;
                remove: boolean;
                ban: boolean;
            };
            canCreateGroup: boolean;
            canReadGroupMessages: boolean;
            canSendDice: boolean;
            /** @enum {string} */
            tags: "platform" | "orchard";
            moments: boolean;
            joinRequests: boolean;
            groupCapacity: number;
            rateLimits: {
                perSecond: number;
                perChatPerMinute: number;
                massPerMemberPerMonth?: number;
            };
            massQuota?: {
                /** @enum {string} */
                period: "day" | "week" | "month";
                limit: number | "days_in_month";
                utcOffsetMinutes: number;
            };
        } | null;
        PlatformAccount: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            platform: "sandbox" | "wecom" | "telegram";
            name: string;
            /** @enum {string} */
            status: "active" | "disabled";
            settings: {
                [key: string]: unknown;
            };
            hasSecrets: boolean;
            /** @description Where the platform delivers events: …/webhooks/{id} */
            webhookUrl: string;
            capabilities: components["schemas"]["Capabilities"];
            createdAt: string;
        };
        ConnectionReport: {
            /** Format: uuid */
            platformAccountId: string;
            isOk: boolean;
            checks: {
                name: string;
                isOk: boolean;
                detail: string;
            }[];
        };
        StaffAccount: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            staffId: string;
            externalId: string;
            displayName: string | null;
            createdAt: string;
        };
        MassSendPlan: {
            /**
             * Format: uuid
             * @description Null when no recipient could receive it
             */
            id: string | null;
            status: string | null;
            planned: string[];
            overQuota: string[];
            unreachable: string[];
        };
        CreateMassSend: {
            /** Format: uuid */
            platformAccountId: string;
            recipients: {
                /** @enum {string} */
                kind: "members";
                memberIds: string[];
            } | {
                /** @enum {string} */
                kind: "groups";
                communityIds: string[];
            };
            /** @description The staff account that sends; required where a person confirms it (WeCom userid) */
            senderExternalId?: string;
            content: {
                text?: string;
                attachments?: ({
                    /** @enum {string} */
                    type: "image";
                    url: string;
                } | {
                    /** @enum {string} */
                    type: "link";
                    url: string;
                    title: string;
                    description?: string;
                } | {
                    /** @enum {string} */
                    type: "miniprogram";
                    appId: string;
                    page: string;
                    title: string;
                } | {
                    /** @enum {string} */
                    type: "file";
                    url: string;
                    name: string;
                } | {
                    /** @enum {string} */
                    type: "coupon";
                    templateId: string;
                    title?: string;
                })[];
            };
            dedupeKey?: string;
        };
        MassQuota: {
            canReceive: boolean;
            used: number;
            limit: number | null;
            windowStart: string | null;
            windowEnd: string | null;
            /** @enum {string} */
            reason?: "quota_reached" | "not_on_account";
        };
        MassSend: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            platformAccountId: string;
            /** @enum {string} */
            recipientKind: "member" | "group";
            senderExternalId: string | null;
            status: string;
            taskExternalId: string | null;
            plannedAt: string;
            completedAt: string | null;
            /** @description Recipients per status */
            recipients: {
                [key: string]: number;
            };
        };
        SandboxUser: {
            id: string;
            name: string;
        };
        SandboxStaffAccount: {
            id: string;
            name: string;
            /** Format: uuid */
            staffId: string | null;
        };
        SandboxGroup: {
            id: string;
            name: string;
            capacity: number;
            memberCount: number;
            ownerId: string | null;
            isDismissed: boolean;
            createdAt: string;
        };
        SandboxLink: {
            id: string;
            token: string;
            url: string;
            /** @enum {string} */
            kind: "contact" | "group";
            state: string | null;
            staffIds: string[];
            groupIds: string[];
            autoCreateGroup: boolean;
            groupNameTemplate: string | null;
            openCount: number;
            createdAt: string;
        };
        SandboxOpenLinkResult: {
            addedStaff?: {
                staffId: string;
            };
            joinedGroup?: {
                groupId: string;
                name: string;
            };
            createdGroup?: boolean;
        };
        SandboxPostResult: {
            messageId: string;
            diceValue?: number;
        };
        SandboxMessage: {
            id: string;
            /** @enum {string} */
            chat: "group" | "private";
            groupId: string | null;
            memberId: string | null;
            staffId: string | null;
            /** @enum {string} */
            senderKind: "member" | "staff" | "bot" | "system";
            senderId: string | null;
            senderName: string | null;
            /** @enum {string} */
            kind: "text" | "dice" | "welcome" | "system";
            text: string | null;
            attachments: unknown[];
            diceValue: number | null;
            isDeleted: boolean;
            createdAt: string;
        };
        InboundEvent: {
            id: number;
            platformAccountId: string;
            externalId: string;
            type: string;
            /** @enum {string} */
            status: "pending" | "processed" | "failed";
            attempts: number;
            lastError: string | null;
            payload: {
                [key: string]: unknown;
            };
            receivedAt: string;
            nextAttemptAt: string;
            processedAt: string | null;
        };
        OutboundMessage: {
            id: number;
            platformAccountId: string;
            kind: string;
            /** @enum {string} */
            status: "pending" | "sending" | "sent" | "failed" | "cancelled";
            attempts: number;
            lastError: string | null;
            externalId: string | null;
            payload: {
                [key: string]: unknown;
            };
            sourceEventId: number | null;
            createdAt: string;
            nextAttemptAt: string;
            sentAt: string | null;
        };
        CommunityDetail: components["schemas"]["Community"] & {
            roster: components["schemas"]["CommunityRosterEntry"][];
        };
        CommunityRosterEntry: {
            /** Format: uuid */
            staffId: string;
            /** @enum {string} */
            role: "owner" | "admin" | "welfare_officer" | "consultant" | "helper";
        };
        Community: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            storeId: string | null;
            /** Format: uuid */
            platformAccountId: string;
            externalId: string;
            name: string;
            capacity: number;
            /** @enum {string} */
            status: "active" | "dismissed";
            /** @enum {string|null} */
            type: "welfare" | "sales" | "sharing" | "enablement" | null;
            /** @enum {string|null} */
            demandPattern: "high_frequency_rigid" | "low_frequency_rigid" | "niche" | null;
            targetPersona: string | null;
            goal: string | null;
            rules: string | null;
            announcement: string | null;
            /** Format: uuid */
            seriesId: string | null;
            seriesIndex: number | null;
            memberCount: number;
            /** @description Departures seen: the churn count of the group */
            leftCount: number;
            hasRoom: boolean;
            dismissedAt: string | null;
            createdAt: string;
        };
        CreateCommunityInput: {
            /** Format: uuid */
            platformAccountId: string;
            /** Format: uuid */
            storeId?: string | null;
            name: string;
            capacity?: number;
            /** @description An existing group on the platform; without it the platform creates one */
            externalId?: string;
            roster?: components["schemas"]["CommunityRosterEntry"][];
            /** @enum {string|null} */
            type?: "welfare" | "sales" | "sharing" | "enablement" | null;
            /** @enum {string|null} */
            demandPattern?: "high_frequency_rigid" | "low_frequency_rigid" | "niche" | null;
            targetPersona?: string | null;
            goal?: string | null;
            rules?: string | null;
            announcement?: string | null;
        };
        UpdateCommunityInput: {
            name?: string;
            /** Format: uuid */
            storeId?: string | null;
            capacity?: number;
            /** @enum {string|null} */
            type?: "welfare" | "sales" | "sharing" | "enablement" | null;
            /** @enum {string|null} */
            demandPattern?: "high_frequency_rigid" | "low_frequency_rigid" | "niche" | null;
            targetPersona?: string | null;
            goal?: string | null;
            rules?: string | null;
            announcement?: string | null;
        };
        CommunityRosterInput: {
            roster: components["schemas"]["CommunityRosterEntry"][];
        };
        CommunitySeriesDetail: components["schemas"]["CommunitySeries"] & {
            groups: components["schemas"]["Community"][];
        };
        CommunitySeries: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            storeId: string | null;
            /** Format: uuid */
            platformAccountId: string;
            nameTemplate: string;
            /** @enum {string} */
            numbering: "letter" | "number";
            capacity: number;
            /** @enum {string|null} */
            type: "welfare" | "sales" | "sharing" | "enablement" | null;
            /** @enum {string|null} */
            demandPattern: "high_frequency_rigid" | "low_frequency_rigid" | "niche" | null;
            targetPersona: string | null;
            goal: string | null;
            rules: string | null;
            announcement: string | null;
            roster: components["schemas"]["CommunityRosterEntry"][];
            /** @description The next group, waiting to be opened */
            pendingIndex: number | null;
            createdAt: string;
        };
        CreateCommunitySeriesInput: {
            /** Format: uuid */
            platformAccountId: string;
            /** Format: uuid */
            storeId?: string | null;
            /** @example Beauty Institute */
            nameTemplate: string;
            /**
             * @default letter
             * @enum {string}
             */
            numbering: "letter" | "number";
            capacity?: number;
            roster?: components["schemas"]["CommunityRosterEntry"][];
            /** @enum {string|null} */
            type?: "welfare" | "sales" | "sharing" | "enablement" | null;
            /** @enum {string|null} */
            demandPattern?: "high_frequency_rigid" | "low_frequency_rigid" | "niche" | null;
            targetPersona?: string | null;
            goal?: string | null;
            rules?: string | null;
            announcement?: string | null;
        };
        KeywordRule: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @enum {string} */
            matchMode: "exact" | "contains" | "starts_with" | "regex";
            pattern: string;
            scope: {
                kind: string;
                id: string | null;
            };
            /** Format: uuid */
            storeId: string | null;
            reply: {
                text?: string;
                attachments?: ({
                    /** @enum {string} */
                    type: "image";
                    url: string;
                } | {
                    /** @enum {string} */
                    type: "link";
                    url: string;
                    title: string;
                    description?: string;
                } | {
                    /** @enum {string} */
                    type: "miniprogram";
                    appId: string;
                    page: string;
                    title: string;
                } | {
                    /** @enum {string} */
                    type: "file";
                    url: string;
                    name: string;
                } | {
                    /** @enum {string} */
                    type: "coupon";
                    templateId: string;
                    title?: string;
                })[];
            };
            tagNames: string[];
            cooldownSeconds: number;
            priority: number;
            isEnabled: boolean;
            createdAt: string;
            updatedAt: string;
        };
        CreateKeywordRuleInput: {
            name: string;
            /** @enum {string} */
            matchMode: "exact" | "contains" | "starts_with" | "regex";
            /** @description Keyword, or a regular expression (matchMode regex) */
            pattern: string;
            scope: components["schemas"]["KeywordScope"];
            reply: {
                text?: string;
                attachments?: ({
                    /** @enum {string} */
                    type: "image";
                    url: string;
                } | {
                    /** @enum {string} */
                    type: "link";
                    url: string;
                    title: string;
                    description?: string;
                } | {
                    /** @enum {string} */
                    type: "miniprogram";
                    appId: string;
                    page: string;
                    title: string;
                } | {
                    /** @enum {string} */
                    type: "file";
                    url: string;
                    name: string;
                } | {
                    /** @enum {string} */
                    type: "coupon";
                    templateId: string;
                    title?: string;
                })[];
            };
            /** @default [] */
            tagNames: string[];
            /**
             * @description A rule answers at most once per group (or private chat) in this window
             * @default 300
             */
            cooldownSeconds: number;
            /** @default 0 */
            priority: number;
            /** @default true */
            isEnabled: boolean;
        };
        /** @description All group chats, a community series, a store, one community, or private chats */
        KeywordScope: {
            /** @enum {string} */
            kind: "all";
        } | {
            /** @enum {string} */
            kind: "private";
        } | {
            /** @enum {string} */
            kind: "series";
            /** Format: uuid */
            id: string;
        } | {
            /** @enum {string} */
            kind: "store";
            /** Format: uuid */
            id: string;
        } | {
            /** @enum {string} */
            kind: "community";
            /** Format: uuid */
            id: string;
        };
        UpdateKeywordRuleInput: {
            name?: string;
            /** @enum {string} */
            matchMode?: "exact" | "contains" | "starts_with" | "regex";
            /** @description Keyword, or a regular expression (matchMode regex) */
            pattern?: string;
            scope?: components["schemas"]["KeywordScope"];
            reply?: {
                text?: string;
                attachments?: ({
                    /** @enum {string} */
                    type: "image";
                    url: string;
                } | {
                    /** @enum {string} */
                    type: "link";
                    url: string;
                    title: string;
                    description?: string;
                } | {
                    /** @enum {string} */
                    type: "miniprogram";
                    appId: string;
                    page: string;
                    title: string;
                } | {
                    /** @enum {string} */
                    type: "file";
                    url: string;
                    name: string;
                } | {
                    /** @enum {string} */
                    type: "coupon";
                    templateId: string;
                    title?: string;
                })[];
            };
            tagNames?: string[];
            /** @description A rule answers at most once per group (or private chat) in this window */
            cooldownSeconds?: number;
            priority?: number;
            isEnabled?: boolean;
        };
        ModerationSettings: {
            /** @default {} */
            checks: {
                /** @default false */
                links: boolean;
                /** @default true */
                qrCodes: boolean;
                /** @default true */
                blockedWords: boolean;
                /** @default true */
                flood: boolean;
                /** @default true */
                newcomerLinks: boolean;
            };
            /** @default [] */
            blockedWords: string[];
            /** @default {} */
            flood: {
                /** @default 8 */
                messages: number;
                /** @default 10 */
                seconds: number;
            };
            /** @default 60 */
            newcomerWindowMinutes: number;
            /**
             * @default [
             *       "warn",
             *       "remove",
             *       "ban"
             *     ]
             */
            ladder: ("warn" | "delete" | "mute" | "remove" | "ban")[];
            /** @default true */
            deleteOffendingMessage: boolean;
            /** @default 60 */
            muteMinutes: number;
            /** @default 30 */
            offenceWindowDays: number;
            /** @default %NICKNAME%, please follow the group rules (%REASON%). Repeated offences lead to removal. */
            warnText: string;
            /** @default {} */
            whitelist: {
                /** @default true */
                allStaff: boolean;
                /** @default [] */
                staffIds: string[];
                /** @default [] */
                memberIds: string[];
            };
        };
        ModerationIncident: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            memberId: string;
            groupExternalId: string;
            messageExternalId: string;
            reasons: string[];
            offenceNumber: number;
            actions: string[];
            alerted: string[];
            evidence: {
                [key: string]: unknown;
            };
            occurredAt: string;
        };
        ChannelCode: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @enum {string} */
            source: "flyer" | "store_poster" | "payment_page" | "official_account_menu" | "app_page" | "moments_ad" | "partner_merchant" | "custom";
            purpose: string;
            /** Format: uuid */
            referrerMemberId: string | null;
            /** Format: uuid */
            platformAccountId: string;
            /** Format: uuid */
            storeId: string | null;
            /** Format: uuid */
            partnerId: string | null;
            target: {
                /** @enum {string} */
                kind: "staff";
                /** @enum {string} */
                strategy: "round_robin" | "random" | "least_loaded" | "schedule";
                staff: {
                    /** Format: uuid */
                    staffId: string;
                    dailyCap: number | null;
                }[];
                backupStaffIds: string[];
                schedule: {
                    /** @description ISO weekdays, 1 = Monday */
                    weekdays: number[];
                    /** @example 09:00 */
                    from: string;
                    /**
                     * @description Exclusive; 24:00 ends the day
                     * @example 18:00
                     */
                    to: string;
                    staffIds: string[];
                }[];
            } | {
                /** @enum {string} */
                kind: "group";
                /** Format: uuid */
                seriesId: string;
            };
            tagNames: string[];
            welcome: {
                text?: string;
                attachments?: ({
                    /** @enum {string} */
                    type: "image";
                    url: string;
                } | {
                    /** @enum {string} */
                    type: "link";
                    url: string;
                    title: string;
                    description?: string;
                } | {
                    /** @enum {string} */
                    type: "miniprogram";
                    appId: string;
                    page: string;
                    title: string;
                } | {
                    /** @enum {string} */
                    type: "file";
                    url: string;
                    name: string;
                } | {
                    /** @enum {string} */
                    type: "coupon";
                    templateId: string;
                    title?: string;
                })[];
            } | null;
            headline: string | null;
            expiresAt: string | null;
            totalCap: number | null;
            /** @enum {string} */
            status: "active" | "expired" | "full" | "archived";
            /** @description The public link the QR encodes; it never changes */
            link: string;
            /** @description The attribution state platform links carry */
            state: string;
            scanCount: number;
            arrivalCount: number;
            createdAt: string;
            updatedAt: string;
        };
        CreateChannelCodeInput: {
            name: string;
            /** Format: uuid */
            storeId?: string | null;
            /** Format: uuid */
            partnerId?: string | null;
            target: components["schemas"]["ChannelCodeTarget"];
            /** @default [] */
            tagNames: string[];
            welcome?: components["schemas"]["WelcomeContent"];
            headline?: string | null;
            /** Format: date-time */
            expiresAt?: string | null;
            totalCap?: number | null;
            /** @enum {string} */
            source: "flyer" | "store_poster" | "payment_page" | "official_account_menu" | "app_page" | "moments_ad" | "partner_merchant" | "custom";
            /** Format: uuid */
            platformAccountId: string;
        };
        /** @description Staff (1:1 contact, assigned by a strategy) or a community series (group, filled in order) */
        ChannelCodeTarget: {
            /** @enum {string} */
            kind: "staff";
            /** @enum {string} */
            strategy: "round_robin" | "random" | "least_loaded" | "schedule";
            staff: {
                /** Format: uuid */
                staffId: string;
                dailyCap?: number | null;
            }[];
            dailyCap?: number | null;
            /** @default [] */
            backupStaffIds: string[];
            /** @default [] */
            schedule: {
                /** @description ISO weekdays, 1 = Monday */
                weekdays: number[];
                /** @example 09:00 */
                from: string;
                /**
                 * @description Exclusive; 24:00 ends the day
                 * @example 18:00
                 */
                to: string;
                staffIds: string[];
            }[];
        } | {
            /** @enum {string} */
            kind: "group";
            /** Format: uuid */
            seriesId: string;
        };
        WelcomeContent: {
            text?: string;
            attachments?: ({
                /** @enum {string} */
                type: "image";
                url: string;
            } | {
                /** @enum {string} */
                type: "link";
                url: string;
                title: string;
                description?: string;
            } | {
                /** @enum {string} */
                type: "miniprogram";
                appId: string;
                page: string;
                title: string;
            } | {
                /** @enum {string} */
                type: "file";
                url: string;
                name: string;
            } | {
                /** @enum {string} */
                type: "coupon";
                templateId: string;
                title?: string;
            })[];
        } | null;
        UpdateChannelCodeInput: {
            name?: string;
            /** Format: uuid */
            storeId?: string | null;
            /** Format: uuid */
            partnerId?: string | null;
            target?: components["schemas"]["ChannelCodeTarget"];
            tagNames?: string[];
            welcome?: components["schemas"]["WelcomeContent"];
            headline?: string | null;
            /** Format: date-time */
            expiresAt?: string | null;
            totalCap?: number | null;
            isArchived?: boolean;
        };
        ChannelCodeStats: {
            /** Format: uuid */
            channelCodeId: string;
            from: string;
            to: string;
            totals: {
                scans: number;
                arrivals: number;
                newMembers: number;
                stillIn: number;
                left: number;
            };
            /** @description Per local day: scans that day, and the arrivals of that day with what became of them */
            byDay: {
                date: string;
                scans: number;
                arrivals: number;
                newMembers: number;
                stillIn: number;
                left: number;
            }[];
            byStaff: {
                /** Format: uuid */
                staffId: string | null;
                arrivals: number;
            }[];
        };
        Partner: {
            /** Format: uuid */
            id: string;
            name: string;
            /** Format: uuid */
            storeId: string | null;
            contact: string | null;
            note: string | null;
            arrivals: number;
            newMembers: number;
            createdAt: string;
        };
        PartnerInput: {
            name: string;
            /** Format: uuid */
            storeId?: string | null;
            contact?: string | null;
            note?: string | null;
        };
        WelcomeSettings: {
            private: {
                text?: string;
                attachments?: ({
                    /** @enum {string} */
                    type: "image";
                    url: string;
                } | {
                    /** @enum {string} */
                    type: "link";
                    url: string;
                    title: string;
                    description?: string;
                } | {
                    /** @enum {string} */
                    type: "miniprogram";
                    appId: string;
                    page: string;
                    title: string;
                } | {
                    /** @enum {string} */
                    type: "file";
                    url: string;
                    name: string;
                } | {
                    /** @enum {string} */
                    type: "coupon";
                    templateId: string;
                    title?: string;
                })[];
            } | null;
            group: {
                text?: string;
                attachments?: ({
                    /** @enum {string} */
                    type: "image";
                    url: string;
                } | {
                    /** @enum {string} */
                    type: "link";
                    url: string;
                    title: string;
                    description?: string;
                } | {
                    /** @enum {string} */
                    type: "miniprogram";
                    appId: string;
                    page: string;
                    title: string;
                } | {
                    /** @enum {string} */
                    type: "file";
                    url: string;
                    name: string;
                } | {
                    /** @enum {string} */
                    type: "coupon";
                    templateId: string;
                    title?: string;
                })[];
            } | null;
            groupBatchSeconds: number;
            groupBatchMaxNames: number;
        };
        /** @description Fields left out keep their value */
        UpdateWelcomeSettingsInput: {
            private?: components["schemas"]["WelcomeContent"] & unknown;
            group?: components["schemas"]["WelcomeContent"] & unknown;
            groupBatchSeconds?: number;
            groupBatchMaxNames?: number;
        };
        GroupWelcome: {
            group: {
                text?: string;
                attachments?: ({
                    /** @enum {string} */
                    type: "image";
                    url: string;
                } | {
                    /** @enum {string} */
                    type: "link";
                    url: string;
                    title: string;
                    description?: string;
                } | {
                    /** @enum {string} */
                    type: "miniprogram";
                    appId: string;
                    page: string;
                    title: string;
                } | {
                    /** @enum {string} */
                    type: "file";
                    url: string;
                    name: string;
                } | {
                    /** @enum {string} */
                    type: "coupon";
                    templateId: string;
                    title?: string;
                })[];
            } | null;
        };
        GroupWelcomeInput: {
            group: components["schemas"]["WelcomeContent"];
        };
        LoyaltySettings: {
            rules: components["schemas"]["LoyaltyRules"];
            /** @description The brand’s calendar (check-in days, expiry), IANA name */
            timeZone: string;
        };
        LoyaltyRules: {
            /** @default {} */
            points: {
                /** @default 10 */
                perCheckin: number;
                /** @default 50 */
                perInvite: number;
                /** @default 1 */
                perOrderYuan: number;
                /** @default 1 */
                pointValueCents: number;
                expiry?: components["schemas"]["PointsExpiry"];
            };
            /** @default {} */
            checkin: {
                /**
                 * @default [
                 *       "打卡",
                 *       "签到",
                 *       "check in"
                 *     ]
                 */
                keywords: string[];
                /**
                 * @default [
                 *       {
                 *         "day": 3,
                 *         "points": 5
                 *       },
                 *       {
                 *         "day": 7,
                 *         "points": 20
                 *       },
                 *       {
                 *         "day": 30,
                 *         "points": 100
                 *       }
                 *     ]
                 */
                streakBonuses: {
                    day: number;
                    /** @default 0 */
                    points: number;
                    /** Format: uuid */
                    couponTemplateId?: string;
                }[];
                /** @default [] */
                milestones: {
                    total: number;
                    /** @default 0 */
                    points: number;
                    /** Format: uuid */
                    couponTemplateId?: string;
                }[];
                /** @default 100 */
                makeupCardPrice: number;
                /** @default 7 */
                makeupWithinDays: number;
                /** @default {} */
                ack: {
                    /** @default true */
                    isEnabled: boolean;
                    /** @default 5 */
                    windowSeconds: number;
                    /** @default ✅ {names} checked in today */
                    template: string;
                };
            };
            /** @default {} */
            levels: {
                /**
                 * @default lifetime_points
                 * @enum {string}
                 */
                basis: "lifetime_points" | "spend";
                /** @default false */
                isAnnounced: boolean;
                /** @default 🎉 {name}, you are now {level}! */
                template: string;
            };
        };
        /**
         * @description never; end of the year after the one they were earned in (brand timezone); or N days after
         * @default {
         *       "kind": "end_of_next_year"
         *     }
         */
        PointsExpiry: {
            /** @enum {string} */
            kind: "never";
        } | {
            /** @enum {string} */
            kind: "end_of_next_year";
        } | {
            /** @enum {string} */
            kind: "after_days";
            days: number;
        };
        UpdateLoyaltySettingsInput: {
            rules?: components["schemas"]["LoyaltyRules"];
            timeZone?: string;
        };
        Level: {
            /** Format: uuid */
            id: string;
            name: string;
            rank: number;
            threshold: number;
            pointsMultiplierPercent: number;
            /** Format: uuid */
            monthlyCouponTemplateId: string | null;
            hasMemberOnlyAccess: boolean;
        };
        CreateLevelInput: {
            name: string;
            /** @description Higher is better; unique per brand */
            rank: number;
            /** @description Lifetime points, or lifetime spend in cents, per the brand’s level basis */
            threshold: number;
            /**
             * @description 150 earns ×1.5
             * @default 100
             */
            pointsMultiplierPercent: number;
            /**
             * Format: uuid
             * @default null
             */
            monthlyCouponTemplateId: string | null;
            /** @default false */
            hasMemberOnlyAccess: boolean;
        };
        UpdateLevelInput: {
            name?: string;
            /** @description Higher is better; unique per brand */
            rank?: number;
            /** @description Lifetime points, or lifetime spend in cents, per the brand’s level basis */
            threshold?: number;
            /** @description 150 earns ×1.5 */
            pointsMultiplierPercent?: number;
            /** Format: uuid */
            monthlyCouponTemplateId?: string | null;
            hasMemberOnlyAccess?: boolean;
        };
        PointsSummary: {
            balance: number;
            lifetimePoints: number;
            spendCents: number;
            makeupCards: number;
            level: {
                /** Format: uuid */
                id: string;
                name: string;
                rank: number;
                pointsMultiplierPercent: number;
                hasMemberOnlyAccess: boolean;
            } | null;
            nextLevel: {
                /** Format: uuid */
                id: string;
                name: string;
                threshold: number;
                remaining: number;
            } | null;
            expiring: {
                points: number;
                at: string;
            } | null;
        };
        PointsEntry: {
            id: number;
            /** @enum {string} */
            kind: "earn" | "spend" | "expire" | "adjust" | "reverse";
            points: number;
            reason: string;
            source: string;
            expiresAt: string | null;
            reversesId: number | null;
            createdAt: string;
        };
        PointsChange: components["schemas"]["PointsEntry"] & {
            balance: number;
            isNew: boolean;
            levelChange: {
                from: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                    rank: number;
                } | null;
                to: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                    rank: number;
                } | null;
                /** @enum {string} */
                direction: "up" | "down";
            } | null;
        };
        AdjustPointsInput: {
            points: number;
            reason: string;
            /**
             * @default manual
             * @enum {string}
             */
            source: "manual" | "import";
            idempotencyKey?: string;
        };
        CouponTemplate: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @enum {string} */
            kind: "fixed" | "threshold" | "percent" | "gift";
            description: string;
            amountCents: number | null;
            thresholdCents: number | null;
            percentOff: number | null;
            maxDiscountCents: number | null;
            giftName: string | null;
            costCents: number;
            validity: {
                /** @enum {string} */
                kind: "absolute" | "relative";
                validFrom: string | null;
                validUntil: string | null;
                days: number | null;
            };
            totalStock: number | null;
            issuedCount: number;
            perMemberLimit: number | null;
            storeIds: string[];
            isActive: boolean;
            createdAt: string;
        };
        CreateCouponTemplateInput: {
            name: string;
            /**
             * @description fixed: amount off, no threshold; threshold: amount off above an order amount; percent; gift
             * @enum {string}
             */
            kind: "fixed" | "threshold" | "percent" | "gift";
            amountCents?: number;
            thresholdCents?: number;
            percentOff?: number;
            maxDiscountCents?: number;
            giftName?: string;
            /**
             * @description What one redeemed coupon costs the brand (ROI)
             * @default 0
             */
            costCents: number;
            validity: {
                /** @enum {string} */
                kind: "absolute";
                /** Format: date-time */
                validFrom?: string;
                /** Format: date-time */
                validUntil: string;
            } | {
                /** @enum {string} */
                kind: "relative";
                days: number;
            };
            /** @default null */
            totalStock: number | null;
            /** @default null */
            perMemberLimit: number | null;
            /**
             * @description Where it applies; empty: every store
             * @default []
             */
            storeIds: string[];
        };
        Coupon: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            templateId: string;
            templateName: string;
            description: string;
            /** Format: uuid */
            memberId: string;
            /** @description What the cashier types: 10 characters, e.g. 7KQ2M-9XRTB */
            code: string;
            /** @enum {string} */
            status: "issued" | "redeemed" | "voided" | "expired";
            /** @enum {string} */
            source: "welcome" | "reward" | "campaign" | "staff" | "api" | "mall" | "level";
            validFrom: string;
            validUntil: string;
            issuedAt: string;
            redeemedAt: string | null;
            /** Format: uuid */
            redeemedStoreId: string | null;
            discountCents: number | null;
        };
        IssueCouponInput: {
            /** Format: uuid */
            templateId: string;
            /** Format: uuid */
            memberId: string;
            /**
             * @description staff for a signed-in staff member, api for an API key, unless given
             * @enum {string}
             */
            source?: "staff" | "api" | "campaign" | "reward";
            /** @description The same key again returns the first coupon instead of issuing another */
            idempotencyKey?: string;
        };
        CouponRedemption: components["schemas"]["Coupon"] & {
            discountCents?: number;
            requestId: string;
            /** Format: uuid */
            storeId: string;
            orderAmountCents: number | null;
            giftName: string | null;
        };
        RedeemCouponInput: {
            code: string;
            /** Format: uuid */
            storeId: string;
            /** @description The till’s id for this redemption: sending it again returns the first answer */
            requestId: string;
            orderAmountCents?: number;
        };
        VoidCouponInput: {
            reason: string;
        };
        IssuedCoupon: components["schemas"]["Coupon"] & {
            memberName: string;
        };
        MallItem: {
            /** Format: uuid */
            id: string;
            name: string;
            description: string | null;
            imageUrl: string | null;
            /** @enum {string} */
            kind: "physical" | "coupon" | "virtual";
            pointsPrice: number;
            stock: number | null;
            redeemedCount: number;
            perMemberLimit: number | null;
            /** Format: uuid */
            minLevelId: string | null;
            /** Format: uuid */
            couponTemplateId: string | null;
            fulfilmentMethods: ("pickup" | "shipping")[];
            isActive: boolean;
            createdAt: string;
        };
        CreateMallItemInput: {
            name: string;
            /** @default null */
            description: string | null;
            /**
             * Format: uri
             * @default null
             */
            imageUrl: string | null;
            /**
             * @description physical gift, coupon, or virtual (nothing to hand over)
             * @enum {string}
             */
            kind: "physical" | "coupon" | "virtual";
            pointsPrice: number;
            /**
             * @description null: unlimited
             * @default null
             */
            stock: number | null;
            /** @default null */
            perMemberLimit: number | null;
            /**
             * Format: uuid
             * @description Only members at this level or above
             * @default null
             */
            minLevelId: string | null;
            /**
             * Format: uuid
             * @default null
             */
            couponTemplateId: string | null;
            /** @default [] */
            fulfilmentMethods: ("pickup" | "shipping")[];
            /** @default true */
            isActive: boolean;
        };
        UpdateMallItemInput: {
            name?: string;
            description?: string | null;
            /** Format: uri */
            imageUrl?: string | null;
            pointsPrice?: number;
            /** @description null: unlimited */
            stock?: number | null;
            perMemberLimit?: number | null;
            /**
             * Format: uuid
             * @description Only members at this level or above
             */
            minLevelId?: string | null;
            isActive?: boolean;
        };
        Fulfilment: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            redemptionId: string;
            /** Format: uuid */
            memberId: string;
            /** Format: uuid */
            itemId: string;
            /** @enum {string} */
            method: "pickup" | "shipping";
            /** Format: uuid */
            storeId: string | null;
            address: string | null;
            /** @enum {string} */
            status: "pending" | "done";
            completedAt: string | null;
            /** Format: uuid */
            completedBy: string | null;
            createdAt: string;
        };
        FissionCampaign: {
            /** Format: uuid */
            id: string;
            name: string;
            headline: string;
            /** @enum {string} */
            status: "draft" | "active" | "ended";
            /** Format: uuid */
            platformAccountId: string;
            /**
             * Format: uuid
             * @description The store that owns it; null: brand-wide
             */
            storeId: string | null;
            startsAt: string;
            endsAt: string | null;
            target: components["schemas"]["FissionTarget"];
            tiers: {
                tierIndex: number;
                invites: number;
                name: string;
                reward: components["schemas"]["FissionReward"];
                budget: number | null;
                grantedCount: number;
            }[];
            pointsPerInvite: number;
            inviteeReward: components["schemas"]["FissionReward"];
            stayMinutes: number;
            maxInvitesPerHour: number;
            progressIntervalMinutes: number;
            leaderboard: {
                everyMinutes: number;
                size: number;
            } | null;
            createdAt: string;
        };
        /** @description Where invitees go: the groups of community series (each inviter is sent to the series of their own group) or 1:1 contact with staff members */
        FissionTarget: {
            /** @enum {string} */
            kind: "group";
            seriesIds: string[];
        } | {
            /** @enum {string} */
            kind: "staff";
            staffIds: string[];
        };
        /** @description A coupon of a template, or points */
        FissionReward: {
            /** @enum {string} */
            kind: "coupon";
            /** Format: uuid */
            templateId: string;
        } | {
            /** @enum {string} */
            kind: "points";
            points: number;
        };
        CreateFissionCampaignInput: {
            name: string;
            /** @example Invite 5 friends, get a facial cleanser */
            headline: string;
            /** Format: uuid */
            platformAccountId: string;
            /** Format: date-time */
            startsAt: string;
            /**
             * Format: date-time
             * @default null
             */
            endsAt: string | null;
            /**
             * @default active
             * @enum {string}
             */
            status: "draft" | "active";
            /**
             * Format: uuid
             * @description A store’s own campaign (required for a store manager: one of theirs); null: brand-wide
             * @default null
             */
            storeId: string | null;
            target: components["schemas"]["FissionTarget"];
            tiers: {
                invites: number;
                /** @example Facial cleanser */
                name: string;
                reward: components["schemas"]["FissionReward"];
                /**
                 * @description At most this many rewards of the tier in the campaign (null: no limit)
                 * @default null
                 */
                budget: number | null;
            }[];
            /** @default 0 */
            pointsPerInvite: number;
            inviteeReward?: components["schemas"]["FissionReward"];
            /** @default 1440 */
            stayMinutes: number;
            /** @default 30 */
            maxInvitesPerHour: number;
            /** @default 60 */
            progressIntervalMinutes: number;
            /** @default null */
            leaderboard: {
                everyMinutes: number;
                /** @default 10 */
                size: number;
            } | null;
        };
        FissionCampaignListItem: components["schemas"]["FissionCampaign"] & {
            stats: {
                inviters: number;
                validInvites: number;
                pendingInvites: number;
                rewardsIssued: number;
                /** @description Rewards waiting in the approvals queue */
                rewardsHeld: number;
            };
        };
        UpdateFissionCampaignInput: {
            /** @enum {string} */
            status?: "draft" | "active" | "ended";
            name?: string;
            headline?: string;
            /** Format: date-time */
            endsAt?: string | null;
        };
        FissionProgress: {
            /** Format: uuid */
            campaignId: string;
            /** Format: uuid */
            memberId: string;
            name: string;
            link: string | null;
            validCount: number;
            pendingCount: number;
            voidCount: number;
            isOnHold: boolean;
            nextTier: {
                invites: number;
                name: string;
                remaining: number;
            } | null;
            tiers: {
                tierIndex: number;
                invites: number;
                name: string;
                /** @enum {string} */
                status: "locked" | "issued" | "held" | "rejected" | "refused";
            }[];
            /** @example 3 of 5 — 2 more for your gift (Facial cleanser) */
            text: string;
        };
        EnrollFissionInvitersInput: {
            memberIds: string[];
        };
        FissionInviter: {
            /** Format: uuid */
            memberId: string;
            name: string;
            validCount: number;
            pendingCount: number;
            voidCount: number;
            isOnHold: boolean;
            joinedAt: string;
        };
        FissionLeaderboard: {
            /** Format: uuid */
            campaignId: string;
            items: {
                rank: number;
                /** Format: uuid */
                memberId: string;
                name: string;
                validCount: number;
            }[];
        };
        FissionInviteTree: {
            /** Format: uuid */
            campaignId: string;
            inviters: number;
            invites: {
                pending: number;
                valid: number;
                void: number;
            };
            /** @description Valid invitees per inviter with a link */
            kFactor: number;
            maxDepth: number;
            edges: {
                /** Format: uuid */
                inviterMemberId: string;
                /** Format: uuid */
                inviteeMemberId: string;
                /** @enum {string} */
                status: "pending" | "valid" | "void";
                voidReason: string | null;
                inviterName: string;
                inviteeName: string;
                depth: number;
                invitedAt: string;
                leftAt: string | null;
            }[];
        };
        FissionRewardListItem: components["schemas"]["FissionRewardRecord"] & {
            memberName: string;
        };
        FissionRewardRecord: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            campaignId: string;
            /** Format: uuid */
            memberId: string;
            /** @enum {string} */
            kind: "tier" | "invitee" | "invite_points";
            tierIndex: number | null;
            reward: components["schemas"]["FissionReward"];
            /** @enum {string} */
            status: "issued" | "held" | "rejected" | "refused";
            /** Format: uuid */
            couponId: string | null;
            note: string | null;
            createdAt: string;
            decidedAt: string | null;
        };
        RejectFissionRewardInput: {
            note: string;
        };
        Order: {
            /** Format: uuid */
            id: string;
            externalId: string;
            /** @enum {string} */
            source: "api" | "csv" | "webhook" | "platform";
            /** Format: uuid */
            memberId: string | null;
            /** Format: uuid */
            storeId: string | null;
            /** Format: uuid */
            staffId: string | null;
            /** Format: uuid */
            communityId: string | null;
            /** Format: uuid */
            firstCodeId: string | null;
            /** Format: uuid */
            lastCodeId: string | null;
            campaignIds: string[];
            amountCents: number;
            refundedCents: number;
            currency: string;
            orderedAt: string;
        };
        OrderInput: {
            externalId: string;
            amountCents: number;
            /** @default CNY */
            currency: string;
            /** Format: date-time */
            orderedAt: string;
            /** Format: uuid */
            storeId?: string;
            member?: components["schemas"]["OrderMemberRef"];
            data?: {
                [key: string]: unknown;
            };
        };
        OrderMemberRef: {
            /** Format: uuid */
            memberId?: string;
            memberCode?: string;
            phone?: string;
            /** Format: uuid */
            platformAccountId?: string;
            platformUserId?: string;
        };
        RefundInput: {
            externalId: string;
            amountCents: number;
            /** Format: date-time */
            refundedAt: string;
        };
        Funnel: {
            scope: {
                /** @enum {string} */
                kind: "brand" | "store" | "code" | "community" | "campaign";
                /** Format: uuid */
                id?: string;
            };
            from: string;
            to: string;
            timezone: string;
            current: components["schemas"]["FunnelFigures"];
            previous: components["schemas"]["FunnelFigures"] & {
                from: string;
                to: string;
            };
            daily: {
                day: string;
                newMembers: number;
                activated: number;
                orders: number;
                buyers: number;
                gmvCents: number;
            }[];
            cohorts: {
                week: string;
                size: number;
                activated: number;
                w1: {
                    eligible: number;
                    retained: number;
                    rate: number;
                };
                w2: {
                    eligible: number;
                    retained: number;
                    rate: number;
                };
                w4: {
                    eligible: number;
                    retained: number;
                    rate: number;
                };
            }[];
        };
        FunnelFigures: {
            acquisition: {
                newMembers: number;
            };
            activation: {
                activated: number;
                rate: number;
            };
            retention: {
                w1: {
                    eligible: number;
                    retained: number;
                    rate: number;
                };
                w2: {
                    eligible: number;
                    retained: number;
                    rate: number;
                };
                w4: {
                    eligible: number;
                    retained: number;
                    rate: number;
                };
            };
            revenue: {
                buyers: number;
                orders: number;
                grossCents: number;
                refundedCents: number;
                gmvCents: number;
                population: number;
                arpuCents: number;
                converted: number;
                conversionRate: number;
            };
            referral: {
                inviters: number;
                invitees: number;
                validInvites: number;
                kFactor: number;
            };
        };
        AnalyticsSettings: {
            /** @default 7 */
            attributionWindowDays: number;
        };
        CampaignCost: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            campaignId: string | null;
            /** Format: uuid */
            channelCodeId: string | null;
            kind: string;
            amountCents: number;
            note: string | null;
            incurredOn: string;
        };
        CampaignCostInput: {
            /** Format: uuid */
            campaignId?: string;
            /** Format: uuid */
            channelCodeId?: string;
            /** @enum {string} */
            kind: "gift" | "coupon" | "red_packet" | "points" | "staff_hours" | "ad_spend" | "other";
            amountCents: number;
            quantity?: number;
            note?: string;
            incurredOn: string;
        };
        Roi: {
            /** @enum {string} */
            kind: "campaign" | "code";
            /** Format: uuid */
            id: string;
            name: string;
            costs: {
                entered: {
                    kind: string;
                    cents: number;
                }[];
                couponsRedeemed: number;
                couponCents: number;
                points: number;
                pointsCents: number;
                totalCents: number;
            };
            revenue: {
                orders: number;
                buyers: number;
                gmvCents: number;
            };
            acquired: number;
            activated: number;
            roi: number | null;
            costPerAcquiredCents: number | null;
            costPerActivatedCents: number | null;
            plan: {
                [key: string]: number;
            };
            actual: {
                [key: string]: number;
            };
        };
        GroupHealth: {
            /** Format: uuid */
            communityId: string;
            name: string;
            from: string;
            to: string;
            memberCount: number;
            activeThisWeek: number;
            shareActiveThisWeek: number;
            daily: {
                day: string;
                members: number;
                joins: number;
                leaves: number;
                messages: number;
                activeMembers: number;
                moderationActions: number;
            }[];
        };
        LeaderboardRow: {
            /** Format: uuid */
            id: string;
            name: string;
            /** Format: uuid */
            storeId: string | null;
            newMembers: number;
            buyers: number;
            orders: number;
            gmvCents: number;
            activeMembers: number;
        };
        MemberProfile: {
            member: {
                /** Format: uuid */
                id: string;
                name: string;
                /** Format: uuid */
                storeId: string | null;
            };
            brand: {
                name: string;
            };
            stores: {
                /** Format: uuid */
                id: string;
                name: string;
                address: string | null;
            }[];
        };
        MallRedemption: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            itemId: string;
            points: number;
            /** Format: uuid */
            couponId: string | null;
            fulfilment: {
                /** Format: uuid */
                id: string;
                method: string;
                /** Format: uuid */
                storeId: string | null;
                status: string;
            } | null;
            createdAt: string;
        };
        RedeemMallItemInput: {
            /** @description Sending the same request again returns the first redemption */
            requestId: string;
            fulfilment?: {
                /** @enum {string} */
                method?: "pickup" | "shipping";
                /** Format: uuid */
                storeId?: string;
                address?: string;
            };
        };
        CheckinCalendar: {
            month: string;
            today: string;
            isCheckedInToday: boolean;
            streak: number;
            total: number;
            makeupCards: number;
            makeupCardPrice: number;
            makeupWithinDays: number;
            days: {
                day: string;
                /** @enum {string|null} */
                kind: "keyword" | "page" | "makeup" | null;
                isToday: boolean;
            }[];
        };
        CheckinResult: {
            /** @enum {string} */
            status: "checked_in" | "already";
            day: string;
            streak: number;
            points?: number;
            total?: number;
            coupons?: components["schemas"]["Coupon"][];
        };
        MyFissionCampaign: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @enum {string} */
            status: "draft" | "active" | "ended";
            headline: string;
            startsAt: string;
            endsAt: string | null;
            tiers: {
                invites: number;
                name: string;
                reward: components["schemas"]["FissionReward"];
            }[];
            pointsPerInvite: number;
            inviteeReward: components["schemas"]["FissionReward"];
            /** @description How long a friend must stay before they count */
            stayMinutes: number;
            isJoined: boolean;
            progress: components["schemas"]["FissionProgress"] & (Record<string, never> | null);
            invites: {
                /** @description When the first pending invite has stayed long enough to count (null: none pending) */
                nextCountsAt: string | null;
                /** @description Invites that did not count, by reason (most frequent first) */
                voided: {
                    /** @enum {string} */
                    reason: "self" | "known" | "duplicate" | "left" | "campaign_over";
                    count: number;
                }[];
            } | null;
            /** @description GET with the member link token as bearer */
            posterUrl: string | null;
        };
        MyFissionLeaderboard: {
            /** Format: uuid */
            campaignId: string;
            items: {
                rank: number;
                /** @description Masked: first character, stars, last character */
                name: string;
                validCount: number;
                isMe: boolean;
            }[];
            /** @description The member’s own place (null: they have not joined) */
            me: {
                /** @description Null until a first invite counts */
                rank: number | null;
                validCount: number;
            } | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Signed in */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResult"];
                };
            };
            /** @description Wrong email or password */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
        };
    };
    listRegions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Regions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Region"][];
                    };
                };
            };
        };
    };
    createRegion: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Region"];
                };
            };
        };
    };
    listStores: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Stores */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Store"][];
                    };
                };
            };
        };
    };
    createStore: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                    name: string;
                    address?: string | null;
                    /** Format: uuid */
                    regionId?: string | null;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Store"];
                };
            };
        };
    };
    getStore: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The store */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Store"];
                };
            };
        };
    };
    updateStore: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code?: string;
                    name?: string;
                    address?: string | null;
                    /** Format: uuid */
                    regionId?: string | null;
                };
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Store"];
                };
            };
        };
    };
    listStaff: {
        parameters: {
            query?: {
                storeId?: string;
                /** @description Only the staff a channel code on this platform account may assign: those with a staff account there, or everyone where members reach staff through the bot (Telegram). Another brand’s account is a 404. */
                assignableOn?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Staff */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Staff"][];
                    };
                };
            };
        };
    };
    createStaff: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** Format: email */
                    email?: string | null;
                    password?: string;
                    /** Format: uuid */
                    storeId?: string | null;
                    roles?: components["schemas"]["RoleGrant"][];
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Staff"];
                };
            };
        };
    };
    getStaff: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The staff member */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Staff"];
                };
            };
        };
    };
    updateStaff: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    /** Format: email */
                    email?: string | null;
                    password?: string;
                    /** Format: uuid */
                    storeId?: string | null;
                    isActive?: boolean;
                };
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Staff"];
                };
            };
        };
    };
    setStaffRoles: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    roles: components["schemas"]["RoleGrant"][];
                };
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Staff"];
                };
            };
        };
    };
    listApiKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description API keys */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ApiKey"][];
                    };
                };
            };
        };
    };
    createApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    role: components["schemas"]["Role"];
                    /** Format: uuid */
                    storeId?: string | null;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiKey"];
                };
            };
        };
    };
    revokeApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKey"];
                };
            };
        };
    };
    listAuditLog: {
        parameters: {
            query?: {
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
                action?: string;
                actorId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of audit entries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["AuditEntry"][];
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    importMembers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    csv?: string;
                };
                "text/csv": string;
            };
        };
        responses: {
            /** @description What was imported */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        created: number;
                        updated: number;
                        tagged: number;
                    };
                };
            };
        };
    };
    exportMembers: {
        parameters: {
            query?: {
                storeId?: string;
                stage?: "new" | "active" | "silent" | "churned" | "core";
                /** @description Joined at or after */
                joinedFrom?: string;
                /** @description Joined before */
                joinedTo?: string;
                /** @description Name contains (case-insensitive) */
                q?: string;
                /** @description Members attributed to this channel code */
                channelCodeId?: string;
                /** @description With channelCodeId: first-touch, last-touch or either attribution (default any) */
                touch?: "first" | "last" | "any";
                /** @description Members with every one of these tags */
                tagsAll?: string;
                /** @description Members with at least one of these tags */
                tagsAny?: string;
                /** @description Members with none of these tags */
                tagsNone?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV, UTF-8 with BOM */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
        };
    };
    createTagGroup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    color?: string | null;
                    sortOrder?: number;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TagGroup"];
                };
            };
        };
    };
    listTags: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Tags */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        groups: components["schemas"]["TagGroup"][];
                        ungrouped: components["schemas"]["Tag"][];
                    };
                };
            };
        };
    };
    createTag: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** Format: uuid */
                    groupId?: string | null;
                    color?: string | null;
                    sortOrder?: number;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Tag"];
                };
            };
        };
    };
    deleteTag: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    updateTag: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    /** Format: uuid */
                    groupId?: string | null;
                    color?: string | null;
                    sortOrder?: number;
                };
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Tag"];
                };
            };
        };
    };
    tagMembers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    memberIds?: string[];
                    filter?: components["schemas"]["MemberFilter"];
                    /** @default [] */
                    add?: string[];
                    /** @default [] */
                    remove?: string[];
                };
            };
        };
        responses: {
            /** @description How many members were selected and how many tags were added and removed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        members: number;
                        added: number;
                        removed: number;
                    };
                };
            };
        };
    };
    listMembers: {
        parameters: {
            query?: {
                storeId?: string;
                stage?: "new" | "active" | "silent" | "churned" | "core";
                /** @description Joined at or after */
                joinedFrom?: string;
                /** @description Joined before */
                joinedTo?: string;
                /** @description Name contains (case-insensitive) */
                q?: string;
                /** @description Members attributed to this channel code */
                channelCodeId?: string;
                /** @description With channelCodeId: first-touch, last-touch or either attribution (default any) */
                touch?: "first" | "last" | "any";
                /** @description Members with every one of these tags */
                tagsAll?: string;
                /** @description Members with at least one of these tags */
                tagsAny?: string;
                /** @description Members with none of these tags */
                tagsNone?: string;
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of members */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Member"][];
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    getMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The member with identities, tags, attributes and stage */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberDetail"];
                };
            };
        };
    };
    updateMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    description?: string | null;
                    phone?: string | null;
                    /** Format: uuid */
                    storeId?: string | null;
                    /** Format: uuid */
                    ownerStaffId?: string | null;
                    /** @description Values by attribute key, checked against the type; null clears one */
                    attributes?: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description The updated member */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberDetail"];
                };
            };
        };
    };
    getMemberTimeline: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of timeline entries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            type: string;
                            occurredAt: string;
                            /** Format: uuid */
                            communityId: string | null;
                            data: {
                                [key: string]: unknown;
                            };
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    listMemberAttributes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The brand custom member attributes */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["MemberAttribute"][];
                    };
                };
            };
        };
    };
    defineMemberAttribute: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    key: string;
                    label: string;
                    /** @enum {string} */
                    type: "text" | "number" | "date" | "choice";
                    options?: string[];
                    sortOrder?: number;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberAttribute"];
                };
            };
        };
    };
    listPlatformAccounts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Platform accounts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["PlatformAccount"][];
                    };
                };
            };
        };
    };
    createPlatformAccount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    platform: "sandbox" | "wecom" | "telegram";
                    name: string;
                    /** @description Sandbox: { rateLimits: { perSecond, perChatPerMinute }, welcomeMode: token|message, welcomeDeadlineMs, groupCapacity }. Telegram: { mode: webhook|polling, apiRoot, autoRetry: { maxAttempts, maxDelaySeconds }, pollTimeoutSeconds } */
                    settings?: {
                        [key: string]: unknown;
                    };
                    /** @description Sealed at rest and never returned (sandbox: webhookSecret, generated if absent; Telegram: botToken, webhookSecret generated if absent). */
                    secrets?: {
                        [key: string]: string;
                    };
                };
            };
        };
        responses: {
            /** @description Created; a generated sandbox webhookSecret is shown once */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedPlatformAccount"];
                };
            };
        };
    };
    getPlatformAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The platform account */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformAccount"];
                };
            };
        };
    };
    checkPlatformAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What works and what does not */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectionReport"];
                };
            };
        };
    };
    listStaffAccounts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Linked staff accounts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["StaffAccount"][];
                    };
                };
            };
        };
    };
    linkStaffAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    staffId: string;
                    externalId: string;
                    displayName?: string;
                };
            };
        };
        responses: {
            /** @description Linked */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffAccount"];
                };
            };
        };
    };
    unlinkStaffAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Unlinked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    syncPlatformAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description contacts: every customer of every staff member; groups: every customer group; tags: corp tags
                     * @enum {string}
                     */
                    scope: "contacts" | "groups" | "tags";
                };
            };
        };
        responses: {
            /** @description Requested; the sync job runs within a minute */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        scope: string;
                        /** @enum {string} */
                        status: "requested";
                    };
                };
            };
        };
    };
    listMassSends: {
        parameters: {
            query?: {
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of mass sends */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["MassSend"][];
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    createMassSend: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateMassSend"];
            };
        };
        responses: {
            /** @description Planned (or nobody could receive it) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MassSendPlan"];
                };
            };
        };
    };
    getMassQuota: {
        parameters: {
            query: {
                platformAccountId: string;
                memberId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The member’s quota in the current window */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MassQuota"];
                };
            };
        };
    };
    getMassSend: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The mass send and its recipients per status */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MassSend"];
                };
            };
        };
    };
    sandboxListMembers: {
        parameters: {
            query: {
                platformAccountId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The list */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["SandboxUser"][];
                    };
                };
            };
        };
    };
    sandboxCreateMember: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description A sandbox platform account of this brand
                     */
                    platformAccountId: string;
                    name: string;
                };
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SandboxUser"];
                };
            };
        };
    };
    sandboxListStaffAccounts: {
        parameters: {
            query: {
                platformAccountId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The list */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["SandboxStaffAccount"][];
                    };
                };
            };
        };
    };
    sandboxCreateStaffAccount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description A sandbox platform account of this brand
                     */
                    platformAccountId: string;
                    /**
                     * Format: uuid
                     * @description The Orchard staff member this sandbox account belongs to
                     */
                    staffId: string;
                    /** @description Defaults to the staff member's name */
                    name?: string;
                };
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SandboxStaffAccount"];
                };
            };
        };
    };
    sandboxListGroups: {
        parameters: {
            query: {
                platformAccountId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The list */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["SandboxGroup"][];
                    };
                };
            };
        };
    };
    sandboxCreateGroup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description A sandbox platform account of this brand
                     */
                    platformAccountId: string;
                    name: string;
                    capacity?: number;
                    /** @description A sandbox staff account id */
                    ownerStaffId?: string;
                };
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SandboxGroup"];
                };
            };
        };
    };
    sandboxListLinks: {
        parameters: {
            query: {
                platformAccountId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The list */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["SandboxLink"][];
                    };
                };
            };
        };
    };
    sandboxCreateLink: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description A sandbox platform account of this brand
                     */
                    platformAccountId: string;
                    /** @enum {string} */
                    kind: "contact";
                    /** @default  */
                    state?: string;
                    staffIds: string[];
                } | {
                    /**
                     * Format: uuid
                     * @description A sandbox platform account of this brand
                     */
                    platformAccountId: string;
                    /** @enum {string} */
                    kind: "group";
                    /** @default  */
                    state?: string;
                    /** @default [] */
                    groupIds?: string[];
                    autoCreateGroup?: {
                        nameTemplate: string;
                    };
                };
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SandboxLink"];
                };
            };
        };
    };
    sandboxOpenLink: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description A sandbox platform account of this brand
                     */
                    platformAccountId: string;
                    memberId: string;
                    /** @description The token, or a URL ending in it; a channel code's public link is followed to the link Orchard picks */
                    link: string;
                };
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SandboxOpenLinkResult"];
                };
            };
        };
    };
    sandboxPostMessage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description A sandbox platform account of this brand
                     */
                    platformAccountId: string;
                    memberId: string;
                    groupId?: string;
                    /** @description Post in the private chat with this staff account */
                    staffId?: string;
                    text?: string;
                    /** @enum {boolean} */
                    dice?: true;
                    /** @default 🎲 */
                    emoji?: string;
                };
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SandboxPostResult"];
                };
            };
        };
    };
    sandboxLeaveGroup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description A sandbox platform account of this brand
                     */
                    platformAccountId: string;
                    memberId: string;
                    groupId: string;
                };
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        groupId: string;
                    };
                };
            };
        };
    };
    sandboxListGroupMessages: {
        parameters: {
            query: {
                platformAccountId: string;
                /** @description nextCursor of the previous page */
                cursor?: number | null;
                limit?: number;
            };
            header?: never;
            path: {
                groupId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Messages */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["SandboxMessage"][];
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    sandboxListPrivateMessages: {
        parameters: {
            query: {
                platformAccountId: string;
                /** @description nextCursor of the previous page */
                cursor?: number | null;
                limit?: number;
                /** @description Only the chat with this staff account */
                staffId?: string;
            };
            header?: never;
            path: {
                memberId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Messages */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["SandboxMessage"][];
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    listInboundEvents: {
        parameters: {
            query?: {
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: number;
                status?: "pending" | "processed" | "failed";
                /** @description Only this event type */
                type?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of events */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["InboundEvent"][];
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    retryInboundEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event is pending again */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        /** @enum {string} */
                        status: "pending";
                    };
                };
            };
        };
    };
    listOutboundMessages: {
        parameters: {
            query?: {
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: number;
                status?: "pending" | "sending" | "sent" | "failed" | "cancelled";
                /** @description Only this kind */
                type?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of outbound messages */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["OutboundMessage"][];
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    retryOutboundMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The message is pending again */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        /** @enum {string} */
                        status: "pending";
                    };
                };
            };
        };
    };
    listCommunities: {
        parameters: {
            query?: {
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
                storeId?: string;
                seriesId?: string;
                status?: "active" | "dismissed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of communities */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Community"][];
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    createCommunity: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCommunityInput"];
            };
        };
        responses: {
            /** @description The community */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommunityDetail"];
                };
            };
        };
    };
    getCommunity: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The community with its roster */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommunityDetail"];
                };
            };
        };
    };
    updateCommunity: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateCommunityInput"];
            };
        };
        responses: {
            /** @description The community */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommunityDetail"];
                };
            };
        };
    };
    setCommunityRoster: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CommunityRosterInput"];
            };
        };
        responses: {
            /** @description The community */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommunityDetail"];
                };
            };
        };
    };
    listCommunitySeries: {
        parameters: {
            query?: {
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
                storeId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of series */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["CommunitySeries"][];
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    createCommunitySeries: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCommunitySeriesInput"];
            };
        };
        responses: {
            /** @description The series with its groups */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommunitySeriesDetail"];
                };
            };
        };
    };
    getCommunitySeries: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The series with its groups */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommunitySeriesDetail"];
                };
            };
        };
    };
    listKeywordRules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Rules */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["KeywordRule"][];
                    };
                };
            };
        };
    };
    createKeywordRule: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateKeywordRuleInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KeywordRule"];
                };
            };
        };
    };
    deleteKeywordRule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                    };
                };
            };
        };
    };
    updateKeywordRule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateKeywordRuleInput"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KeywordRule"];
                };
            };
        };
    };
    getModerationSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Settings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModerationSettings"];
                };
            };
        };
    };
    updateModerationSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ModerationSettings"];
            };
        };
        responses: {
            /** @description Saved */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModerationSettings"];
                };
            };
        };
    };
    listModerationIncidents: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Incidents */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ModerationIncident"][];
                    };
                };
            };
        };
    };
    listChannelCodes: {
        parameters: {
            query?: {
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
                source?: "flyer" | "store_poster" | "payment_page" | "official_account_menu" | "app_page" | "moments_ad" | "partner_merchant" | "custom";
                storeId?: string;
                purpose?: string;
                includeArchived?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of codes */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ChannelCode"][];
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    createChannelCode: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateChannelCodeInput"];
            };
        };
        responses: {
            /** @description The code */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChannelCode"];
                };
            };
        };
    };
    getChannelCode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The code */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChannelCode"];
                };
            };
        };
    };
    updateChannelCode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateChannelCodeInput"];
            };
        };
        responses: {
            /** @description The code */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChannelCode"];
                };
            };
        };
    };
    getChannelCodeQr: {
        parameters: {
            query?: {
                format?: "png" | "svg";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The QR image */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/png": string;
                    "image/svg+xml": string;
                };
            };
        };
    };
    getChannelCodePoster: {
        parameters: {
            query?: {
                format?: "png" | "svg";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The poster */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/png": string;
                    "image/svg+xml": string;
                };
            };
        };
    };
    getChannelCodeStats: {
        parameters: {
            query?: {
                /** @description First local day (default: 29 days before to) */
                from?: string;
                /** @description Last local day, inclusive (default: today) */
                to?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Figures */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChannelCodeStats"];
                };
            };
        };
    };
    listPartners: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Partners */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Partner"][];
                    };
                };
            };
        };
    };
    createPartner: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PartnerInput"];
            };
        };
        responses: {
            /** @description The partner */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Partner"];
                };
            };
        };
    };
    updatePartner: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    /** Format: uuid */
                    storeId?: string | null;
                    contact?: string | null;
                    note?: string | null;
                };
            };
        };
        responses: {
            /** @description The partner */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Partner"];
                };
            };
        };
    };
    getWelcomeSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Settings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WelcomeSettings"];
                };
            };
        };
    };
    updateWelcomeSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateWelcomeSettingsInput"];
            };
        };
        responses: {
            /** @description Settings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WelcomeSettings"];
                };
            };
        };
    };
    getCommunityWelcome: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The group welcome */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupWelcome"];
                };
            };
        };
    };
    updateCommunityWelcome: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GroupWelcomeInput"];
            };
        };
        responses: {
            /** @description The group welcome */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupWelcome"];
                };
            };
        };
    };
    getSeriesWelcome: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The group welcome */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupWelcome"];
                };
            };
        };
    };
    updateSeriesWelcome: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GroupWelcomeInput"];
            };
        };
        responses: {
            /** @description The group welcome */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupWelcome"];
                };
            };
        };
    };
    getLoyaltySettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Settings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoyaltySettings"];
                };
            };
        };
    };
    updateLoyaltySettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateLoyaltySettingsInput"];
            };
        };
        responses: {
            /** @description Settings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoyaltySettings"];
                };
            };
        };
    };
    listLevels: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Levels, lowest rank first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Level"][];
                    };
                };
            };
        };
    };
    createLevel: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateLevelInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Level"];
                };
            };
        };
    };
    updateLevel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateLevelInput"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Level"];
                };
            };
        };
    };
    getMemberPoints: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Points */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PointsSummary"];
                };
            };
        };
    };
    listMemberPointsHistory: {
        parameters: {
            query?: {
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ledger entries, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["PointsEntry"][];
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    adjustPoints: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AdjustPointsInput"];
            };
        };
        responses: {
            /** @description Adjusted */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PointsChange"];
                };
            };
        };
    };
    reversePointsEntry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                entryId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Reversed */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PointsChange"];
                };
            };
        };
    };
    checkPointsBalances: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Mismatches */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            memberId: string;
                            balance: number;
                            ledgerSum: number;
                        }[];
                    };
                };
            };
        };
    };
    createMemberLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default 30 */
                    days?: number;
                };
            };
        };
        responses: {
            /** @description Link */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        url: string;
                        token: string;
                        expiresAt: string;
                    };
                };
            };
        };
    };
    listCouponTemplates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Templates */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["CouponTemplate"][];
                    };
                };
            };
        };
    };
    createCouponTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCouponTemplateInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CouponTemplate"];
                };
            };
        };
    };
    listCoupons: {
        parameters: {
            query?: {
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
                status?: "issued" | "redeemed" | "voided" | "expired";
                templateId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of coupons */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["IssuedCoupon"][];
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    issueCoupon: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IssueCouponInput"];
            };
        };
        responses: {
            /** @description Issued before under this idempotency key */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Coupon"];
                };
            };
            /** @description Issued */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Coupon"];
                };
            };
        };
    };
    redeemCoupon: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RedeemCouponInput"];
            };
        };
        responses: {
            /** @description Redeemed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CouponRedemption"];
                };
            };
        };
    };
    voidCoupon: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VoidCouponInput"];
            };
        };
        responses: {
            /** @description Voided */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Coupon"];
                };
            };
        };
    };
    listMemberCoupons: {
        parameters: {
            query?: {
                status?: "issued" | "redeemed" | "voided" | "expired";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Coupons */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Coupon"][];
                    };
                };
            };
        };
    };
    listMallItems: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Items */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["MallItem"][];
                    };
                };
            };
        };
    };
    createMallItem: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateMallItemInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MallItem"];
                };
            };
        };
    };
    updateMallItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateMallItemInput"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MallItem"];
                };
            };
        };
    };
    listFulfilments: {
        parameters: {
            query?: {
                status?: "pending" | "done";
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Fulfilments */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Fulfilment"][];
                    };
                };
            };
        };
    };
    completeFulfilment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Fulfilment"];
                };
            };
        };
    };
    listFissionCampaigns: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Campaigns */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["FissionCampaignListItem"][];
                    };
                };
            };
        };
    };
    createFissionCampaign: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateFissionCampaignInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FissionCampaign"];
                };
            };
        };
    };
    getFissionCampaign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The campaign */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FissionCampaign"];
                };
            };
        };
    };
    updateFissionCampaign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateFissionCampaignInput"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FissionCampaign"];
                };
            };
        };
    };
    listFissionInviters: {
        parameters: {
            query?: {
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Inviters */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["FissionInviter"][];
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    enrollFissionInviters: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EnrollFissionInvitersInput"];
            };
        };
        responses: {
            /** @description Their progress and links */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["FissionProgress"][];
                    };
                };
            };
        };
    };
    getFissionProgress: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                memberId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Progress */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FissionProgress"];
                };
            };
        };
    };
    getFissionPoster: {
        parameters: {
            query?: {
                format?: "png" | "svg";
            };
            header?: never;
            path: {
                id: string;
                memberId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The poster */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/png": string;
                    "image/svg+xml": string;
                };
            };
        };
    };
    getFissionLeaderboard: {
        parameters: {
            query?: {
                size?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Top inviters by valid invites */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FissionLeaderboard"];
                };
            };
        };
    };
    getFissionInviteTree: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tree */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FissionInviteTree"];
                };
            };
        };
    };
    listFissionRewards: {
        parameters: {
            query?: {
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
                status?: "issued" | "held" | "rejected" | "refused";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Rewards */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["FissionRewardListItem"][];
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    approveFissionReward: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Issued (or refused by the coupon template) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FissionRewardRecord"];
                };
            };
        };
    };
    releaseFissionInviter: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                memberId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Their progress */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FissionProgress"];
                };
            };
        };
    };
    rejectFissionReward: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RejectFissionRewardInput"];
            };
        };
        responses: {
            /** @description Rejected */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FissionRewardRecord"];
                };
            };
        };
    };
    listOrders: {
        parameters: {
            query?: {
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
                memberId?: string;
                storeId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Orders, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Order"][];
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    createOrder: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrderInput"];
            };
        };
        responses: {
            /** @description Already recorded under this externalId */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description Recorded and attributed */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
        };
    };
    refundOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefundInput"];
            };
        };
        responses: {
            /** @description This refund was already recorded */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description Refunded */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
        };
    };
    importOrders: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "text/csv": string;
            };
        };
        responses: {
            /** @description Imported */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        created: number;
                        existing: number;
                    };
                };
            };
        };
    };
    getOrderWebhookSecret: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Secret and URL */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        secret: string;
                        url: string;
                        signatureHeader: string;
                        timestampHeader: string;
                    };
                };
            };
        };
    };
    getFunnel: {
        parameters: {
            query: {
                scope?: "brand" | "store" | "code" | "community" | "campaign";
                scopeId?: string;
                from: string;
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The funnel, the previous period, daily trends and cohorts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Funnel"];
                };
            };
        };
    };
    listFunnelMembers: {
        parameters: {
            query: {
                scope?: "brand" | "store" | "code" | "community" | "campaign";
                scopeId?: string;
                from: string;
                to: string;
                figure: "newMembers" | "activated" | "retainedW1" | "retainedW2" | "retainedW4" | "converted" | "buyers" | "inviters" | "invitees";
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Members */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** Format: uuid */
                            storeId: string | null;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    getAnalyticsSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Settings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnalyticsSettings"];
                };
            };
        };
    };
    updateAnalyticsSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AnalyticsSettings"];
            };
        };
        responses: {
            /** @description Settings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnalyticsSettings"];
                };
            };
        };
    };
    listCampaignCosts: {
        parameters: {
            query?: {
                campaignId?: string;
                channelCodeId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Costs */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["CampaignCost"][];
                    };
                };
            };
        };
    };
    createCampaignCost: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CampaignCostInput"];
            };
        };
        responses: {
            /** @description The cost */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignCost"];
                };
            };
        };
    };
    listCampaignRoi: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every campaign’s ROI */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Roi"][];
                    };
                };
            };
        };
    };
    getCampaignRoi: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description ROI */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Roi"];
                };
            };
        };
    };
    getChannelCodeRoi: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description ROI */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Roi"];
                };
            };
        };
    };
    getGroupHealth: {
        parameters: {
            query: {
                from: string;
                to: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Group health */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupHealth"];
                };
            };
        };
    };
    getLeaderboard: {
        parameters: {
            query: {
                from: string;
                to: string;
                by: "store" | "guide";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ranked by GMV */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["LeaderboardRow"][];
                    };
                };
            };
        };
    };
    exportAnalyticsCsv: {
        parameters: {
            query: {
                scope?: "brand" | "store" | "code" | "community" | "campaign";
                scopeId?: string;
                from: string;
                to: string;
                report: "funnel" | "roi" | "stores" | "guides";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV, UTF-8 with BOM */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
        };
    };
    getMyProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Profile */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberProfile"];
                };
            };
        };
    };
    getMyPoints: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Points */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PointsSummary"];
                };
            };
        };
    };
    listMyPointsHistory: {
        parameters: {
            query?: {
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ledger entries, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["PointsEntry"][];
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    listMyMallItems: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Items */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: (components["schemas"]["MallItem"] & {
                            isAvailable: boolean;
                            /** @enum {string|null} */
                            unavailableReason: "inactive" | "sold_out" | "level" | null;
                        })[];
                    };
                };
            };
        };
    };
    redeemMallItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RedeemMallItemInput"];
            };
        };
        responses: {
            /** @description Redeemed before under this requestId */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MallRedemption"];
                };
            };
            /** @description Redeemed */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MallRedemption"];
                };
            };
        };
    };
    listMyCoupons: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Coupons */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Coupon"][];
                    };
                };
            };
        };
    };
    getMyCouponQr: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The QR image */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/svg+xml": string;
                };
            };
        };
    };
    getMyCheckinCalendar: {
        parameters: {
            query?: {
                month?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Calendar */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckinCalendar"];
                };
            };
        };
    };
    checkIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Result */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckinResult"];
                };
            };
        };
    };
    buyMakeupCard: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    requestId: string;
                };
            };
        };
        responses: {
            /** @description Cards held */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        cards: number;
                        balance: number;
                    };
                };
            };
        };
    };
    makeUpCheckin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date */
                    day: string;
                };
            };
        };
        responses: {
            /** @description Result */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckinResult"];
                };
            };
        };
    };
    listMyFissionCampaigns: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Campaigns */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["MyFissionCampaign"][];
                    };
                };
            };
        };
    };
    joinMyFissionCampaign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The member’s progress and link */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FissionProgress"];
                };
            };
        };
    };
    getMyFissionLeaderboard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The leaderboard */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyFissionLeaderboard"];
                };
            };
        };
    };
    getMyFissionPoster: {
        parameters: {
            query?: {
                format?: "png" | "svg";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The member’s poster */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/png": string;
                    "image/svg+xml": string;
                };
            };
        };
    };
    receiveOrderWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tenantId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Recorded (isNew false: a redelivery) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        orderId: string;
                        isNew: boolean;
                    };
                };
            };
            /** @description Signature missing, stale or wrong */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    verifyWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                platformAccountId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The platform's expected answer (its body format is the platform's) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The delivery is malformed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The delivery failed verification (signature, replay window) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No such platform account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                platformAccountId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The platform's expected answer (its body format is the platform's) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The delivery is malformed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The delivery failed verification (signature, replay window) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No such platform account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    openChannelCodeLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description To the platform link */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No such code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description The code has ended (expired, reached its cap, archived) */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description Nowhere to go right now (every group full while the next opens) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                        };
                    };
                };
            };
        };
    };
}

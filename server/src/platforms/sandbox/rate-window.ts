/**
 * The sandbox enforces its own limits the way a real platform does (Telegram answers 429 with
 * retry_after), so the outbox's handling of rate limits is exercised. In memory, per adapter instance.
 */
export type RateWindow = {
  /** Records a send and returns 0, or returns how many ms to wait without recording. */
  take: (chatKey: string, nowMs: number) => number;
};

export const createRateWindow = (limits: { perSecond: number; perChatPerMinute: number }): RateWindow => {
  const account: number[] = [];
  const chats = new Map<string, number[]>();
  const prune = (times: number[], since: number) => {
    while (times.length > 0 && times[0]! <= since) times.shift();
  };
  return {
    take: (chatKey, nowMs) => {
      prune(account, nowMs - 1000);
      const chat = chats.get(chatKey) ?? [];
      prune(chat, nowMs - 60_000);
      if (account.length >= limits.perSecond) return account[0]! + 1000 - nowMs;
      if (chat.length >= limits.perChatPerMinute) return chat[0]! + 60_000 - nowMs;
      account.push(nowMs);
      chat.push(nowMs);
      chats.set(chatKey, chat);
      if (chats.size > 10_000) forgetQuietChats(chats, nowMs - 60_000);
      return 0;
    },
  };
};

const forgetQuietChats = (chats: Map<string, number[]>, since: number) => {
  for (const [key, times] of chats) {
    if ((times.at(-1) ?? 0) <= since) chats.delete(key);
  }
};

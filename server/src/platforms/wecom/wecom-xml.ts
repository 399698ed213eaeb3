import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';

/**
 * WeCom's XML, parsed with fast-xml-parser and checked with zod. Values stay strings (ids can look like
 * numbers); entities are not expanded, since the envelope is parsed before its signature is checked.
 */
const parser = new XMLParser({
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreAttributes: true,
  processEntities: false,
  trimValues: true,
});

export const parseXml = (xml: string): unknown => {
  try {
    return parser.parse(xml);
  } catch {
    return null;
  }
};

/** The POST body: `<xml><ToUserName/><AgentID/><Encrypt/></xml>`. */
export const envelopeSchema = z.object({
  xml: z.object({
    ToUserName: z.string().optional(),
    AgentID: z.string().optional(),
    Encrypt: z.string().min(1),
  }),
});

const text = z.string();
const optionalText = z.string().optional();
const seconds = z.string().regex(/^\d+$/).transform(Number);

/** `<MemChangeList>` holds one `<Item>` (parsed as a string) or several (an array); tolerate both. */
const memChangeList = z
  .union([z.object({ Item: z.union([z.string(), z.array(z.string())]) }), z.literal('')])
  .optional()
  .transform((list) => {
    if (!list) return undefined;
    return Array.isArray(list.Item) ? list.Item : [list.Item];
  });

const contactEvent = z.object({
  Event: z.literal('change_external_contact'),
  CreateTime: seconds,
  ChangeType: text,
  UserID: text,
  ExternalUserID: text,
  State: optionalText,
  WelcomeCode: optionalText,
  FailReason: optionalText,
});

const chatEvent = z.object({
  Event: z.literal('change_external_chat'),
  CreateTime: seconds,
  ChatId: text,
  ChangeType: text,
  UpdateDetail: optionalText,
  JoinScene: optionalText,
  QuitScene: optionalText,
  MemChangeList: memChangeList,
});

const tagEvent = z.object({
  Event: z.literal('change_external_tag'),
  CreateTime: seconds,
  Id: text,
  TagType: text,
  ChangeType: text,
});

const eventSchemas = {
  change_external_contact: contactEvent,
  change_external_chat: chatEvent,
  change_external_tag: tagEvent,
} as const;

export type WecomContactEvent = z.infer<typeof contactEvent>;
export type WecomChatEvent = z.infer<typeof chatEvent>;
export type WecomTagEvent = z.infer<typeof tagEvent>;
export type WecomEvent = WecomContactEvent | WecomChatEvent | WecomTagEvent;

const messageSchema = z.object({ xml: z.looseObject({ Event: z.string().optional() }) });

/**
 * The decrypted message as one of the events Orchard handles, `null` for anything else WeCom may send
 * this app (other events, messages), which is acknowledged and ignored. Throws a description when the
 * XML is not a message or one of Orchard's events is malformed.
 */
export const readWecomEvent = (xml: string): WecomEvent | null => {
  const message = messageSchema.safeParse(parseXml(xml));
  if (!message.success) throw new Error('The message is not WeCom XML');
  const name = message.data.xml.Event;
  if (!name || !(name in eventSchemas)) return null;
  const parsed = eventSchemas[name as keyof typeof eventSchemas].safeParse(message.data.xml);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid ${name} event: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data;
};

import type { AttributeType } from '../db/schema/index.ts';

export type AttributeDefinition = { key: string; type: AttributeType; options: string[] };
export type AttributeValue = string | number;
export type AttributeCheck = { ok: true; value: AttributeValue } | { ok: false; message: string };

const MAX_TEXT = 2_000;
const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

const isCalendarDate = (text: string): boolean => {
  const match = isoDate.exec(text);
  if (!match) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
};

/**
 * A raw value (JSON, or text from a CSV cell) checked against its attribute's type and normalized:
 * numbers may arrive as numeric text, dates are calendar dates `YYYY-MM-DD`, a choice is one of the options.
 */
export const checkAttributeValue = (definition: AttributeDefinition, raw: unknown): AttributeCheck => {
  switch (definition.type) {
    case 'text': {
      if (typeof raw !== 'string' || raw.trim() === '')
        return { ok: false, message: 'expected non-empty text' };
      if (raw.length > MAX_TEXT) return { ok: false, message: `text longer than ${MAX_TEXT} characters` };
      return { ok: true, value: raw.trim() };
    }
    case 'number': {
      const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw.trim()) : raw;
      if (typeof value !== 'number' || !Number.isFinite(value))
        return { ok: false, message: 'expected a number' };
      return { ok: true, value };
    }
    case 'date': {
      if (typeof raw !== 'string' || !isCalendarDate(raw.trim())) {
        return { ok: false, message: 'expected a date as YYYY-MM-DD' };
      }
      return { ok: true, value: raw.trim() };
    }
    case 'choice': {
      if (typeof raw !== 'string' || !definition.options.includes(raw.trim())) {
        return { ok: false, message: `expected one of: ${definition.options.join(', ')}` };
      }
      return { ok: true, value: raw.trim() };
    }
  }
};

import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { ApiError, splitDetails } from '../api/errors.ts';

/**
 * Shows a failed request where it belongs: each server detail whose path names a field of the form goes
 * under that field (400 `details`), anything else in a message at the top. `aliases` maps API paths to form
 * field names where they differ.
 */
export const useServerErrors = () => {
  const { message } = App.useApp();
  return useCallback(
    (error: unknown, form?: FormInstance, aliases: Record<string, string> = {}) => {
      if (!(error instanceof ApiError)) {
        message.error(String(error instanceof Error ? error.message : error));
        return;
      }
      if (!form || error.details.length === 0) {
        message.error(error.message);
        return;
      }
      const values: unknown = form.getFieldsValue(true);
      const hasValueAt = (name: (string | number)[]) => {
        let node: unknown = values;
        for (const part of name) {
          if (node === null || typeof node !== 'object' || !(part in node)) return false;
          node = (node as Record<string | number, unknown>)[part];
        }
        return true;
      };
      const isField = (name: (string | number)[]) =>
        form.getFieldInstance(name) !== undefined || hasValueAt(name);
      // A form may name a field differently from the API (`scope.id` is edited by `scopeId`).
      const details = error.details.map((d) => ({ ...d, path: aliases[d.path] ?? d.path }));
      const { fields, other } = splitDetails(details, isField);
      form.setFields(fields);
      if (other.length > 0 || fields.length === 0) {
        message.error(
          other.length > 0 ? other.map((d) => `${d.path}: ${d.message}`).join('; ') : error.message,
        );
      }
    },
    [message],
  );
};

import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import { useT } from '../i18n/i18n.tsx';
import { useServerErrors } from './server-errors.ts';

/**
 * The one way a form saves: run the request, say "Saved", refresh the lists it changed, then close; a refusal goes
 * under the form's fields (see useServerErrors).
 */
export const useSave = <Values, Result>(options: {
  save: (values: Values) => Promise<Result>;
  invalidates: QueryKey[];
  form?: FormInstance;
  onSaved?: (result: Result) => void;
  aliases?: Record<string, string>;
}) => {
  const t = useT();
  const { message } = App.useApp();
  const showError = useServerErrors();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: options.save,
    onSuccess: async (result) => {
      message.success(t('common.saved'));
      await Promise.all(options.invalidates.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      options.onSaved?.(result);
    },
    onError: (error) => showError(error, options.form, options.aliases),
  });
};

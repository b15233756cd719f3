import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DEFAULT_CATEGORY_LABELS, ZPortfolio, ZPortfolioSettings, ZPortfolioSettingsAnswer, type TCategoryLabels, type TPutPortfolioRequest } from '@tandem/contracts';
import { api } from '../../../lib/api';
import { prioritiesKeys } from './keys';

export const usePortfolioSettings = () =>
  useQuery({ queryKey: prioritiesKeys.settings, queryFn: ({ signal }) => api('/priorities/portfolio/settings', { schema: ZPortfolioSettingsAnswer, signal }) });

/** The organisation's names for run, grow and transform (decision 147); the defaults until they load or when unset. */
export function useCategoryLabels(): TCategoryLabels {
  const settings = usePortfolioSettings();
  return settings.data?.settings?.categoryLabels ?? DEFAULT_CATEGORY_LABELS;
}

export const usePortfolio = (roundId: string, drop: string | null, enabled: boolean) =>
  useQuery({
    queryKey: prioritiesKeys.portfolio(roundId, drop),
    enabled,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => api(`/priorities/portfolio?round=${roundId}${drop ? `&drop=${drop}` : ''}`, { schema: ZPortfolio, signal }),
  });

export function useSetPortfolio() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TPutPortfolioRequest) => api('/priorities/portfolio', { method: 'PUT', body, schema: ZPortfolioSettings }),
    onSuccess: () => qc.invalidateQueries({ queryKey: prioritiesKeys.all }),
  });
}

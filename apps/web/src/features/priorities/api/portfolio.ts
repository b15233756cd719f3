import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ZPortfolio, ZPortfolioSettings, ZPortfolioSettingsAnswer, type TPutPortfolioRequest } from '@tandem/contracts';
import { api } from '../../../lib/api';
import { prioritiesKeys } from './keys';

export const usePortfolioSettings = () =>
  useQuery({ queryKey: prioritiesKeys.settings, queryFn: ({ signal }) => api('/priorities/portfolio/settings', { schema: ZPortfolioSettingsAnswer, signal }) });

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

import { Stack, Title } from '@mantine/core';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FullPageLoader } from '../../../components/FullPageLoader';
import { useHealthHistory, useRoadmapHealth } from '../api/get-health';
import { FindingsList } from '../components/FindingsList';
import { HealthScores } from '../components/HealthScores';
import { HealthTrendChart } from '../components/HealthTrendChart';
import { StrategyPage } from '../components/StrategyPage';

/** The roadmap health check: the seed's four questions answered item by item. */
export function HealthPage() {
  const health = useRoadmapHealth();
  const history = useHealthHistory();
  return (
    <StrategyPage
      title="Roadmap health"
      intro="Four scores from 0 to 100, one per question the tech leaders asked: is the roadmap aimed at business goals, enabled by IT, specific, and does it include IT? Each finding costs the score by its severity and by the share of the roadmap it touches; each names the item to fix."
    >
      {(roadmap, canEdit) =>
        health.isPending ? (
          <FullPageLoader />
        ) : !health.data ? (
          <ErrorAlert error={health.error} title="The health check could not run" />
        ) : (
          <Stack gap="md">
            <HealthScores health={health.data} />
            {history.data && history.data.snapshots.length > 1 ? <HealthTrendChart snapshots={history.data.snapshots} /> : null}
            <Title order={2} size="h3">
              Findings
            </Title>
            <FindingsList findings={health.data.findings} roadmap={roadmap} canEdit={canEdit} />
          </Stack>
        )
      }
    </StrategyPage>
  );
}

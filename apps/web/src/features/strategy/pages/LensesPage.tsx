import { Stack, Title } from '@mantine/core';
import { AnsoffMatrix } from '../components/AnsoffMatrix';
import { ChampionsTable } from '../components/ChampionsTable';
import { StrategyPage } from '../components/StrategyPage';
import { SwotBoard } from '../components/SwotBoard';

/** The business's own language: Ansoff, SWOT, and the champions on both sides. */
export function LensesPage() {
  return (
    <StrategyPage
      title="Ansoff, SWOT and champions"
      intro="Speak the business's language: where the initiatives take the company (Ansoff), what helps and threatens each goal or initiative (SWOT) — a new product is a threat while the tech does not exist — and who champions what."
    >
      {(roadmap, canEdit) => (
        <Stack gap="xl">
          <Stack gap="xs">
            <Title order={2} size="h3">
              Ansoff matrix
            </Title>
            <AnsoffMatrix initiatives={roadmap.initiatives} />
          </Stack>
          <Stack gap="xs">
            <Title order={2} size="h3">
              SWOT
            </Title>
            <SwotBoard roadmap={roadmap} canEdit={canEdit} />
          </Stack>
          <Stack gap="xs">
            <Title order={2} size="h3">
              Champions
            </Title>
            <ChampionsTable roadmap={roadmap} />
          </Stack>
        </Stack>
      )}
    </StrategyPage>
  );
}

import { useState } from 'react';
import { Button, Group, NativeSelect } from '@mantine/core';
import { LadderBoard } from '../components/LadderBoard';
import { useEditor } from '../components/RoadmapEditor';
import { StrategyPage } from '../components/StrategyPage';
import type { Roadmap } from '../api/use-roadmap';

function LadderPicker({ roadmap }: { roadmap: Roadmap }) {
  const editor = useEditor();
  const [id, setId] = useState('');
  const chosen = roadmap.initiativeById.get(id || roadmap.initiatives[0]?.id || '');
  if (roadmap.initiatives.length === 0) return null;
  return (
    <Group align="end" gap="xs">
      <NativeSelect label="Initiative" value={chosen?.id ?? ''} onChange={(e) => setId(e.currentTarget.value)} data={roadmap.initiatives.map((i) => ({ value: i.id, label: i.title }))} maw={420} />
      <Button variant="default" onClick={() => chosen && editor.editLadder(chosen)}>
        Fill the ladder
      </Button>
    </Group>
  );
}

/** The now / next week / next month / next year board across initiatives. */
export function LadderPage() {
  return (
    <StrategyPage
      title="Now, next week, next month, next year"
      intro="For every initiative, what the business can have now, next week, next month and next year: concrete deliverables with dates, so that nobody waits a year for everything."
    >
      {(roadmap, canEdit) => (
        <>
          {canEdit ? <LadderPicker roadmap={roadmap} /> : null}
          <LadderBoard initiatives={roadmap.initiatives} />
        </>
      )}
    </StrategyPage>
  );
}

import { useState } from 'react';
import { Button, Menu } from '@mantine/core';
import { strategyCsvUrl } from '../api/import-strategy';
import { GoalTree } from '../components/GoalTree';
import { ImportStrategyModal } from '../components/ImportStrategyModal';
import { StrategyPage } from '../components/StrategyPage';

/** Goal → initiatives → enablers, progress rolled up from the bottom; CSV in and out. */
export function RoadmapPage() {
  const [importing, setImporting] = useState(false);
  return (
    <>
      <StrategyPage
        title="Roadmap"
        intro="Business goals, the initiatives that serve them, and the technical enablers IT delivers so that they can happen. Progress rolls up from finished enablers and delivered ladder rungs."
        actions={(canEdit) =>
          canEdit ? (
            <>
              <Button variant="default" onClick={() => setImporting(true)}>
                Import CSV
              </Button>
              <Menu position="bottom-end">
                <Menu.Target>
                  <Button variant="default">Export CSV</Button>
                </Menu.Target>
                <Menu.Dropdown>
                  {(['goals', 'initiatives', 'enablers'] as const).map((k) => (
                    <Menu.Item key={k} component="a" href={strategyCsvUrl(k)} download={`${k}.csv`}>
                      {k[0]!.toUpperCase() + k.slice(1)}
                    </Menu.Item>
                  ))}
                </Menu.Dropdown>
              </Menu>
            </>
          ) : null
        }
      >
        {(roadmap, canEdit) => <GoalTree roadmap={roadmap} canEdit={canEdit} />}
      </StrategyPage>
      <ImportStrategyModal opened={importing} onClose={() => setImporting(false)} />
    </>
  );
}

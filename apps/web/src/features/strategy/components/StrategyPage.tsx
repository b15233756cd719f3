import type { ReactNode } from 'react';
import { Button, Menu, Text } from '@mantine/core';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FullPageLoader } from '../../../components/FullPageLoader';
import { Page } from '../../../components/Page';
import { hasRole, useCurrentMe } from '../../org';
import { useRoadmap, type Roadmap } from '../api/use-roadmap';
import { RoadmapEditor, useEditor } from './RoadmapEditor';

interface StrategyPageProps {
  title: string;
  intro: string;
  /** Extra page actions, beside the Add menu. */
  actions?: (canEdit: boolean) => ReactNode;
  children: (roadmap: Roadmap, canEdit: boolean) => ReactNode;
}

function AddMenu() {
  const editor = useEditor();
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button>Add</Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => editor.editGoal(null)}>Business goal</Menu.Item>
        <Menu.Item onClick={() => editor.editInitiative(null)}>Initiative</Menu.Item>
        <Menu.Item onClick={() => editor.editEnabler(null)}>Technical enabler</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** A strategy page: the roadmap loaded once, the shared edit dialogs, and the Add menu for leaders. */
export function StrategyPage({ title, intro, actions, children }: StrategyPageProps) {
  const me = useCurrentMe();
  const canEdit = hasRole(me.current?.role, 'leader');
  const roadmap = useRoadmap();
  if (roadmap.isPending) return <FullPageLoader />;
  if (!roadmap.data) {
    return (
      <Page title={title}>
        <ErrorAlert error={roadmap.error} title="The roadmap could not be loaded" />
      </Page>
    );
  }
  return (
    <RoadmapEditor roadmap={roadmap.data}>
      <Page
        title={title}
        actions={
          <>
            {actions?.(canEdit)}
            {canEdit ? <AddMenu /> : null}
          </>
        }
      >
        <Text c="dimmed" size="sm" maw={760}>
          {intro}
        </Text>
        {children(roadmap.data, canEdit)}
      </Page>
    </RoadmapEditor>
  );
}

import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { notifications } from '@mantine/notifications';
import type { TEnabler, TGoal, TInitiative } from '@tandem/contracts';
import type { Roadmap } from '../api/use-roadmap';
import { DeleteItemModal, type DeleteTarget } from './DeleteItemModal';
import { EnablerFormModal } from './EnablerFormModal';
import { GoalFormModal } from './GoalFormModal';
import { InitiativeFormModal } from './InitiativeFormModal';
import { LadderFormModal } from './LadderFormModal';

interface Editor {
  editGoal: (g: TGoal | null) => void;
  editInitiative: (i: TInitiative | null) => void;
  editEnabler: (e: TEnabler | null) => void;
  editLadder: (i: TInitiative) => void;
}

const EditorContext = createContext<Editor | null>(null);

/** The add/edit dialogs of goals, initiatives, enablers and ladders, shared by every strategy page. */
export function RoadmapEditor({ roadmap, children }: { roadmap: Roadmap; children: ReactNode }) {
  const [goal, setGoal] = useState<{ goal: TGoal | null } | null>(null);
  const [initiative, setInitiative] = useState<{ initiative: TInitiative | null } | null>(null);
  const [enabler, setEnabler] = useState<{ enabler: TEnabler | null } | null>(null);
  const [ladder, setLadder] = useState<TInitiative | null>(null);
  const [toDelete, setToDelete] = useState<DeleteTarget | null>(null);
  const editor = useMemo<Editor>(
    () => ({
      editGoal: (g) => setGoal({ goal: g }),
      editInitiative: (i) => setInitiative({ initiative: i }),
      editEnabler: (e) => setEnabler({ enabler: e }),
      editLadder: (i) => setLadder(i),
    }),
    [],
  );
  const active = roadmap.people.filter((p) => p.active);
  return (
    <EditorContext.Provider value={editor}>
      {children}
      <GoalFormModal
        opened={goal !== null}
        goal={goal?.goal ?? null}
        people={active}
        onClose={() => setGoal(null)}
        onDelete={goal?.goal ? () => setToDelete({ kind: 'goal', item: goal.goal! }) : undefined}
        onSaved={(g) => {
          notifications.show({ message: `Goal "${g.title}" saved` });
          setGoal(null);
        }}
      />
      <InitiativeFormModal
        opened={initiative !== null}
        initiative={initiative?.initiative ?? null}
        goals={roadmap.goals}
        people={active}
        onClose={() => setInitiative(null)}
        onDelete={initiative?.initiative ? () => setToDelete({ kind: 'initiative', item: initiative.initiative! }) : undefined}
        onSaved={(i) => {
          notifications.show({ message: `Initiative "${i.title}" saved` });
          setInitiative(null);
        }}
      />
      <EnablerFormModal
        opened={enabler !== null}
        enabler={enabler?.enabler ?? null}
        initiatives={roadmap.initiatives}
        enablers={roadmap.enablers}
        people={active}
        onClose={() => setEnabler(null)}
        onDelete={enabler?.enabler ? () => setToDelete({ kind: 'enabler', item: enabler.enabler! }) : undefined}
        onSaved={(e) => {
          notifications.show({ message: `Enabler "${e.title}" saved` });
          setEnabler(null);
        }}
      />
      <LadderFormModal
        initiative={ladder}
        onClose={() => setLadder(null)}
        onSaved={() => {
          notifications.show({ message: 'Delivery ladder saved' });
          setLadder(null);
        }}
      />
      <DeleteItemModal
        target={toDelete}
        roadmap={roadmap}
        onClose={() => setToDelete(null)}
        onDeleted={(title) => {
          notifications.show({ message: `"${title}" deleted` });
          setToDelete(null);
          setGoal(null);
          setInitiative(null);
          setEnabler(null);
        }}
      />
    </EditorContext.Provider>
  );
}

export function useEditor(): Editor {
  const e = useContext(EditorContext);
  if (!e) throw new Error('useEditor outside RoadmapEditor');
  return e;
}

import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import type { TEnabler, TGoal, TInitiative } from '@tandem/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import type { Roadmap } from '../api/use-roadmap';
import { useDeleteItem, type DeletableKind } from '../api/delete-item';

export type DeleteTarget = { kind: 'goal'; item: TGoal } | { kind: 'initiative'; item: TInitiative } | { kind: 'enabler'; item: TEnabler };

const NOUN: Record<DeletableKind, string> = { goal: 'goal', initiative: 'initiative', enabler: 'enabler' };

/** What is linked to the item, in words; `blocked` when the server would refuse (a goal that initiatives serve). */
function linksOf(t: DeleteTarget, roadmap: Roadmap): { lines: string[]; blocked: boolean } {
  const title = (m: Map<string, { title: string }>, id: string) => `"${m.get(id)?.title ?? 'an item no longer listed'}"`;
  if (t.kind === 'goal') {
    const serving = roadmap.initiatives.filter((i) => i.goalIds.includes(t.item.id));
    return { lines: serving.map((i) => `Initiative "${i.title}" serves this goal`), blocked: serving.length > 0 };
  }
  if (t.kind === 'initiative') {
    const i = t.item;
    return {
      lines: [
        ...i.goalIds.map((g) => `Serves goal ${title(roadmap.goalById, g)} (the goal stays)`),
        ...i.enablerIds.map((e) => `Enabler ${title(roadmap.enablerById, e)} is linked (the enabler stays, without this link)`),
        ...(i.ladder.length ? [`Its delivery ladder of ${i.ladder.length} rung${i.ladder.length === 1 ? '' : 's'} is deleted with it`] : []),
      ],
      blocked: false,
    };
  }
  const e = t.item;
  const dependants = roadmap.enablers.filter((x) => x.dependsOnIds.includes(e.id));
  return {
    lines: [
      ...e.initiativeIds.map((i) => `Enables initiative ${title(roadmap.initiativeById, i)} (the initiative stays)`),
      ...e.dependsOnIds.map((d) => `Waits for enabler ${title(roadmap.enablerById, d)}`),
      ...dependants.map((d) => `Enabler "${d.title}" waits for it (that dependency is removed)`),
    ],
    blocked: false,
  };
}

/** Asks before deleting, listing what is linked; cancelling changes nothing. */
export function DeleteItemModal({ target, roadmap, onClose, onDeleted }: { target: DeleteTarget | null; roadmap: Roadmap; onClose: () => void; onDeleted: (title: string) => void }) {
  const del = useDeleteItem();
  const close = () => {
    del.reset();
    onClose();
  };
  if (!target) return null;
  const { lines, blocked } = linksOf(target, roadmap);
  const noun = NOUN[target.kind];
  return (
    <Modal opened onClose={close} title={`Delete the ${noun} "${target.item.title}"?`} size="lg">
      <Stack gap="sm">
        {lines.length ? (
          <>
            <Text size="sm">Linked to it:</Text>
            <List size="sm" spacing={4} aria-label="Linked items" data-testid="delete-links">
              {lines.map((l) => (
                <List.Item key={l}>{l}</List.Item>
              ))}
            </List>
          </>
        ) : (
          <Text size="sm">Nothing is linked to it.</Text>
        )}
        {blocked ? (
          <Alert color="yellow" title="It cannot be deleted yet">
            Link these initiatives to another goal, or unlink them, then delete the goal.
          </Alert>
        ) : (
          <Text size="sm">Its change history goes with it. This cannot be undone.</Text>
        )}
        <ErrorAlert error={del.error} title="The item was not deleted" />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button
            color="red"
            disabled={blocked}
            loading={del.isPending}
            onClick={() =>
              del.mutate(
                { kind: target.kind, id: target.item.id },
                {
                  onSuccess: () => {
                    del.reset();
                    onDeleted(target.item.title);
                  },
                },
              )
            }
          >
            Delete {noun}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

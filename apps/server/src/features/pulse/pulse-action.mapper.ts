import type { PulseActionView } from '@tandem/db';
import type { TPulseAction } from '@tandem/contracts';

export function toPulseAction(a: PulseActionView): TPulseAction {
  return {
    id: a.id,
    pulseId: a.pulseId,
    pulseTitle: a.pulseTitle,
    questionId: a.questionId,
    questionText: a.questionText,
    segment: a.segment,
    title: a.title,
    ownerId: a.ownerId,
    ownerName: a.ownerName,
    dueDate: a.dueDate,
    goalId: a.goalId,
    goalTitle: a.goalTitle,
    initiativeId: a.initiativeId,
    initiativeTitle: a.initiativeTitle,
    status: a.status,
    doneAt: a.doneAt ? a.doneAt.toISOString() : null,
    createdAt: a.createdAt.toISOString(),
  };
}

import { useMemo } from 'react';
import { RoadmapTimeline } from '../components/RoadmapTimeline';
import { StrategyPage } from '../components/StrategyPage';

/** Business and IT lanes by quarter; leaders move bars to change dates, with undo. */
export function TimelinePage() {
  const now = useMemo(() => new Date(), []);
  return (
    <StrategyPage
      title="Timeline"
      intro="Initiatives in the Business lane, enablers in the IT lane. Point at an item to see the lines to what it enables or needs; red means IT finishes after the business needs it, and the bar says by how many days."
    >
      {(roadmap, canEdit) => <RoadmapTimeline roadmap={roadmap} now={now} canEdit={canEdit} />}
    </StrategyPage>
  );
}

import { useMemo } from 'react';
import { RoadmapTimeline } from '../components/RoadmapTimeline';
import { StrategyPage } from '../components/StrategyPage';

/** Business and IT lanes by quarter, with a line from each enabler to what it enables. */
export function TimelinePage() {
  const now = useMemo(() => new Date(), []);
  return (
    <StrategyPage
      title="Timeline"
      intro="Initiatives in the Business lane, enablers in the IT lane. A line joins each enabler's end to the start of the initiative it enables; red means IT finishes after the business needs it."
    >
      {(roadmap) => <RoadmapTimeline roadmap={roadmap} now={now} />}
    </StrategyPage>
  );
}

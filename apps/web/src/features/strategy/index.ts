/** The strategy feature's public face: its pages, for the app shell's router and navigation. */
export { RoadmapPage } from './pages/RoadmapPage';
export { HealthPage } from './pages/HealthPage';
export { TimelinePage } from './pages/TimelinePage';
export { LadderPage } from './pages/LadderPage';
export { LensesPage } from './pages/LensesPage';
export { LadderRungsForm } from './components/LadderRungsForm';
export { RUNGS, RUNG_LABEL } from './labels';
/** For other features' pickers (events: an idea's goal or initiative) and for turning an idea into an initiative. */
export { useRoadmapQuery } from './api/get-roadmap';
export { useCreateInitiative } from './api/save-initiative';

/** The strategy feature's public face: its pages, for the app shell's router and navigation. */
export { RoadmapPage } from './pages/RoadmapPage';
export { HealthPage } from './pages/HealthPage';
export { TimelinePage } from './pages/TimelinePage';
export { LadderPage } from './pages/LadderPage';
export { LensesPage } from './pages/LensesPage';
export { LadderRungsForm } from './components/LadderRungsForm';
export { RUNGS, RUNG_LABEL } from './labels';
export { useRoadmapQuery } from './api/get-roadmap';

/** The events feature's public face: its pages, for the app shell's router and navigation. */
export { HackweeksPage } from './pages/HackweeksPage';
export { HackweekPage } from './pages/HackweekPage';
export { DemosPage } from './pages/DemosPage';
export { DemoPage } from './pages/DemoPage';
export { CheckInPage } from './pages/CheckInPage';
export { RoundtablesPage } from './pages/RoundtablesPage';
export { RoundtablePage } from './pages/RoundtablePage';
export { ParticipationPage } from './pages/ParticipationPage';

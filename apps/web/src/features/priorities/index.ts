/** The priorities feature's public face: its pages, for the app shell's router and navigation. */
export { PrioritiesPage } from './pages/PrioritiesPage';
export { RoundPage } from './pages/RoundPage';

/** The insights feature's public face: its pages, for the app shell's router and navigation. */
export { InsightsPage } from './pages/InsightsPage';
export { UnsubscribePage } from './pages/UnsubscribePage';

/** The pulse feature's public face: its pages, for the app shell's router and navigation. */
export { PulsesPage } from './pages/PulsesPage';
export { PulsePage } from './pages/PulsePage';
export { PulsePrintPage } from './pages/PulsePrintPage';
export { RespondPage } from './pages/RespondPage';
export { MyPulsesPage } from './pages/MyPulsesPage';

/** The crossover feature's public face: its pages, for the app shell's router and navigation. */
export { CrossoverPage } from './pages/CrossoverPage';
export { MetPage } from './pages/MetPage';
export { OptOutPage } from './pages/OptOutPage';

/** The cases feature's public face: its pages, for the app shell's router and navigation. */
export { CasesPage } from './pages/CasesPage';
export { CasePage } from './pages/CasePage';
export { NewCasePage } from './pages/NewCasePage';
export { RegisterPage } from './pages/RegisterPage';

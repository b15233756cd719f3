/** The value feature's public face: its page, for the app shell's router and navigation. */
export { ValuePage } from './pages/ValuePage';

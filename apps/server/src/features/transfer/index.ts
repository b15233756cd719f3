/** Organisation export and import as the app sees it (decision 111). */
export { transferRoutes } from './routes';

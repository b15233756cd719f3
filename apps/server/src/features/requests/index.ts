export { requestsRoutes } from './routes';

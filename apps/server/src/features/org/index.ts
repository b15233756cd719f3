/** The org feature as the app, other features and the demo see it. */
export { orgRoutes } from './routes';
export { setUpInstance } from './set-up-instance';
export { startSession } from './start-session';

/** The value feature's public face: its page, for the app shell's router and navigation. */

/**
 * The value feature's pages, each loaded when the router first needs it (decision 153): a page's code
 * and the libraries only it uses (the charts, for one) stays out of the app's first script.
 */
export const valuePages = {
  ValuePage: () => import('./pages/ValuePage'),
};

/**
 * `npm start`: serves the built single file and the demo on http://localhost:8000/demo/.
 * No transforms: the demo uses dist/sozialraum-widgets.js exactly as a CMS page would.
 */
export default {
  port: Number(process.env.PORT) || 8000,
  hostname: 'localhost',
  rootDir: '.',
  open: false,
  appIndex: undefined,
  middleware: [
    (ctx, next) => {
      if (ctx.path === '/' || ctx.path === '') ctx.redirect('/demo/');
      return next();
    },
  ],
};

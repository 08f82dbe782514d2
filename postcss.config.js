export default {
  plugins: {
    // Without `optimize`, dev builds keep CSS nesting and Remix's older esbuild mangles it.
    "@tailwindcss/postcss": { optimize: { minify: false } },
  },
};

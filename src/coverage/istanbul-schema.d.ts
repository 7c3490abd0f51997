/** The part of @istanbuljs/schema (untyped) that assay reads: istanbul's default parser plugins. */
declare module '@istanbuljs/schema' {
  const schema: { defaults: { instrumenter: { parserPlugins: string[] } } };
  export default schema;
}

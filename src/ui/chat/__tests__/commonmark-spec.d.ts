// The commonmark-spec package ships its examples without types.
declare module 'commonmark-spec' {
  const spec: { text: string; tests: { markdown: string; html: string; section: string; number: number }[] }
  export default spec
}

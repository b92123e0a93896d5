import ts from 'typescript';

/**
 * TypeScript's emit of `files` (under `rootDir`) as one script of System.register modules, each named by its
 * path under rootDir without extension, its imports by the same names. Emit only: no type check, no lib or
 * @types read (the tsc run before the bundle step checked the types). `allowJs` for JavaScript files
 * (packages' ES modules).
 */
export function emitSystemBundle(rootDir: string, files: string[], allowJs = false): string {
  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.System,
    target: ts.ScriptTarget.ES2022,
    esModuleInterop: true,
    // Every file is a module, as under package.json's "type": "module", even one without import or export.
    moduleDetection: ts.ModuleDetectionKind.Force,
    removeComments: true,
    rootDir,
    outFile: 'bundle.js',
    noCheck: true,
    noResolve: true,
    noLib: true,
    types: [],
    allowJs,
  };
  const host = ts.createCompilerHost(options);
  let emitted = '';
  host.writeFile = (name, text) => {
    if (name.endsWith('.js')) emitted = text;
  };
  const result = ts.createProgram(files, options, host).emit();
  if (result.emitSkipped || emitted === '') throw new Error(`TypeScript emitted nothing\n${ts.formatDiagnostics(result.diagnostics, host)}`);
  return emitted;
}

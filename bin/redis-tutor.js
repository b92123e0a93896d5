#!/usr/bin/env node
// The bin stays tiny so start-up stays fast: all the work lives in the compiled entry. It is CommonJS
// (bin/package.json), as is the loader it requires: Node then starts without its ES module loader.
require('../dist/boot/start.cjs');

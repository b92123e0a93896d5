#!/usr/bin/env node
// The bin stays tiny so start-up stays fast: all the work lives in the compiled entry.
import '../dist/boot/start.js';

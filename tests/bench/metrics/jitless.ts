import { z } from 'zod';

// Extension pages and the background forbid eval (MV3 CSP), so zod runs without its JIT there.
// Code evaluated through CDP passes zod's eval probe, so say it explicitly, before any schema
// is built (zod decides per schema at construction), to measure what production runs.
z.config({ jitless: true });

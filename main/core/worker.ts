// The heavy-work worker (export, import, validation, simulation) — filled in by the main-process work.
export {};

// Module Batch: see ARCHITECTURE in docs/architecture.md.

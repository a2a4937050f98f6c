// Module Reports: see ARCHITECTURE in docs/architecture.md.
